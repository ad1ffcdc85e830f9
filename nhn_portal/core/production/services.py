"""Making documents: request, run, retry and sweep generation jobs.

The request (web) creates a job in "wachtrij" and hands it to Celery after the commit; the
worker runs `document_generation_run`, which is idempotent: unchanged HTML reuses the last
stored file, a change stores the next version, a failure keeps every earlier version.
"""

from __future__ import annotations

import hashlib
import logging
import uuid
from collections.abc import Callable
from datetime import timedelta
from functools import partial

from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, models, transaction
from django.db import OperationalError as DatabaseOperationalError
from django.db.models import Q
from django.template import TemplateDoesNotExist, TemplateSyntaxError
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from nhn_portal.core.audit import audit_record_create, audit_records_create, audited_create
from nhn_portal.core.constants import AuditAction, GenerationStatus
from nhn_portal.core.models import GeneratedDocument, GenerationJob
from nhn_portal.core.tasking import TRANSIENT_ERRORS
from nhn_portal.core.tasking import enqueue as enqueue_task
from nhn_portal.pdf import PdfRenderError, render_html, render_pdf_from_html

from .registry import ProducedDocument, ProductionRefused, document_kind

logger = logging.getLogger(__name__)

# The Celery task that runs one job (nhn_portal/core/tasks.py).
RUN_TASK = "nhn_portal.core.tasks.document_generation_run"

# The sweep: a queued job never accepted by a broker (enqueued_at empty) is handed over again
# after QUEUED_GRACE; one accepted but not started after LOST_MESSAGE (Redis restarted without
# persistence). A job "bezig" past the hard time limit lost its worker. After MAX_ATTEMPTS
# starts the job is given up, so a document that kills its worker cannot loop forever.
QUEUED_GRACE = timedelta(seconds=30)
LOST_MESSAGE = timedelta(minutes=15)
RUNNING_GRACE = timedelta(seconds=60)
MAX_ATTEMPTS = 3

PENDING = (GenerationStatus.QUEUED, GenerationStatus.RUNNING)


@transaction.atomic
def document_generation_request(
    *, actor, subject: models.Model, kind: str, audience: str
) -> GenerationJob:
    """Queue the making of a document; Celery gets the job after the commit.

    A job already waiting or running for the same document is returned instead of a second.
    """
    _check_kind_and_audience(subject, kind, audience)
    content_type = ContentType.objects.get_for_model(subject)
    pending = (
        GenerationJob.objects.select_for_update()
        .filter(
            content_type=content_type,
            object_id=subject.pk,
            kind=kind,
            audience=audience,
            status__in=PENDING,
        )
        .first()
    )
    if pending is not None:
        return pending
    job = GenerationJob(
        content_type=content_type,
        object_id=subject.pk,
        kind=kind,
        audience=audience,
        requested_by=actor if getattr(actor, "is_authenticated", False) else None,
        requested_at=timezone.now(),
        task_id=str(uuid.uuid4()),
    )
    audited_create(
        actor=actor,
        obj=job,
        verb="document_generation_request",
        changes={"subject": str(subject), "kind": kind, "audience": audience},
    )
    _enqueue_on_commit(job)
    return job


@transaction.atomic
def document_generation_request_many(
    *, actor, subject: models.Model, kind: str, audiences: list[str]
) -> dict[str, GenerationJob]:
    """`document_generation_request` for many audiences of one subject in a constant number
    of queries: one lookup of the waiting jobs, one insert of the new ones and one of their
    audit records. Returns the job per audience."""
    _check_kind_and_audiences(subject, kind, audiences)
    content_type = ContentType.objects.get_for_model(subject)
    jobs: dict[str, GenerationJob] = {}
    for job in (
        GenerationJob.objects.select_for_update()
        .filter(
            content_type=content_type,
            object_id=subject.pk,
            kind=kind,
            audience__in=list(dict.fromkeys(audiences)),
            status__in=PENDING,
        )
        .order_by("pk")
    ):
        jobs.setdefault(job.audience, job)
    requested_by = actor if getattr(actor, "is_authenticated", False) else None
    now = timezone.now()
    new_jobs = [
        GenerationJob(
            content_type=content_type,
            object_id=subject.pk,
            kind=kind,
            audience=audience,
            requested_by=requested_by,
            requested_at=now,
            task_id=str(uuid.uuid4()),
        )
        for audience in dict.fromkeys(audiences)
        if audience not in jobs
    ]
    if not new_jobs:
        return jobs
    GenerationJob.objects.bulk_create(new_jobs)
    if any(job.pk is None for job in new_jobs):  # a backend that does not return keys
        by_task = GenerationJob.objects.in_bulk(
            [job.task_id for job in new_jobs], field_name="task_id"
        )
        new_jobs = [by_task[job.task_id] for job in new_jobs]
    audit_records_create(
        actor=actor,
        objects=new_jobs,
        action=AuditAction.CREATE,
        verb="document_generation_request",
        changes=lambda job: {"subject": str(subject), "kind": kind, "audience": job.audience},
    )
    for job in new_jobs:
        jobs[job.audience] = job
    handed = [(job.pk, job.task_id) for job in new_jobs]
    transaction.on_commit(lambda: enqueue_many(handed))
    return jobs


def enqueue_many(jobs: list[tuple[int, str]]) -> int:
    """`enqueue` for many (job id, task id) pairs, marking those the broker accepted in one
    update; the rest stay queued for the sweep. Returns the number handed over."""
    accepted = []
    for job_id, task_id in jobs:
        if enqueue_task(
            RUN_TASK, task_id=task_id, queue=settings.PDF_GENERATION_QUEUE, job_id=job_id
        ):
            accepted.append((job_id, task_id))
        else:
            logger.error("Document generation job %s stays queued for the sweep.", job_id)
    if accepted:
        GenerationJob.objects.filter(
            pk__in=[job_id for job_id, _task in accepted],
            task_id__in=[task for _job, task in accepted],
        ).update(enqueued_at=timezone.now())
    return len(accepted)


@transaction.atomic
def document_generation_retry(*, actor, job: GenerationJob) -> GenerationJob:
    """Try a failed document again: a new job, so the failed one stays as the record."""
    if job.status != GenerationStatus.FAILED:
        raise ValidationError(_("Only a failed document can be made again."))
    subject = job.subject
    if subject is None:
        raise ValidationError(_("The document's subject no longer exists."))
    new_job = document_generation_request(
        actor=actor, subject=subject, kind=job.kind, audience=job.audience
    )
    audit_record_create(
        actor=actor,
        obj=new_job,
        action=AuditAction.CREATE,
        verb="document_generation_retry",
        changes={"failed_job": job.pk},
    )
    return new_job


def document_generation_run(*, job_id: int) -> GenerationJob:
    """The worker's side, safe to run twice: make the job's PDF, or reuse the last stored file
    when the HTML is unchanged. Render errors mark the job mislukt (earlier versions stay);
    transient database or broker errors propagate so the task retries."""
    job = _start(job_id)
    if job is None:  # finished already (a redelivered message) or gone
        return GenerationJob.objects.get(pk=job_id)
    try:
        definition = document_kind(job.kind)
        if definition is None:
            raise ProductionRefused(_("Unknown kind of document: %(kind)s.") % {"kind": job.kind})
        subject = job.subject
        if subject is None:
            raise ProductionRefused(_("The document's subject no longer exists."))
        produced = definition.produce(subject, job.audience)
        html = render_html(
            template=produced.template,
            context={**produced.context, "confidential": produced.confidential},
            title=produced.title,
        )
        content_hash = hashlib.sha256((html + produced.fingerprint).encode()).hexdigest()
        latest = _latest_version(job)
        if _reusable(latest, content_hash):
            return _finish(job_id, document=latest, content_hash=content_hash)
        rendered = render_pdf_from_html(html=html)
        if produced.compose is not None:
            rendered = produced.compose(rendered)
    except TRANSIENT_ERRORS:
        raise
    except Exception as error:
        logger.warning("Document generation job %s failed", job_id, exc_info=True)
        return _fail(job_id, failure_reason(error))
    return _store(job_id, produced=produced, rendered=rendered, content_hash=content_hash)


@transaction.atomic
def generated_documents_withdraw(
    *, actor, subject: models.Model, reason: str
) -> list[GenerationJob]:
    """What a subject's documents show may no longer be shown to everybody (an item or stuk
    became confidential, the meeting closed): withdraw every non-confidential stored version
    at once, in the caller's transaction, and queue a new one of each document whose current
    version was withdrawn. The one rule for every kind of document: the download
    answers 404 to all but the secretariat until the new version is made.

    Confidential versions (the members' files) stay: they may show anything already. Returns
    the jobs queued."""
    documents = list(
        GeneratedDocument.objects.select_for_update()
        .filter(
            content_type=ContentType.objects.get_for_model(subject),
            object_id=subject.pk,
            confidential=False,
            withdrawn_at__isnull=True,
        )
        .order_by("kind", "audience", "-version")
    )
    if not documents:
        return []
    now = timezone.now()
    for document in documents:
        document.withdrawn_at = now
        document.save(update_fields=["withdrawn_at", "updated_at"])
        audit_record_create(
            actor=actor,
            obj=document,
            action=AuditAction.UPDATE,
            verb="generated_document_withdraw",
            changes={"reason": reason[:300], "version": document.version},
        )
    jobs: list[GenerationJob] = []
    for kind, audience in dict.fromkeys((d.kind, d.audience) for d in documents):
        current = _latest_version_of(subject, kind, audience)
        if current is None or current.withdrawn_at is None:
            continue  # its newest version is confidential and stays
        definition = document_kind(kind)
        if definition is None or audience not in {c for c, _l in definition.audiences(subject)}:
            continue
        jobs.append(
            document_generation_request(actor=actor, subject=subject, kind=kind, audience=audience)
        )
    return jobs


def document_generation_sweep(*, now=None) -> list[int]:
    """Hand stuck jobs to the queue again (the beat runs this every 15 s): queued while the
    broker was down, or running past the hard time limit because the worker died."""
    now = now or timezone.now()
    requeued: list[int] = []
    running_cutoff = now - timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT) - RUNNING_GRACE
    with transaction.atomic():
        stuck = (
            GenerationJob.objects.select_for_update(skip_locked=True)
            .filter(
                Q(status=GenerationStatus.RUNNING, started_at__lt=running_cutoff)
                | Q(
                    status=GenerationStatus.QUEUED,
                    enqueued_at__isnull=True,
                    requested_at__lt=now - QUEUED_GRACE,
                )
                | Q(status=GenerationStatus.QUEUED, enqueued_at__lt=now - LOST_MESSAGE)
            )
            .order_by("requested_at")
        )
        for job in stuck:
            if job.status == GenerationStatus.RUNNING and job.attempts >= MAX_ATTEMPTS:
                with translation.override("nl"):
                    reason = _(
                        "The worker stopped %(count)s times while making this document; "
                        "it was not tried again."
                    ) % {"count": job.attempts}
                _mark_failed(job, reason, now=now)
                continue
            job.status = GenerationStatus.QUEUED
            job.task_id = str(uuid.uuid4())
            job.enqueued_at = None
            job.save(update_fields=["status", "task_id", "enqueued_at", "updated_at"])
            audit_record_create(
                actor=None,
                obj=job,
                action=AuditAction.UPDATE,
                verb="document_generation_requeue",
                changes={"attempts": job.attempts},
            )
            _enqueue_on_commit(job)
            requeued.append(job.pk)
    return requeued


def failure_reason(error: BaseException) -> str:
    """A failure as a sentence for the secretary, in Dutch (the UI's language)."""
    with translation.override("nl"):
        if isinstance(error, ProductionRefused | PdfRenderError):
            return str(error)
        if isinstance(error, TemplateSyntaxError | TemplateDoesNotExist):
            return _("The document's template contains an error: %(error)s") % {"error": error}
        if isinstance(error, SoftTimeLimitExceeded):
            return _("Making the PDF took longer than %(seconds)s seconds and was stopped.") % {
                "seconds": settings.CELERY_TASK_SOFT_TIME_LIMIT
            }
        return _("The PDF could not be made because of an unexpected error (%(error)s).") % {
            "error": f"{type(error).__name__}: {error}"[:500]
        }


def _check_kind_and_audience(subject: models.Model, kind: str, audience: str) -> None:
    _check_kind_and_audiences(subject, kind, [audience])


def _check_kind_and_audiences(subject: models.Model, kind: str, audiences: list[str]) -> None:
    # The kind's audiences are listed once for all of them: a bulk request validates in bulk.
    definition = document_kind(kind)
    if definition is None or definition.subject_model != subject._meta.label:
        raise ValidationError(_("This kind of document cannot be made here."))
    allowed = {code for code, _label in definition.audiences(subject)}
    if not set(audiences) <= allowed:
        raise ValidationError(_("This document cannot be made for that audience."))


def _enqueue_on_commit(job: GenerationJob) -> None:
    # Like Celery's delay_on_commit, but a broker that is down must not fail the request
    # after its commit: the job stays "wachtrij" and the sweep enqueues it later.
    job_id, task_id = job.pk, job.task_id
    transaction.on_commit(lambda: enqueue(job_id=job_id, task_id=task_id))


def enqueue(*, job_id: int, task_id: str) -> bool:
    """Hand a job to the broker; False (logged) when the broker cannot be reached."""
    if not enqueue_task(
        RUN_TASK, task_id=task_id, queue=settings.PDF_GENERATION_QUEUE, job_id=job_id
    ):
        logger.error("Document generation job %s stays queued for the sweep.", job_id)
        return False
    GenerationJob.objects.filter(pk=job_id, task_id=task_id).update(enqueued_at=timezone.now())
    return True


@transaction.atomic
def _start(job_id: int) -> GenerationJob | None:
    job = GenerationJob.objects.select_for_update().filter(pk=job_id).first()
    # A running job is started again too: its earlier run died (redelivered message, sweep).
    if job is None or job.status not in PENDING:
        return None
    job.status = GenerationStatus.RUNNING
    job.started_at = timezone.now()
    job.attempts += 1
    job.save(update_fields=["status", "started_at", "attempts", "updated_at"])
    return job


def _latest_version_of(subject: models.Model, kind: str, audience: str):
    return (
        GeneratedDocument.objects.filter(
            content_type=ContentType.objects.get_for_model(subject),
            object_id=subject.pk,
            kind=kind,
            audience=audience,
        )
        .order_by("-version")
        .first()
    )


def _latest_version(job: GenerationJob) -> GeneratedDocument | None:
    return (
        GeneratedDocument.objects.filter(
            content_type_id=job.content_type_id,
            object_id=job.object_id,
            kind=job.kind,
            audience=job.audience,
        )
        .order_by("-version")
        .first()
    )


def _reusable(latest: GeneratedDocument | None, content_hash: str) -> bool:
    # A withdrawn version is never handed out again, even when the new HTML is the same:
    # the next version is stored, so readers get a file that was made after the change.
    return (
        latest is not None and latest.withdrawn_at is None and latest.content_hash == content_hash
    )


@transaction.atomic
def _finish(job_id: int, *, document: GeneratedDocument, content_hash: str) -> GenerationJob:
    job = GenerationJob.objects.select_for_update().get(pk=job_id)
    if job.status not in PENDING:
        return job
    job.status = GenerationStatus.DONE
    job.document = document
    job.reused = True
    job.content_hash = content_hash
    job.finished_at = timezone.now()
    job.save(
        update_fields=[
            "status",
            "document",
            "reused",
            "content_hash",
            "finished_at",
            "updated_at",
        ]
    )
    audit_record_create(
        actor=None,
        obj=job,
        action=AuditAction.UPDATE,
        verb="document_generation_reuse",
        changes={"version": document.version},
    )
    _announce_finished(job)
    return job


def _store(job_id: int, *, produced: ProducedDocument, rendered, content_hash: str):
    """Save the PDF as the next version; a concurrent job taking the same number retries."""
    for _attempt in range(3):
        with transaction.atomic():
            job = GenerationJob.objects.select_for_update().get(pk=job_id)
            if job.status not in PENDING:
                return job
            latest = _latest_version(job)
            if _reusable(latest, content_hash):
                break  # a concurrent job stored the same content: reuse it below
            version = latest.version + 1 if latest else 1
            document = GeneratedDocument(
                content_type_id=job.content_type_id,
                object_id=job.object_id,
                kind=job.kind,
                audience=job.audience,
                version=version,
                title=produced.title[:300],
                confidential=produced.confidential,
                filename=f"{slugify(produced.title)[:180] or job.kind}-v{version}.pdf",
                content_hash=content_hash,
                sha256=rendered.sha256,
                size=len(rendered.pdf),
                pages=rendered.pages,
            )
            document.file.save("generated.pdf", ContentFile(rendered.pdf), save=False)
            # The version number's uniqueness is the database's to check (a race between two
            # workers is an IntegrityError here, and the loop takes the next number).
            document.full_clean(validate_unique=False, validate_constraints=False)
            try:
                with transaction.atomic():
                    document.save()
            except IntegrityError:
                document.file.delete(save=False)
                continue
            job.status = GenerationStatus.DONE
            job.document = document
            job.reused = False
            job.content_hash = content_hash
            job.finished_at = timezone.now()
            job.save(
                update_fields=[
                    "status",
                    "document",
                    "reused",
                    "content_hash",
                    "finished_at",
                    "updated_at",
                ]
            )
            audit_record_create(
                actor=None,
                obj=job,
                action=AuditAction.UPDATE,
                verb="document_generation_store",
                changes={"version": version, "sha256": rendered.sha256},
            )
            _announce_finished(job)
            return job
    latest = _latest_version(GenerationJob.objects.get(pk=job_id))
    if _reusable(latest, content_hash):
        return _finish(job_id, document=latest, content_hash=content_hash)
    raise DatabaseOperationalError("Could not claim a version number; retrying the task.")


@transaction.atomic
def _fail(job_id: int, reason: str) -> GenerationJob:
    job = GenerationJob.objects.select_for_update().get(pk=job_id)
    if job.status in PENDING:
        _mark_failed(job, reason, now=timezone.now())
    return job


def _mark_failed(job: GenerationJob, reason: str, *, now) -> None:
    job.status = GenerationStatus.FAILED
    job.failure_reason = reason[:2000]
    job.finished_at = now
    job.save(update_fields=["status", "failure_reason", "finished_at", "updated_at"])
    audit_record_create(
        actor=None,
        obj=job,
        action=AuditAction.UPDATE,
        verb="document_generation_fail",
        changes={"reason": job.failure_reason},
    )
    _announce_finished(job)


def _announce_finished(job: GenerationJob) -> None:
    """After the commit, tell the kind's owner that the job ended (if it asked to know)."""
    definition = document_kind(job.kind)
    if definition is not None and definition.on_finished is not None:
        transaction.on_commit(partial(_run_on_finished, definition.on_finished, job.pk))


def _run_on_finished(hook: Callable[[int], None], job_id: int) -> None:
    # The job itself is done and stored; a failing hook must not undo or repeat it. The
    # owner's periodic sync (e.g. the council letters' beat) picks up what was missed.
    try:
        hook(job_id)
    except Exception:
        logger.exception("The follow-up of document generation job %s failed", job_id)
