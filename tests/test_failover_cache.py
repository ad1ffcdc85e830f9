"""The shared cache while Redis is away (nhn_portal.core.cache.FailoverRedisCache): it answers
from the process's memory, never raises, waits on the dead server at most once per
RETRY_AFTER, and uses Redis again once it is back."""

import time

import pytest

from nhn_portal.core import cache as failover
from nhn_portal.core.cache import FailoverRedisCache
from tests.redis_server import RedisServer


@pytest.fixture
def server(tmp_path):
    server = RedisServer(tmp_path / "redis")
    yield server
    server.stop()


def make_cache(server) -> FailoverRedisCache:
    return FailoverRedisCache(
        f"unix://{server.socket}",
        {"OPTIONS": {"db": 1, "socket_connect_timeout": 0.5, "socket_timeout": 0.5}},
    )


def test_with_redis_down_the_cache_works_in_memory_and_says_so(server, caplog):
    cache = make_cache(server)  # the server was never started
    assert cache.get("a", "default") == "default"
    assert cache.degraded
    # What allauth's rate limits do: a lock by add(), a history by get/set.
    assert cache.add("lock", True, 10) is True
    assert cache.add("lock", True, 10) is False
    cache.set("history", [1.0], 60)
    assert cache.get("history") == [1.0]
    cache.add("count", 0, 60)
    assert cache.incr("count") == 1
    assert cache.get_many(["history", "count"]) == {"history": [1.0], "count": 1}
    cache.delete("lock")
    assert cache.add("lock", True, 10) is True
    warnings = [r for r in caplog.records if r.name == "nhn_portal.core.cache"]
    assert len(warnings) == 1  # logged once, not per call


def test_a_dead_server_is_not_asked_again_until_the_retry_time(server, monkeypatch):
    cache = make_cache(server)
    calls = []
    original = FailoverRedisCache._call

    def counting(self, operation, *args, **kwargs):
        calls.append(self.degraded)
        return original(self, operation, *args, **kwargs)

    monkeypatch.setattr(FailoverRedisCache, "_call", counting)
    started = time.monotonic()
    for _ in range(50):
        cache.get("x")
    assert time.monotonic() - started < 1
    assert calls.count(False) == 1  # only the first call went to Redis


def test_redis_is_used_again_once_it_is_back(server, monkeypatch):
    monkeypatch.setattr(failover, "RETRY_AFTER", 0.2)
    cache = make_cache(server)
    cache.set("where", "memory", 60)
    assert cache.degraded
    server.start()
    time.sleep(0.3)
    cache.set("where", "redis", 60)
    assert not cache.degraded
    assert make_cache(server).get("where") == "redis"  # as another process sees it


def test_every_operation_shares_one_redis_client(server):
    # Django's own client builds a redis.Redis per operation (~60 µs each, issue 26).
    server.start()
    cache = make_cache(server)
    cache.set("a", 1, 60)
    assert cache.get("a") == 1
    assert cache.add("b", 2, 60) is True
    clients = {id(cache._cache.get_client(write=write)) for write in (True, False)}
    assert len(clients) == 1
    assert cache._cache.get_client().connection_pool is cache._cache._get_connection_pool(False)
