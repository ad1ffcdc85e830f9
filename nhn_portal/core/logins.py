"""Failed logins per account: an exponential delay instead of a lock anyone can set off.

Ten wrong passwords used to lock an account for a quarter of an hour from every address, so
anyone could lock a bestuurder out just before a meeting. Now the lock-out of django-axes
counts per account *and* address (settings: AXES_LOCKOUT_PARAMETERS), and per account, from
any address, the failures only slow further attempts down: after LOGIN_DELAY_AFTER failures
in a row the next attempt waits 1 s, then 2, 4, … up to LOGIN_DELAY_MAX_SECONDS. An attempt
inside the delay is refused with 429 before its password is checked, so the delay also slows
guessing spread over many addresses.

A browser that logged in to the account before (a signed cookie from that login, valid half
a year) does not wait: the owner at their own laptop is never held up by someone else's
guesses. The counts live in the database, so every web process sees them, also while Redis
is away.
"""

from __future__ import annotations

import datetime
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac

from .audit import audit_record_create
from .constants import AuditAction
from .models import LoginThrottle

# A day without failures and the count starts again.
FORGET_AFTER = timedelta(days=1)
KNOWN_BROWSER_COOKIE = "nhn_bekende_browser"
KNOWN_BROWSER_SALT = "nhn_portal.core.logins.known-browser"
KNOWN_BROWSER_MAX_AGE = 180 * 24 * 60 * 60  # seconds
KNOWN_BROWSER_ACCOUNTS = 5  # at most this many accounts remembered per browser


def delay_after(failures: int) -> int:
    """Seconds an account waits after `failures` failed logins in a row."""
    free = settings.LOGIN_DELAY_AFTER
    if failures < free:
        return 0
    return min(2 ** (failures - free), settings.LOGIN_DELAY_MAX_SECONDS)


def login_delay_remaining(*, account: str, now: datetime.datetime | None = None) -> int:
    """Seconds before `account` may try again (0: now)."""
    if not account:
        return 0
    now = now or timezone.now()
    throttle = LoginThrottle.objects.filter(account=account).first()
    if throttle is None or throttle.last_failure_at is None:
        return 0
    if throttle.last_failure_at < now - FORGET_AFTER:
        return 0
    until = throttle.last_failure_at + timedelta(seconds=delay_after(throttle.failures))
    return max(0, int((until - now).total_seconds() + 0.999))


@transaction.atomic
def login_failure_record(
    *, account: str, client_address: str | None, now: datetime.datetime | None = None
) -> LoginThrottle | None:
    """Count a wrong password for `account` (existing or not: the answer is the same)."""
    if not account:
        return None
    now = now or timezone.now()
    throttle, _created = LoginThrottle.objects.select_for_update().get_or_create(
        account=account[:254]
    )
    stale = throttle.last_failure_at is None or throttle.last_failure_at < now - FORGET_AFTER
    throttle.failures = 1 if stale else throttle.failures + 1
    throttle.last_failure_at = now
    throttle.save(update_fields=["failures", "last_failure_at", "updated_at"])
    audit_record_create(
        actor=None,
        obj=throttle,
        action=AuditAction.UPDATE,
        verb="login_failure",
        changes={"failures": throttle.failures, "delay": delay_after(throttle.failures)},
        client_address=client_address,
    )
    return throttle


@transaction.atomic
def login_success_record(*, account: str, client_address: str | None) -> None:
    """A right password: the account's count starts again."""
    throttle = LoginThrottle.objects.select_for_update().filter(account=account).first()
    if throttle is None or throttle.failures == 0:
        return
    failures = throttle.failures
    throttle.failures = 0
    throttle.save(update_fields=["failures", "updated_at"])
    audit_record_create(
        actor=None,
        obj=throttle,
        action=AuditAction.UPDATE,
        verb="login_delay_reset",
        changes={"failures": [failures, 0]},
        client_address=client_address,
    )


def _browser_key(account: str) -> str:
    # Keyed with SECRET_KEY: the cookie does not show which addresses it is for.
    return salted_hmac(KNOWN_BROWSER_SALT, account).hexdigest()[:24]


def _known_keys(request) -> list[str]:
    raw = request.COOKIES.get(KNOWN_BROWSER_COOKIE)
    if not raw:
        return []
    try:
        keys = signing.loads(raw, salt=KNOWN_BROWSER_SALT, max_age=KNOWN_BROWSER_MAX_AGE)
    except signing.BadSignature:
        return []
    return [key for key in keys if isinstance(key, str)] if isinstance(keys, list) else []


def known_browser(request, account: str) -> bool:
    """Whether this browser logged in to `account` before (and so need not wait)."""
    return bool(account) and _browser_key(account) in _known_keys(request)


def known_browser_remember(request, response, account: str) -> None:
    """After a login: this browser is known for `account` for half a year."""
    key = _browser_key(account)
    keys = [k for k in _known_keys(request) if k != key][-(KNOWN_BROWSER_ACCOUNTS - 1) :]
    response.set_cookie(
        KNOWN_BROWSER_COOKIE,
        signing.dumps([*keys, key], salt=KNOWN_BROWSER_SALT),
        max_age=KNOWN_BROWSER_MAX_AGE,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )
