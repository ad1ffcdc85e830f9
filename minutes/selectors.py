"""The minutes as a reader may see them: per agenda item its account, closed
items only for those who may see them (the agenda selector decides, so the numbering and the
placeholders are the agenda's); the comments; the minutes per body for the navigation page."""

from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser
from django.db.models import Q, QuerySet
from django.utils import timezone

from minutes.constants import MinutesStatus
from minutes.models import Minutes, MinutesComment, MinutesEntry, MinutesRevision
from minutes.permissions import can_read_minutes
from nhn_portal.core.access import NotFound
from regiobureau import permissions
from regiobureau.constants import MeetingStatus
from regiobureau.models.meetings import Meeting
from regiobureau.selectors.agenda import AgendaRow, agenda_rows, agenda_rows_for_members, flatten
from regiobureau.selectors.meetings import access_meeting


@dataclass
class MinutesRow:
    """One agenda item in the minutes: its number, and its account when the reader may see it."""

    item: object
    number: str
    visible: bool
    is_sub: bool
    entry: MinutesEntry | None

    @property
    def visible_publicly(self) -> bool:
        """A public item (of a public main item): what the members' PDF marks confidential."""
        return permissions.is_public_item(self.item)

    @property
    def text(self) -> str:
        return self.entry.text if self.entry is not None else ""

    @property
    def version(self) -> int:
        return self.entry.version if self.entry is not None else 0


def minutes_for(meeting: Meeting) -> Minutes | None:
    return Minutes.objects.filter(meeting=meeting).select_related("adopted_in").first()


def minutes_term_open(minutes: Minutes) -> bool:
    """Sent for comments and the term has not ended (the deadline day included)."""
    return minutes.is_sent and timezone.localdate() <= minutes.comment_deadline


def minutes_entry_current(*, item) -> MinutesEntry | None:
    """The stored account of an item (after a refused save: what someone else saved)."""
    return MinutesEntry.objects.filter(item=item).first()


def access_minutes(*, user, pk: int) -> tuple[Meeting, Minutes | None]:
    """The meeting and its minutes for a reader (404 when they may not read them). The
    secretariat gets the meeting also before there are minutes (None)."""
    meeting = access_meeting(user=user, pk=pk)
    minutes = minutes_for(meeting)
    if permissions.is_secretariat(user) and meeting.agenda_is_out:
        return meeting, minutes
    if not can_read_minutes(user, meeting, minutes):
        raise NotFound
    return meeting, minutes


def _rows(agenda: list[AgendaRow], minutes: Minutes | None) -> list[MinutesRow]:
    entries = {}
    if minutes is not None:
        entries = {entry.item_id: entry for entry in minutes.entries.all()}
    return [
        MinutesRow(
            item=row.item,
            number=row.number,
            visible=row.visible,
            is_sub=row.item.parent_id is not None,
            entry=entries.get(row.item.pk) if row.visible else None,
        )
        for row in flatten(agenda)
    ]


def minutes_rows(*, user, meeting: Meeting, minutes: Minutes | None) -> list[MinutesRow]:
    """The minutes as `user` may read them; a fixed number of queries."""
    return _rows(agenda_rows(user=user, meeting=meeting), minutes)


def minutes_rows_public(*, meeting: Meeting, minutes: Minutes) -> list[MinutesRow]:
    """As an anonymous visitor reads them: the public PDF."""
    return _rows(agenda_rows(user=AnonymousUser(), meeting=meeting), minutes)


def minutes_rows_for_members(*, meeting: Meeting, minutes: Minutes) -> list[MinutesRow]:
    """Every item with its account: the members' PDF, made by a worker without a reader."""
    return _rows(agenda_rows_for_members(meeting=meeting), minutes)


def minutes_comments(*, user, minutes: Minutes | None) -> list[MinutesComment]:
    """The secretariat sees every comment; a member their own."""
    if minutes is None or not user.is_authenticated:
        return []
    qs = MinutesComment.objects.filter(minutes=minutes).select_related(
        "author", "entry", "entry__item"
    )
    if not permissions.is_secretariat(user):
        qs = qs.filter(author=user)
    return list(qs)


def minutes_revisions(*, minutes: Minutes | None) -> list[MinutesRevision]:
    """The version history of every entry (for the secretariat), newest first per entry."""
    if minutes is None:
        return []
    return list(
        MinutesRevision.objects.filter(entry__minutes=minutes)
        .select_related("entry", "entry__item", "saved_by")
        .order_by("entry__item__position", "entry_id", "-number")
    )


def minutes_visible_q(user) -> Q:
    """`can_read_minutes` as a filter on Minutes."""
    if permissions.is_secretariat(user):
        return Q()
    members = Q(meeting__body_id__in=permissions.member_body_ids(user)) & ~Q(
        status=MinutesStatus.DRAFT
    )
    return members | Q(status=MinutesStatus.ADOPTED, meeting__is_public=True)


def minutes_list(*, user) -> QuerySet[Minutes]:
    """Every minutes the user may read, per body, newest meeting first."""
    return (
        Minutes.objects.filter(minutes_visible_q(user))
        .exclude(meeting__status__in=(MeetingStatus.DRAFT, MeetingStatus.PLANNED))
        .select_related("meeting", "meeting__body", "adopted_in")
        .order_by("meeting__body__name", "meeting__body_id", "-meeting__starts_at", "pk")
    )


def minutes_meeting_ids(*, user, meeting_ids) -> set[int]:
    """Of these meetings, those whose minutes the user may read (one query: the archive)."""
    return set(
        Minutes.objects.filter(minutes_visible_q(user), meeting_id__in=list(meeting_ids))
        .exclude(meeting__status__in=(MeetingStatus.DRAFT, MeetingStatus.PLANNED))
        .values_list("meeting_id", flat=True)
    )


def previous_meeting_of_body(meeting: Meeting) -> Meeting | None:
    """The body's meeting before `meeting` that was not cancelled."""
    return (
        Meeting.objects.filter(body_id=meeting.body_id, starts_at__lt=meeting.starts_at)
        .exclude(status=MeetingStatus.CANCELLED)
        .order_by("-starts_at", "-pk")
        .first()
    )


def previous_minutes_for(*, user, meeting: Meeting) -> Minutes | None:
    """The previous meeting's minutes, which this meeting adopts under "Verslag vorige
    vergadering", when the user may read them."""
    previous = previous_meeting_of_body(meeting)
    if previous is None:
        return None
    minutes = minutes_for(previous)
    if minutes is None:
        return None
    minutes.meeting = previous
    if not can_read_minutes(user, previous, minutes):
        return None
    return minutes
