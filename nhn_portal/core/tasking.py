"""How the portal's Celery tasks are declared and handed to the broker (STYLE rule 7).

`portal_task` gives every task the same discipline: acknowledged late (a worker that dies
mid-task hands it back), explicit time limits, and retries with backoff on the errors that say
"try again later" for its kind of work — never on an error that would only repeat.

Services enqueue tasks by name (`enqueue_on_commit`), never by importing the task: tasks import
services, so the other direction would be an import cycle. The tasks modules are imported when
Django starts (CoreConfig.ready), so the name resolves in web processes as well as in workers.

`enqueue_on_commit` is durable: the intent is an `OutboxMessage` row in the caller's
transaction, handed to the broker after the commit; a broker that is down fails nothing (the
request answers as usual) and the beat's `outbox_sweep` hands the row over once it is back.
"""

from __future__ import annotations

import logging
import smtplib
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta
from functools import partial
from typing import Any

import kombu.exceptions
import redis.exceptions
from celery import current_app, shared_task
from django.conf import settings
from django.db import OperationalError as DatabaseOperationalError
from django.db import transaction
from django.db.models import F
from django.utils import timezone

logger = logging.getLogger(__name__)

# "Try again later" rather than "this cannot be done": the database or the broker is away.
TRANSIENT_ERRORS: tuple[type[BaseException], ...] = (
    DatabaseOperationalError,
    kombu.exceptions.OperationalError,
)
# A mail server that is down, refuses for now or drops the connection (every smtplib error,
# and socket errors, which are OSErrors).
MAIL_ERRORS: tuple[type[BaseException], ...] = (smtplib.SMTPException, OSError)
# What publishing a message raises when the broker is down or unreachable.
BROKER_ERRORS: tuple[type[BaseException], ...] = (
    kombu.exceptions.OperationalError,
    redis.exceptions.RedisError,
    OSError,
)
# Publishing waits at most about a second for a broker that is down, so a request stays fast.
PUBLISH_RETRY_POLICY = {"max_retries": 2, "interval_start": 0, "interval_step": 0.2}


@dataclass(frozen=True)
class TaskKind:
    """The retry and time-limit policy of one kind of work."""

    retry_on: tuple[type[BaseException], ...]
    max_retries: int
    soft_time_limit: int
    time_limit: int


# Sending e-mail: retried over about an hour of backoff, SMTP and socket errors included.
MAIL = TaskKind(
    retry_on=TRANSIENT_ERRORS + MAIL_ERRORS, max_retries=8, soft_time_limit=60, time_limit=90
)
# Rendering a PDF: a render error marks the job mislukt inside the service (never retried).
RENDER = TaskKind(
    retry_on=TRANSIENT_ERRORS,
    max_retries=5,
    soft_time_limit=settings.CELERY_TASK_SOFT_TIME_LIMIT,
    time_limit=settings.CELERY_TASK_TIME_LIMIT,
)
# Periodic bookkeeping (the beat runs it every minute): must end well within the minute.
PERIODIC = TaskKind(retry_on=TRANSIENT_ERRORS, max_retries=3, soft_time_limit=50, time_limit=55)


# The beat's schedule: each app declares its periodic tasks in its own tasks module
# (`portal_task(..., schedule=…)`); CoreConfig.ready hands them to the Celery app.
_BEAT_SCHEDULE: dict[str, dict[str, Any]] = {}


def portal_task(*, name: str, kind: TaskKind, schedule: Any = None, **options: Any):
    """Declare a Celery task with `kind`'s retries and limits; `name` is its stable address
    (enqueue_on_commit, queued messages and the beat schedule use it, so it stays when the
    code moves). With `schedule` (seconds or a crontab) the beat runs it periodically."""
    if schedule is not None:
        _BEAT_SCHEDULE[name] = {"task": name, "schedule": schedule}
    return shared_task(
        name=name,
        acks_late=True,
        autoretry_for=kind.retry_on,
        retry_backoff=True,
        retry_backoff_max=300,
        max_retries=kind.max_retries,
        soft_time_limit=kind.soft_time_limit,
        time_limit=kind.time_limit,
        **options,
    )


def beat_schedule() -> dict[str, dict[str, Any]]:
    """Every periodic task the apps declared, as Celery's `beat_schedule`."""
    return dict(_BEAT_SCHEDULE)


def enqueue(
    task_name: str,
    *,
    task_id: str | None = None,
    queue: str | None = None,
    args: tuple | list = (),
    **kwargs,
):
    """Hand a task to the broker now; False (logged) when the broker cannot be reached."""
    task = current_app.tasks[task_name]
    options: dict[str, Any] = {"retry_policy": PUBLISH_RETRY_POLICY}
    if task_id:
        options["task_id"] = task_id
    if queue:
        options["queue"] = queue
    if args:
        options["args"] = tuple(args)
    try:
        task.apply_async(kwargs=kwargs, **options)
    except BROKER_ERRORS as error:
        logger.error(
            "Broker unreachable; task %s(%s, %s) not queued: %s", task_name, args, kwargs, error
        )
        return False
    return True


# A message not handed over by its on-commit send within this time is the sweep's.
OUTBOX_GRACE = timedelta(seconds=30)
# At most this many messages per sweep, so one beat run stays well within its minute.
OUTBOX_BATCH = 200


def enqueue_on_commit(task_name: str, *args: Any):
    """Enqueue `task_name(*args)` durably: an outbox row in the caller's transaction (none
    when it rolls back), handed to the broker after the commit, or by the sweep when the broker
    is down then. Returns the OutboxMessage."""
    from nhn_portal.core.models import OutboxMessage

    if task_name not in current_app.tasks:
        raise KeyError(f"No task is registered as {task_name!r}.")
    message = OutboxMessage.objects.create(
        task_name=task_name, args=list(args), task_id=str(uuid.uuid4())
    )
    transaction.on_commit(partial(outbox_send, message.pk))
    return message


def outbox_send(message_id: int) -> bool:
    """Hand one outbox message to the broker unless that happened already; True once sent.
    A broker that is down is logged and counted, never raised: the sweep tries again."""
    from nhn_portal.core.models import OutboxMessage

    message = OutboxMessage.objects.filter(pk=message_id, sent_at__isnull=True).first()
    if message is None:
        return True
    return _send(message)


def outbox_sweep(*, now=None) -> list[int]:
    """Hand every message still waiting after OUTBOX_GRACE to the broker (the beat runs this
    every minute); the ids handed over. Rows locked by a concurrent sweep are skipped, so two
    sweeps never send one message twice."""
    from nhn_portal.core.models import OutboxMessage

    now = now or timezone.now()
    sent: list[int] = []
    with transaction.atomic():
        waiting = (
            OutboxMessage.objects.select_for_update(skip_locked=True)
            .filter(sent_at__isnull=True, created_at__lt=now - OUTBOX_GRACE)
            .order_by("created_at", "pk")[:OUTBOX_BATCH]
        )
        for message in waiting:
            if _send(message):
                sent.append(message.pk)
            else:
                break  # the broker is still down: the next run tries the rest
    return sent


def outbox_waiting(task_name: str, *args: Any) -> bool:
    """Whether `task_name(*args)` was tried and is still waiting for the broker (for a page
    that tells the user a mail goes out later)."""
    from nhn_portal.core.models import OutboxMessage

    return any(
        message.args == list(args)
        for message in OutboxMessage.objects.filter(
            task_name=task_name, sent_at__isnull=True, attempts__gt=0
        )
    )


def _send(message) -> bool:
    from nhn_portal.core.models import OutboxMessage

    rows = OutboxMessage.objects.filter(pk=message.pk, sent_at__isnull=True)
    try:
        accepted = enqueue(message.task_name, task_id=message.task_id, args=message.args)
        error = "" if accepted else "broker unreachable"
    except KeyError as missing:  # the task was renamed or removed since
        accepted, error = False, f"unknown task: {missing}"
    if accepted:
        rows.update(sent_at=timezone.now(), attempts=F("attempts") + 1, last_error="")
    else:
        rows.update(attempts=F("attempts") + 1, last_error=error)
    return accepted


@contextmanager
def tasks_run_inline():
    """Run every task enqueued inside the block in this process, at once (after its commit),
    instead of handing it to the broker. For `load_nhn --demo`: the demo's history (its council
    letters' jobs and mails) is made while loading, so nothing of it waits in the queue ahead of
    a new user's first PDF. A failing task is logged, as by a worker, and does not stop the
    caller."""
    conf = current_app.conf
    previous = conf.task_always_eager, conf.task_eager_propagates
    conf.task_always_eager, conf.task_eager_propagates = True, False
    try:
        yield
    finally:
        conf.task_always_eager, conf.task_eager_propagates = previous
