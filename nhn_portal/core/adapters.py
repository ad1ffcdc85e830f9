import time

from allauth.account import app_settings as account_settings
from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.internal.flows.login import get_authentication_records
from allauth.core import context
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from django.core.exceptions import PermissionDenied

from .http import client_address, login_name
from .logins import (
    known_browser,
    known_browser_remember,
    login_delay_remaining,
    login_failure_record,
    login_success_record,
)


class NoSignupAccountAdapter(DefaultAccountAdapter):
    """No open sign-up: accounts are made by the functioneel beheerder or by invitation.
    Password logins wait per account after failures (core.logins)."""

    def is_open_for_signup(self, request):
        return False

    def is_reauthentication_required(self, *, app: str, **kwargs) -> bool:
        """Setting up MFA right after logging in asks for no second password: a password
        login within ACCOUNT_REAUTHENTICATION_TIMEOUT counts as the confirmation allauth
        would ask for (its own reauthentication records only count a repeated prompt)."""
        required = super().is_reauthentication_required(app=app, **kwargs)
        if not required or app != "allauth.mfa":
            return required
        return not logged_in_with_password_recently(self.request or context.request)

    def get_client_ip(self, request):
        """allauth's rate limits count per client behind the proxy, as everywhere else."""
        address = client_address(request)
        if not address:
            raise PermissionDenied("Unable to determine client IP address")
        return address

    def authenticate(self, request, **credentials):
        """A password check: not made while the account waits (the middleware then answers
        429), counted when the password is wrong, ending the count when it is right. A browser
        that logged in to the account before does not wait."""
        account = login_name(request, credentials)
        if not known_browser(request, account):
            wait = login_delay_remaining(account=account)
            if wait:
                request.login_delay = wait
                return None
        user = super().authenticate(request, **credentials)
        address = client_address(request)
        if user is not None:
            login_success_record(account=account, client_address=address)
        elif not getattr(request, "axes_locked_out", False):
            # (An attempt axes refused checked no password.)
            login_failure_record(account=account, client_address=address)
        return user

    def post_login(self, request, user, **kwargs):
        """After the whole login (MFA included): remember this browser for the account."""
        response = super().post_login(request, user, **kwargs)
        known_browser_remember(request, response, user.email)
        return response


class SubjectOnlySocialAccountAdapter(DefaultSocialAccountAdapter):
    """SSO through an organisation's OpenID Connect provider logs in only the login whose
    SocialAccount carries the provider's subject (linked by the beheerder, or by the user from
    the account page); an e-mail address alone never links or makes an account. Roles come
    from the portal's memberships, never from the provider."""

    def is_open_for_signup(self, request, sociallogin):
        return False

    def is_auto_signup_allowed(self, request, sociallogin):
        return False


def logged_in_with_password_recently(request) -> bool:
    """The request's user typed the password (to log in, or to confirm it) within allauth's
    reauthentication timeout."""
    user = getattr(request, "user", None)
    if request is None or user is None or not user.is_authenticated:
        return False
    moments = [
        record["at"]
        for record in get_authentication_records(request, user)
        if record.get("method") == "password"
    ]
    return bool(moments) and time.time() - max(moments) < account_settings.REAUTHENTICATION_TIMEOUT
