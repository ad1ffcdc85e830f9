"""The common ground of the ORI 2.0 collections (publiek/api/views.py): the pagination, the
standard's error shape, the read-only viewset with its CORS, ETag (304 on If-None-Match) and
X-Rate-Limit-* headers, and the query-parameter filters the collections share. Unknown query
parameters are a 400 in the standard's error shape, a page beyond the end or an id that is
missing or not public a 404 (the same answer for both)."""

import datetime
import functools
import hashlib

from django.contrib.auth.decorators import login_not_required
from django.db.models import Q
from django.http import Http404, HttpResponseNotModified
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.decorators import method_decorator
from rest_framework import exceptions, viewsets
from rest_framework.pagination import PageNumberPagination
from rest_framework.views import exception_handler as drf_exception_handler

from gremia.constants import BodyKind, MembershipRole
from nhn_portal.core import ratelimit
from nhn_portal.core.access import NotFound

from . import serializers, spec
from .serializers import site_url


class OriPagination(PageNumberPagination):
    page_size = 20
    page_query_param = "page"
    page_size_query_param = "pageSize"
    max_page_size = 100


TITLES = {
    400: "Ongeldige parameters",
    404: "Niet gevonden",
    405: "Methode niet toegestaan",
    406: "Niet aanvaardbaar",
    429: "Te veel verzoeken",
}
DETAILS = {
    404: "Deze resource bestaat niet of is niet openbaar.",
    405: "Deze API is alleen te lezen (GET).",
    406: "Deze API antwoordt alleen in JSON.",
}
PROBLEM_JSON = "application/problem+json"


def exception_handler(exc, context):
    """The standard's error shape (API-Kennisbank `Fout`, RFC 9457 problem+json), in Dutch:
    type, code, title, status, detail, instance; invalidParams for a 400."""
    if isinstance(exc, NotFound | Http404):  # a selector's "missing or not allowed"
        exc = exceptions.NotFound()
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    request = context.get("request")
    status = response.status_code
    detail = exc.detail if isinstance(exc, exceptions.APIException) else str(exc)
    if not isinstance(detail, str | dict) or status in DETAILS:
        detail = DETAILS.get(status, "Ongeldige parameters.")
    body = problem(
        request,
        status,
        code=getattr(exc, "default_code", "error"),
        detail=detail if isinstance(detail, str) else "Ongeldige parameters.",
    )
    if isinstance(detail, dict):
        body["invalidParams"] = [
            {"name": name, "code": "invalid", "reason": str(reason[0] if reason else "")}
            for name, reason in detail.items()
        ]
    response.data = body
    response.content_type = PROBLEM_JSON
    return response


def problem(request, status: int, *, code: str, detail: str) -> dict:
    return {
        "type": f"https://www.rfc-editor.org/rfc/rfc9110#status.{status}",
        "code": code,
        "title": TITLES.get(status, "Fout"),
        "status": status,
        "detail": detail,
        "instance": site_url(request.get_full_path()) if request else "",
    }


COMMON_FILTERS = {"page", "pageSize", "gewijzigdSinds", "updated_since"}


@method_decorator(login_not_required, name="dispatch")
class OriViewSet(viewsets.ReadOnlyModelViewSet):
    authentication_classes: list = []
    pagination_class = OriPagination
    extra_filters: frozenset[str] = frozenset()

    def get_queryset(self):
        qs = self.base_queryset()
        if self.action != "list":
            return qs
        params = self.request.query_params
        standard = spec.query_parameters(self.collection)
        known = COMMON_FILTERS | set(standard) | set(self.extra_filters)
        errors = {name: ["Onbekende parameter."] for name in sorted(set(params) - known)}
        values = {}
        for name, raw in params.items():
            if name in standard:
                try:
                    values[name] = spec.parse(standard[name], raw)
                except spec.InvalidValue as error:
                    errors[name] = [str(error)]
        if errors:
            raise exceptions.ValidationError(errors)
        since_raw = params.get("gewijzigdSinds") or params.get("updated_since")
        if since_raw:
            try:
                since = parse_datetime(since_raw.replace("Z", "+00:00"))
            except ValueError:
                since = None
            if since is None and parse_date(since_raw) is not None:
                since = datetime.datetime.combine(parse_date(since_raw), datetime.time())
            if since is not None and timezone.is_naive(since):
                since = timezone.make_aware(since)
            if since is not None:
                since = in_utc(since)
            if since is None:
                raise exceptions.ValidationError(
                    {"gewijzigdSinds": ["Geen geldige datum-tijd (ISO 8601)."]}
                )
            qs = qs.filter(**{f"{self.updated_field}__gte": since})
        values.pop("gewijzigdSinds", None)
        # Kept for the items a collection serves beside its queryset (informatieobjecten).
        self.parsed_filters, self.parsed_since = values, since_raw and since
        for name, value in values.items():
            qs = self.filters[name](qs, value)
        return self.filter_extra(qs, params).order_by("pk")

    # The standard's parameter → how it narrows the queryset (every one of the standard's
    # parameters of the collection has an entry; tests check that).
    filters: dict = {}
    collection = ""

    updated_field = "updated_at"

    def filter_extra(self, qs, params):
        return qs

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Access-Control-Allow-Origin"] = "*"
        response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
        response["Access-Control-Expose-Headers"] = (
            "ETag, X-Rate-Limit-Limit, X-Rate-Limit-Remaining, X-Rate-Limit-Reset"
        )
        response["api-version"] = "2.0.0"
        for name, value in getattr(request, "_rate_headers", {}).items():
            response[name] = value
        return response

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        rate_limit(request)

    def get_object(self):
        # The standard's id is a string: one that cannot be the portal's is simply not there.
        value = str(self.kwargs.get(self.lookup_url_kwarg or self.lookup_field, ""))
        if not (value.isdigit() and len(value) <= 18):
            raise exceptions.NotFound()
        return super().get_object()


def in_utc(moment: datetime.datetime) -> datetime.datetime:
    """In UTC (the database refuses offsets beyond ±15 hours, which ISO 8601 allows); a
    moment at the edge of the calendar becomes that edge."""
    try:
        return moment.astimezone(datetime.UTC)
    except OverflowError:
        if moment.year < 2:
            return datetime.datetime.min.replace(tzinfo=datetime.UTC)
        return datetime.datetime.max.replace(tzinfo=datetime.UTC)


def rate_limit(request) -> None:
    """The API's budget per client address and minute (`core.ratelimit.API`); 429 with
    Retry-After and the standard's error shape when it is spent."""
    decision = ratelimit.consume(ratelimit.API, request)
    request._rate_headers = decision.headers()
    if not decision.allowed:
        raise exceptions.Throttled(
            wait=decision.reset,
            detail=f"Te veel verzoeken; probeer het over {decision.reset} seconden opnieuw.",
        )


def with_etag(view):
    """ETag over the rendered body; If-None-Match with it → 304 without a body."""

    @functools.wraps(view)  # keeps cls/actions, which the schema generator reads
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if request.method not in ("GET", "HEAD") or response.status_code != 200:
            return response
        if hasattr(response, "render"):
            response.render()
        tag = '"' + hashlib.sha256(response.content).hexdigest()[:32] + '"'
        response["ETag"] = tag
        response["Cache-Control"] = "public, max-age=60"
        if tag in [part.strip() for part in request.headers.get("If-None-Match", "").split(",")]:
            not_modified = HttpResponseNotModified()
            for name in ("ETag", "Cache-Control", "Access-Control-Allow-Origin", "api-version"):
                not_modified[name] = response[name]
            for name, value in getattr(request, "_rate_headers", {}).items():
                not_modified[name] = value
            return not_modified
        return response

    wrapper.login_required = False
    return login_not_required(wrapper)


def none(qs, value):
    """A parameter about something the portal's regional bodies are not (a single
    municipality, province or water board, an author, a side job): nothing matches."""
    return qs.none()


def by_id(field):
    def narrow(qs, value):
        if not (value.isdigit() and len(value) <= 18):
            return qs.none()
        return qs.filter(**{field: int(value)})

    return narrow


def containing(*fields):
    def narrow(qs, value):
        match = Q()
        for field in fields:
            match |= Q(**{f"{field}__icontains": value})
        return qs.filter(match)

    return narrow


def exactly(expected):
    def narrow(qs, value):
        return qs if value == expected else qs.none()

    return narrow


ORI_STATUSES = {}
for _status, _ori in serializers.ORI_STATUS.items():
    ORI_STATUSES.setdefault(_ori, []).append(_status)


def meeting_status(qs, value):
    return qs.filter(status__in=ORI_STATUSES.get(value, []))


def meetings_of_type(prefix=""):
    def narrow(qs, value):
        kinds = [kind for kind in BodyKind.values if serializers.meeting_type(kind) == value]
        return qs.filter(**{f"{prefix}body__kind__in": kinds})

    return narrow


def person_function(qs, value):
    functions = [f for f, ori in serializers.ORI_FUNCTION.items() if ori == value]
    return qs.filter(function__in=functions)


def attendance_role(qs, value):
    chair = Q(substitute__isnull=True, membership__role=MembershipRole.CHAIR)
    if value == "voorzitter":
        return qs.filter(chair)
    if value == "overig":
        return qs.exclude(chair)
    return qs.none()


def voting_type(qs, value):
    if value == "schriftelijk":
        return qs.filter(round_id__isnull=False)
    if value == "hoofdelijk":
        return qs.filter(round_id__isnull=True)
    return qs.none()


PLACE = {"gemeentecode": none, "provincie": none, "waterschapcode": none}
