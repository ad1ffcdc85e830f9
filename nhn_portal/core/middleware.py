from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFilesSent
from django.shortcuts import render
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _


class ContentSecurityPolicyMiddleware:
    """A strict CSP: no inline script or style anywhere, nothing from another origin."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = settings.CONTENT_SECURITY_POLICY

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", self.policy)
        return response


class RequestLimitsMiddleware:
    """Refuse requests that would exhaust the workers (issue 9, fix 11): a body larger than
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
