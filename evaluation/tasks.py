"""Thin tasks of the evaluation: take primary keys, call one service."""

import datetime

from celery.schedules import crontab

from evaluation.services import evaluation_invite
from nhn_portal.core.tasking import MAIL, portal_task

# Task names are stable addresses (queued messages and outbox rows carry them): they kept
# the name they had when this code was part of regiobureau.


# Hourly, so the invitation arrives soon after the secretariat marks the meeting held.
@portal_task(
    name="regiobureau.tasks.evaluation_invitations", kind=MAIL, schedule=crontab(minute=40)
)
def evaluation_invitations(today: str | None = None) -> int:
    """Daily (beat): those who sat at a meeting held in the last two weeks get one invitation
    to evaluate it."""
    day = datetime.date.fromisoformat(today) if today else None
    return evaluation_invite(today=day)
