"""Thin tasks of the written rounds: take primary keys, call one service."""

from celery.schedules import crontab

from nhn_portal.core.tasking import MAIL, PERIODIC, portal_task
from rounds.services import written_round_invite as written_round_invite_service
from rounds.services import written_rounds_close_due as written_rounds_close_due_service
from rounds.services import written_rounds_remind as written_rounds_remind_service

# Task names are stable addresses (queued messages and outbox rows carry them): they kept
# the name they had when this code was part of regiobureau.


@portal_task(name="regiobureau.tasks.written_round_invite", kind=MAIL)
def written_round_invite(round_id: int) -> int:
    """Each member of the body gets their personal one-time link."""
    return written_round_invite_service(round_id=round_id)


# Every five minutes: rounds whose deadline passed close themselves.
@portal_task(name="regiobureau.tasks.written_rounds_close_due", kind=PERIODIC, schedule=300.0)
def written_rounds_close_due() -> int:
    """Every few minutes (beat): written rounds whose deadline passed close themselves."""
    return written_rounds_close_due_service()


# Hourly: a reminder a day before the deadline.
@portal_task(name="regiobureau.tasks.written_rounds_remind", kind=MAIL, schedule=crontab(minute=15))
def written_rounds_remind() -> int:
    """Hourly (beat): a reminder a day before the deadline to members who have not answered."""
    return written_rounds_remind_service()
