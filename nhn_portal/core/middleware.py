import time

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.core.exceptions import RequestDataTooBig, TooManyFilesSent
from django.dispatch import receiver
from django.http import Http404
from django.shortcuts import redirect, render
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from .access import NotFound, is_manager, is_secretariat
from .views import login_delayed


class NotFoundMiddleware:
    """A selector's or permission's NotFound (missing or not allowed) is a 404 page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, NotFound):
            raise Http404 from exception
        return None


class ContentSecurityPolicyMiddleware:
    """A strict CSP: no inline script or style anywhere, nothing from another origin."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = settings.CONTENT_SECURITY_POLICY

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", self.policy)
        return response


@receiver(user_logged_in)
def session_stamp_login(sender, request, user, **kwargs):
    """The session's clock starts at the login (no extra write on the first page)."""
    if request is not None and hasattr(request, "session"):
        now = int(time.time())
        request.session[SessionIdleTimeoutMiddleware.STARTED] = now
        request.session[SessionIdleTimeoutMiddleware.LAST_SEEN] = now


class SessionIdleTimeoutMiddleware:
    """Ends a signed-in session after `SESSION_IDLE_TIMEOUT` seconds without a request, and at
    the latest `SESSION_COOKIE_AGE` seconds after the login (an absolute lifetime that a busy
    session cannot stretch). The next request then meets the login page."""

    LAST_SEEN = "nhn_last_seen"
    STARTED = "nhn_started"
    # The last-seen stamp is written at most once a minute, not on every request.
    GRANULARITY = 60

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            now = int(time.time())
            session = request.session
            started = session.get(self.STARTED)
            last_seen = session.get(self.LAST_SEEN)
            if started is None:
                session[self.STARTED] = started = now
            idle = last_seen is not None and now - last_seen > settings.SESSION_IDLE_TIMEOUT
            if idle or now - started > settings.SESSION_COOKIE_AGE:
                logout(request)
            elif last_seen is None or now - last_seen >= self.GRANULARITY:
                session[self.LAST_SEEN] = now
        return self.get_response(request)


class MfaRequiredMiddleware:
    """With `MFA_REQUIRED`, a secretary or beheerder without an authenticator app (TOTP) sees
    no page but the set-up of one (and the account pages, to log out)."""

    EXEMPT_PREFIXES = ("/account/", "/static/", "/gezondheid/")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.MFA_REQUIRED and self._must_set_up(request):
            return redirect("mfa_activate_totp")
        return self.get_response(request)

    def _must_set_up(self, request) -> bool:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return False
        if request.path.startswith(self.EXEMPT_PREFIXES):
            return False
        if not (is_secretariat(user) or is_manager(user)):
            return False
        from allauth.mfa.models import Authenticator

        return not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


class RequestLimitsMiddleware:
    """Refuse requests that would exhaust the workers: a body larger than
    MAX_REQUEST_SIZE (by its Content-Length, before anything is read), and a form with more
    files than DATA_UPLOAD_MAX_NUMBER_FILES or more field data than
    DATA_UPLOAD_MAX_MEMORY_SIZE. The answer is a Dutch page with status 413; no view runs,
    so nothing is stored. Must come before anything that reads request.POST (CSRF's
    process_view runs after every middleware's request phase, so anywhere in the list works;
    after authentication, so the page has its navigation)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        limit = settings.MAX_REQUEST_SIZE
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > limit:
            return self._refuse(
                request,
                _(
                    "What you sent is %(size)s; the portal accepts at most %(limit)s per "
                    "request. Nothing has been stored. Send fewer or smaller files at once."
                )
                % {"size": filesizeformat(length), "limit": filesizeformat(limit)},
            )
        if request.method == "POST" and request.content_type == "multipart/form-data":
            try:
                request.POST  # noqa: B018 - parse now, so the limits answer here
            except TooManyFilesSent:
                return self._refuse(
                    request,
                    _(
                        "You can send at most %(count)s files at once. Nothing has been "
                        "stored. Go back and choose fewer files."
                    )
                    % {"count": settings.DATA_UPLOAD_MAX_NUMBER_FILES},
                )
            except RequestDataTooBig:
                return self._refuse(
                    request,
                    _("The form holds more text than the portal accepts. Nothing has been stored."),
                )
        return self.get_response(request)

    @staticmethod
    def _refuse(request, message: str):
        return render(request, "413.html", {"message": message}, status=413)


class LoginDelayMiddleware:
    """A login attempt refused because its account waits after failed logins
    (`core.logins`, flagged by the account adapter) becomes the 429 page with Retry-After."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        seconds = getattr(request, "login_delay", 0)
        if seconds:
            return login_delayed(request, seconds)
        return response
