"""Thin tasks: take primary keys, call one service (nhn_portal.core.tasking.portal_task)."""

import datetime

from celery.schedules import crontab

from nhn_portal.core.tasking import MAIL, RENDER, portal_task
from regiobureau.bundle import meeting_bundle_refresh as meeting_bundle_refresh_service
from regiobureau.services.actions import action_overdue_remind
from regiobureau.services.annotation_reviews import (
    annotation_returned_notify as annotation_returned_notify_service,
)
from regiobureau.services.annotation_reviews import (
    annotation_review_notify as annotation_review_notify_service,
)
from regiobureau.services.archival import document_archival_pending
from regiobureau.services.archival import (
    document_version_archive as document_version_archive_service,
)
from regiobureau.services.attendance import attendance_remind
from regiobureau.services.documents import (
    document_version_text_extract as document_version_text_extract_service,
)
from regiobureau.services.meetings import meeting_notify_members


@portal_task(name="regiobureau.tasks.meeting_agenda_published_notify", kind=MAIL)
def meeting_agenda_published_notify(meeting_id: int) -> int:
    """Mail every current member of the body that the agenda is out (once per meeting)."""
    return meeting_notify_members(meeting_id=meeting_id)


# Every morning: one e-mail per owner of overdue actions (skips those reminded today).
@portal_task(
    name="regiobureau.tasks.action_overdue_reminders",
    kind=MAIL,
    schedule=crontab(hour=7, minute=30),
)
def action_overdue_reminders(today: str | None = None) -> int:
    """Daily (beat): one e-mail per owner listing all their overdue actions."""
    day = datetime.date.fromisoformat(today) if today else None
    return action_overdue_remind(today=day)


# Every morning: members not registered for a meeting a few working days away (once each).
@portal_task(
    name="regiobureau.tasks.attendance_reminders", kind=MAIL, schedule=crontab(hour=7, minute=45)
)
def attendance_reminders(today: str | None = None) -> int:
    """Daily (beat): members who have not registered for a meeting a few working days away
    get one reminder per meeting."""
    day = datetime.date.fromisoformat(today) if today else None
    return attendance_remind(today=day)


@portal_task(name="regiobureau.tasks.document_version_text_extract", kind=RENDER)
def document_version_text_extract(version_id: int) -> int:
    """After an upload: the version's text for the search index."""
    return document_version_text_extract_service(version_id=version_id)


@portal_task(name="regiobureau.tasks.document_version_archive", kind=RENDER)
def document_version_archive(version_id: int) -> bool:
    """After an upload: the version's archival PDF/A copy, published beside the original."""
    return document_version_archive_service(version_id=version_id)


# Every hour: the archival copies an upload's task could not make (no Ghostscript then, a
# worker down), a few at a time.
@portal_task(
    name="regiobureau.tasks.document_archival_sweep", kind=RENDER, schedule=crontab(minute=20)
)
def document_archival_sweep(limit: int = 10) -> int:
    """Hourly (beat): make the missing archival copies of current PDF stukken."""
    return sum(
        document_version_archive_service(version_id=pk) for pk in document_archival_pending(limit)
    )


@portal_task(name="regiobureau.tasks.annotation_review_requested_notify", kind=MAIL)
def annotation_review_requested_notify(review_id: int) -> int:
    """Mail a reviewer that an annotation waits for her review (once per request)."""
    return annotation_review_notify_service(review_id=review_id)


@portal_task(name="regiobureau.tasks.annotation_returned_notify", kind=MAIL)
def annotation_returned_notify(review_id: int) -> int:
    """Mail the author that a reviewer sent her annotation back with a comment."""
    return annotation_returned_notify_service(review_id=review_id)


@portal_task(name="regiobureau.tasks.meeting_bundle_refresh", kind=RENDER)
def meeting_bundle_refresh(meeting_id: int) -> int:
    """After publishing or a changed stuk: request the agenda PDFs and the meeting bundles
    (regiobureau.bundle)."""
    return len(meeting_bundle_refresh_service(meeting_id=meeting_id))
