"""Every URL of the project needs a login, unless it is on an explicit public list.

The walk covers all URL patterns, so a view added later without a login requirement fails
here until someone decides, in review, that it is public: by adding its name to PUBLIC below,
or to a `PUBLIC_URL_NAMES = {"name": "reason"}` dict in the app's own urls module.
"""

import importlib
import re
import uuid

import pytest
from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from django.urls.exceptions import Resolver404

pytestmark = pytest.mark.django_db

# URL name → why anyone may see it without logging in. Add a page here only on purpose.
PUBLIC = {
    "accessibility": "the accessibility statement is public by law",
    "account_login": "the login page itself",
    "account_reset_password": "password reset: request a link",
    "account_reset_password_done": "password reset: link sent",
    "account_reset_password_from_key": "password reset: the link from the e-mail",
    "account_reset_password_from_key_done": "password reset: done",
    "account_signup": "shows 'sign-up is closed' (accounts are made by the beheerder)",
    "account_inactive": "allauth: tells a deactivated user why the login failed",
    "account_confirm_email": "allauth: the confirmation link in an e-mail (verification is off)",
    "account_email_verification_sent": "allauth: 'confirmation e-mail sent' (verification is off)",
    "admin:login": "the admin's door: only a redirect to the portal's login",
    "socialaccount_login_cancelled": "SSO: 'you cancelled the login at your organisation'",
    "openid_connect_login": "SSO: starts the login at the organisation's OpenID provider",
    "openid_connect_callback": "SSO: the OpenID provider returns the visitor here",
}


def public_names() -> dict[str, str]:
    """PUBLIC plus each app's own `PUBLIC_URL_NAMES`, namespaced by the app's `app_name`."""
    names = dict(PUBLIC)
    # An app's APIs and root-level files (publiek/api/urls.py, namespace "ori";
    # publiek/oparl/urls.py, namespace "oparl";
    # publiek/woo_urls.py: sitemap.xml, robots.txt) declare their own.
    modules = [f"{config.name}.{part}" for config in apps.get_app_configs()
               for part in ("urls", "api.urls", "oparl.urls", "woo_urls")]  # fmt: skip
    for module_name in modules:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError:
            continue
        namespace = getattr(module, "app_name", None)
        for name, reason in getattr(module, "PUBLIC_URL_NAMES", {}).items():
            names[f"{namespace}:{name}" if namespace else name] = reason
    return names


# Dummy values for path converters; the page need not exist, the login check comes first.
CONVERTER_VALUES = {"int": "1", "slug": "x", "str": "x", "path": "x/y", "uuid": str(uuid.uuid4())}
REGEX_CANDIDATES = ["1", "x", "abc", "1-x", str(uuid.uuid4()), "x/y"]


def walk(patterns, prefix="", namespace=""):
    """Yield (route, name) for every URL pattern, nested includes included."""
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            ns = pattern.namespace or ""
            yield from walk(
                pattern.url_patterns,
                prefix + _route(pattern.pattern),
                f"{namespace}{ns}:" if ns else namespace,
            )
        elif isinstance(pattern, URLPattern):
            name = f"{namespace}{pattern.name}" if pattern.name else None
            yield prefix + _route(pattern.pattern), name


def _route(pattern) -> str:
    regex = getattr(pattern, "_regex", None)
    if hasattr(pattern, "_route"):
        return re.sub(
            r"<(?:(\w+):)?\w+>",
            lambda m: CONVERTER_VALUES[m.group(1) or "str"],
            str(pattern._route),
        )
    regex = regex.lstrip("^").rstrip("$").replace(r"\Z", "").replace("\\/", "/")

    def fill(match):
        group = match.group(2)
        # A choice of literals (the admin's app labels) takes its first; else a generic dummy.
        literals = re.fullmatch(r"[\w|-]+", group)
        options = [group.split("|")[0], *REGEX_CANDIDATES] if literals else REGEX_CANDIDATES
        for candidate in options:
            if re.fullmatch(group, candidate):
                return candidate
        raise AssertionError(f"No dummy value for {group!r}")

    return re.sub(r"\(\?P<(\w+)>((?:[^()]|\([^()]*\))*)\)", fill, regex)


def all_urls():
    seen = {}
    for route, name in walk(get_resolver().url_patterns):
        url = "/" + route
        try:
            resolve(url)
        except Resolver404:  # pragma: no cover - a dummy value the pattern refused
            raise AssertionError(f"Could not build a URL for {name or route}") from None
        seen.setdefault(url, name)
    return sorted(seen.items())


def test_the_walk_finds_the_projects_pages():
    names = {name for _url, name in all_urls()}
    assert {"home", "accessibility", "account_login", "admin:index"} <= names


@pytest.mark.parametrize(("url", "name"), all_urls(), ids=lambda value: str(value))
def test_anonymous_is_sent_to_login_unless_the_page_is_public(client, url, name):
    if name in public_names():
        return
    response = client.get(url)
    login_urls = (reverse("account_login"), reverse("admin:login"))
    assert response.status_code == 302 and response["Location"].startswith(login_urls), (
        f"{url} ({name}) answered {response.status_code} to an anonymous visitor. Give the view "
        "a login requirement, or, if it is meant to be public, add its URL name with the reason "
        "to PUBLIC_URL_NAMES in the app's urls.py (or PUBLIC in tests/test_login_required.py)."
    )


def test_public_pages_exist_and_answer_without_login(client):
    names = {name for _url, name in all_urls()}
    for name in PUBLIC:
        if name.startswith("account_") and name not in names:
            continue  # allauth only mounts the flows that are switched on
        assert name in names, f"{name} is on the PUBLIC list but no URL has that name"
    for url, name in all_urls():
        if name in {"account_login", "account_reset_password"}:
            assert client.get(url).status_code == 200, url
        if name == "admin:login":
            # No password-only door; the admin's login sends to the portal's own.
            response = client.get(url)
            assert response.status_code == 302, url
            assert response["Location"].startswith(reverse("account_login")), url
