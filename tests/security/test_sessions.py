"""A session ends after 30 minutes without a request and at the latest 12
hours after the login; the login page says so."""

import pytest
from django.urls import reverse

from nhn_portal.core import middleware
from nhn_portal.core.constants import Role
from tests.builders import PASSWORD
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


class Clock:
    def __init__(self):
        self.now = 1_800_000_000.0

    def __call__(self):
        return self.now

    def advance(self, *, minutes=0, hours=0):
        self.now += minutes * 60 + hours * 3600


@pytest.fixture
def clock(monkeypatch):
    clock = Clock()
    monkeypatch.setattr(middleware.time, "time", clock)
    return clock


@pytest.fixture
def signed_in(client):
    user = UserFactory(email="lid@example.org", roles=[Role.ADMINISTRATOR])
    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302
    return client


def private_page() -> str:
    """A page that needs a login (`/` is the public front page for visitors)."""
    return reverse("regiobureau:my_meetings")


def is_signed_in(client) -> bool:
    return client.get(private_page()).status_code == 200


def test_the_defaults_are_thirty_minutes_and_twelve_hours(settings):
    assert settings.SESSION_IDLE_TIMEOUT == 30 * 60
    assert settings.SESSION_COOKIE_AGE == 12 * 60 * 60


def test_thirty_one_idle_minutes_end_the_session(clock, signed_in):
    assert is_signed_in(signed_in)
    clock.advance(minutes=29)
    assert is_signed_in(signed_in)
    clock.advance(minutes=31)
    response = signed_in.get(private_page())
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert "_auth_user_id" not in signed_in.session


def test_a_busy_session_still_ends_after_twelve_hours(clock, signed_in):
    for _ in range(12 * 4):
        assert is_signed_in(signed_in)
        clock.advance(minutes=15)
    clock.advance(minutes=1)
    assert not is_signed_in(signed_in)


def test_the_idle_timeout_comes_from_the_settings(clock, signed_in, settings):
    settings.SESSION_IDLE_TIMEOUT = 5 * 60
    assert is_signed_in(signed_in)
    clock.advance(minutes=6)
    assert not is_signed_in(signed_in)


def test_the_login_page_tells_the_session_policy(client):
    text = client.get(reverse("account_login")).content.decode()
    assert "uitgelogd na 30 minuten zonder activiteit" in text
    assert "12 uur na het inloggen" in text


def test_a_session_from_before_the_portals_own_backend_stays_signed_in(client):
    """Sessions made before 5 December 2026 name Django's ModelBackend; the portal's own
    (core.auth_backends, its look-up compiled once) reads them: the release logs nobody out,
    and a session of an unknown backend still counts for nothing."""
    from django.contrib.auth import BACKEND_SESSION_KEY
    from django.contrib.sessions.models import Session

    user = UserFactory(roles=[Role.SECRETARY])
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    session = Session.objects.get()
    assert session.get_decoded()[BACKEND_SESSION_KEY] == (
        "django.contrib.auth.backends.ModelBackend"
    )
    response = client.get(reverse("home"))
    assert response.status_code == 200
    assert response.wsgi_request.user == user

    data = session.get_decoded()
    data[BACKEND_SESSION_KEY] = "elders.Backend"
    Session.objects.filter(pk=session.pk).update(session_data=Session.objects.encode(data))
    response = client.get(reverse("home"))
    assert not response.wsgi_request.user.is_authenticated


def test_the_portals_backend_loads_the_user_and_refuses_an_inactive_one():
    from nhn_portal.core.auth_backends import ModelBackend

    user = UserFactory()
    assert ModelBackend().get_user(str(user.pk)) == user
    assert ModelBackend().get_user(user.pk + 1000) is None
    assert ModelBackend().get_user("geen-id") is None
    user.is_active = False
    user.save()
    assert ModelBackend().get_user(user.pk) is None
