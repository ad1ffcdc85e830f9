"""Whether the background work runs: the heartbeat. Without it a worker that dies says
nothing, and every PDF, letter and mail waits "in de wachtrij" for ever.

The beat enqueues `nhn_portal.core.tasks.heartbeat` every HEARTBEAT_INTERVAL; a worker runs it
and writes the time. So a fresh time proves the whole chain — beat, broker and worker — and an
old one says since when something in it stopped. The overview and every page that shows
waiting work tell the secretariat and the beheerder (`components/background_stall.html`).
"""

from __future__ import annotations

import datetime
from datetime import timedelta

from django.db.models import Min
from django.utils import timezone

from .access import is_secretariat
from .constants import GenerationStatus
from .models import GenerationJob, Heartbeat

WORKER = "worker"
HEARTBEAT_INTERVAL = 30.0  # seconds; the beat schedule's entry (core/tasks.py)
# Old enough to be a stop, not a worker busy with one long PDF (hard limit 180 s) and a queue.
STALE_AFTER = timedelta(minutes=5)


def heartbeat_record(*, now: datetime.datetime | None = None) -> Heartbeat:
    """Write the worker's sign of life (the heartbeat task)."""
    heartbeat, _created = Heartbeat.objects.update_or_create(
        name=WORKER, defaults={"beat_at": now or timezone.now()}
    )
    return heartbeat


def background_stalled_since(*, now: datetime.datetime | None = None) -> datetime.datetime | None:
    """Since when the background work stands still, or None while it runs.

    The last heartbeat when it is older than STALE_AFTER. Before the first heartbeat ever
    (a worker that never started): the oldest document still waiting, once it waited that
    long. One query, two before the first heartbeat."""
    now = now or timezone.now()
    beat_at = Heartbeat.objects.filter(name=WORKER).values_list("beat_at", flat=True).first()
    if beat_at is not None:
        return beat_at if beat_at < now - STALE_AFTER else None
    oldest = GenerationJob.objects.filter(status=GenerationStatus.QUEUED).aggregate(
        at=Min("requested_at")
    )["at"]
    return oldest if oldest is not None and oldest < now - STALE_AFTER else None


def stall_for(user):
    """For a page's context: a callable the template calls once (`components/background_stall
    .html`), so the heartbeat is read only on pages that show it, and only for the secretariat
    and the beheerder, who can act on it."""

    def since():
        return background_stalled_since() if is_secretariat(user) else None

    return since
