"""Read-only ORI 2.0 endpoints. Every answer: CORS for GET, an ETag (304 on If-None-Match),
the standard's X-Rate-Limit-* headers (a per-client budget per minute); unknown query
parameters are a 400 in the standard's error shape, a page beyond the end or an id that is
missing or not public a 404 (the same answer for both)."""

from django.contrib.auth.decorators import login_not_required
from django.http import JsonResponse
from django.urls import reverse
from django.utils.decorators import method_decorator
from drf_spectacular.utils import (
    OpenApiResponse,
    extend_schema,
    inline_serializer,
)
from rest_framework import exceptions
from rest_framework import serializers as drf_serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from gremia.constants import OrganisationKind
from publiek.api.consultations import consultation_part, consultation_parts

from . import selectors, serializers
from .base import (
    DETAILS,
    PLACE,
    PROBLEM_JSON,
    OriViewSet,
    attendance_role,
    by_id,
    containing,
    exactly,
    meeting_status,
    meetings_of_type,
    none,
    person_function,
    problem,
    rate_limit,
    voting_type,
)
from .serializers import site_url


class VergaderingViewSet(OriViewSet):
    serializer_class = serializers.VergaderingSerializer
    collection = "vergaderingen"
    filters = {
        **PLACE,
        # A closed meeting is published without its name: it is not found by one either.
        "naam": lambda qs, v: containing("title", "body__name")(qs.filter(is_public=True), v),
        "status": meeting_status,
        "vergaderdatum": lambda qs, v: qs.filter(starts_at__date=v),
        "vergaderingstype": meetings_of_type(),
    }

    def base_queryset(self):
        return selectors.meetings()


class AgendapuntViewSet(OriViewSet):
    serializer_class = serializers.AgendapuntSerializer
    collection = "agendapunten"
    extra_filters = frozenset({"vergadering"})
    filters = {
        **PLACE,
        "agendapuntOmschrijving": containing("description"),
        "bovenliggendAgendapuntIdentificatie": by_id("parent_id"),
        "vergaderingsIdentificatie": by_id("meeting_id"),
    }

    def base_queryset(self):
        return selectors.agenda_items()

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "consultation_parts": parts_by_subject()}

    def filter_extra(self, qs, params):
        return filter_by_meeting(qs, params)


def filter_by_meeting(qs, params):
    """?vergadering=<id> (the portal's earlier name of vergaderingsIdentificatie)."""
    if params.get("vergadering"):
        if not params["vergadering"].isdigit():
            raise exceptions.ValidationError({"vergadering": ["Geen geldig id."]})
        qs = qs.filter(meeting_id=int(params["vergadering"]))
    return qs


class BesluitViewSet(OriViewSet):
    serializer_class = serializers.BesluitSerializer
    collection = "besluiten"
    filters = {"besluittoelichting": containing("text")}

    def base_queryset(self):
        return selectors.decisions()

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "consultation_parts": parts_by_subject()}


def parts_by_subject() -> dict:
    """("item", pk) and ("decision", pk) → the public consultation parts that belong to it."""
    index: dict = {}
    for part in consultation_parts():
        for pk in part.item_ids:
            index.setdefault(("item", pk), []).append(part)
        if part.decision_id is not None:
            index.setdefault(("decision", part.decision_id), []).append(part)
    return index


class Chain:
    """A page's source: the queryset's rows, then the listed extras (Django's paginator
    counts and slices it; the queryset is still counted and sliced in the database)."""

    def __init__(self, queryset, extras: list):
        self.queryset, self.extras = queryset, extras
        self._rows = None

    def rows(self) -> int:
        if self._rows is None:
            self._rows = self.queryset.count()
        return self._rows

    def count(self) -> int:
        return self.rows() + len(self.extras)

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return list(self[index : index + 1])[0]
        start, stop = index.start or 0, index.stop if index.stop is not None else self.count()
        rows = self.rows()
        head = list(self.queryset[start:stop]) if start < rows else []
        tail = self.extras[max(start - rows, 0) : max(stop - rows, 0)]
        return head + tail


def part_filters() -> dict:
    """The informatieobjecten parameters on a consultation part (the standard's names)."""
    return {
        "agendapuntIdentificatie": lambda part, v: str(v) in {str(pk) for pk in part.item_ids},
        "vergaderingsIdentificatie": lambda part, v: str(v) in {str(pk) for pk in part.meeting_ids},
        "creatiedatum": lambda part, v: part.created == v,
        "datumIngediend": lambda part, v: part.created == v,
        "taal": lambda part, v: v == "dut",
        "titel": lambda part, v: v.lower() in part.title.lower(),
        "versie": lambda part, v: str(v) == "1",
    }


class InformatieObjectViewSet(OriViewSet):
    serializer_class = serializers.InformatieObjectSerializer
    collection = "informatieobjecten"
    filters = {
        **PLACE,
        "agendapuntIdentificatie": by_id("agenda_item_id"),
        "auteur": none,
        "bronOrganisatie": none,
        "creatiedatum": lambda qs, v: qs.filter(current_version__uploaded_at__date=v),
        "datumIngediend": lambda qs, v: qs.filter(current_version__uploaded_at__date=v),
        "omschrijving": none,
        "taal": exactly("dut"),
        "titel": containing("title"),
        "vergaderingsIdentificatie": by_id("agenda_item__meeting_id"),
        "versie": by_id("current_version__number"),
    }

    def base_queryset(self):
        return selectors.documents()

    def get_object(self):
        """A stuk (a number), or a part of a public consultation (`consultatie-…`)."""
        key = str(self.kwargs.get(self.lookup_url_kwarg or self.lookup_field, ""))
        if key.startswith("consultatie-"):
            part = consultation_part(key)
            if part is None:
                raise exceptions.NotFound()
            return part
        return super().get_object()

    def list(self, request, *args, **kwargs):
        documents = self.get_queryset()
        parts = consultation_parts()
        matches = part_filters()
        for name, value in self.parsed_filters.items():
            test = matches.get(name)
            parts = [p for p in parts if test is not None and test(p, value)]
        if self.parsed_since:
            parts = [p for p in parts if p.modified >= self.parsed_since]
        page = self.paginate_queryset(Chain(documents, parts))
        return self.get_paginated_response(self.get_serializer(page, many=True).data)


class OrganisatorischeEenheidViewSet(OriViewSet):
    serializer_class = serializers.OrganisatorischeEenheidSerializer
    collection = "organisatorische_eenheden"
    filters = {"naam": containing("name", "short_name")}

    def base_queryset(self):
        return selectors.bodies()


class NatuurlijkPersoonViewSet(OriViewSet):
    serializer_class = serializers.NatuurlijkPersoonSerializer
    collection = "natuurlijkpersonen"
    filters = {
        "functie": person_function,
        # The portal records no one's sex: everyone is "onbekend".
        "geslachtsaanduiding": exactly("onbekend"),
        "achternaam": containing("name"),
        "nevenfunctie_omschrijving": none,
        "nevenfunctie_indicatorBezoldigd": none,
        "nevenfunctie_naamOrganisatie": none,
    }

    def base_queryset(self):
        return selectors.persons()


class AanwezigeDeelnemerViewSet(OriViewSet):
    serializer_class = serializers.AanwezigeDeelnemerSerializer
    collection = "aanwezigedeelnemers"
    extra_filters = frozenset({"vergadering"})
    filters = {
        "rolnaam": attendance_role,
        "vertegenwoordigdOrganisatie": containing("membership__organisation__name"),
    }

    def base_queryset(self):
        return selectors.attendances()

    def filter_extra(self, qs, params):
        return filter_by_meeting(qs, params)

    def get_serializer(self, *args, **kwargs):
        # The votes of the attendances on this page (or the one asked for), in one query;
        # without an instance (the schema generator asks for the class) nothing to fetch.
        if not args:
            return super().get_serializer(*args, **kwargs)
        attendances = args[0]
        pks = [a.pk for a in attendances] if kwargs.get("many") else [attendances.pk]
        votes: dict[int, list[int]] = {}
        rows = selectors.votes().filter(attendance_id__in=pks).values_list("attendance_id", "pk")
        for attendance_id, vote_id in rows.order_by("pk"):
            votes.setdefault(attendance_id, []).append(vote_id)
        kwargs.setdefault("context", self.get_serializer_context())["votes"] = votes
        return super().get_serializer(*args, **kwargs)


class StemmingViewSet(OriViewSet):
    serializer_class = serializers.StemmingSerializer
    collection = "stemmingen"
    filters = {"stemmingstype": voting_type}

    def base_queryset(self):
        return selectors.votings()


class StemViewSet(OriViewSet):
    serializer_class = serializers.StemSerializer
    collection = "stemmen"
    updated_field = "decision__updated_at"
    filters = {
        "aanwezigeDeelnemer": by_id("attendance_id"),
        "stemming": by_id("decision_id"),
    }

    def base_queryset(self):
        return selectors.votes()


def daily_board_type(qs, value):
    kinds = [k for k, (ori, _title) in serializers.DAILY_BOARD.items() if ori == value]
    return qs.filter(kind__in=kinds)


def daily_board_province(qs, value):
    # The province's own daily board (Gedeputeerde Staten), found by its name.
    name = value.replace("_", "-")
    return qs.filter(kind=OrganisationKind.PROVINCE, name__icontains=name)


class DagelijksBestuurViewSet(OriViewSet):
    serializer_class = serializers.DagelijksBestuurSerializer
    collection = "dagelijksebesturen"
    filters = {
        "gemeentecode": none,
        "waterschapcode": none,
        "provincie": daily_board_province,
        "dagelijksBestuurnaam": containing("name"),
        "dagelijksBestuurtype": daily_board_type,
    }

    def base_queryset(self):
        return selectors.daily_boards()


# Collections of the standard the portal does not serve → why not (the 404's detail).
NOT_SERVED = {
    "fracties": "De regionale gremia kennen geen fracties: leden zitten er namens hun "
    "gemeente of organisatie.",
    "fractielidmaatschappen": "De regionale gremia kennen geen fracties.",
    "stemresultatenperfractie": "De regionale gremia kennen geen fracties; stemmen staan per "
    "lid onder /stemmen.",
    "dagelijksbestuurlidmaatschappen": "Het portaal kent de leden van de colleges (zie "
    "/natuurlijkpersonen), maar niet het begin en einde van hun lidmaatschap.",
    "indieners": "Stukken worden door het regiobureau geplaatst; moties en vragen met "
    "indieners kent het portaal niet.",
    "mediabronnen": "Van de vergaderingen worden geen audio- of video-opnamen gepubliceerd.",
    "spreekfragmenten": "Van de vergaderingen worden geen audio- of video-opnamen gepubliceerd.",
}

PROBLEM = inline_serializer(
    "Fout",
    fields={
        "type": drf_serializers.CharField(),
        "code": drf_serializers.CharField(),
        "title": drf_serializers.CharField(),
        "status": drf_serializers.IntegerField(),
        "detail": drf_serializers.CharField(),
        "instance": drf_serializers.CharField(),
    },
)


@method_decorator(login_not_required, name="dispatch")
class NotServedView(APIView):
    """A collection of the standard that the portal does not serve: always a 404 that says
    why, in the standard's error shape."""

    authentication_classes: list = []
    collection = ""

    @extend_schema(
        responses={404: OpenApiResponse(PROBLEM, description="Deze collectie wordt niet geleverd.")}
    )
    def get(self, request, *args, **kwargs):
        rate_limit(request)
        body = problem(request, 404, code="not_served", detail=NOT_SERVED[self.collection])
        return Response(body, status=404, content_type=PROBLEM_JSON)


@method_decorator(login_not_required, name="dispatch")
class RootView(APIView):
    """The API's entry: every collection it serves, the standard's collections it does not,
    and the OpenAPI description."""

    authentication_classes: list = []

    @extend_schema(
        responses={
            200: inline_serializer(
                "Toegangspunt",
                fields={
                    "collecties": drf_serializers.DictField(child=drf_serializers.URLField()),
                    "nietGeleverd": drf_serializers.DictField(child=drf_serializers.CharField()),
                    "openapi": drf_serializers.URLField(),
                    "standaard": drf_serializers.CharField(),
                },
            )
        }
    )
    def get(self, request):
        rate_limit(request)
        return Response(
            {
                "collecties": {
                    name: site_url(reverse(f"ori:{basename}-list"))
                    for name, basename in SERVED.items()
                },
                "nietGeleverd": NOT_SERVED,
                "openapi": site_url(reverse("ori:openapi")),
                "standaard": "ODS Open Raads-, Staten- en Bestuursinformatie 2.0.0-beta.4",
            }
        )


# The served collections: path → basename.
SERVED = {
    "vergaderingen": "vergadering",
    "agendapunten": "agendapunt",
    "besluiten": "besluit",
    "informatieobjecten": "informatieobject",
    "organisatorische_eenheden": "organisatorische_eenheid",
    "natuurlijkpersonen": "natuurlijk_persoon",
    "aanwezigedeelnemers": "aanwezige_deelnemer",
    "stemmingen": "stemming",
    "stemmen": "stem",
    "dagelijksebesturen": "dagelijks_bestuur",
}


@login_not_required
def not_found(request, *args, **kwargs):
    """Any other path under the API: the standard's 404, not the site's HTML page."""
    body = problem(request, 404, code="not_found", detail=DETAILS[404])
    return JsonResponse(body, status=404, content_type=PROBLEM_JSON)
