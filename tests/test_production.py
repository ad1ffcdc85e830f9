"""Document production: the job's life from request to stored PDF, idempotency,
failures and retries, enqueue after commit, the sweep, the worker's start, and one round
trip through a real Celery worker on the real Redis."""

import dataclasses
import datetime
import hashlib
import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import kombu.exceptions
import pytest
from django.conf import settings as django_settings
from django.core.exceptions import ValidationError
from django.db import OperationalError, connection
from django.utils import timezone

from nhn_portal import celery as celery_module
from nhn_portal.core import tasks
from nhn_portal.core.constants import GenerationStatus
from nhn_portal.core.models import AuditRecord, GeneratedDocument, GenerationJob
from nhn_portal.core.production import services as production_services
from nhn_portal.core.production.registry import _KINDS, document_kind
from nhn_portal.core.production.selectors import generated_document_current
from nhn_portal.core.production.services import (
    MAX_ATTEMPTS,
    QUEUED_GRACE,
    RUNNING_GRACE,
    document_generation_request,
    document_generation_retry,
    document_generation_run,
    document_generation_sweep,
    enqueue,
)
from nhn_portal.core.tasking import PUBLISH_RETRY_POLICY
from nhn_portal.pdf import PdfRenderError
from regiobureau import producers
from regiobureau.constants import ItemPurpose
from regiobureau.services.agenda import agenda_item_create, agenda_item_update
from tests.builders import PUBLIC_TITLE, make_meeting

pytestmark = pytest.mark.django_db

AGENDA, PUBLIC = producers.AGENDA, producers.PUBLIC
ANNOTATED, MEMBERS = producers.ANNOTATED_AGENDA, producers.MEMBERS


@pytest.fixture
def sent(monkeypatch):
    """Messages handed to the broker (none really is): a list of (kwargs, options)."""
    messages = []

    def apply_async(*, kwargs, task_id, **options):
        messages.append({"kwargs": kwargs, "task_id": task_id, **options})

    monkeypatch.setattr(tasks.document_generation_run, "apply_async", apply_async)
    return messages


@pytest.fixture
def broker_down(monkeypatch):
    def apply_async(**kwargs):
        raise kombu.exceptions.OperationalError("Error 111 connecting to 127.0.0.1:6379.")

    monkeypatch.setattr(tasks.document_generation_run, "apply_async", apply_async)


def request_and_run(meeting, actor, kind=ANNOTATED, audience=MEMBERS):
    job = document_generation_request(actor=actor, subject=meeting, kind=kind, audience=audience)
    return document_generation_run(job_id=job.pk)


def replace_producer(monkeypatch, kind, produce):
    definition = document_kind(kind)
    monkeypatch.setitem(_KINDS, kind, dataclasses.replace(definition, produce=produce))


# ---- Request and enqueue ---------------------------------------------------------------


def test_request_queues_a_job_audits_it_and_enqueues_only_after_commit(
    published_meeting, secretary, sent, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        job = document_generation_request(
            actor=secretary, subject=published_meeting, kind=AGENDA, audience=PUBLIC
        )
    assert job.status == GenerationStatus.QUEUED
    assert job.requested_by == secretary and job.requested_at and job.task_id
    assert job.subject == published_meeting
    assert AuditRecord.objects.filter(verb="document_generation_request").count() == 1
    assert sent == [] and len(callbacks) == 1  # nothing reaches the broker before the commit
    callbacks[0]()
    assert sent == [{"kwargs": {"job_id": job.pk}, "task_id": job.task_id, **_policy()}]
    job.refresh_from_db()
    assert job.enqueued_at is not None


def _policy():
    return {"retry_policy": PUBLISH_RETRY_POLICY}


def test_the_queue_setting_routes_the_task(published_meeting, secretary, sent, settings):
    settings.PDF_GENERATION_QUEUE = "pdf"
    job = document_generation_request(
        actor=secretary, subject=published_meeting, kind=AGENDA, audience=PUBLIC
    )
    assert enqueue(job_id=job.pk, task_id=job.task_id) is True
    assert sent[-1]["queue"] == "pdf"


def test_asking_twice_while_waiting_gives_the_same_job(published_meeting, secretary):
    first = document_generation_request(
        actor=secretary, subject=published_meeting, kind=AGENDA, audience=PUBLIC
    )
    again = document_generation_request(
        actor=secretary, subject=published_meeting, kind=AGENDA, audience=PUBLIC
    )
    assert again.pk == first.pk
    assert GenerationJob.objects.count() == 1


@pytest.mark.parametrize(
    ("kind", "audience"), [("onbekend", PUBLIC), (AGENDA, MEMBERS), (ANNOTATED, "gemeente-x")]
)
def test_unknown_kind_or_audience_is_refused(published_meeting, secretary, kind, audience):
    with pytest.raises(ValidationError):
        document_generation_request(
            actor=secretary, subject=published_meeting, kind=kind, audience=audience
        )
    assert not GenerationJob.objects.exists()


def test_broker_down_the_request_succeeds_and_the_sweep_enqueues_later(
    published_meeting,
    secretary,
    broker_down,
    django_capture_on_commit_callbacks,
    monkeypatch,
    caplog,
):
    with django_capture_on_commit_callbacks(execute=True):
        job = document_generation_request(
            actor=secretary, subject=published_meeting, kind=AGENDA, audience=PUBLIC
        )
    job.refresh_from_db()
    assert job.status == GenerationStatus.QUEUED and job.enqueued_at is None
    assert "stays queued for the sweep" in caplog.text
    # Within the grace period the sweep leaves it: the on-commit enqueue may still be running.
    assert document_generation_sweep() == []
    messages = []
    monkeypatch.setattr(
        tasks.document_generation_run,
        "apply_async",
        lambda *, kwargs, task_id, **options: messages.append((kwargs, task_id)),
    )
    later = timezone.now() + QUEUED_GRACE + datetime.timedelta(seconds=1)
    with django_capture_on_commit_callbacks(execute=True):
        assert document_generation_sweep(now=later) == [job.pk]
    job.refresh_from_db()
    assert messages == [({"job_id": job.pk}, job.task_id)]
    assert job.status == GenerationStatus.QUEUED and job.enqueued_at is not None


def test_a_job_stuck_running_past_the_time_limit_is_enqueued_again(
    published_meeting, secretary, sent, django_capture_on_commit_callbacks
):
    job = document_generation_request(
        actor=secretary, subject=published_meeting, kind=AGENDA, audience=PUBLIC
    )
    started = timezone.now() - datetime.timedelta(seconds=django_settings.CELERY_TASK_TIME_LIMIT)
    GenerationJob.objects.filter(pk=job.pk).update(
        status=GenerationStatus.RUNNING, started_at=started, attempts=1, enqueued_at=started
    )
    assert document_generation_sweep() == []  # still inside the grace period
    old_task_id = job.task_id
    with django_capture_on_commit_callbacks(execute=True):
        assert document_generation_sweep(
            now=timezone.now() + RUNNING_GRACE + datetime.timedelta(seconds=1)
        ) == [job.pk]
    job.refresh_from_db()
    assert job.status == GenerationStatus.QUEUED and job.task_id != old_task_id
    assert sent[-1]["task_id"] == job.task_id
    # The worker takes it up again and finishes it.
    assert document_generation_run(job_id=job.pk).status == GenerationStatus.DONE


def test_a_job_that_keeps_killing_its_worker_is_given_up(published_meeting, secretary):
    job = document_generation_request(
        actor=secretary, subject=published_meeting, kind=AGENDA, audience=PUBLIC
    )
    long_ago = timezone.now() - datetime.timedelta(hours=1)
    GenerationJob.objects.filter(pk=job.pk).update(
        status=GenerationStatus.RUNNING, started_at=long_ago, attempts=MAX_ATTEMPTS
    )
    assert document_generation_sweep() == []
    job.refresh_from_db()
    assert job.status == GenerationStatus.FAILED
    assert "3" in job.failure_reason


# ---- Run: store, reuse, new version ----------------------------------------------------


def test_run_stores_the_pdf_with_hash_size_and_pages(published_meeting, secretary):
    job = request_and_run(published_meeting, secretary)
    assert job.status == GenerationStatus.DONE
    assert job.started_at <= job.finished_at and job.attempts == 1
    document = job.document
    data = document.file.read()
    assert data.startswith(b"%PDF-")
    assert document.sha256 == hashlib.sha256(data).hexdigest()
    assert document.size == len(data) and document.pages >= 1
    assert document.version == 1 and document.confidential is True
    assert document.filename.startswith("geannoteerde-agenda-") and document.filename.endswith(
        "-v1.pdf"
    )
    assert Path(document.file.path).is_relative_to(Path(django_settings.MEDIA_ROOT))
    assert len(job.content_hash) == 64 and job.content_hash == document.content_hash


def test_unchanged_content_reuses_the_file_and_a_change_makes_a_new_version(
    published_meeting, secretary
):
    first = request_and_run(published_meeting, secretary)
    again = request_and_run(published_meeting, secretary)
    assert again.pk != first.pk
    assert again.reused is True and again.document_id == first.document_id
    assert GeneratedDocument.objects.count() == 1

    agenda_item_update(
        actor=secretary,
        item=published_meeting.public_item,
        expected_version=None,
        title="Woondeal NHN: nieuwe titel",
    )
    changed = request_and_run(published_meeting, secretary)
    assert changed.reused is False
    assert changed.document.version == 2
    assert changed.document.content_hash != first.document.content_hash
    old = GeneratedDocument.objects.get(version=1)
    assert old.file.read().startswith(b"%PDF-")  # the earlier version is kept


def test_a_redelivered_message_for_a_finished_job_changes_nothing(published_meeting, secretary):
    job = request_and_run(published_meeting, secretary)
    again = document_generation_run(job_id=job.pk)
    assert again.status == GenerationStatus.DONE and again.attempts == 1
    assert GeneratedDocument.objects.count() == 1


# ---- Failures and retry ----------------------------------------------------------------


def test_a_producer_error_fails_the_job_and_keeps_the_previous_pdf(
    published_meeting, secretary, monkeypatch
):
    good = request_and_run(published_meeting, secretary)

    def broken(subject, audience):
        raise ValueError("kapot")

    replace_producer(monkeypatch, ANNOTATED, broken)
    failed = request_and_run(published_meeting, secretary)
    assert failed.status == GenerationStatus.FAILED
    assert "kapot" in failed.failure_reason and "ValueError" in failed.failure_reason
    assert failed.document is None and failed.finished_at is not None
    assert (
        generated_document_current(subject=published_meeting, kind=ANNOTATED, audience=MEMBERS)
        == good.document
    )


def test_a_broken_template_fails_the_job_with_a_readable_reason(
    published_meeting, secretary, monkeypatch, settings, tmp_path
):
    (tmp_path / "kapot.html").write_text("{% extends 'pdf/base.html' %}{% block content %}{% if")
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [tmp_path, *settings.TEMPLATES[0]["DIRS"]]}
    ]
    produce = document_kind(ANNOTATED).produce

    def with_broken_template(subject, audience):
        return dataclasses.replace(produce(subject, audience), template="kapot.html")

    replace_producer(monkeypatch, ANNOTATED, with_broken_template)
    job = request_and_run(published_meeting, secretary)
    assert job.status == GenerationStatus.FAILED
    assert job.failure_reason  # a sentence for the secretary, not a traceback
    assert "Traceback" not in job.failure_reason


def test_a_renderer_error_fails_the_job_with_the_renderers_reason(
    published_meeting, secretary, monkeypatch
):
    def refuse(*, html):
        raise PdfRenderError("PDF niet gemaakt: http://example.org/x.png")

    monkeypatch.setattr(production_services, "render_pdf_from_html", refuse)
    job = request_and_run(published_meeting, secretary)
    assert job.status == GenerationStatus.FAILED
    assert job.failure_reason == "PDF niet gemaakt: http://example.org/x.png"


def test_the_public_agenda_before_publication_fails_with_a_reason(secretary, body):
    draft = make_meeting(secretary=secretary, body=body)
    job = request_and_run(draft, secretary, kind=AGENDA, audience=PUBLIC)
    assert job.status == GenerationStatus.FAILED
    assert job.failure_reason


def test_retry_makes_a_new_job_that_succeeds(published_meeting, secretary, monkeypatch, sent):
    def broken(subject, audience):
        raise RuntimeError("tijdelijk stuk")

    replace_producer(monkeypatch, ANNOTATED, broken)
    failed = request_and_run(published_meeting, secretary)
    monkeypatch.undo()
    retried = document_generation_retry(actor=secretary, job=failed)
    assert retried.pk != failed.pk and retried.status == GenerationStatus.QUEUED
    assert AuditRecord.objects.filter(verb="document_generation_retry").exists()
    done = document_generation_run(job_id=retried.pk)
    assert done.status == GenerationStatus.DONE
    failed.refresh_from_db()
    assert failed.status == GenerationStatus.FAILED  # the record of the failure stays
    with pytest.raises(ValidationError):
        document_generation_retry(actor=secretary, job=done)


def test_transient_errors_propagate_so_the_task_retries(published_meeting, secretary, monkeypatch):
    def database_gone(subject, audience):
        raise OperationalError("server closed the connection unexpectedly")

    replace_producer(monkeypatch, ANNOTATED, database_gone)
    job = document_generation_request(
        actor=secretary, subject=published_meeting, kind=ANNOTATED, audience=MEMBERS
    )
    with pytest.raises(OperationalError):
        document_generation_run(job_id=job.pk)
    job.refresh_from_db()
    assert job.status == GenerationStatus.RUNNING  # the retry (or the sweep) picks it up


# ---- Celery wiring -----------------------------------------------------------------------


def test_the_tasks_retry_only_transient_errors_with_backoff_and_time_limits():
    task = tasks.document_generation_run
    assert task.name == "nhn_portal.core.tasks.document_generation_run"
    assert task.acks_late is True
    assert set(task.autoretry_for) == {OperationalError, kombu.exceptions.OperationalError}
    assert task.retry_backoff is True and task.max_retries == 5
    assert task.soft_time_limit == django_settings.CELERY_TASK_SOFT_TIME_LIMIT
    assert task.time_limit == django_settings.CELERY_TASK_TIME_LIMIT
    from nhn_portal.celery import app

    schedule = app.conf.beat_schedule["nhn_portal.core.tasks.document_generation_sweep"]
    assert schedule["task"] == tasks.document_generation_sweep.name
    assert schedule["schedule"] <= 60


def test_the_task_runs_the_service(published_meeting, secretary):
    job = document_generation_request(
        actor=secretary, subject=published_meeting, kind=AGENDA, audience=PUBLIC
    )
    assert tasks.document_generation_run.apply(kwargs={"job_id": job.pk}).get() == "klaar"


def test_the_worker_preloads_weasyprint_and_checks_fonts_before_forking(monkeypatch):
    from celery.signals import celeryd_init

    from nhn_portal import pdf

    receivers = [ref() for _key, ref in celeryd_init.receivers]
    assert celery_module.preload_pdf_renderer in receivers
    calls = []
    monkeypatch.setattr(pdf, "preload", lambda: calls.append("preload"))
    monkeypatch.setattr(pdf, "check_fast_fonts", lambda log: calls.append(("fonts", log.name)))
    monkeypatch.setattr(pdf, "freeze_before_fork", lambda: calls.append("freeze"))
    celeryd_init.send(sender="worker@test", instance=None, conf=None, options={})
    assert calls == ["preload", ("fonts", "nhn_portal.worker"), "freeze"]


def test_freezing_before_the_fork_puts_what_is_loaded_out_of_the_collectors_reach():
    import gc

    from nhn_portal import pdf

    try:
        assert pdf.freeze_before_fork() > 1000  # Django and the apps at least
        assert gc.get_freeze_count() > 1000
    finally:
        gc.unfreeze()


def test_weasyprint_and_fonttools_log_only_warnings():
    loggers = django_settings.LOGGING["loggers"]
    assert loggers["weasyprint"]["level"] == "WARNING"
    assert loggers["fontTools"]["level"] == "WARNING"


# ---- A real worker on the real Redis ---------------------------------------------------

WORKER_TIMEOUT = 60  # seconds, worker start-up included


def _database_url() -> str:
    """The URL of the database this test runs on, for the worker subprocess."""
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        name = db["NAME"]
        if not name or name == ":memory:" or str(name).startswith("file:"):
            pytest.skip("the worker needs a file database (tests/settings.py sets one)")
        return f"sqlite:///{name}"
    user = db["USER"] or ""
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    auth = f"{user}{password}@" if user else ""
    host = db["HOST"] or "127.0.0.1"
    port = f":{db['PORT']}" if db.get("PORT") else ""
    return f"postgres://{auth}{host}{port}/{db['NAME']}"


@pytest.mark.django_db(transaction=True)
def test_a_real_worker_makes_the_pdf_through_redis(secretary, body, settings, media_root, tmp_path):
    redis_url = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
    from nhn_portal.celery import app

    try:
        with app.connection_for_write(redis_url) as conn:
            conn.ensure_connection(max_retries=1)
    except Exception as error:  # any connection failure means: no Redis here
        if os.environ.get("CI_REQUIRE_REDIS"):
            raise
        pytest.skip(f"no Redis at {redis_url}: {error}")
    meeting = make_meeting(secretary=secretary, body=body)
    agenda_item_create(
        actor=secretary,
        meeting=meeting,
        expected_version=None,
        title=PUBLIC_TITLE,
        purpose=ItemPurpose.DECISION,
    )
    queue = f"test-pdf-{uuid.uuid4().hex[:12]}"  # no other worker takes the test's message
    settings.PDF_GENERATION_QUEUE = queue
    env = {key: value for key, value in os.environ.items() if not key.startswith("CELERY_")}
    env.update(
        DJANGO_SETTINGS_MODULE="tests.settings",
        DATABASE_URL=_database_url(),
        MEDIA_ROOT=str(media_root),
        CELERY_BROKER_URL=redis_url,
    )
    log = tmp_path / "worker.log"
    command = [
        sys.executable, "-m", "celery", "-A", "nhn_portal", "worker", "--pool=solo",
        "-Q", queue, "-n", f"{queue}@%h", "--without-gossip", "--without-mingle",
        "--loglevel=INFO",
    ]  # fmt: skip
    with log.open("w") as log_file:
        worker = subprocess.Popen(
            command,
            cwd=django_settings.BASE_DIR,
            env=env,
            stdout=log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        # Outside any transaction here: the on-commit enqueue runs at once.
        job = document_generation_request(
            actor=secretary, subject=meeting, kind=ANNOTATED, audience=MEMBERS
        )
        job.refresh_from_db()
        assert job.enqueued_at is not None, "the broker did not take the message"
        deadline = time.monotonic() + WORKER_TIMEOUT
        while time.monotonic() < deadline:
            job.refresh_from_db()
            if not job.is_pending:
                break
            time.sleep(0.5)
        assert job.status == GenerationStatus.DONE, (
            f"job {job.status}: {job.failure_reason}\nWorker log:\n{log.read_text()}"
        )
        data = job.document.file.read()
        assert data.startswith(b"%PDF-")
        assert hashlib.sha256(data).hexdigest() == job.document.sha256
    finally:
        from tests.test_celery_app import _stop

        _stop(worker)
