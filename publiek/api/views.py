"""Read-only ORI 2.0 endpoints. Every answer: CORS for GET, an ETag (304 on If-None-Match),
the standard's X-Rate-Limit-* headers (a per-client budget per minute); unknown query
parameters are a 400 in the standard's error shape, a page beyond the end or an id that is
missing or not public a 404 (the same answer for both)."""

import functools
import hashlib

from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponseNotModified
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.decorators import method_decorator
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import exceptions, viewsets
from rest_framework.pagination import PageNumberPagination
from rest_framework.views import exception_handler as drf_exception_handler

from nhn_portal.core import ratelimit
from nhn_portal.core.access import NotFound

from . import selectors, serializers


class OriPagination(PageNumberPagination):
    page_size = 20
    page_query_param = "page"
    page_size_query_param = "pageSize"
    max_page_size = 100


def exception_handler(exc, context):
    """The standard's error shape (API-Kennisbank `Fout`): type, code, title, status,
    detail, instance; invalidParams for a 400."""
    if isinstance(exc, NotFound):  # a selector's "missing or not allowed"
        exc = exceptions.NotFound()
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    request = context.get("request")
    detail = exc.detail if isinstance(exc, exceptions.APIException) else str(exc)
    body = {
        "type": f"https://www.rfc-editor.org/rfc/rfc9110#status.{response.status_code}",
        "code": getattr(exc, "default_code", "error"),
        "title": str(getattr(exc, "default_detail", "Fout")),
        "status": response.status_code,
        "detail": detail if isinstance(detail, str) else "Ongeldige parameters.",
        "instance": request.build_absolute_uri() if request else "",
    }
    if isinstance(detail, dict):
        body["invalidParams"] = [
            {"name": name, "code": "unknown", "reason": str(reason[0] if reason else "")}
            for name, reason in detail.items()
        ]
    response.data = body
    return response


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
        unknown = set(params) - COMMON_FILTERS - set(self.extra_filters)
        if unknown:
            raise exceptions.ValidationError(
                {name: ["Onbekende parameter."] for name in sorted(unknown)}
            )
        since_raw = params.get("gewijzigdSinds") or params.get("updated_since")
        if since_raw:
            try:
                since = parse_datetime(since_raw)
            except ValueError:
                since = None
            if since is not None and timezone.is_naive(since):
                since = timezone.make_aware(since)
            if since is None:
                raise exceptions.ValidationError(
                    {"gewijzigdSinds": ["Geen geldige datum-tijd (ISO 8601)."]}
                )
            qs = qs.filter(**{f"{self.updated_field}__gte": since})
        return self.filter_extra(qs, params).order_by("pk")

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


SINCE = OpenApiParameter(
    "gewijzigdSinds", str, description="Alleen wat sinds dit moment (ISO 8601) is gewijzigd."
)


@extend_schema_view(list=extend_schema(parameters=[SINCE]))
class VergaderingViewSet(OriViewSet):
    serializer_class = serializers.VergaderingSerializer

    def base_queryset(self):
        return selectors.meetings()


@extend_schema_view(list=extend_schema(parameters=[SINCE]))
class AgendapuntViewSet(OriViewSet):
    serializer_class = serializers.AgendapuntSerializer
    extra_filters = frozenset({"vergadering"})

    def base_queryset(self):
        return selectors.agenda_items()

    def filter_extra(self, qs, params):
        return filter_by_meeting(qs, params)


def filter_by_meeting(qs, params):
    """?vergadering=<id>: only what belongs to that meeting."""
    if params.get("vergadering"):
        if not params["vergadering"].isdigit():
            raise exceptions.ValidationError({"vergadering": ["Geen geldig id."]})
        qs = qs.filter(meeting_id=int(params["vergadering"]))
    return qs


@extend_schema_view(list=extend_schema(parameters=[SINCE]))
class BesluitViewSet(OriViewSet):
    serializer_class = serializers.BesluitSerializer

    def base_queryset(self):
        return selectors.decisions()


@extend_schema_view(list=extend_schema(parameters=[SINCE]))
class InformatieObjectViewSet(OriViewSet):
    serializer_class = serializers.InformatieObjectSerializer

    def base_queryset(self):
        return selectors.documents()


@extend_schema_view(list=extend_schema(parameters=[SINCE]))
class OrganisatorischeEenheidViewSet(OriViewSet):
    serializer_class = serializers.OrganisatorischeEenheidSerializer

    def base_queryset(self):
        return selectors.bodies()


@extend_schema_view(list=extend_schema(parameters=[SINCE]))
class NatuurlijkPersoonViewSet(OriViewSet):
    serializer_class = serializers.NatuurlijkPersoonSerializer

    def base_queryset(self):
        return selectors.persons()


@extend_schema_view(list=extend_schema(parameters=[SINCE]))
class AanwezigeDeelnemerViewSet(OriViewSet):
    serializer_class = serializers.AanwezigeDeelnemerSerializer
    extra_filters = frozenset({"vergadering"})

    def base_queryset(self):
        return selectors.attendances()

    def filter_extra(self, qs, params):
        return filter_by_meeting(qs, params)
