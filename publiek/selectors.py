"""What the public portal shows: only what an anonymous visitor may see, read through the
lower floors' own selectors with an `AnonymousUser`, so the visibility rules are the pages'
(regiobureau/permissions.py, raden's issued letters), written once.

Each function runs a fixed number of queries whatever the number of rows (pinned in
tests/publiek/test_pages.py).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser
from django.db.models import QuerySet
from django.db.models.functions import ExtractYear
from django.utils import timezone

from gremia.constants import Line, PersonFunction
from gremia.models.registry import Body, Membership
from gremia.selectors.registry import body_get_detail, body_memberships, governance_map
from nhn_portal.core.access import NotFound
from nhn_portal.core.models import GeneratedDocument
from nhn_portal.core.production.selectors import generated_document_current
from raden.models.letters import CouncilLetter
from raden.selectors.letters import (
    access_issued_letter,
    letter_list_issued,
    letters_issued_for_decision,
    municipalities,
)
from regiobureau.constants import DECISION_LIST, PUBLIC
from regiobureau.models.decisions import Decision
from regiobureau.models.meetings import Meeting
from regiobureau.selectors.decisions import (
    access_public_decision,
    decisions_adopted_public,
    decisions_adopted_public_of_body,
)
from regiobureau.selectors.meetings import meeting_list_upcoming, meeting_queryset_visible

# Public office holders: their name, function and seat are public. Anyone else at a table
# (civil servants, entrepreneurs, advisers) is shown by organisation and role only.
PUBLIC_OFFICE_FUNCTIONS = frozenset(
    {
        PersonFunction.MAYOR,
        PersonFunction.ALDERMAN,
        PersonFunction.DEPUTY,
        PersonFunction.DIKEGRAAF,
        PersonFunction.BOARD_MEMBER,
        PersonFunction.COUNCIL_MEMBER,
    }
)

FRONT_PAGE_ROWS = 5


def visitor() -> AnonymousUser:
    return AnonymousUser()


# --- the region and its bodies ----------------------------------------------------------------


def region_at_a_glance() -> list[dict]:
    """The sub-regions with their municipalities, as [{"subregion", "municipalities"}]."""
    groups: dict = {}
    for municipality in municipalities():
        groups.setdefault(municipality.subregion, []).append(municipality)
    return [
        {"subregion": subregion, "municipalities": towns}
        for subregion, towns in sorted(groups.items(), key=lambda pair: str(pair[0] or "~"))
    ]


def body_list() -> list[Body]:
    """The active bodies in the order of the governance map, administrative line first."""
    structure = governance_map()
    bodies: list[Body] = []
    for row in structure["rows"]:
        bodies.append(row.node.body)
        stack = list(row.civil_service)
        while stack:
            node = stack.pop(0)
            bodies.append(node.body)
            stack.extend(node.preparers)
    bodies.extend(node.body for node in structure["unattached"])
    seen: set[int] = set()
    return [body for body in bodies if not (body.pk in seen or seen.add(body.pk))]


def access_body(*, slug: str) -> Body:
    body = body_get_detail(slug=slug)
    if body is None:
        raise NotFound
    return body


@dataclass(frozen=True)
class PublicSeat:
    """One seat at a body's table as the public sees it: no e-mail, no phone."""

    name: str  # "" when the person holds no public office
    function: str
    organisation: str
    role: str


def body_public_seats(*, body: Body) -> list[PublicSeat]:
    """The body's current members: public office holders by name, function, organisation and
    role; anyone else by organisation and role only. One query."""
    memberships: list[Membership] = body_memberships(body=body)["current"]
    seats = []
    for membership in memberships:
        person = membership.person
        public_office = person.function in PUBLIC_OFFICE_FUNCTIONS
        organisation = membership.organisation or person.organisation
        seats.append(
            PublicSeat(
                name=person.name if public_office else "",
                function=person.get_function_display() if public_office else "",
                organisation=organisation.name if organisation else "",
                role=membership.get_role_display(),
            )
        )
    return seats


def body_is_administrative(body: Body) -> bool:
    return body.line == Line.ADMINISTRATIVE


# --- meetings ---------------------------------------------------------------------------------


def meetings_upcoming(*, limit: int = FRONT_PAGE_ROWS) -> list[Meeting]:
    """The coming public meetings as a visitor sees them (no drafts, no closed ones)."""
    qs = meeting_list_upcoming(user=visitor()).filter(is_public=True)
    return list(qs[:limit])


def meeting_years(*, body: Body) -> list[dict]:
    """[{"year": 2026, "count": 4}, …] of the body's past meetings a visitor may see, newest
    first (the coming ones are in the calendar, not the archive)."""
    qs = (
        meeting_queryset_visible(visitor())
        .filter(body=body, ends_at__lt=timezone.now())
        .annotate(year=ExtractYear("starts_at"))
        .values_list("year", flat=True)
    )
    counts: dict[int, int] = {}
    for year in qs:
        counts[year] = counts.get(year, 0) + 1
    return [{"year": year, "count": counts[year]} for year in sorted(counts, reverse=True)]


def meeting_archive(*, body: Body, year: int) -> QuerySet[Meeting]:
    """The body's past meetings of `year` a visitor may see (no drafts, nothing still to
    come), in time order."""
    start = timezone.make_aware(datetime.datetime(year, 1, 1))  # noqa: DTZ001 - made aware here
    end = timezone.make_aware(datetime.datetime(year + 1, 1, 1))  # noqa: DTZ001
    return (
        meeting_queryset_visible(visitor())
        .filter(body=body, starts_at__gte=start, starts_at__lt=end, ends_at__lt=timezone.now())
        .order_by("starts_at", "pk")
    )


def decisions_latest(*, limit: int = FRONT_PAGE_ROWS) -> list[Decision]:
    """The latest decisions of adopted besluitenlijsten a visitor may see."""
    return list(decisions_adopted_public()[:limit])


def decisions_of_body(*, body: Body, limit: int = 10) -> list[Decision]:
    """The body's latest decisions a visitor may see."""
    return list(decisions_adopted_public_of_body(body=body)[:limit])


def access_decision(*, pk: int) -> Decision:
    """An adopted decision on a public item of a public meeting; NotFound otherwise."""
    return access_public_decision(pk=pk)


def decision_list_pdf(meeting: Meeting) -> GeneratedDocument | None:
    """The meeting's public besluitenlijst PDF once made (None while not, or withdrawn)."""
    return generated_document_current(subject=meeting, kind=DECISION_LIST, audience=PUBLIC)


def decision_letters(decision: Decision) -> list[CouncilLetter]:
    """The council letters the decision led to, as sent."""
    return letters_issued_for_decision(decision)


# --- council letters --------------------------------------------------------------------------


def letters_latest(*, limit: int = FRONT_PAGE_ROWS) -> list[CouncilLetter]:
    return list(letter_list_issued()[:limit])


def letter_list() -> QuerySet[CouncilLetter]:
    return letter_list_issued()


def access_letter(*, pk: int) -> CouncilLetter:
    return access_issued_letter(pk=pk)
