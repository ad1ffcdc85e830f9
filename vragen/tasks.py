"""Thin tasks: take primary keys, call one service (nhn_portal.core.tasking.portal_task)."""

from nhn_portal.core.tasking import MAIL, portal_task
from vragen.services import question_answer_send, question_link_mail_send


@portal_task(name="vragen.tasks.question_answer_mail", kind=MAIL)
def question_answer_mail(question_id: int) -> int:
    """Mail a reviewed answer to the council member and to the griffies of all councils."""
    return question_answer_send(question_id=question_id)


@portal_task(name="vragen.tasks.question_link_mail", kind=MAIL)
def question_link_mail(registration_id: int) -> int:
    """Mail a council member her personal link to ask the region a question."""
    return question_link_mail_send(registration_id=registration_id)
