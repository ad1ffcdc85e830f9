"""How the portal's Celery tasks are declared and handed to the broker (STYLE rule 7).

`portal_task` gives every task the same discipline: acknowledged late (a worker that dies
mid-task hands it back), explicit time limits, and retries with backoff on the errors that say
"try again later" for its kind of work — never on an error that would only repeat.

Services enqueue tasks by name (`enqueue_on_commit`), never by importing the task: tasks import
services, so the other direction would be an import cycle. The tasks modules are imported when
Django starts (CoreConfig.ready), so the name resolves in web processes as well as in workers.
"""

from __future__ import annotations

import logging
import smtplib
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import kombu.exceptions
import redis.exceptions
from celery import current_app, shared_task
from django.conf import settings
from django.db import OperationalError as DatabaseOperationalError
from django.db import transaction

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


def portal_task(*, name: str, kind: TaskKind, **options: Any):
    """Declare a Celery task with `kind`'s retries and limits; `name` is its stable address
    (enqueue_on_commit and the beat schedule use it)."""
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


def enqueue(task_name: str, *, task_id: str | None = None, queue: str | None = None, **kwargs):
    """Hand a task to the broker now; False (logged) when the broker cannot be reached."""
    task = current_app.tasks[task_name]
    options: dict[str, Any] = {"retry_policy": PUBLISH_RETRY_POLICY}
    if task_id:
        options["task_id"] = task_id
    if queue:
        options["queue"] = queue
    try:
        task.apply_async(kwargs=kwargs, **options)
    except BROKER_ERRORS as error:
        logger.error("Broker unreachable; task %s(%s) not queued: %s", task_name, kwargs, error)
        return False
    return True


def enqueue_on_commit(task_name: str, *args: Any) -> None:
    """Enqueue after the caller's transaction commits (nothing when it rolls back); the task
    is looked up by name, as `delay(*args)`."""
    transaction.on_commit(lambda: current_app.tasks[task_name].delay(*args))


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
