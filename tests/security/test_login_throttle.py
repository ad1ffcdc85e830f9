"""Logins are throttled: django-axes locks an account from one address, and one address across
accounts, on the portal's login and the admin's door alike; a locked-out attempt
answers 429 in Dutch and a correct password does not end a running lock-out. Per account,
from any address, failures only slow further attempts down exponentially (core.logins), so
nobody can lock someone else out — and a browser that logged in to the account before does
not wait at all."""

from datetime import timedelta

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import timezone

from nhn_portal.core.http import client_address
from nhn_portal.core.logins import KNOWN_BROWSER_COOKIE, delay_after, login_delay_remaining
from nhn_portal.core.models import AuditRecord, LoginThrottle
from tests.builders import PASSWORD
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.2"


@pytest.fixture
def axes_only(settings):
    """The per-account delay out of the way, for the tests of axes' lock-outs."""
    settings.LOGIN_DELAY_AFTER = 1000


def attempt(client, email, password, **meta):
    return client.post(reverse("account_login"), {"login": email, "password": password}, **meta)


@pytest.mark.usefixtures("axes_only")
def test_twelve_wrong_then_right_is_still_refused_with_a_dutch_429(client):
    UserFactory(email="anna@example.org")
    answers = [attempt(client, "anna@example.org", "fout").status_code for _ in range(12)]
    assert answers[0] == 200 and answers[-1] == 429

    response = attempt(client, "anna@example.org", PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    text = response.content.decode()
    assert "Te veel inlogpogingen" in text
    assert "no-store" in response["Cache-Control"]


@pytest.mark.usefixtures("axes_only")
def test_a_lock_out_holds_only_for_the_account_from_that_address(client):
    UserFactory(email="anna@example.org")
    for _ in range(10):
        attempt(client, "anna@example.org", "fout", REMOTE_ADDR="192.0.2.1")
    assert attempt(client, "anna@example.org", PASSWORD, REMOTE_ADDR="192.0.2.1").status_code == 429
    # Anna elsewhere is not locked out by what happened at that address.
    response = attempt(client, "anna@example.org", PASSWORD, REMOTE_ADDR="192.0.2.99")
    assert response.status_code == 302
    assert client.session["_auth_user_id"]


# --- The per-account delay (core.logins) -----------------------------------------------------


def pass_time(account: str, seconds: int) -> None:
    """As if `seconds` went by since the account's last failure."""
    throttle = LoginThrottle.objects.get(account=account)
    throttle.last_failure_at -= timedelta(seconds=seconds)
    throttle.save(update_fields=["last_failure_at"])


def wrong_from_everywhere(client, account: str, times: int, *, start: int = 0) -> list[int]:
    """`times` wrong passwords, each from a new address, each after the delay ran out."""
    answers = []
    for number in range(start, start + times):
        answers.append(
            attempt(client, account, "fout", REMOTE_ADDR=f"198.51.100.{number}").status_code
        )
        if LoginThrottle.objects.filter(account=account).exists():
            pass_time(account, LOGIN_DELAY_MAX)
    return answers


LOGIN_DELAY_MAX = 15 * 60


def test_failures_from_many_addresses_slow_the_account_down_twice_as_much_each_time(client):
    UserFactory(email="anna@example.org")
    assert wrong_from_everywhere(client, "anna@example.org", 5) == [200] * 5
    waits = []
    for _ in range(4):
        throttle = LoginThrottle.objects.get(account="anna@example.org")
        throttle.last_failure_at = timezone.now()
        throttle.save(update_fields=["last_failure_at"])
        refused = attempt(client, "anna@example.org", "fout", REMOTE_ADDR="203.0.113.9")
        assert refused.status_code == 429
        waits.append(int(refused["Retry-After"]))
        pass_time("anna@example.org", waits[-1])
        assert (
            attempt(client, "anna@example.org", "fout", REMOTE_ADDR="203.0.113.9").status_code
            == 200
        )
    assert waits == [1, 2, 4, 8]
    # Refused attempts were not counted and checked no password: nine failures in all.
    assert LoginThrottle.objects.get(account="anna@example.org").failures == 9


def test_the_delay_is_a_dutch_429_and_refuses_the_right_password_too(client):
    UserFactory(email="anna@example.org")
    wrong_from_everywhere(client, "anna@example.org", 10)
    throttle = LoginThrottle.objects.get(account="anna@example.org")
    throttle.last_failure_at = timezone.now()
    throttle.save(update_fields=["last_failure_at"])
    response = attempt(client, "anna@example.org", PASSWORD, REMOTE_ADDR="192.0.2.50")
    assert response.status_code == 429
    assert 30 <= int(response["Retry-After"]) <= 32  # 2 ** (10 - 5)
    assert "Te veel inlogpogingen" in response.text
    assert "seconden" in response.text
    assert "no-store" in response["Cache-Control"]
    assert "_auth_user_id" not in client.session


def test_the_delay_stops_growing_at_its_maximum(client, settings):
    settings.LOGIN_DELAY_MAX_SECONDS = 60
    UserFactory(email="anna@example.org")
    wrong_from_everywhere(client, "anna@example.org", 20)
    assert delay_after(20) == 60
    throttle = LoginThrottle.objects.get(account="anna@example.org")
    throttle.last_failure_at = timezone.now()
    throttle.save(update_fields=["last_failure_at"])
    assert 59 <= login_delay_remaining(account="anna@example.org") <= 60


def test_a_right_password_ends_the_count(client):
    UserFactory(email="anna@example.org")
    wrong_from_everywhere(client, "anna@example.org", 7)
    assert attempt(client, "anna@example.org", PASSWORD).status_code == 302
    assert LoginThrottle.objects.get(account="anna@example.org").failures == 0
    assert AuditRecord.objects.filter(verb="login_delay_reset").count() == 1
    # Every failure is in the audit trail, with its address.
    failures = AuditRecord.objects.filter(verb="login_failure").order_by("id")
    assert failures.count() == 7
    assert failures.first().client_address == "198.51.100.0"


def test_the_owner_on_a_browser_that_logged_in_before_never_waits(client):
    """Anyone can slow an account down; nobody can keep its owner out."""
    UserFactory(email="bestuurder@example.org")
    owner = Client()
    assert attempt(owner, "bestuurder@example.org", PASSWORD).status_code == 302
    owner.post(reverse("account_logout"))
    # Someone guesses from many addresses, just before the meeting.
    attacker = Client()
    wrong_from_everywhere(attacker, "bestuurder@example.org", 15)
    throttle = LoginThrottle.objects.get(account="bestuurder@example.org")
    throttle.last_failure_at = timezone.now()
    throttle.save(update_fields=["last_failure_at"])
    assert attempt(attacker, "bestuurder@example.org", PASSWORD).status_code == 429
    # A fresh browser waits, even with the right password; the owner's own gets in at once.
    assert attempt(Client(), "bestuurder@example.org", PASSWORD).status_code == 429
    assert attempt(owner, "bestuurder@example.org", PASSWORD).status_code == 302


def test_a_known_browser_cookie_is_signed_and_names_no_address(client):
    UserFactory(email="anna@example.org")
    attempt(client, "anna@example.org", PASSWORD)
    cookie = client.cookies[KNOWN_BROWSER_COOKIE]
    assert cookie["httponly"] and "anna" not in cookie.value
    # A forged or someone else's cookie does not skip the delay.
    wrong_from_everywhere(Client(), "bert@example.org", 8)
    throttle = LoginThrottle.objects.get(account="bert@example.org")
    throttle.last_failure_at = timezone.now()
    throttle.save(update_fields=["last_failure_at"])
    other = Client()
    other.cookies[KNOWN_BROWSER_COOKIE] = cookie.value
    assert attempt(other, "bert@example.org", "fout").status_code == 429
    other.cookies[KNOWN_BROWSER_COOKIE] = cookie.value[:-3] + "xyz"
    assert attempt(other, "anna@example.org", "fout").status_code == 200


def test_the_admin_has_no_password_door(client):
    admin = UserFactory(email="beheer@example.org", is_staff=True, is_superuser=True)
    for _ in range(12):
        client.post(reverse("admin:login"), {"username": admin.email, "password": "fout"})
    response = client.post(reverse("admin:login"), {"username": admin.email, "password": PASSWORD})
    # The admin's login only sends to the portal's login (axes, MFA); it never logs in.
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert "_auth_user_id" not in client.session
    assert client.get(reverse("admin:index")).status_code == 302


@pytest.mark.usefixtures("axes_only")
def test_a_lock_out_through_the_admin_path_counts_for_the_portal_login(client):
    UserFactory(email="beheer@example.org", is_staff=True, is_superuser=True)
    for _ in range(11):
        attempt(client, "beheer@example.org", "fout")
    response = client.get(reverse("admin:login"), follow=True)
    assert response.status_code == 200
    response = attempt(client, "beheer@example.org", PASSWORD)
    assert response.status_code == 429


@pytest.mark.usefixtures("axes_only")
def test_two_users_behind_the_same_proxy_are_not_locked_out_together(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    UserFactory(email="anna@example.org")
    UserFactory(email="bert@example.org")
    for _ in range(12):
        attempt(
            client,
            "anna@example.org",
            "fout",
            REMOTE_ADDR=PROXY,
            HTTP_X_FORWARDED_FOR="198.51.100.1",
        )
    assert (
        attempt(
            client,
            "anna@example.org",
            PASSWORD,
            REMOTE_ADDR=PROXY,
            HTTP_X_FORWARDED_FOR="198.51.100.1",
        ).status_code
        == 429
    )

    response = attempt(
        client, "bert@example.org", PASSWORD, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.2"
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"]


@pytest.mark.usefixtures("axes_only")
def test_an_address_is_locked_out_across_accounts(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    UserFactory(email="bert@example.org")
    for number in range(10):
        attempt(
            client,
            f"gok{number}@example.org",
            "fout",
            REMOTE_ADDR=PROXY,
            HTTP_X_FORWARDED_FOR="198.51.100.66",
        )
    response = attempt(
        client,
        "bert@example.org",
        PASSWORD,
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR="198.51.100.66",
    )
    assert response.status_code == 429


@pytest.mark.usefixtures("axes_only")
def test_a_spoofed_forwarded_for_is_ignored_without_a_trusted_proxy(client, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    UserFactory(email="bert@example.org")
    for number in range(10):
        attempt(
            client,
            f"gok{number}@example.org",
            "fout",
            REMOTE_ADDR="203.0.113.5",
            HTTP_X_FORWARDED_FOR=f"198.51.100.{number}",
        )
    # A fresh forged header does not make the attacker a new client.
    response = attempt(
        client,
        "bert@example.org",
        PASSWORD,
        REMOTE_ADDR="203.0.113.5",
        HTTP_X_FORWARDED_FOR="198.51.100.200",
    )
    assert response.status_code == 429


@pytest.mark.parametrize(
    ("count", "forwarded", "expected"),
    [
        (0, "198.51.100.1", "10.0.0.2"),
        (1, "198.51.100.1", "198.51.100.1"),
        # The client put its own forged entry in front; the proxy's appended entry counts.
        (1, "6.6.6.6, 198.51.100.1", "198.51.100.1"),
        (2, "6.6.6.6, 198.51.100.1, 10.0.0.9", "198.51.100.1"),
        # Shorter than the proxy chain: the header is not trusted.
        (2, "198.51.100.1", "10.0.0.2"),
        (1, "", "10.0.0.2"),
        (1, "niet-een-adres", None),
    ],
)
def test_client_address_reads_the_forwarded_for_of_the_trusted_proxies(
    settings, count, forwarded, expected
):
    settings.TRUSTED_PROXY_COUNT = count
    request = RequestFactory().get("/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded)
    assert client_address(request) == expected
