"""Thin tasks: take primary keys, call one service (nhn_portal.core.tasking.portal_task)."""

from celery.schedules import crontab

from nhn_portal.core.tasking import MAIL, PERIODIC, portal_task

from .services import spanners


# On the 1st: last month's report of every boundary spanner, made and mailed.
@portal_task(
    name="netwerk.tasks.spanner_reports_monthly",
    kind=PERIODIC,
    schedule=crontab(day_of_month=1, hour=6, minute=30),
)
def spanner_reports_monthly() -> int:
    """Beat, on the first of the month: last month's report of every boundary spanner."""
    return spanners.spanner_reports_request_monthly()


@portal_task(name="netwerk.tasks.spanner_report_mail", kind=MAIL)
def spanner_report_mail(job_id: int) -> int:
    """Mail the boundary spanner that a monthly report is ready (once per report)."""
    return spanners.spanner_report_mail(job_id=job_id)
