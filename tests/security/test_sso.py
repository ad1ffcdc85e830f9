"""SSO ready: an organisation's OpenID Connect provider from OIDC_PROVIDERS; a login
through it is matched on the provider's subject only, never on an e-mail address, makes no
account, and gives no role (roles come from the portal's memberships)."""

import json
import subprocess
import sys

import pytest
from allauth.core import context
from allauth.socialaccount.adapter import get_adapter
from allauth.socialaccount.helpers import complete_social_login
from allauth.socialaccount.models import SocialAccount
from django.contrib.auth.models import AnonymousUser
from django.contrib.messages.middleware import MessageMiddleware
from django.contrib.sessions.middleware import SessionMiddleware
from django.test import RequestFactory

from nhn_portal.core.constants import Role
from nhn_portal.core.models import User
from tests.factories import UserFactory
from tests.test_settings import BASE_DIR

pytestmark = pytest.mark.django_db

HOORN = {
    "provider_id": "hoorn",
    "name": "Gemeente Hoorn",
    "client_id": "nhn-portaal",
    "secret": "geheim",
    "settings": {"server_url": "https://login.hoorn.example/realms/medewerkers"},
}


@pytest.fixture(autouse=True)
def hoorn_provider(settings):
    settings.SOCIALACCOUNT_PROVIDERS = {"openid_connect": {"APPS": [HOORN]}}


def provider_login(userinfo: dict):
    """What allauth does after the token endpoint answered: the provider's user info becomes
    a SocialLogin, which completes the login (the provider's complete_login, mocked)."""
    request = RequestFactory().get("/account/oidc/hoorn/login/callback/")
    SessionMiddleware(lambda r: None).process_request(request)
    MessageMiddleware(lambda r: None).process_request(request)
    request.user = AnonymousUser()
    provider = get_adapter().get_provider(request, "hoorn")
    sociallogin = provider.sociallogin_from_response(request, userinfo)
    sociallogin.state = {"process": "login"}
    with context.request_context(request):  # what allauth's middleware does per request
        response = complete_social_login(request, sociallogin)
    return request, response


def test_the_provider_comes_from_the_environment():
    code = (
        "import environ; environ.Env.read_env = lambda *a, **k: None; "
        "import nhn_portal.settings as s, json; "
        "print(json.dumps(s.SOCIALACCOUNT_PROVIDERS['openid_connect']['APPS']))"
    )
    providers = [
        {key: HOORN[key] for key in ("provider_id", "name", "client_id", "secret")}
        | {"server_url": HOORN["settings"]["server_url"]},
        {
            "provider_id": "provincie",
            "name": "Provincie Noord-Holland",
            "client_id": "nhn",
            "secret": "x",
            "server_url": "https://login.noord-holland.example",
        },
    ]
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=BASE_DIR,
        env={"PATH": "/usr/bin:/bin", "SECRET_KEY": "x", "OIDC_PROVIDERS": json.dumps(providers)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    apps = json.loads(result.stdout)
    assert [app["provider_id"] for app in apps] == ["hoorn", "provincie"]
    assert apps[0]["settings"] == {"server_url": HOORN["settings"]["server_url"]}


def test_a_linked_subject_logs_in_its_user_without_new_roles():
    user = UserFactory(email="jan@hoorn.example", roles=[Role.CLERK])
    SocialAccount.objects.create(user=user, provider="hoorn", uid="sub-123")
    request, response = provider_login(
        {"sub": "sub-123", "email": "iemand-anders@hoorn.example", "groups": ["beheerder"]}
    )
    assert response.status_code == 302
    assert request.user == user
    assert request.session["_auth_user_id"] == str(user.pk)
    user.refresh_from_db()
    assert user.role_names == {Role.CLERK.value}
    assert user.email == "jan@hoorn.example"


def test_an_email_alone_never_logs_in_nor_links():
    user = UserFactory(email="jan@hoorn.example", roles=[Role.SECRETARY])
    request, _response = provider_login(
        {"sub": "sub-aanvaller", "email": "jan@hoorn.example", "email_verified": True}
    )
    assert "_auth_user_id" not in request.session
    assert not SocialAccount.objects.exists()
    assert User.objects.count() == 1
    assert not request.user.is_authenticated
    assert user.socialaccount_set.count() == 0


def test_an_unknown_subject_makes_no_account():
    request, _response = provider_login({"sub": "sub-nieuw", "email": "nieuw@hoorn.example"})
    assert not User.objects.filter(email="nieuw@hoorn.example").exists()
    assert "_auth_user_id" not in request.session


def test_the_same_subject_at_another_provider_is_another_person(settings):
    other = dict(HOORN, provider_id="texel", name="Gemeente Texel")
    settings.SOCIALACCOUNT_PROVIDERS = {"openid_connect": {"APPS": [HOORN, other]}}
    user = UserFactory(email="jan@texel.example")
    SocialAccount.objects.create(user=user, provider="texel", uid="sub-123")
    request, _response = provider_login({"sub": "sub-123"})
    assert "_auth_user_id" not in request.session
