"""Thin tasks: take primary keys, call one service (nhn_portal.core.tasking.portal_task)."""

from nhn_portal.core.tasking import MAIL, PERIODIC, portal_task

from .services import spanners


@portal_task(name="netwerk.tasks.spanner_reports_monthly", kind=PERIODIC)
def spanner_reports_monthly() -> int:
    """Beat, on the first of the month: last month's report of every boundary spanner."""
    return spanners.spanner_reports_request_monthly()


@portal_task(name="netwerk.tasks.spanner_report_mail", kind=MAIL)
def spanner_report_mail(job_id: int) -> int:
    """Mail the boundary spanner that a monthly report is ready (once per report)."""
    return spanners.spanner_report_mail(job_id=job_id)
