"""Issuing a council letter to the 17 councils: one copy (delivery) per municipality, each with
its own PDF job in the document pipeline; a copy is made available (klaargezet) only
once its own job is done, so one failed render holds back that council only, and is requested
again. The griffie is mailed when its copy is ready.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from gremia.selectors.registry import clerk_addresses
from nhn_portal.core.audit import audit_record_create
from nhn_portal.core.constants import AuditAction, GenerationStatus
from nhn_portal.core.mail import send_templated_mail, site_link
from nhn_portal.core.production.services import (
    document_generation_request,
    document_generation_request_many,
)
from nhn_portal.core.search import search_entries_refresh
from nhn_portal.core.tasking import enqueue_on_commit
from raden.constants import (
    COUNCIL_LETTER,
    RENDER_MAX_RETRIES,
    Addressee,
    DeliveryStatus,
    LetterStatus,
    RenderStatus,
)
from raden.models.letters import CouncilLetter, CouncilLetterDelivery
from raden.selectors.letters import municipalities, offices

from .composing import check_has_items
from .delivery import delivery_mark_notified
from .digest import prefers_digest

# The task that mails a griffie that its council's copy is ready (raden/tasks.py).
NOTIFY_TASK = "raden.tasks.council_letter_delivery_notify"


@transaction.atomic
def council_letter_issue(
    *, actor, letter: CouncilLetter, municipality_ids=None
) -> list[CouncilLetterDelivery]:
    """vastgesteld → verzonden: one delivery per municipality, each with its own generation
    job rendered after the commit. Refused without items; a delivery is available only once
    its job is done (delivery_job_finished, right after the render).

    `municipality_ids` narrows the letter to those councils (a consultation asked of one or
    two sub-regions); the summary then goes only to the offices of their sub-regions. None
    (the default) is every municipality."""
    letter = CouncilLetter.objects.select_for_update().get(pk=letter.pk)
    if letter.status == LetterStatus.SENT:
        raise ValidationError(_("This letter has already been issued."), code="issued")
    check_has_items(letter)
    if letter.status != LetterStatus.ADOPTED:
        raise ValidationError(
            _("Adopt the letter before issuing it to the councils."), code="not_adopted"
        )
    towns = municipalities()
    if municipality_ids is not None:
        towns = towns.filter(pk__in=list(municipality_ids))
    towns = list(towns)
    if not towns:
        raise ValidationError(_("There are no municipalities to send the letter to."))
    letter.status = LetterStatus.SENT
    letter.issued_at = timezone.now()
    letter.save(update_fields=["status", "issued_at", "updated_at"])
    # The collegebrief to every college and the summary to every sub-region office
    # go out with it, when the letter has them, as copies of their own.
    addressed = [(Addressee.COUNCIL, town) for town in towns]
    if letter.college_text.strip():
        addressed += [(Addressee.COLLEGE, town) for town in towns]
    if letter.subregion_summary.strip():
        subregion_ids = {town.subregion_id for town in towns}
        addressed += [
            (Addressee.SUBREGION_OFFICE, office)
            for office in offices()
            if municipality_ids is None or office.subregion_id in subregion_ids
        ]
    deliveries = CouncilLetterDelivery.objects.bulk_create(
        CouncilLetterDelivery(
            letter=letter,
            municipality=organisation,
            addressee=addressee,
            status=DeliveryStatus.PENDING,
            status_changed_at=letter.issued_at,
            render_status=RenderStatus.QUEUED,
        )
        for addressee, organisation in addressed
    )
    audit_record_create(
        actor=actor,
        obj=letter,
        action=AuditAction.UPDATE,
        verb="council_letter_issue",
        changes={
            "status": [LetterStatus.ADOPTED, LetterStatus.SENT],
            "municipalities": len(towns),
            "copies": len(deliveries),
        },
    )
    # Read the rows back rather than trust bulk_create to set primary keys on every backend.
    deliveries = list(
        CouncilLetterDelivery.objects.filter(letter=letter)
        .select_related("municipality", "letter")
        .order_by("pk")
    )
    _request_renders(actor=actor, letter=letter, deliveries=deliveries)
    search_entries_refresh(objects=[letter])
    return deliveries


def _request_renders(
    *, actor, letter: CouncilLetter, deliveries: list[CouncilLetterDelivery]
) -> None:
    """`_request_render` for every copy of a letter being issued, in a constant number of
    queries: the jobs (and their audit records) in bulk, the copies in one update."""
    jobs = document_generation_request_many(
        actor=actor,
        subject=letter,
        kind=COUNCIL_LETTER,
        audiences=[delivery.audience for delivery in deliveries],
    )
    for delivery in deliveries:
        delivery.job = jobs[delivery.audience]
        delivery.render_status = RenderStatus.QUEUED
        delivery.render_attempts += 1
        delivery.updated_at = timezone.now()
    CouncilLetterDelivery.objects.bulk_update(
        deliveries, ["job", "render_status", "render_attempts", "updated_at"]
    )


def _request_render(*, actor, delivery: CouncilLetterDelivery) -> None:
    """One generation job for this council's copy; the pipeline renders it after the commit
    and calls delivery_job_finished when the job is done."""
    job = document_generation_request(
        actor=actor,
        subject=delivery.letter,
        kind=COUNCIL_LETTER,
        audience=delivery.audience,
    )
    delivery.job = job
    delivery.render_status = RenderStatus.QUEUED
    delivery.render_attempts += 1
    delivery.save(update_fields=["job", "render_status", "render_attempts", "updated_at"])


def delivery_job_finished(job_id: int) -> None:
    """The pipeline's follow-up (on_finished) of a council's copy: make it available, or
    request it again after a failure, the moment its job ended."""
    delivery_id = (
        CouncilLetterDelivery.objects.filter(job_id=job_id).values_list("pk", flat=True).first()
    )
    if delivery_id is not None:
        _delivery_sync(delivery_id)


def deliveries_sync(*, letter: CouncilLetter | None = None) -> int:
    """Bring each copy in production up to date with its generation job: a finished job makes
    the copy available (klaargezet) and mails its griffie; a failed one is shown with the
    reason and requested again, up to RENDER_MAX_RETRIES times. Safe to run at any moment
    (the beat runs it every minute). Returns the number of copies made available."""
    pending = CouncilLetterDelivery.objects.filter(
        status=DeliveryStatus.PENDING, job__isnull=False
    ).exclude(render_status=RenderStatus.FAILED, render_attempts__gte=RENDER_MAX_RETRIES)
    if letter is not None:
        pending = pending.filter(letter=letter)
    made_available = 0
    for delivery_id in pending.values_list("pk", flat=True):
        made_available += _delivery_sync(delivery_id)
    return made_available


@transaction.atomic
def _delivery_sync(delivery_id: int) -> int:
    delivery = (
        CouncilLetterDelivery.objects.select_for_update(of=("self",))
        .select_related("job", "letter", "municipality")
        .get(pk=delivery_id)
    )
    job = delivery.job
    if delivery.status != DeliveryStatus.PENDING or job is None:
        return 0
    if job.status == GenerationStatus.DONE:
        now = timezone.now()
        delivery.document_id = job.document_id
        delivery.render_status = RenderStatus.DONE
        delivery.render_error = ""
        delivery.status = DeliveryStatus.AVAILABLE
        delivery.available_at = now
        delivery.status_changed_at = now
        delivery.save(
            update_fields=[
                "document",
                "render_status",
                "render_error",
                "status",
                "available_at",
                "status_changed_at",
                "updated_at",
            ]
        )
        audit_record_create(
            actor=None,
            obj=delivery,
            action=AuditAction.UPDATE,
            verb="delivery_make_available",
            changes={"status": [DeliveryStatus.PENDING, DeliveryStatus.AVAILABLE]},
        )
        enqueue_on_commit(NOTIFY_TASK, delivery.pk)
        return 1
    if job.status == GenerationStatus.FAILED:
        if delivery.render_status != RenderStatus.FAILED:
            audit_record_create(
                actor=None,
                obj=delivery,
                action=AuditAction.UPDATE,
                verb="delivery_render_fail",
                changes={"reason": job.failure_reason[:300], "attempt": delivery.render_attempts},
            )
        delivery.render_status = RenderStatus.FAILED
        delivery.render_error = job.failure_reason
        delivery.save(update_fields=["render_status", "render_error", "updated_at"])
        if delivery.render_attempts < RENDER_MAX_RETRIES:
            _request_render(actor=None, delivery=delivery)
        return 0
    status = RenderStatus.RUNNING if job.status == GenerationStatus.RUNNING else RenderStatus.QUEUED
    if delivery.render_status != status:
        delivery.render_status = status
        delivery.save(update_fields=["render_status", "updated_at"])
    return 0


@transaction.atomic
def delivery_render_retry(*, actor, delivery: CouncilLetterDelivery) -> CouncilLetterDelivery:
    """Make a failed council's copy again (the secretary's button, after the automatic
    retries); the failed job stays as the record."""
    delivery = (
        CouncilLetterDelivery.objects.select_for_update(of=("self",))
        .select_related("letter", "municipality")
        .get(pk=delivery.pk)
    )
    if delivery.render_status != RenderStatus.FAILED:
        raise ValidationError(_("Only a failed PDF can be made again."), code="not_failed")
    _request_render(actor=actor, delivery=delivery)
    audit_record_create(
        actor=actor, obj=delivery, action=AuditAction.UPDATE, verb="delivery_render_retry"
    )
    return delivery


def delivery_notify_griffie(*, delivery_id: int) -> int:
    """Mail the griffie of the council that its letter is ready: a link, never the content.

    Once per copy: a task delivered again after the mail went out (late acknowledgement)
    finds the copy marked notified and sends nothing. A worker lost between sending and
    marking sends it again: better twice than never. Returns the number of mails sent."""
    delivery = CouncilLetterDelivery.objects.select_related("letter", "municipality").get(
        pk=delivery_id
    )
    if delivery.status == DeliveryStatus.PENDING or delivery.notified_at is not None:
        return 0
    if not delivery.is_council_copy:
        return 0  # colleges and sub-region offices read theirs in the portal
    if prefers_digest(delivery.municipality_id):
        return 0  # this council asked for the weekly digest instead
    recipients = clerk_addresses(organisation_id=delivery.municipality_id)
    if not recipients:
        return 0
    sent = send_templated_mail(
        template="raden/email/letter_issued",
        context={
            "delivery": delivery,
            "letter": delivery.letter,
            "link": site_link(reverse("raden:delivery_detail", kwargs={"pk": delivery.pk})),
        },
        recipients=recipients,
    )
    delivery_mark_notified(delivery_id=delivery.pk, recipients=recipients)
    return sent
