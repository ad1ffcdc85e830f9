from allauth.account.adapter import DefaultAccountAdapter
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from django.core.exceptions import PermissionDenied

from .http import client_address


class NoSignupAccountAdapter(DefaultAccountAdapter):
    """No open sign-up: accounts are made by the functioneel beheerder or by invitation."""

    def is_open_for_signup(self, request):
        return False

    def get_client_ip(self, request):
        """allauth's rate limits count per client behind the proxy, as everywhere else."""
        address = client_address(request)
        if not address:
            raise PermissionDenied("Unable to determine client IP address")
        return address


class SubjectOnlySocialAccountAdapter(DefaultSocialAccountAdapter):
    """SSO through an organisation's OpenID Connect provider logs in only the login whose
    SocialAccount carries the provider's subject (linked by the beheerder, or by the user from
    the account page); an e-mail address alone never links or makes an account. Roles come
    from the portal's memberships, never from the provider."""

    def is_open_for_signup(self, request, sociallogin):
        return False

    def is_auto_signup_allowed(self, request, sociallogin):
        return False
