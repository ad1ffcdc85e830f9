"""Authentication with django-allauth: e-mail and password, no sign-up, reset by e-mail."""

import re

import pytest
from django.urls import reverse

from nhn_portal.core.models import User
from tests.builders import PASSWORD
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def user():
    return UserFactory(email="anna@example.org")


def test_login_page_is_public(client):
    assert client.get(reverse("account_login")).status_code == 200


def test_login_by_email_and_password(client, user):
    response = client.post(
        reverse("account_login"), {"login": "anna@example.org", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("home")
    assert client.session["_auth_user_id"] == str(user.pk)
    assert client.get(reverse("home")).status_code == 200


def test_login_is_case_insensitive_on_the_email(client, user):
    response = client.post(
        reverse("account_login"), {"login": "Anna@Example.org", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_wrong_password_is_refused(client, user):
    response = client.post(
        reverse("account_login"), {"login": "anna@example.org", "password": "fout-wachtwoord"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors
    assert "_auth_user_id" not in client.session


def test_inactive_user_cannot_log_in(client):
    UserFactory(email="weg@example.org", is_active=False)
    client.post(reverse("account_login"), {"login": "weg@example.org", "password": PASSWORD})
    assert "_auth_user_id" not in client.session


def test_signup_is_closed(client):
    response = client.post(
        reverse("account_signup"),
        {
            "email": "nieuw@example.org",
            "password1": "Een-lang-ww-2026",
            "password2": "Een-lang-ww-2026",
        },
    )
    assert response.status_code in {200, 302, 403, 404}
    if response.status_code == 200:
        assert "account/signup_closed" in response.templates[0].name
    assert not User.objects.filter(email="nieuw@example.org").exists()
    assert "_auth_user_id" not in client.session


def test_logout_by_post(client, user):
    client.force_login(user)
    response = client.post(reverse("account_logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session
    # Logged out, `/` is the public front page, not the overview.
    home = client.get(reverse("home"))
    assert "publiek/front_page.html" in [t.name for t in home.templates]
    assert "core/home.html" not in [t.name for t in home.templates]


def test_logout_by_get_does_not_log_out(client, user):
    # A GET (a prefetching browser, an <img> on another site) must not end the session.
    client.force_login(user)
    client.get(reverse("account_logout"))
    assert client.session["_auth_user_id"] == str(user.pk)


def test_password_reset_sends_a_link_that_sets_a_new_password(client, user, mailoutbox):
    response = client.post(reverse("account_reset_password"), {"email": "anna@example.org"})
    assert response.status_code == 302
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == ["anna@example.org"]
    assert message.subject.startswith("[NHN Portaal] ")
    link = re.search(r"https?://[^/\s]+(/account/password/reset/key/\S+/)", message.body)
    assert link, message.body

    response = client.get(link.group(1), follow=True)
    assert response.status_code == 200
    set_password_url = response.redirect_chain[-1][0] if response.redirect_chain else link.group(1)
    response = client.post(
        set_password_url,
        {"password1": "Nieuw-wachtwoord-2026", "password2": "Nieuw-wachtwoord-2026"},
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("Nieuw-wachtwoord-2026")


def test_password_reset_for_an_unknown_address_sends_nothing_revealing(client, mailoutbox):
    response = client.post(reverse("account_reset_password"), {"email": "niemand@example.org"})
    # allauth does not reveal whether the address exists: same redirect as for a real account.
    assert response.status_code == 302
    assert all("/account/password/reset/key/" not in m.body for m in mailoutbox)
