"""The consultations' beat: reminders to griffies that have not responded."""

from celery.schedules import crontab

from consultaties.services import reminders_send
from nhn_portal.core.tasking import PERIODIC, portal_task


# Every working morning: 14 and 3 working days before a deadline the griffies that have not
# responded get a reminder (once each; the response records it).
@portal_task(
    name="consultaties.tasks.consultation_reminders",
    kind=PERIODIC,
    schedule=crontab(hour=7, minute=30),
)
def consultation_reminders() -> int:
    return reminders_send()
