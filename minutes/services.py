"""Writes of the minutes (verslag): the secretariat writes an account per agenda
item (every save a new version, refused when someone else saved in between: the agenda
editor's optimistic locking and message), sends the draft to the members for comments within
a term (mail after commit), and adopts it at the body's next meeting, optionally with textual
changes kept as a new version. Adopted minutes are final."""

import datetime
from collections.abc import Mapping

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from gremia.selectors.registry import member_addresses
from minutes.constants import MinutesStatus
from minutes.models import Minutes, MinutesComment, MinutesEntry, MinutesRevision
from minutes.permissions import can_comment_minutes
from minutes.search import minutes_search_refresh
from minutes.selectors import minutes_term_open
from nhn_portal.core.audit import audit_record_create, audited_create, audited_update
from nhn_portal.core.constants import AuditAction
from nhn_portal.core.mail import send_templated_mail, site_link
from nhn_portal.core.search import search_entries_refresh
from nhn_portal.core.tasking import enqueue_on_commit
from regiobureau import permissions
from regiobureau.constants import MeetingStatus
from regiobureau.models.meetings import AgendaItem, Meeting
from regiobureau.selectors.meetings import next_meeting_of_body
from regiobureau.services.guards import StaleAgendaError

# Minutes are written once the agenda is out (during the meeting too) and after it.
MINUTES_OPEN = (MeetingStatus.AGENDA_PUBLISHED, MeetingStatus.HELD, MeetingStatus.CLOSED)
# Sent for comments and adopted only once the meeting was held.
MINUTES_HELD = (MeetingStatus.HELD, MeetingStatus.CLOSED)
# An account is short; the limit keeps an entry (and the editor's answer) small.
MAX_ENTRY_LENGTH = 20_000
# The task that mails the members the draft (minutes/tasks.py; the name is the old address).
MINUTES_NOTIFY_TASK = "regiobureau.tasks.minutes_sent_notify"


def _normalise(text: str) -> str:
    return (text or "").replace("\r\n", "\n").strip()


@transaction.atomic
def minutes_start(*, actor, meeting: Meeting) -> Minutes:
    """The meeting's minutes, made (as a draft) on first use."""
    if meeting.status not in MINUTES_OPEN:
        raise ValidationError(
            _("Minutes can be written once the agenda has been published."), code="no_agenda"
        )
    minutes, created = Minutes.objects.get_or_create(meeting=meeting)
    if created:
        audit_record_create(
            actor=actor, obj=minutes, action=AuditAction.CREATE, verb="minutes_start"
        )
    return minutes


def _lock(minutes: Minutes) -> Minutes:
    return Minutes.objects.select_for_update().get(pk=minutes.pk)


def _check_not_adopted(minutes: Minutes) -> None:
    if minutes.is_adopted:
        raise ValidationError(
            _("These minutes have been adopted and can no longer be changed."), code="adopted"
        )


def _write(*, actor, entry: MinutesEntry, text: str, status: str, verb: str) -> MinutesEntry:
    """The new text as the next version, kept in the history, with an audit record."""
    if len(text) > MAX_ENTRY_LENGTH:
        raise ValidationError(
            {
                "text": _("An account has at most %(max)s characters.")
                % {"max": f"{MAX_ENTRY_LENGTH:,}".replace(",", ".")}
            }
        )
    before = entry.version
    entry.text = text
    entry.version += 1
    entry.full_clean()
    entry.save()
    MinutesRevision.objects.create(
        entry=entry, number=entry.version, text=text, status=status, saved_by=actor
    )
    audit_record_create(
        actor=actor,
        obj=entry,
        action=AuditAction.UPDATE,
        verb=verb,
        changes={"item": entry.item_id, "version": [before, entry.version]},
    )
    search_entries_refresh(objects=[entry])
    return entry


@transaction.atomic
def minutes_entry_save(
    *, actor, item: AgendaItem, expected_version: int | None, text: str
) -> MinutesEntry:
    """Save the account of one agenda item as a new version.

    `expected_version` is the entry version the writer started from; when someone else saved
    in between, the save is refused with the agenda editor's conflict message. Saving the
    same text again changes nothing (an autosave after a pause adds no empty version)."""
    minutes = _lock(minutes_start(actor=actor, meeting=item.meeting))
    _check_not_adopted(minutes)
    entry, _created = MinutesEntry.objects.select_for_update().get_or_create(
        minutes=minutes, item=item
    )
    if expected_version is not None and entry.version != expected_version:
        raise StaleAgendaError()
    text = _normalise(text)
    if text == entry.text:
        return entry
    return _write(
        actor=actor, entry=entry, text=text, status=minutes.status, verb="minutes_entry_save"
    )


@transaction.atomic
def minutes_send(*, actor, minutes: Minutes, comment_deadline: datetime.date) -> Minutes:
    """Send the draft to the body's members for comments until `comment_deadline`; they get
    an e-mail (after the commit) with a link, never the content."""
    minutes = _lock(minutes)
    meeting = minutes.meeting
    if not minutes.is_draft:
        raise ValidationError(_("Only draft minutes can be sent for comments."), code="not_draft")
    if meeting.status not in MINUTES_HELD:
        raise ValidationError(
            _("Minutes are sent for comments once the meeting has been held."),
            code="meeting_not_held",
        )
    if comment_deadline is None or comment_deadline < timezone.localdate():
        raise ValidationError(
            {"comment_deadline": _("The term for comments cannot end in the past.")}
        )
    if not minutes.entries.exclude(text="").exists():
        raise ValidationError(
            _("Write an account of at least one agenda item before sending the minutes."),
            code="empty",
        )
    audited_update(
        actor=actor,
        obj=minutes,
        verb="minutes_send",
        status=MinutesStatus.SENT,
        comment_deadline=comment_deadline,
        sent_at=timezone.now(),
    )
    minutes_search_refresh(minutes=minutes)
    enqueue_on_commit(MINUTES_NOTIFY_TASK, minutes.pk)
    return minutes


def minutes_notify_members(*, minutes_id: int) -> int:
    """Mail every current member of the body that the draft minutes wait for their comments:
    a link and the term, never content. Returns the number of mails sent."""
    minutes = Minutes.objects.select_related("meeting", "meeting__body").get(pk=minutes_id)
    if not minutes.is_sent:
        return 0
    meeting = minutes.meeting
    recipients = member_addresses(body_id=meeting.body_id)
    link = site_link(reverse("minutes:minutes_detail", kwargs={"pk": meeting.pk}))
    return send_templated_mail(
        template="minutes/email/minutes_sent",
        context={"meeting": meeting, "minutes": minutes, "link": link},
        recipients=recipients,
    )


@transaction.atomic
def minutes_comment_add(
    *, actor, minutes: Minutes, text: str, entry: MinutesEntry | None = None
) -> MinutesComment:
    """A member's comment on the draft, on one item's account or on the whole, until the
    term ends."""
    minutes = _lock(minutes)
    meeting = minutes.meeting
    if not can_comment_minutes(actor, meeting):
        raise ValidationError(
            _("Only members of the body can comment on the minutes."), code="not_member"
        )
    if not minutes.is_sent:
        raise ValidationError(_("These minutes are not open for comments."), code="not_open")
    if not minutes_term_open(minutes):
        raise ValidationError(
            _("The term for comments on these minutes has passed."), code="term_passed"
        )
    if entry is not None and (
        entry.minutes_id != minutes.pk or not permissions.can_see_item(actor, entry.item, meeting)
    ):
        raise ValidationError({"entry": _("Choose an agenda item of these minutes.")})
    text = _normalise(text)
    if not text:
        raise ValidationError({"text": _("Write your comment.")})
    comment = MinutesComment(minutes=minutes, entry=entry, author=actor, text=text)
    audited_create(actor=actor, obj=comment, verb="minutes_comment_add")
    return comment


@transaction.atomic
def minutes_adopt(
    *,
    actor,
    minutes: Minutes,
    at_meeting: Meeting,
    changes: Mapping[AgendaItem, str] | None = None,
) -> Minutes:
    """Adopt the minutes at the body's next meeting (under "Verslag vorige vergadering"),
    with the textual changes made there kept as a new version of each entry. Final after."""
    minutes = _lock(minutes)
    meeting = minutes.meeting
    _check_not_adopted(minutes)
    if not minutes.is_sent:
        raise ValidationError(
            _("Send the draft minutes to the members for comments before adopting them."),
            code="not_sent",
        )
    if meeting.status not in MINUTES_HELD:
        raise ValidationError(
            _("Only the minutes of a meeting that was held can be adopted."),
            code="meeting_not_held",
        )
    expected = next_meeting_of_body(meeting)
    if expected is None or expected.pk != at_meeting.pk:
        raise ValidationError(
            _("Minutes are adopted at the next meeting of the same body."),
            code="not_next_meeting",
        )
    for item, text in (changes or {}).items():
        if item.meeting_id != meeting.pk:
            raise ValidationError(_("Choose an agenda item of these minutes."), code="bad_item")
        entry, _created = MinutesEntry.objects.select_for_update().get_or_create(
            minutes=minutes, item=item
        )
        text = _normalise(text)
        if text != entry.text:
            _write(
                actor=actor,
                entry=entry,
                text=text,
                status=MinutesStatus.ADOPTED,
                verb="minutes_entry_adopt_change",
            )
    audited_update(
        actor=actor,
        obj=minutes,
        verb="minutes_adopt",
        recorded=["status", "adopted_in"],
        status=MinutesStatus.ADOPTED,
        adopted_at=timezone.now(),
        adopted_in=at_meeting,
    )
    minutes_search_refresh(minutes=minutes)
    return minutes
