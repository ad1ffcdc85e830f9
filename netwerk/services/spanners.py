"""Boundary spanners per sub-region (netwerk): writes, each validated and audited
in one transaction."""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from netwerk.constants import SPANNER_REPORT
from netwerk.models.spanners import BoundarySpanner
from netwerk.selectors import month_label
from nhn_portal.core.audit import audit_record_create, audited_create, audited_update
from nhn_portal.core.constants import AuditAction, GenerationStatus
from nhn_portal.core.mail import send_templated_mail, site_link
from nhn_portal.core.models import AuditRecord, GenerationJob
from nhn_portal.core.production.services import document_generation_request
from nhn_portal.core.tasking import enqueue_on_commit


@transaction.atomic
def boundary_spanner_set(*, actor, subregion, person, workday=None) -> BoundarySpanner:
    """The beheerder names the sub-region's boundary spanner (replacing an earlier one) and
    the day of the week they work for the region."""
    spanner = BoundarySpanner.objects.select_for_update().filter(subregion=subregion).first()
    if spanner is None:
        spanner = BoundarySpanner(subregion=subregion, person=person, workday=workday)
        audited_create(actor=actor, obj=spanner, verb="boundary_spanner_set")
        return spanner
    return audited_update(
        actor=actor, obj=spanner, verb="boundary_spanner_set", person=person, workday=workday
    )


def previous_month(today: datetime.date | None = None) -> str:
    first = (today or timezone.localdate()).replace(day=1)
    last = first - datetime.timedelta(days=1)
    return f"{last:%Y-%m}"


def spanner_reports_request_monthly(*, today: datetime.date | None = None) -> int:
    """The beat, on the first of the month: request last month's report of every boundary
    spanner, once (a month already requested or made is left alone). Returns how many."""
    month = previous_month(today)
    content_type = ContentType.objects.get_for_model(BoundarySpanner)
    done = set(
        GenerationJob.objects.filter(
            content_type=content_type, kind=SPANNER_REPORT, audience=month
        ).values_list("object_id", flat=True)
    )
    requested = 0
    for spanner in BoundarySpanner.objects.exclude(pk__in=done).order_by("pk"):
        with transaction.atomic():
            document_generation_request(
                actor=None, subject=spanner, kind=SPANNER_REPORT, audience=month
            )
        requested += 1
    return requested


def spanner_report_finished(job_id: int) -> None:
    """The pipeline's follow-up (on_finished) of a monthly report: mail the spanner (through
    the durable outbox, so a broker that is away delays the mail but does not lose it)."""
    with transaction.atomic():
        enqueue_on_commit("netwerk.tasks.spanner_report_mail", job_id)


@transaction.atomic
def spanner_report_mail(*, job_id: int) -> int:
    """Mail the boundary spanner that the monthly report is ready: a link into the portal,
    never the report (it lists open opportunities). Once per report: a task delivered again
    finds the audit record of the first mail and sends nothing. Returns the mails sent."""
    job = GenerationJob.objects.select_for_update().get(pk=job_id)
    if job.kind != SPANNER_REPORT or job.status != GenerationStatus.DONE:
        return 0
    if AuditRecord.objects.filter(
        verb="spanner_report_mail",
        content_type=ContentType.objects.get_for_model(GenerationJob),
        object_id=str(job.pk),
    ).exists():
        return 0
    spanner = (
        BoundarySpanner.objects.select_related("person__user", "subregion")
        .filter(pk=job.object_id)
        .first()
    )
    person = spanner.person if spanner is not None else None
    address = person and (person.email or (person.user.email if person.user_id else ""))
    if not address:
        return 0
    link = site_link(reverse("netwerk:spanner_detail", kwargs={"pk": spanner.pk}))
    sent = send_templated_mail(
        template="netwerk/email/spanner_report",
        context={"spanner": spanner, "month": month_label(job.audience), "link": link},
        recipients=[address],
    )
    audit_record_create(
        actor=None,
        obj=job,
        action=AuditAction.UPDATE,
        verb="spanner_report_mail",
        changes={"recipients": [address]},
    )
    return sent
