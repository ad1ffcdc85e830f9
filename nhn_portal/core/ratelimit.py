"""Request limits per client address: the open data API and anonymous search answer 429 with
Retry-After and a Dutch sentence before a client can make them slow for everyone (issue: keeps
working when parts fail).

A fixed window per limit and address, counted in the shared cache. While Redis is away the
cache counts in each process's memory (`core.cache.FailoverRedisCache`): these limits guard
reads of public data, so they fail open to a count per web process rather than refuse every
visitor. The limits that guard a security decision (failed logins, the per-account delay) are
in the database and hold during an outage (docs/security.md lists each decision).
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from django.core.cache import cache
from django.shortcuts import render

from .http import client_address, no_store


@dataclass(frozen=True)
class Limit:
    name: str
    requests: int  # per window and address
    window: int  # seconds


@dataclass(frozen=True)
class Decision:
    allowed: bool
    limit: int
    remaining: int
    reset: int  # seconds until the window ends: Retry-After when refused

    def headers(self) -> dict[str, str]:
        """The rate headers of the ORI standard (X-Rate-Limit-*)."""
        return {
            "X-Rate-Limit-Limit": str(self.limit),
            "X-Rate-Limit-Remaining": str(self.remaining),
            "X-Rate-Limit-Reset": str(self.reset),
        }


# The open data API (ORI 2.0): machines paging through public data.
API = Limit(name="api", requests=600, window=60)
# Search without a login: a person types (htmx asks after every pause), a crawler does not.
SEARCH = Limit(name="search", requests=60, window=60)


def consume(limit: Limit, request) -> Decision:
    """Count one request of the client against `limit`; whether it may go on."""
    now = time.time()
    window = int(now // limit.window)
    reset = max(1, (window + 1) * limit.window - int(now))
    key = f"ratelimit:{limit.name}:{client_address(request) or 'unknown'}:{window}"
    cache.add(key, 0, limit.window + 5)
    try:
        used = cache.incr(key)
    except ValueError:  # the key expired (or Redis went away) between add and incr
        cache.set(key, 1, limit.window + 5)
        used = 1
    return Decision(
        allowed=used <= limit.requests,
        limit=limit.requests,
        remaining=max(0, limit.requests - used),
        reset=reset,
    )


def too_many_requests(request, decision: Decision):
    """The Dutch 429 page with Retry-After (templates/429.html, which allauth's limits use
    too)."""
    response = render(request, "429.html", {"retry_after": decision.reset}, status=429)
    response["Retry-After"] = str(decision.reset)
    for name, value in decision.headers().items():
        response[name] = value
    return no_store(response)
