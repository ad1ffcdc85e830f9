"""Reads of action items: the actielijst of a meeting, the actions agreed at it,
one's own ("Mijn acties"), with visibility applied.
"""

from django.db.models import Count, Max, Q
from django.utils import timezone

from gremia.selectors.registry import person_for_user
from nhn_portal.core.access import NotFound
from nhn_portal.core.stamps import StampQuery
from regiobureau import permissions
from regiobureau.constants import ActionStatus, MeetingStatus
from regiobureau.models.decisions import ActionItem
from regiobureau.models.meetings import Meeting


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
            & permissions.visible_item_q(user, meeting.body_id, "origin_item__")
        )
        .select_related("owner_person", "owner_organisation", "origin_meeting", "origin_item")
        .order_by("deadline", "pk")
    )


def open_actions_version(*, meeting: Meeting) -> str:
    """What `open_actions_for_meeting` shows depends on, for a cache key: the body's actions,
    their meetings and items (with the main items and the items' meetings, which decide who
    sees them), their owners' names, and the day (an open action past its deadline turns
    "overdue" overnight). One compiled query (nhn_portal.core.stamps)."""
    return f"{timezone.localdate().isoformat()}-{_ACTIONS_STAMP(meeting.body_id)}"


_ACTIONS_STAMP = StampQuery(
    lambda body_id: (
        ActionItem.objects.filter(origin_meeting__body_id=body_id)
        .order_by()
        .values("origin_meeting__body_id")
        .annotate(
            actions=Count("pk"),
            actions_at=Max("updated_at"),
            meetings_at=Max("origin_meeting__updated_at"),
            items_at=Max("origin_item__updated_at"),
            main_items_at=Max("origin_item__parent__updated_at"),
            item_meetings_at=Max("origin_item__meeting__updated_at"),
            people_at=Max("owner_person__updated_at"),
            organisations_at=Max("owner_organisation__updated_at"),
        )
    )
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
            & permissions.visible_item_q(user, meeting.body_id, "origin_item__")
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


def access_action(*, user, pk: int) -> ActionItem:
    action = (
        ActionItem.objects.select_related("origin_meeting__body", "origin_item")
        .filter(pk=pk)
        .first()
    )
    if action is None or not permissions.can_change_action(user, action):
        raise NotFound
    return action
