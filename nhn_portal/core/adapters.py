from allauth.account.adapter import DefaultAccountAdapter


class NoSignupAccountAdapter(DefaultAccountAdapter):
    """No open sign-up: accounts are made by the functioneel beheerder or by invitation."""

    def is_open_for_signup(self, request):
        return False
