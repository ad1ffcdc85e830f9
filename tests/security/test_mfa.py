"""MFA (allauth.mfa): with MFA_REQUIRED the secretariat and the beheerder set up an
authenticator app before any page; with one, the login asks for its code; a member is not
forced. The demo beheerder has a known secret."""

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import (
    SECRET_SESSION_KEY,
    TOTP,
    format_hotp_value,
    hotp_value,
    yield_hotp_counters_from_time,
)
from django.core.cache import cache
from django.urls import reverse

from gremia import demo
from nhn_portal.core import services as core_services
from nhn_portal.core.constants import Role
from nhn_portal.core.seeding import LoadReport
from tests.builders import PASSWORD
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

SECRET = "JBSWY3DPEHPK3PXPJBSWY3DP"


@pytest.fixture(autouse=True)
def mfa_required(settings):
    settings.MFA_REQUIRED = True
    # allauth remembers used codes in the cache; no test sees another's.
    cache.clear()


def login(client, email):
    return client.post(reverse("account_login"), {"login": email, "password": PASSWORD})


def current_code(secret):
    counter = next(iter(yield_hotp_counters_from_time()))
    return format_hotp_value(hotp_value(secret, counter))


@pytest.mark.parametrize("role", [Role.SECRETARY, Role.MANAGER])
def test_without_an_authenticator_the_secretariat_sees_only_the_mfa_setup(client, role):
    user = UserFactory(email="sec@example.org", roles=[role])
    response = login(client, user.email)
    assert client.session["_auth_user_id"] == str(user.pk)
    for url in [reverse("home"), reverse("regiobureau:calendar"), reverse("admin:index")]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"] == reverse("mfa_activate_totp"), url
    # Setting up right after the login asks no second password (one prompt, the login's).
    assert client.get(reverse("mfa_activate_totp")).status_code == 200
    secret = client.session[SECRET_SESSION_KEY]
    response = client.post(reverse("mfa_activate_totp"), {"code": current_code(secret)})
    assert response.status_code == 302
    assert Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
    assert client.get(reverse("home")).status_code == 200


def test_setting_up_long_after_the_login_asks_the_password_again(client, settings):
    user = UserFactory(email="sec@example.org", roles=[Role.SECRETARY])
    login(client, user.email)
    settings.ACCOUNT_REAUTHENTICATION_TIMEOUT = 0  # the login is "long ago"
    response = client.get(reverse("mfa_activate_totp"))
    assert response["Location"].startswith(reverse("account_reauthenticate"))
    settings.ACCOUNT_REAUTHENTICATION_TIMEOUT = 300
    client.post(response["Location"], {"password": PASSWORD})
    assert client.get(reverse("mfa_activate_totp")).status_code == 200
    # Without a password login at all (here: force_login) allauth's rule stands.
    client.logout()
    client.force_login(user)
    response = client.get(reverse("mfa_activate_totp"))
    assert response["Location"].startswith(reverse("account_reauthenticate"))


def test_a_superuser_without_a_role_is_forced_too(client):
    user = UserFactory(email="root@example.org", is_staff=True, is_superuser=True)
    client.force_login(user)
    assert client.get(reverse("home"))["Location"] == reverse("mfa_activate_totp")


def test_a_member_is_not_forced(client):
    user = UserFactory(email="lid@example.org", roles=[Role.ADMINISTRATOR])
    login(client, user.email)
    assert client.get(reverse("home")).status_code == 200


def test_without_mfa_required_nobody_is_forced(client, settings):
    settings.MFA_REQUIRED = False
    user = UserFactory(email="sec@example.org", roles=[Role.SECRETARY])
    client.force_login(user)
    assert client.get(reverse("home")).status_code == 200


def test_with_an_authenticator_the_login_asks_for_the_code(client):
    user = UserFactory(email="sec@example.org", roles=[Role.SECRETARY])
    TOTP.activate(user, SECRET)
    response = login(client, user.email)
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_authenticate")
    # The password alone does not log in.
    assert "_auth_user_id" not in client.session
    # (A page that needs a login: `/` is the public front page for visitors.)
    private = reverse("regiobureau:my_meetings")
    assert client.get(private)["Location"].startswith(reverse("account_login"))

    response = client.post(reverse("mfa_authenticate"), {"code": "000000"})
    assert "_auth_user_id" not in client.session

    response = client.post(reverse("mfa_authenticate"), {"code": current_code(SECRET)})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)
    assert client.get(private).status_code == 200


def test_the_admin_login_is_the_same_login_with_the_code(client):
    user = UserFactory(email="root@example.org", is_staff=True, is_superuser=True)
    TOTP.activate(user, SECRET)
    response = client.get(reverse("admin:index"), follow=True)
    assert response.redirect_chain[-1][0].startswith(reverse("account_login"))
    response = client.post(
        response.redirect_chain[-1][0], {"login": user.email, "password": PASSWORD}
    )
    assert response["Location"] == reverse("mfa_authenticate")
    response = client.post(reverse("mfa_authenticate"), {"code": current_code(SECRET)})
    assert response["Location"] == reverse("admin:index")
    assert client.get(reverse("admin:index")).status_code == 200


def test_the_demo_authenticator_is_set_once():
    user = UserFactory(email="beheer@example.org", roles=[Role.MANAGER])
    assert core_services.user_totp_activate(actor=None, user=user, secret=SECRET)
    assert not core_services.user_totp_activate(actor=None, user=user, secret=SECRET)
    authenticator = Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP)
    assert TOTP(authenticator).validate_code(current_code(SECRET))


def test_the_demo_beheerder_gets_the_known_secret_only_with_mfa_on(settings):
    UserFactory(email="beheer@example.org", roles=[Role.MANAGER])
    settings.MFA_REQUIRED = False
    demo.load_demo(report=LoadReport())
    assert not Authenticator.objects.exists()
    settings.MFA_REQUIRED = True
    demo.load_demo(report=LoadReport())
    authenticator = Authenticator.objects.get(user__email="beheer@example.org")
    assert TOTP(authenticator).validate_code(current_code(demo.DEMO_TOTP_SECRET))
