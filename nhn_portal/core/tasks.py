"""Thin tasks of the portal core: take primary keys, call one idempotent service."""

from celery import shared_task

from nhn_portal.core import heartbeat, tasking
from nhn_portal.core.production.services import (
    document_generation_run as document_generation_run_service,
)
from nhn_portal.core.production.services import (
    document_generation_sweep as document_generation_sweep_service,
)

from .tasking import PERIODIC, RENDER, portal_task


@shared_task(name="nhn_portal.core.tasks.ping")
def ping() -> str:
    """Answer "pong": proves a worker is consuming the queue (health checks, tests)."""
    return "pong"


# Only "try later" errors (database or broker away) are retried; a render error marks the job
# mislukt inside the service and is never retried automatically.
@portal_task(name="nhn_portal.core.tasks.document_generation_run", kind=RENDER)
def document_generation_run(job_id: int) -> str:
    """Make (or reuse) the PDF of one generation job; returns the job's final status."""
    return document_generation_run_service(job_id=job_id).status


# Every minute: jobs queued while the broker was down, or whose worker died mid-render.
# Every quarter of a minute: one indexed query on the jobs, and a PDF asked for while the broker
# was away is made within seconds of its return.
@portal_task(name="nhn_portal.core.tasks.document_generation_sweep", kind=PERIODIC, schedule=15.0)
def document_generation_sweep() -> int:
    """Re-enqueue generation jobs stuck in wachtrij or bezig (the beat runs it every 15 s)."""
    return len(document_generation_sweep_service())


# Every minute: e.g. the members' mail of an agenda published while Redis was away.
@portal_task(name="nhn_portal.core.tasks.outbox_sweep", kind=PERIODIC, schedule=60.0)
def outbox_sweep() -> int:
    """Hand the tasks that waited for a broker to it (the beat runs it every minute)."""
    return len(tasking.outbox_sweep())


# Every half minute; expires with the next beat: a heartbeat that waited longer says nothing.
@portal_task(
    name="nhn_portal.core.tasks.heartbeat",
    kind=PERIODIC,
    schedule=heartbeat.HEARTBEAT_INTERVAL,
    expires=heartbeat.HEARTBEAT_INTERVAL,
)
def worker_heartbeat() -> None:
    """Write the worker's sign of life (the beat runs it every half minute)."""
    heartbeat.heartbeat_record()
