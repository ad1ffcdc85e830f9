"""Reads about elections: the seats an election reopens, the ones still open, and what goes
into a new member's induction pack. Seats are registry data (who sits where, public like a
body's page); the secretariat's pages and the pack read them here."""

from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import timezone

from gremia.models.registry import Body, Membership
from gremia.selectors.conduct import conduct_answers
from gremia.selectors.rules import rules_current
from nhn_portal.core.story import adopted_core_message
from regiobureau.models.meetings import Dossier, Meeting

from .constants import REOPENED
from .models import Election, Succession


@dataclass
class Seat:
    membership: Membership
    succession: Succession | None
    is_open: bool


@dataclass
class BodySeats:
    body: Body
    by_organisation: dict = field(default_factory=dict)  # organisation → [Seat]


def reopened_memberships(election: Election):
    """The memberships of political office holders that the election reopens: held on the
    election day by a person in a reopened function who represents an organisation of the
    election's kind."""
    organisation_kind, functions = REOPENED[election.kind]
    on = election.held_on
    return (
        Membership.objects.filter(
            Q(end__isnull=True) | Q(end__gte=on),
            start__lte=on,
            organisation__kind=organisation_kind,
            person__function__in=functions,
        )
        .select_related("person", "body", "organisation")
        .order_by("body__name", "organisation__name", "person__name")
    )


def election_seats(election: Election, *, today=None) -> list[BodySeats]:
    """Every reopened seat per body and per organisation (municipality, province, water
    board), with its successor once recorded; open when the installation has passed and no
    successor is recorded. Two queries."""
    today = today or timezone.localdate()
    memberships = list(reopened_memberships(election))
    successions = {
        s.previous_id: s
        for s in Succession.objects.filter(
            previous_id__in=[m.pk for m in memberships]
        ).select_related("membership__person")
    }
    grouped: dict[int, BodySeats] = {}
    for membership in memberships:
        succession = successions.get(membership.pk)
        seat = Seat(
            membership=membership,
            succession=succession,
            is_open=succession is None and today >= election.installed_on,
        )
        body_seats = grouped.setdefault(membership.body_id, BodySeats(body=membership.body))
        body_seats.by_organisation.setdefault(membership.organisation, []).append(seat)
    return list(grouped.values())


def election_list():
    return Election.objects.order_by("-held_on", "kind")


def access_election(*, pk: int) -> Election:
    return Election.objects.get(pk=pk)


def open_seats_overview(*, today=None) -> list[tuple[Election, int, int]]:
    """(election, seats reopened, seats still open) of the elections whose successions are
    not all recorded, for the balance page."""
    today = today or timezone.localdate()
    rows = []
    for election in election_list():
        seats = [
            seat
            for body_seats in election_seats(election, today=today)
            for group in body_seats.by_organisation.values()
            for seat in group
        ]
        waiting = sum(1 for seat in seats if seat.succession is None)
        if waiting:
            rows.append((election, len(seats), sum(1 for seat in seats if seat.is_open)))
    return rows


@dataclass
class InductionPack:
    succession: Succession
    bodies: list[Body]
    meetings: list[Meeting]
    rules: object
    conduct: list[tuple]
    dossiers: list[Dossier]
    core_message: object = None


def induction_pack(succession: Succession, *, now=None) -> InductionPack:
    """What a new member finds in the pack: the bodies they sit at, their next meetings
    (date, place, title: what the calendar shows them as a member), the NHN-wide rules of play
    with the code of conduct, the adopted core message (read through nhn_portal.core.story:
    middelen is a sibling), and the dossiers on their tables (public items only)."""
    now = now or timezone.now()
    person = succession.membership.person
    bodies = list(
        Body.objects.filter(
            pk__in=Membership.objects.current().filter(person=person).values("body_id")
        ).order_by("name")
        or [succession.membership.body]
    )
    meetings = list(
        Meeting.objects.filter(body__in=bodies, starts_at__gte=now)
        .select_related("body")
        .order_by("starts_at")[:10]
    )
    dossiers = list(
        Dossier.objects.filter(
            agenda_items__meeting__body__in=bodies,
            agenda_items__is_public=True,
            agenda_items__meeting__is_public=True,
        )
        .distinct()
        .order_by("name")
    )
    rules = rules_current(body=None)
    return InductionPack(
        succession=succession,
        bodies=bodies,
        meetings=meetings,
        rules=rules,
        conduct=conduct_answers(rules) if rules else [],
        dossiers=dossiers,
        core_message=adopted_core_message(),
    )
