"""The CSRF token of a request, masked once (issue 26).

Django masks the token afresh on every `get_token()` (against BREACH), and it draws the 32
characters of the mask one by one from `secrets.choice`: 32 reads of the operating system's
randomness, about 0.2 ms, and a page with a logout form, the htmx header and a cached partial
asked three times. `request_token` masks once per request and draws the mask from one read.
The token is Django's own format (mask + cipher, `CSRF_ALLOWED_CHARS`), checked by Django's
`CsrfViewMiddleware` as before; only how the mask's random characters are drawn differs.
"""

from __future__ import annotations

import secrets

from django.middleware.csrf import CSRF_ALLOWED_CHARS, CSRF_SECRET_LENGTH

_CHARS = CSRF_ALLOWED_CHARS
_INDEX = {char: index for index, char in enumerate(_CHARS)}
# Bytes below this map evenly onto the 62 characters (248 = 4 × 62); the rest are drawn again.
_EVEN = 256 - 256 % len(_CHARS)
_MASKED = "_nhn_csrf_masked"


def _random_chars(count: int) -> str:
    chars: list[str] = []
    while len(chars) < count:
        chars.extend(
            _CHARS[byte % len(_CHARS)] for byte in secrets.token_bytes(count + 8) if byte < _EVEN
        )
    return "".join(chars[:count])


def mask(secret: str) -> str:
    """`secret` masked as Django's `_mask_cipher_secret` masks it."""
    key = _random_chars(CSRF_SECRET_LENGTH)
    cipher = "".join(
        _CHARS[(_INDEX[plain] + _INDEX[pad]) % len(_CHARS)]
        for plain, pad in zip(secret, key, strict=True)
    )
    return key + cipher


def request_token(request) -> str:
    """What `django.middleware.csrf.get_token` gives, masked once per request (and again when
    the secret changes within it, as at a login)."""
    secret = request.META.get("CSRF_COOKIE")
    if not secret or len(secret) != CSRF_SECRET_LENGTH or not set(secret) <= _INDEX.keys():
        # No secret yet (a first visit): a new one, which the response sets as the cookie, as
        # Django's `_add_new_csrf_cookie` does.
        secret = _random_chars(CSRF_SECRET_LENGTH)
        request.META["CSRF_COOKIE"] = secret
    masked = getattr(request, _MASKED, None)
    if masked is None or masked[0] != secret:
        masked = (secret, mask(secret))
        setattr(request, _MASKED, masked)
    request.META["CSRF_COOKIE_NEEDS_UPDATE"] = True  # as get_token: the response sets the cookie
    return masked[1]
