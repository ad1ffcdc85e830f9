"""Reads of decisions, decision lists and action items, with visibility applied (issue 5).

A decision or action on a closed agenda item is for those who may see that item; the rules
are the meeting permissions in permissions.py.
"""

from django.db.models import Prefetch, Q
from django.http import Http404
from django.utils import timezone

from gremia.models import Membership, Person
from gremia.selectors import person_for_user

from . import permissions
from .constants import ActionStatus, DecisionListStatus, MeetingStatus
from .decision_services import VOTING_ROLES
from .models import ActionItem, Decision, DecisionList, Dossier, Meeting, Vote
from .selectors import number_items


def _visible_item_filter(user, body_id: int, prefix: str) -> Q:
    """Items a reader outside the body may see: public items of public meetings."""
    if permissions.can_see_confidential(user, body_id):
        return Q()
    return (
        Q(**{f"{prefix}is_public": True})
        & Q(**{f"{prefix}meeting__is_public": True})
        & (Q(**{f"{prefix}parent__isnull": True}) | Q(**{f"{prefix}parent__is_public": True}))
    )


def decisions_for_meeting(*, user, meeting: Meeting) -> list[Decision]:
    """The decisions of a meeting in agenda order, with their votes (three queries)."""
    if not permissions.can_see_agenda(user, meeting):
        return []
    return in_agenda_order(
        meeting,
        Decision.objects.filter(item__meeting=meeting)
        .filter(_visible_item_filter(user, meeting.body_id, "item__"))
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
    numbers = number_items(list(meeting.items.only("pk", "parent_id", "position")))
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


def open_actions_for_meeting(*, user, meeting: Meeting) -> list[ActionItem]:
    """The actielijst of `meeting`: actions of earlier meetings of the same body that were
    still open when it started (so an old agenda shows what was open then). One query."""
    if not permissions.can_see_agenda(user, meeting):
        return []
    return list(
        ActionItem.objects.filter(
            origin_meeting__body_id=meeting.body_id,
            origin_meeting__starts_at__lt=meeting.starts_at,
        )
        .exclude(origin_meeting__status=MeetingStatus.CANCELLED)
        .filter(Q(status=ActionStatus.OPEN) | Q(closed_at__gte=meeting.starts_at))
        .filter(
            Q(origin_item__isnull=True) & _meeting_visible(user, meeting)
            | Q(origin_item__isnull=False)
            & _visible_item_filter(user, meeting.body_id, "origin_item__")
        )
        .select_related("owner_person", "owner_organisation", "origin_meeting", "origin_item")
        .order_by("deadline", "pk")
    )


def _meeting_visible(user, meeting: Meeting) -> Q:
    if permissions.can_see_confidential(user, meeting.body_id):
        return Q()
    return Q(origin_meeting__is_public=True)


def actions_from_meeting(*, user, meeting: Meeting) -> list[ActionItem]:
    """Actions agreed at `meeting` itself (the secretary's decisions-and-actions page)."""
    if not permissions.can_see_agenda(user, meeting):
        return []
    return list(
        ActionItem.objects.filter(origin_meeting=meeting)
        .filter(
            Q(origin_item__isnull=True) & _meeting_visible(user, meeting)
            | Q(origin_item__isnull=False)
            & _visible_item_filter(user, meeting.body_id, "origin_item__")
        )
        .select_related("owner_person", "owner_organisation", "origin_item")
        .order_by("deadline", "pk")
    )


_LOOK_UP = object()


def action_list_for_user(
    *, user, include_closed: bool = False, person=_LOOK_UP
) -> list[ActionItem]:
    """ "Mijn acties": actions owned by the user's person or by the user's organisation.
    A caller that looked the person up already passes it (None: the login has none)."""
    if person is _LOOK_UP:
        person = person_for_user(user=user)
    if person is None:
        return []
    owner = Q(owner_person=person)
    if person.organisation_id:
        owner |= Q(owner_organisation_id=person.organisation_id)
    qs = ActionItem.objects.filter(owner)
    if not include_closed:
        qs = qs.filter(status=ActionStatus.OPEN)
    return list(
        qs.select_related(
            "owner_person", "owner_organisation", "origin_meeting__body", "origin_item"
        ).order_by("status", "deadline", "pk")
    )


def can_change_action(user, action: ActionItem) -> bool:
    """The secretariat, the owner, and people of the owning organisation."""
    if permissions.is_secretariat(user):
        return True
    person = person_for_user(user=user)
    if person is None:
        return False
    if action.owner_person_id:
        return action.owner_person_id == person.pk
    return action.owner_organisation_id == person.organisation_id


def access_action(*, user, pk: int) -> ActionItem:
    action = (
        ActionItem.objects.select_related("origin_meeting__body", "origin_item")
        .filter(pk=pk)
        .first()
    )
    if action is None or not can_change_action(user, action):
        raise Http404
    return action


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
    return list(Person.objects.filter(pk__in=person_ids).order_by("name"))


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
