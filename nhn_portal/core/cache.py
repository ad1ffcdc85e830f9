"""The shared cache that lets the portal stay up while Redis is away.

Django's RedisCache raises when Redis cannot be reached, and everything that reads through the
cache then answers 500: the login (allauth's rate limits take a lock in the cache), the open
data API and search (their request limits). `FailoverRedisCache` is that same cache, except
that a connection error makes it answer from a memory cache of its own process for
RETRY_AFTER seconds — logged once, and no request waits on the dead server meanwhile — after
which it tries Redis again. What reads through the cache so works as in the embedded demo,
with a memory per process; each request limit says what that means for it
(`nhn_portal.core.ratelimit`, docs/security.md). Sessions are not in the cache (settings).
"""

from __future__ import annotations

import logging
import time

import redis.exceptions
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache, RedisCacheClient

logger = logging.getLogger(__name__)

# Redis refused, timed out, or is still loading its data after a restart.
REDIS_DOWN: tuple[type[BaseException], ...] = (
    redis.exceptions.ConnectionError,
    redis.exceptions.TimeoutError,
    OSError,
)
RETRY_AFTER = 5.0  # seconds without trying Redis after it failed


class ReusedClientRedisCacheClient(RedisCacheClient):
    """Django's client makes a new redis.Redis for every cache operation (~60 µs each: it
    copies redis-py's table of ~500 response callbacks); one per connection pool does, since a
    redis.Redis is safe to share between threads (the pool hands each command a connection)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class FailoverRedisCache(RedisCache):
    """Django's RedisCache that falls back to per-process memory while Redis is away."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusedClientRedisCacheClient
        self.fallback = LocMemCache(
            f"failover-{id(self)}",
            {"TIMEOUT": params.get("TIMEOUT", 300), "OPTIONS": {"MAX_ENTRIES": 10_000}},
        )
        self._down_until = 0.0

    @property
    def degraded(self) -> bool:
        """True while answers come from this process's memory instead of Redis."""
        return time.monotonic() < self._down_until

    def _call(self, operation: str, *args, **kwargs):
        if not self.degraded:
            try:
                return getattr(super(), operation)(*args, **kwargs)
            except REDIS_DOWN as error:
                self._down_until = time.monotonic() + RETRY_AFTER
                logger.warning(
                    "Redis cannot be reached (%s); the cache uses this process's memory for %s s.",
                    error,
                    RETRY_AFTER,
                )
        return getattr(self.fallback, operation)(*args, **kwargs)

    def add(self, *args, **kwargs):
        return self._call("add", *args, **kwargs)

    def get(self, *args, **kwargs):
        return self._call("get", *args, **kwargs)

    def set(self, *args, **kwargs):
        return self._call("set", *args, **kwargs)

    def touch(self, *args, **kwargs):
        return self._call("touch", *args, **kwargs)

    def delete(self, *args, **kwargs):
        return self._call("delete", *args, **kwargs)

    def get_many(self, *args, **kwargs):
        return self._call("get_many", *args, **kwargs)

    def has_key(self, *args, **kwargs):
        return self._call("has_key", *args, **kwargs)

    def incr(self, *args, **kwargs):
        return self._call("incr", *args, **kwargs)

    def set_many(self, *args, **kwargs):
        return self._call("set_many", *args, **kwargs)

    def delete_many(self, *args, **kwargs):
        return self._call("delete_many", *args, **kwargs)

    def clear(self):
        self.fallback.clear()
        return self._call("clear")
