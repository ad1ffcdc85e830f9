"""The beat's schedule is declared beside each periodic task and reaches the Celery app."""

from celery.schedules import crontab

from nhn_portal.celery import app

# Every periodic task of the portal, with how often the beat runs it.
EXPECTED = {
    "nhn_portal.core.tasks.document_generation_sweep": 15.0,
    "nhn_portal.core.tasks.outbox_sweep": 60.0,
    "nhn_portal.core.tasks.heartbeat": 30.0,
    "regiobureau.tasks.action_overdue_reminders": crontab(hour=7, minute=30),
    "regiobureau.tasks.attendance_reminders": crontab(hour=7, minute=45),
    "regiobureau.tasks.document_archival_sweep": crontab(minute=20),
    "regiobureau.tasks.evaluation_invitations": crontab(minute=40),
    "regiobureau.tasks.written_rounds_close_due": 300.0,
    "regiobureau.tasks.written_rounds_remind": crontab(minute=15),
    "raden.tasks.council_letter_deliveries_sync": 60.0,
    "raden.tasks.council_digests": crontab(day_of_week=1, hour=8, minute=0),
    "netwerk.tasks.spanner_reports_monthly": crontab(day_of_month=1, hour=6, minute=30),
    "consultaties.tasks.consultation_reminders": crontab(hour=7, minute=30),
}


def test_every_periodic_task_is_on_the_celery_apps_schedule():
    schedule = app.conf.beat_schedule
    assert {name: entry["schedule"] for name, entry in schedule.items()} == EXPECTED
    for name, entry in schedule.items():
        assert entry["task"] == name
        assert name in app.tasks, f"{name} is scheduled but no task has that name"


def test_settings_list_no_beat_task(settings):
    assert not hasattr(settings, "CELERY_BEAT_SCHEDULE")
