"""Thin tasks: take primary keys, call one service (nhn_portal.core.tasking.portal_task)."""

import datetime

from nhn_portal.core.tasking import MAIL, RENDER, portal_task

from . import services


@portal_task(name="regiobureau.tasks.meeting_agenda_published_notify", kind=MAIL)
def meeting_agenda_published_notify(meeting_id: int) -> int:
    """Mail every current member of the body that the agenda is out (once per meeting)."""
    return services.meeting_notify_members(meeting_id=meeting_id)


@portal_task(name="regiobureau.tasks.action_overdue_reminders", kind=MAIL)
def action_overdue_reminders(today: str | None = None) -> int:
    """Daily (beat): one e-mail per owner listing all their overdue actions (issue 5)."""
    day = datetime.date.fromisoformat(today) if today else None
    return services.action_overdue_remind(today=day)


@portal_task(name="regiobureau.tasks.document_version_text_extract", kind=RENDER)
def document_version_text_extract(version_id: int) -> int:
    """After an upload: the version's text for the search index (issue 11)."""
    return services.document_version_text_extract(version_id=version_id)
