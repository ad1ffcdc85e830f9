"""core.csrf.request_token: Django's CSRF token, masked once per request with a mask drawn in
one read of the system's randomness (issue 26). Posting it back is tested where the forms are
(tests/regiobureau/test_editor_cache.py posts tokens from cached partials with the checks on)."""

from django.middleware.csrf import (
    CSRF_ALLOWED_CHARS,
    CSRF_SECRET_LENGTH,
    _unmask_cipher_token,
    get_token,
    rotate_token,
)

from nhn_portal.core.csrf import mask, request_token


def test_the_token_unmasks_to_the_secret_as_djangos_does(rf):
    request = rf.get("/")
    secret = "a" * CSRF_SECRET_LENGTH
    request.META["CSRF_COOKIE"] = secret
    token = request_token(request)
    assert len(token) == 2 * CSRF_SECRET_LENGTH
    assert set(token) <= set(CSRF_ALLOWED_CHARS)
    assert _unmask_cipher_token(token) == secret
    assert request.META["CSRF_COOKIE_NEEDS_UPDATE"] is True


def test_one_token_per_request_and_a_new_one_for_a_new_secret(rf):
    request = rf.get("/")
    first = request_token(request)  # no secret yet: a new one, for the cookie
    assert len(request.META["CSRF_COOKIE"]) == CSRF_SECRET_LENGTH
    assert request.META["CSRF_COOKIE_NEEDS_UPDATE"] is True
    second = request_token(request)
    assert request_token(request) == second
    assert _unmask_cipher_token(first) == _unmask_cipher_token(second)
    rotate_token(request)  # as a login does
    rotated = request_token(request)
    assert (
        _unmask_cipher_token(rotated) == request.META["CSRF_COOKIE"] != _unmask_cipher_token(second)
    )
    assert _unmask_cipher_token(get_token(request)) == _unmask_cipher_token(rotated)


def test_masks_differ_and_use_every_character():
    secret = "b" * CSRF_SECRET_LENGTH
    tokens = {mask(secret) for _ in range(200)}
    assert len(tokens) == 200
    assert {_unmask_cipher_token(token) for token in tokens} == {secret}
    drawn = "".join(token[:CSRF_SECRET_LENGTH] for token in tokens)  # 6,400 characters
    assert set(drawn) == set(CSRF_ALLOWED_CHARS)
    counts = [drawn.count(char) for char in CSRF_ALLOWED_CHARS]
    assert min(counts) > 50 and max(counts) < 160  # about 103 each when drawn evenly


def test_a_first_visit_gets_a_cookie_and_a_token_that_are_accepted(db):
    """The whole round: a visitor without a CSRF cookie opens the login page, gets the cookie
    and the form's token from request_token, and may post the form; without the token not."""
    import re

    from django.conf import settings
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    page = client.get("/account/login/")
    assert settings.CSRF_COOKIE_NAME in page.cookies
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode())[1]
    secret = page.cookies[settings.CSRF_COOKIE_NAME].value
    assert _unmask_cipher_token(token) == secret
    form = {"login": "niemand@example.org", "password": "fout-wachtwoord"}
    assert client.post("/account/login/", form).status_code == 403
    answer = client.post("/account/login/", {**form, "csrfmiddlewaretoken": token})
    assert answer.status_code != 403
