"""Thin tasks of the minutes: take primary keys, call one service."""

from minutes.services import minutes_notify_members
from nhn_portal.core.tasking import MAIL, portal_task

# Task names are stable addresses (queued messages and outbox rows carry them): they kept
# the name they had when this code was part of regiobureau.


@portal_task(name="regiobureau.tasks.minutes_sent_notify", kind=MAIL)
def minutes_sent_notify(minutes_id: int) -> int:
    """Each member of the body hears that the draft minutes wait for comments."""
    return minutes_notify_members(minutes_id=minutes_id)
