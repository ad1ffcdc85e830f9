"""Logins are throttled per account and per real client address
(django-axes), on the portal's login and the admin's door alike; a locked-out attempt answers
429 in Dutch and a correct password does not end a running lock-out."""

import pytest
from django.test import RequestFactory
from django.urls import reverse

from nhn_portal.core.http import client_address
from tests.builders import PASSWORD
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.2"


def attempt(client, email, password, **meta):
    return client.post(reverse("account_login"), {"login": email, "password": password}, **meta)


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


def test_the_lock_out_holds_for_the_account_from_another_address(client):
    UserFactory(email="anna@example.org")
    for _ in range(10):
        attempt(client, "anna@example.org", "fout", REMOTE_ADDR="192.0.2.1")
    response = attempt(client, "anna@example.org", PASSWORD, REMOTE_ADDR="192.0.2.99")
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


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


def test_a_lock_out_through_the_admin_path_counts_for_the_portal_login(client):
    UserFactory(email="beheer@example.org", is_staff=True, is_superuser=True)
    for _ in range(11):
        attempt(client, "beheer@example.org", "fout")
    response = client.get(reverse("admin:login"), follow=True)
    assert response.status_code == 200
    response = attempt(client, "beheer@example.org", PASSWORD)
    assert response.status_code == 429


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
