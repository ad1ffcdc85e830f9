"""Writes for meetings: plan, change, move along the status flow, publish (and mail the
members), cancel; the personal calendar feed's token.
"""

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gremia.selectors.registry import member_addresses
from nhn_portal.core.audit import audit_record_create, audited_update, timestamp_once
from nhn_portal.core.constants import AuditAction
from nhn_portal.core.mail import send_templated_mail, site_link
from nhn_portal.core.production.selectors import generation_job_latest
from nhn_portal.core.production.services import document_generation_request
from nhn_portal.core.tasking import enqueue_on_commit
from nhn_portal.core.templatetags.nhn_dates import format_when
from nhn_portal.core.workdays import working_days_before
from regiobureau.bundle import meeting_bundle_queue
from regiobureau.constants import (
    AGENDA,
    AGENDA_OUT_STATUSES,
    DEFAULT_TEMPLATE_ITEMS,
    MEETING_TRANSITIONS,
    PUBLIC,
    MeetingStatus,
    TemplatePlacement,
)
from regiobureau.models.meetings import AgendaItem, CalendarToken, Meeting
from regiobureau.search import meeting_search_refresh
from regiobureau.services.guards import bump_agenda_version, visibility_changed

# The stukken for a meeting are in this many working days before it (the default deadline).
DOCUMENTS_DEADLINE_WORKING_DAYS = 10

MEETING_FIELDS = [
    "title",
    "starts_at",
    "ends_at",
    "location",
    "online_url",
    "is_public",
    "documents_deadline",
]


def default_documents_deadline(starts_at: datetime.datetime) -> datetime.date:
    """Ten working days before the meeting: never a weekend or a Dutch public holiday."""
    return working_days_before(
        timezone.localtime(starts_at).date(), DOCUMENTS_DEADLINE_WORKING_DAYS
    )


def _template_for(body) -> list[tuple[str, str, str]]:
    rows = sorted(
        body.agenda_template_items.all(),
        key=lambda r: (r.placement != TemplatePlacement.OPENING, r.position),
    )
    if rows:
        return [(r.placement, r.title, r.purpose) for r in rows]
    return list(DEFAULT_TEMPLATE_ITEMS)


@transaction.atomic
def meeting_create(
    *,
    actor,
    body,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime,
    title: str = "",
    location: str = "",
    online_url: str = "",
    is_public: bool | None = None,
    documents_deadline: datetime.date | None = None,
    index_search: bool = True,
) -> Meeting:
    """Plan a meeting of `body` with its standard opening and closing items. A caller that
    plans several at once (a series) passes `index_search=False` and indexes them together
    with `meetings_search_refresh`."""
    meeting = Meeting(
        body=body,
        title=title,
        starts_at=starts_at,
        ends_at=ends_at,
        location=location,
        online_url=online_url,
        is_public=body.public_by_default if is_public is None else is_public,
        documents_deadline=documents_deadline
        or (default_documents_deadline(starts_at) if starts_at else None),
    )
    meeting.full_clean()
    # Refused once dissolved, and also on or after an announced dissolution date.
    if body.is_dissolved() or body.is_dissolved(on=timezone.localtime(starts_at).date()):
        raise ValidationError(
            _("%(body)s has been dissolved and no longer meets.") % {"body": body}
        )
    meeting.save()
    for position, (placement, item_title, purpose) in enumerate(_template_for(body), start=1):
        AgendaItem.objects.create(
            meeting=meeting,
            position=position,
            title=item_title,
            purpose=purpose,
            standard_key=placement,
        )
    audit_record_create(actor=actor, obj=meeting, action=AuditAction.CREATE, verb="meeting_create")
    if index_search:
        meeting_search_refresh(meeting=meeting)
    return meeting


@transaction.atomic
def meeting_update(
    *, actor, meeting: Meeting, expected_version: int | None, **fields: Any
) -> Meeting:
    """Change a meeting's date, place or openness."""
    unknown = set(fields) - set(MEETING_FIELDS)
    if unknown:
        raise TypeError(f"meeting_update does not change {sorted(unknown)}")
    was_public = meeting.is_public
    audited_update(
        actor=actor,
        obj=meeting,
        verb="meeting_update",
        clean_exclude=["agenda_version"],
        before_save=lambda: bump_agenda_version(meeting, expected_version),
        recorded=MEETING_FIELDS,
        **fields,
    )
    if meeting.is_public != was_public:
        visibility_changed(actor=actor, meeting=meeting, reason="meeting_update")
    meeting_search_refresh(meeting=meeting)
    return meeting


def _transition(meeting: Meeting, target: str, *, current: str | None = None) -> None:
    current = MeetingStatus(current or meeting.status)
    if target not in MEETING_TRANSITIONS[current]:
        # An unknown target (a tampered form) is refused like any other, not a server error.
        raise ValidationError(
            _("A meeting with status “%(current)s” cannot become “%(target)s”.")
            % {
                "current": current.label,
                "target": MeetingStatus(target).label if target in MeetingStatus else target,
            },
            code="bad_transition",
        )


def meeting_has_begun(meeting: Meeting) -> bool:
    """Only a meeting whose start lies in the past can be held (and get decisions)."""
    return meeting.starts_at <= timezone.now()


@transaction.atomic
def meeting_set_status(*, actor, meeting: Meeting, status: str) -> Meeting:
    """Move a meeting along concept → gepland → … (publishing and cancelling have their own)."""
    if status in (MeetingStatus.AGENDA_PUBLISHED, MeetingStatus.CANCELLED):
        raise ValueError("use meeting_publish_agenda or meeting_cancel")
    _transition(meeting, status)
    if status == MeetingStatus.HELD and not meeting_has_begun(meeting):
        raise ValidationError(
            _("A meeting can only be marked as held once it has begun (%(start)s).")
            % {"start": format_when(meeting.starts_at)},
            code="not_begun",
        )
    # The transition rules above are the check; the row itself is unchanged otherwise.
    meeting = audited_update(
        actor=actor, obj=meeting, verb="meeting_set_status", clean=False, status=status
    )
    meeting_search_refresh(meeting=meeting)
    return meeting


def meeting_mark_members_notified(*, meeting_id: int, recipients: list[str]) -> bool:
    """Record that the members were mailed about the agenda; False if recorded before."""
    return timestamp_once(
        model=Meeting,
        pk=meeting_id,
        field="members_notified_at",
        verb="meeting_notify_members",
        changes={"recipients": len(recipients)},
    )


@transaction.atomic
def meeting_publish_agenda(*, actor, meeting: Meeting, expected_version: int | None) -> Meeting:
    """Publish the agenda and notify every member of the body by e-mail (after commit)."""
    # A draft may be published directly (it passes "gepland" on the way); the caller's
    # instance is only changed once every check has passed, so a refusal changes nothing.
    current = MeetingStatus.PLANNED if meeting.status == MeetingStatus.DRAFT else meeting.status
    _transition(meeting, MeetingStatus.AGENDA_PUBLISHED, current=current)
    if not meeting.items.filter(standard_key="").exists():
        raise ValidationError(
            _("The agenda has no items besides the standard ones; add an item before publishing."),
            code="empty_agenda",
        )
    bump_agenda_version(meeting, expected_version)
    audited_update(
        actor=actor,
        obj=meeting,
        verb="meeting_publish_agenda",
        clean=False,
        recorded=["status"],
        status=MeetingStatus.AGENDA_PUBLISHED,
        agenda_published_at=timezone.now(),
    )
    enqueue_on_commit(NOTIFY_TASK, meeting.pk)
    meeting_search_refresh(meeting=meeting)
    # The outbox row of the task that requests the agenda PDFs and the bundles.
    meeting_bundle_queue(meeting)
    return meeting


@transaction.atomic
def public_agenda_pdf_ensure(*, meeting: Meeting):
    """A published agenda whose public PDF was never requested (published before the PDFs
    were requested with it) gets its job now; one already asked for is left alone, so
    readers asking again never pile up jobs. Returns the job that was made, or None."""
    if meeting.status not in AGENDA_OUT_STATUSES:
        return None
    if generation_job_latest(subject=meeting, kind=AGENDA, audience=PUBLIC) is not None:
        return None
    return document_generation_request(actor=None, subject=meeting, kind=AGENDA, audience=PUBLIC)


# The task that mails the members once the agenda is out (regiobureau/tasks.py).
NOTIFY_TASK = "regiobureau.tasks.meeting_agenda_published_notify"


def meeting_notify_members(*, meeting_id: int) -> int:
    """Mail every current member of the body that the agenda is out: a link, never content.

    Once per meeting: a task delivered again after the mail went out (late acknowledgement)
    finds the meeting marked and sends nothing; a failed mail leaves it unmarked for the retry.
    Returns the number of mails sent."""
    meeting = Meeting.objects.select_related("body").get(pk=meeting_id)
    if meeting.status != MeetingStatus.AGENDA_PUBLISHED:
        # Cancelled (or otherwise moved on) before the worker got to it: announce nothing.
        return 0
    if meeting.members_notified_at is not None:
        return 0
    recipients = member_addresses(body_id=meeting.body_id)
    if not recipients:
        return 0
    sent = send_templated_mail(
        template="regiobureau/email/agenda_published",
        context={"meeting": meeting, "link": site_link(meeting.get_absolute_url())},
        recipients=recipients,
    )
    meeting_mark_members_notified(meeting_id=meeting.pk, recipients=recipients)
    return sent


@transaction.atomic
def meeting_cancel(*, actor, meeting: Meeting, reason: str) -> Meeting:
    """Cancel a meeting; the reason is required and shown to members and in the feed."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"cancel_reason": _("Give a reason for the cancellation.")})
    _transition(meeting, MeetingStatus.CANCELLED)
    meeting = audited_update(
        actor=actor,
        obj=meeting,
        verb="meeting_cancel",
        clean=False,
        recorded=["cancel_reason"],
        status=MeetingStatus.CANCELLED,
        cancel_reason=reason,
    )
    meeting_search_refresh(meeting=meeting)
    return meeting


@transaction.atomic
def calendar_token_rotate(*, actor) -> CalendarToken:
    """Make (or replace) the user's secret feed token; the old feed URL stops working."""
    CalendarToken.objects.filter(user=actor).delete()
    token = CalendarToken.objects.create(user=actor)
    audit_record_create(
        actor=actor, obj=token, action=AuditAction.UPDATE, verb="calendar_token_rotate"
    )
    return token
