"""Thin tasks of the portal core: take primary keys, call one idempotent service."""

from celery import shared_task
from django.conf import settings

from . import production


@shared_task(name="nhn_portal.core.tasks.ping")
def ping() -> str:
    """Answer "pong": proves a worker is consuming the queue (health checks, tests)."""
    return "pong"


@shared_task(
    name="nhn_portal.core.tasks.document_generation_run",
    acks_late=True,
    # Only "try later" errors (database or broker away) are retried; a render error marks the
    # job mislukt inside the service and is never retried automatically.
    autoretry_for=production.TRANSIENT_ERRORS,
    retry_backoff=True,
    retry_backoff_max=300,
    max_retries=5,
    soft_time_limit=settings.CELERY_TASK_SOFT_TIME_LIMIT,
    time_limit=settings.CELERY_TASK_TIME_LIMIT,
)
def document_generation_run(job_id: int) -> str:
    """Make (or reuse) the PDF of one generation job; returns the job's final status."""
    return production.document_generation_run(job_id=job_id).status


@shared_task(
    name="nhn_portal.core.tasks.document_generation_sweep",
    acks_late=True,
    autoretry_for=production.TRANSIENT_ERRORS,
    retry_backoff=True,
    max_retries=3,
    soft_time_limit=50,
    time_limit=55,
)
def document_generation_sweep() -> int:
    """Re-enqueue generation jobs stuck in wachtrij or bezig (the beat runs it every minute)."""
    return len(production.document_generation_sweep())
