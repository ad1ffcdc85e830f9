"""Reads of decisions and the besluitenlijst, with visibility applied: a decision
on a closed item is for those who may see that item (permissions.visible_item_q).
"""

from django.contrib.auth.models import AnonymousUser
from django.db.models import Prefetch
from django.utils import timezone

from gremia.constants import BodyKind
from gremia.models.registry import Body, Membership, Person
from nhn_portal.core.access import NotFound
from regiobureau import permissions
from regiobureau.constants import (
    AGENDA_OUT_STATUSES,
    VOTING_ROLES,
    DecisionListStatus,
    DecisionOutcome,
    Presence,
)
from regiobureau.models.decisions import ActionItem, Decision, DecisionList, Vote
from regiobureau.models.meetings import Dossier, Meeting
from regiobureau.selectors.agenda import number_items
from regiobureau.selectors.attendance import attendance_summary


def decisions_for_meeting(*, user, meeting: Meeting) -> list[Decision]:
    """The decisions of a meeting in agenda order, with their votes (three queries)."""
    if not permissions.can_see_agenda(user, meeting):
        return []
    return in_agenda_order(
        meeting,
        Decision.objects.filter(item__meeting=meeting)
        .filter(permissions.visible_item_q(user, meeting.body_id, "item__"))
        .select_related("item")
        .prefetch_related(
            Prefetch(
                "votes", queryset=Vote.objects.select_related("member").order_by("member__name")
            )
        ),
    )


def in_agenda_order(meeting: Meeting, decisions) -> list[Decision]:
    """The decisions in the order of the agenda (4, 4a, 4b, 5), each with its item's agenda
    number as `agenda_number`; one query for the numbering."""
    # meeting_id too: without it, Django loads the deferred key once per item (an N+1).
    numbers = number_items(list(meeting.items.only("pk", "meeting_id", "parent_id", "position")))
    order = {pk: index for index, pk in enumerate(numbers)}
    ordered = sorted(decisions, key=lambda d: (order.get(d.item_id, len(order)), d.pk))
    for decision in ordered:
        decision.agenda_number = numbers.get(decision.item_id, "")
    return ordered


def decision_list_for(meeting: Meeting) -> DecisionList | None:
    return DecisionList.objects.filter(meeting=meeting).select_related("adopted_in").first()


def decision_list_status(meeting: Meeting) -> str:
    decision_list = decision_list_for(meeting)
    return decision_list.status if decision_list else DecisionListStatus.DRAFT


def decisions_for_dossier(*, user, dossier: Dossier) -> list[Decision]:
    """Decisions taken on the dossier's items, in time order, as the user may see them."""
    decisions = (
        Decision.objects.filter(item__dossier=dossier)
        .select_related("item__meeting__body", "item__parent")
        .order_by("item__meeting__starts_at", "item__position", "pk")
    )
    return [
        d
        for d in decisions
        if permissions.can_see_meeting(user, d.item.meeting)
        and permissions.can_see_item(user, d.item, d.item.meeting)
    ]


def voting_members(meeting: Meeting) -> list[Person]:
    """The people who may vote at `meeting` (for the vote form)."""
    day = timezone.localtime(meeting.starts_at).date()
    person_ids = (
        Membership.objects.current(day)
        .filter(body_id=meeting.body_id, role__in=VOTING_ROLES)
        .values("person_id")
    )
    people = list(Person.objects.filter(pk__in=person_ids).order_by("name"))
    summary = attendance_summary(meeting)
    if not summary.recorded:
        return people
    # Attendance recorded: only the seats present vote, a substitute for the member.
    present = []
    for seat in summary.present:
        person = seat.person
        person.stand_in = seat.substitute if seat.presence == Presence.SUBSTITUTED else None
        present.append(person)
    return present


def everything_for_members(meeting: Meeting) -> tuple[list[Decision], list[ActionItem]]:
    """Every decision and action of a meeting, for the members' besluitenlijst PDF (the
    pipeline's may_download keeps it to those who may see confidential content)."""
    decisions = in_agenda_order(
        meeting,
        Decision.objects.filter(item__meeting=meeting)
        .select_related("item")
        .prefetch_related(
            Prefetch(
                "votes", queryset=Vote.objects.select_related("member").order_by("member__name")
            )
        ),
    )
    actions = list(
        ActionItem.objects.filter(origin_meeting=meeting)
        .select_related("owner_person", "owner_organisation", "origin_item")
        .order_by("deadline", "pk")
    )
    return decisions, actions


def decisions_adopted_public():
    """Decisions of adopted besluitenlijsten as anyone may see them (the public front
    page and feeds): public items (of a public main item) of public meetings, newest first."""
    return (
        Decision.objects.filter(
            item__meeting__decision_list__status=DecisionListStatus.ADOPTED,
            item__meeting__status__in=AGENDA_OUT_STATUSES,
        )
        .filter(permissions.visible_item_q(AnonymousUser(), 0, "item__"))
        .select_related("item__meeting__body")
        .order_by("-item__meeting__starts_at", "item__position", "pk")
    )


def decisions_adopted_public_of_body(*, body: Body):
    """The body's decisions a visitor may see (adopted, public items of public meetings),
    newest first: `decisions_adopted_public` for one body."""
    return decisions_adopted_public().filter(item__meeting__body=body)


def access_public_decision(*, pk: int) -> Decision:
    """One adopted decision as anyone may read it, with its item, meeting, dossier and votes;
    NotFound for a decision on a closed item or meeting, or of a list not yet adopted, alike
    (the same rule as the front page's list: `decisions_adopted_public`)."""
    decision = (
        decisions_adopted_public()
        .select_related("item__dossier", "item__parent", "item__meeting__decision_list")
        .prefetch_related(
            Prefetch(
                "votes", queryset=Vote.objects.select_related("member").order_by("member__name")
            )
        )
        .filter(pk=pk)
        .first()
    )
    if decision is None:
        raise NotFound
    numbers = number_items(
        list(decision.item.meeting.items.only("pk", "meeting_id", "parent_id", "position"))
    )
    decision.agenda_number = numbers.get(decision.item_id, "")
    return decision


def public_decision_ids(meeting: Meeting) -> frozenset[int]:
    """The meeting's decisions that have a public page (one query)."""
    return frozenset(
        decisions_adopted_public().filter(item__meeting=meeting).values_list("pk", flat=True)
    )


def decisions_adopted_by_steering_group():
    """The adopted decisions of the stuurgroep, newest meeting first: the decisions that may
    adopt a cost key, the core message or a growth scenario (offered to the secretariat and
    the beheerder only)."""
    return (
        Decision.objects.filter(
            item__meeting__body__kind=BodyKind.STEERING_GROUP, outcome=DecisionOutcome.ADOPTED
        )
        .select_related("item__meeting__body")
        .order_by("-item__meeting__starts_at", "-pk")
    )


def decision_label(decision: Decision) -> str:
    meeting = decision.item.meeting
    day = timezone.localdate(meeting.starts_at)
    return f"{meeting.body.name}, {day:%d-%m-%Y}: {decision.item.title}"
