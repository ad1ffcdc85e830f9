"""Thin tasks: take primary keys, call one service (nhn_portal.core.tasking.portal_task)."""

from nhn_portal.core.tasking import MAIL, portal_task

from . import services


@portal_task(name="verkiezingen.tasks.induction_pack_mail", kind=MAIL)
def induction_pack_mail(job_id: int) -> int:
    """Mail a new member the personal link to their induction pack (once per pack)."""
    return services.induction_pack_mail(job_id=job_id)
