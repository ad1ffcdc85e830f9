"""Who reads and comments on the minutes."""

from nhn_portal.core.access import is_secretariat
from regiobureau.permissions import can_see_agenda, member_body_ids


def can_read_minutes(user, meeting, minutes) -> bool:
    """The secretariat always; the body's members once they were sent
    for comments; anyone who may see the meeting once adopted, if the meeting is public (as
    the public version: closed items as "besloten agendapunt")."""
    if minutes is None:
        return False
    if is_secretariat(user):
        return True
    if not can_see_agenda(user, meeting):
        return False
    if meeting.body_id in member_body_ids(user):
        return not minutes.is_draft
    return minutes.is_adopted and meeting.is_public


def can_comment_minutes(user, meeting) -> bool:
    """Only the body's members comment on the draft minutes."""
    return meeting.body_id in member_body_ids(user)
