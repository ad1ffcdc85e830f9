"""Reads of meetings: the regional calendar, one's own meetings, the feeds, access to one
meeting (404 for a draft outside the secretariat).
"""

from django.contrib.auth.models import AnonymousUser
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from gremia.models.registry import Membership
from gremia.selectors.delegation import delegations_received
from nhn_portal.core.access import NotFound, found
from nhn_portal.core.stamps import ObjectQuery
from regiobureau import permissions
from regiobureau.constants import MeetingStatus
from regiobureau.models.meetings import CalendarToken, Meeting


def meeting_queryset_visible(user) -> QuerySet[Meeting]:
    return _visible_meetings(secretariat=permissions.is_secretariat(user))


def _visible_meetings(*, secretariat: bool) -> QuerySet[Meeting]:
    qs = Meeting.objects.select_related("body", "body__theme")
    if secretariat:
        return qs
    return qs.exclude(status=MeetingStatus.DRAFT)


# access_meeting's query, one per shape, compiled once (nhn_portal.core.stamps).
_MEETING_BY_PK = {
    secretariat: ObjectQuery(
        lambda pk, secretariat=secretariat: (
            _visible_meetings(secretariat=secretariat).filter(pk=pk).order_by()
        )
    )
    for secretariat in (False, True)
}


def meeting_label(*, user, meeting: Meeting) -> str:
    """The meeting's name as `user` may see it: its title for the public meeting and for
    those inside a closed one; otherwise only its body and date (`user` None: a visitor)."""
    if permissions.can_see_meeting_title(user or AnonymousUser(), meeting):
        return str(meeting)
    return _("%(body)s, %(date)s") % {
        "body": meeting.body.name,
        "date": date_format(timezone.localtime(meeting.starts_at), "j F Y"),
    }


def meeting_list_upcoming(
    *, user, body=None, theme=None, subregion=None, include_past: bool = False
) -> QuerySet[Meeting]:
    """The regiokalender: upcoming meetings across all bodies, with optional filters."""
    qs = meeting_queryset_visible(user)
    if not include_past:
        qs = qs.filter(ends_at__gte=timezone.now())
    if body is not None:
        qs = qs.filter(body=body)
    if theme is not None:
        qs = qs.filter(body__theme=theme)
    if subregion is not None:
        # A body belongs to a sub-region's view when someone represents that sub-region there.
        qs = qs.filter(body__memberships__organisation__subregion=subregion).distinct()
    return qs.order_by("starts_at")


def meeting_list_for_member(*, user) -> QuerySet[Meeting]:
    """ "Mijn vergaderingen": meetings of the bodies the user sits on, upcoming first."""
    body_ids = permissions.member_body_ids(user)
    return (
        meeting_queryset_visible(user)
        .filter(body_id__in=body_ids, ends_at__gte=timezone.now())
        .order_by("starts_at")
    )


def meeting_lists_for_assistant(*, user) -> list[tuple[str, list[Meeting]]]:
    """ "Vergaderingen van <naam>": for each principal who gave the user read access
    (gremia.Delegation), the upcoming meetings of the bodies she sits on, under her name."""
    lists = []
    for delegation in delegations_received(user=user):
        body_ids = Membership.objects.current(timezone.localdate()).filter(
            person__user=delegation.principal_id
        )
        meetings = list(
            meeting_queryset_visible(user)
            .filter(
                body_id__in=body_ids.values("body_id"),
                ends_at__gte=timezone.now(),
            )
            .order_by("starts_at")
        )
        lists.append((delegation.principal_name, meetings))
    return lists


def access_meeting(*, user, pk: int, for_update: bool = False) -> Meeting:
    """The meeting, or 404 when it does not exist or the user may not see it."""
    if not for_update:
        meeting = _MEETING_BY_PK[permissions.is_secretariat(user)].first(pk)
        if meeting is None:
            raise NotFound
        return meeting
    if not permissions.can_manage_meetings(user):
        raise NotFound
    return found(meeting_queryset_visible(user).select_for_update(of=("self",)), pk=pk)


def meeting_list_for_body_feed(*, body) -> QuerySet[Meeting]:
    """The public feed of a body: every meeting past the draft stage, as anyone may see it."""
    return meeting_queryset_visible(AnonymousUser()).filter(body=body).order_by("starts_at")


def meeting_list_for_personal_feed(*, user) -> QuerySet[Meeting]:
    """The personal feed: meetings (past the draft stage) of the bodies the user sits on."""
    body_ids = permissions.member_body_ids(user)
    return (
        Meeting.objects.select_related("body")
        .exclude(status=MeetingStatus.DRAFT)
        .filter(body_id__in=body_ids)
        .order_by("starts_at")
    )


def calendar_token_for(*, user):
    """The user's personal feed token, or None when no feed link was made yet."""
    if not user.is_authenticated:
        return None
    return CalendarToken.objects.filter(user=user).first()


def next_meeting_of_body(meeting: Meeting) -> Meeting | None:
    """The body's next meeting after `meeting` that is not cancelled."""
    return (
        Meeting.objects.filter(body_id=meeting.body_id, starts_at__gt=meeting.starts_at)
        .exclude(status=MeetingStatus.CANCELLED)
        .order_by("starts_at", "pk")
        .first()
    )
