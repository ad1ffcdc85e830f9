"""Thin tasks: take primary keys, call one service (nhn_portal.core.tasking.portal_task)."""

import datetime

from nhn_portal.core.tasking import MAIL, PERIODIC, RENDER, portal_task
from regiobureau.services.actions import action_overdue_remind
from regiobureau.services.attendance import attendance_remind
from regiobureau.services.documents import (
    document_version_text_extract as document_version_text_extract_service,
)
from regiobureau.services.evaluation import evaluation_invite
from regiobureau.services.meetings import meeting_notify_members
from regiobureau.services.minutes import minutes_notify_members
from regiobureau.services.rounds import written_round_invite as written_round_invite_service
from regiobureau.services.rounds import written_rounds_close_due as written_rounds_close_due_service
from regiobureau.services.rounds import written_rounds_remind as written_rounds_remind_service


@portal_task(name="regiobureau.tasks.meeting_agenda_published_notify", kind=MAIL)
def meeting_agenda_published_notify(meeting_id: int) -> int:
    """Mail every current member of the body that the agenda is out (once per meeting)."""
    return meeting_notify_members(meeting_id=meeting_id)


@portal_task(name="regiobureau.tasks.action_overdue_reminders", kind=MAIL)
def action_overdue_reminders(today: str | None = None) -> int:
    """Daily (beat): one e-mail per owner listing all their overdue actions (issue 5)."""
    day = datetime.date.fromisoformat(today) if today else None
    return action_overdue_remind(today=day)


@portal_task(name="regiobureau.tasks.attendance_reminders", kind=MAIL)
def attendance_reminders(today: str | None = None) -> int:
    """Daily (beat): members who have not registered for a meeting a few working days away
    get one reminder per meeting (issue 10)."""
    day = datetime.date.fromisoformat(today) if today else None
    return attendance_remind(today=day)


@portal_task(name="regiobureau.tasks.written_round_invite", kind=MAIL)
def written_round_invite(round_id: int) -> int:
    """Each member of the body gets their personal one-time link (issue 10)."""
    return written_round_invite_service(round_id=round_id)


@portal_task(name="regiobureau.tasks.written_rounds_close_due", kind=PERIODIC)
def written_rounds_close_due() -> int:
    """Every few minutes (beat): written rounds whose deadline passed close themselves."""
    return written_rounds_close_due_service()


@portal_task(name="regiobureau.tasks.written_rounds_remind", kind=MAIL)
def written_rounds_remind() -> int:
    """Hourly (beat): a reminder a day before the deadline to members who have not answered."""
    return written_rounds_remind_service()


@portal_task(name="regiobureau.tasks.document_version_text_extract", kind=RENDER)
def document_version_text_extract(version_id: int) -> int:
    """After an upload: the version's text for the search index (issue 11)."""
    return document_version_text_extract_service(version_id=version_id)


@portal_task(name="regiobureau.tasks.minutes_sent_notify", kind=MAIL)
def minutes_sent_notify(minutes_id: int) -> int:
    """Each member of the body hears that the draft minutes wait for comments (issue 10)."""
    return minutes_notify_members(minutes_id=minutes_id)


@portal_task(name="regiobureau.tasks.evaluation_invitations", kind=MAIL)
def evaluation_invitations(today: str | None = None) -> int:
    """Daily (beat): those who sat at a meeting held in the last two weeks get one invitation
    to evaluate it (issue 13)."""
    day = datetime.date.fromisoformat(today) if today else None
    return evaluation_invite(today=day)
