"""Read-only OParl 1.1 endpoints, as JSON. Lists are `{data, pagination, links}` pages of
PAGE_SIZE objects (`limit` up to MAX_PAGE_SIZE) with `modified_since`, `created_since` and
`modified_until`; the filters travel in the `links`. Every answer has CORS for GET and the
API's rate budget per client address (`core.ratelimit.API`, 429 with Retry-After)."""

import math
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.http import JsonResponse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.views.decorators.http import require_safe

from nhn_portal.core import ratelimit
from publiek.api.consultations import consultation_parts

from . import selectors, serializers
from .serializers import BODY_KEY, LEGISLATIVE_TERMS

PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
FILTERS = ("created_since", "modified_since", "modified_until")


class ProblemError(Exception):
    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


def _json(data, status=200) -> JsonResponse:
    response = JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
    response["Content-Type"] = "application/json; charset=utf-8"
    return response


def _problem(status: int, message: str) -> JsonResponse:
    return _json({"status": status, "message": message}, status=status)


def oparl_view(view):
    """Public, GET only, rate-limited; a missing or non-public object is a 404 (the same
    answer for both), a bad filter a 400, both as JSON with a Dutch message."""

    @login_not_required
    @require_safe
    def wrapper(request, *args, **kwargs):
        decision = ratelimit.consume(ratelimit.API, request)
        if not decision.allowed:
            response = _problem(
                429, f"Te veel verzoeken; probeer het over {decision.reset} seconden opnieuw."
            )
            response["Retry-After"] = str(decision.reset)
        else:
            try:
                response = _json(view(request, *args, **kwargs))
            except ProblemError as error:
                response = _problem(error.status, error.message)
        for name, value in decision.headers().items():
            response[name] = value
        return response

    wrapper.__name__ = view.__name__
    wrapper.__doc__ = view.__doc__
    return wrapper


def _get(queryset, pk):
    obj = queryset.filter(pk=pk).first()
    if obj is None:
        raise ProblemError(404, "Dit object bestaat niet of is niet openbaar.")
    return obj


def _check_body(key):
    if key != BODY_KEY:
        raise ProblemError(404, "Dit object bestaat niet of is niet openbaar.")


def _moment(request, name):
    raw = request.GET.get(name)
    if not raw:
        return None
    value = parse_datetime(raw.replace(" ", "+"))  # a "+" that was not URL-encoded
    if value is None:
        raise ProblemError(400, f"{name}: geen geldige datum-tijd (ISO 8601).")
    return timezone.make_aware(value) if timezone.is_naive(value) else value


def _page(request, queryset, shape):
    """One page of `queryset` as an OParl list, filtered by the standard's filters."""
    since = _moment(request, "modified_since")
    created = _moment(request, "created_since")
    until = _moment(request, "modified_until")
    if since:
        queryset = queryset.filter(updated_at__gte=since)
    if created:
        queryset = queryset.filter(created_at__gte=created)
    if until:
        queryset = queryset.filter(updated_at__lte=until)
    try:
        size = min(MAX_PAGE_SIZE, max(1, int(request.GET.get("limit", PAGE_SIZE))))
        number = max(1, int(request.GET.get("page", 1)))
    except ValueError:
        raise ProblemError(400, "page en limit zijn gehele getallen.") from None
    total = queryset.count()
    pages = max(1, math.ceil(total / size))
    if number > pages:
        raise ProblemError(404, "Deze pagina bestaat niet.")
    rows = queryset.order_by("pk")[(number - 1) * size : number * size]
    base = settings.SITE_URL.rstrip("/") + request.path
    kept = {name: request.GET[name] for name in FILTERS if request.GET.get(name)}
    if "limit" in request.GET:
        kept["limit"] = size

    def link(page):
        return f"{base}?{urlencode({**kept, 'page': page})}"

    links = {"first": link(1), "last": link(pages)}
    if number > 1:
        links["prev"] = link(number - 1)
    if number < pages:
        links["next"] = link(number + 1)
    return {
        "data": [shape(row) for row in rows],
        "pagination": {
            "totalElements": total,
            "elementsPerPage": size,
            "currentPage": number,
            "totalPages": pages,
        },
        "links": links,
    }


@oparl_view
def system(request):
    return serializers.system()


@oparl_view
def body_list(request):
    data = [serializers.body()]
    return {
        "data": data,
        "pagination": {
            "totalElements": 1,
            "elementsPerPage": PAGE_SIZE,
            "currentPage": 1,
            "totalPages": 1,
        },
        "links": {},
    }


@oparl_view
def body(request, key):
    _check_body(key)
    return serializers.body()


@oparl_view
def organization_list(request, key):
    _check_body(key)
    return _page(request, selectors.organizations(), serializers.organization)


@oparl_view
def person_list(request, key):
    _check_body(key)
    return _page(request, selectors.persons(), serializers.person)


@oparl_view
def membership_list(request, key):
    _check_body(key)
    return _page(request, selectors.memberships(), serializers.membership)


@oparl_view
def meeting_list(request, key):
    _check_body(key)
    return _page(request, selectors.meetings(), serializers.meeting)


@oparl_view
def organization_meeting_list(request, pk):
    gremium = _get(selectors.organizations(), pk)
    return _page(request, selectors.meetings().filter(body=gremium), serializers.meeting)


@oparl_view
def agenda_item_list(request, key):
    _check_body(key)
    by_item = _consultations_by_item()
    return _page(
        request, selectors.agenda_items(), lambda item: serializers.agenda_item(item, by_item)
    )


@oparl_view
def paper_list(request, key):
    _check_body(key)
    return _page(request, selectors.papers(), serializers.paper)


@oparl_view
def file_list(request, key):
    _check_body(key)
    return _page(request, selectors.files(), serializers.file)


@oparl_view
def legislative_term_list(request, key):
    _check_body(key)
    terms = [serializers.legislative_term(year) for year, _s, _e in LEGISLATIVE_TERMS]
    return {
        "data": terms,
        "pagination": {
            "totalElements": len(terms),
            "elementsPerPage": PAGE_SIZE,
            "currentPage": 1,
            "totalPages": 1,
        },
        "links": {},
    }


@oparl_view
def legislative_term(request, year):
    try:
        return serializers.legislative_term(year)
    except KeyError:
        raise ProblemError(404, "Dit object bestaat niet of is niet openbaar.") from None


@oparl_view
def organization(request, pk):
    return serializers.organization(_get(selectors.organizations(), pk))


@oparl_view
def person(request, pk):
    return serializers.person(_get(selectors.persons(), pk))


@oparl_view
def membership(request, pk):
    return serializers.membership(_get(selectors.memberships(), pk))


@oparl_view
def meeting(request, pk):
    return serializers.meeting(_get(selectors.meetings(), pk), _consultations_by_item())


@oparl_view
def meeting_location(request, pk):
    place = _get(selectors.meetings().filter(is_public=True).exclude(location=""), pk)
    return serializers.location(place)


@oparl_view
def agenda_item(request, pk):
    return serializers.agenda_item(_get(selectors.agenda_items(), pk), _consultations_by_item())


@oparl_view
def paper(request, pk):
    return serializers.paper(_get(selectors.papers(), pk))


@oparl_view
def file(request, pk):
    return serializers.file(_get(selectors.files(), pk))


def _consultations_by_item() -> dict:
    """{agenda item pk: the public consultation parts that belong to it}."""
    by_item: dict = {}
    for part in consultation_parts():
        for pk in part.item_ids:
            by_item.setdefault(pk, []).append(part)
    return by_item


def _consultation_parts(pk) -> list:
    parts = [part for part in consultation_parts() if part.consultation_id == pk]
    if not parts:
        raise ProblemError(404, "Dit object bestaat niet of is niet openbaar.")
    return parts


@oparl_view
def consultation(request, pk):
    """A public consultation of the councils (OParl's Consultation) with its files."""
    return serializers.consultation(_consultation_parts(pk))


@oparl_view
def consultation_file(request, pk, part):
    """One part of a public consultation as a File: the question, a council's response,
    the reactienota."""
    for candidate in _consultation_parts(pk):
        if serializers.part_slug(candidate) == part:
            return serializers.consultation_file(candidate)
    raise ProblemError(404, "Dit object bestaat niet of is niet openbaar.")
