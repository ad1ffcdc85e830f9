"""Redis down, portal up: a web server (gunicorn, production settings of the tests) and a Celery
worker with its beat run on a private Redis (cache and broker) that the test stops in the
middle. While it is down, a new login, the overview, the open data API, search and a PDF
request all answer without a server error; the PDF request waits in the database and is made
once Redis is back (the beat's sweep hands it to the worker).

Runs on the test database (PostgreSQL in CI), like tests/test_production.py's worker. Slow
(about two minutes, most of it waiting for the sweep): marked `slow`.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests
from django.conf import settings
from django.db import connection

from nhn_portal.core.constants import GenerationStatus
from nhn_portal.core.models import GeneratedDocument, GenerationJob
from regiobureau.constants import ANNOTATED_AGENDA, MEMBERS
from tests.builders import PASSWORD
from tests.demo_run import Browser
from tests.objectstore import free_port
from tests.redis_server import private_redis

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]

BASE_DIR = Path(settings.BASE_DIR)
START_TIMEOUT = 60
# After Redis returns: the worker reconnects, the beat's sweep (every 15 s) hands over the
# job that waited longer than its grace (30 s), the worker makes it.
PDF_TIMEOUT = 180


def database_url() -> str:
    """The URL of this test's database, for the subprocesses."""
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    port = f":{db['PORT']}" if db.get("PORT") else ""
    return f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}{port}/{db['NAME']}"


def start(command: list[str], env: dict, log: Path) -> subprocess.Popen:
    return subprocess.Popen(
        command,
        cwd=BASE_DIR,
        env=env,
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=5)


def test_with_redis_stopped_no_page_fails_and_the_pdf_is_made_when_it_returns(
    tmp_path, secretary, published_meeting
):
    with private_redis(tmp_path / "redis") as redis:
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("CELERY_", "CACHE_", "DJANGO_", "MEDIA_"))
        }
        env.update(
            DJANGO_SETTINGS_MODULE="tests.settings",
            PYTHONPATH=str(BASE_DIR),
            DATABASE_URL=database_url(),
            MEDIA_ROOT=str(tmp_path / "media"),
            CACHE_URL=f"redis://{redis.socket}?db=1",
            CELERY_BROKER_URL=redis.url(scheme="kombu"),
            SESSION_COOKIE_SECURE="false",
            CSRF_COOKIE_SECURE="false",
        )
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        web = start(
            [sys.executable, "-m", "gunicorn", "nhn_portal.wsgi:application", "--bind",
             f"127.0.0.1:{port}", "--workers", "1", "--threads", "4", "--timeout", "60"],
            env, tmp_path / "web.log",
        )  # fmt: skip
        worker = start(
            [sys.executable, "-m", "celery", "-A", "nhn_portal", "worker", "--pool=solo",
             "--without-gossip", "--without-mingle", "--loglevel=INFO", "--beat",
             "--schedule", str(tmp_path / "beat-schedule")],
            env, tmp_path / "worker.log",
        )  # fmt: skip

        def logs() -> str:
            return "\n".join(
                f"--- {name} ---\n{(tmp_path / name).read_text()[-5000:]}"
                for name in ("web.log", "worker.log")
            )

        try:
            deadline = time.monotonic() + START_TIMEOUT
            while True:
                try:
                    if requests.get(base + "/gezondheid/", timeout=5).status_code == 200:
                        break
                except (requests.ConnectionError, requests.Timeout):
                    pass  # not listening yet, or its first request still loads the app
                assert time.monotonic() < deadline and web.poll() is None, logs()
                time.sleep(0.3)
            signed_in = Browser(base)
            signed_in.login(secretary.email, PASSWORD)
            assert signed_in.get("/").status_code == 200

            redis.stop()

            # A new login takes allauth's rate-limit lock in the cache.
            newcomer = Browser(base)
            newcomer.login(secretary.email, PASSWORD)
            assert newcomer.get("/").status_code == 200
            # Every signed-in page reads the session.
            assert signed_in.get("/").status_code == 200
            meeting_page = published_meeting.get_absolute_url()
            assert signed_in.get(meeting_page).status_code == 200
            # The open data API and search count their limits in the cache.
            visitor = Browser(base)
            assert visitor.get("/api/ori/v2/vergaderingen").status_code == 200
            assert visitor.get("/openbaar/zoeken/?q=woondeal").status_code == 200
            assert visitor.get("/").status_code == 200
            # The PDF request is recorded; the broker that would take it is down.
            asked = signed_in.post(
                meeting_page + "pdf/", {"kind": ANNOTATED_AGENDA, "audience": MEMBERS}
            )
            assert asked.status_code == 302
            job = GenerationJob.objects.get(
                object_id=published_meeting.pk, kind=ANNOTATED_AGENDA, audience=MEMBERS
            )
            assert job.status == GenerationStatus.QUEUED and job.enqueued_at is None
            assert signed_in.get(meeting_page).status_code == 200

            errors = [
                error
                for browser in (signed_in, newcomer, visitor)
                for error in browser.server_errors()
            ]
            assert not errors, f"{errors}\n{logs()}"

            redis.start()

            deadline = time.monotonic() + PDF_TIMEOUT
            while time.monotonic() < deadline:
                job.refresh_from_db()
                if job.status == GenerationStatus.DONE:
                    break
                time.sleep(1)
            assert job.status == GenerationStatus.DONE, f"{job.status}\n{logs()}"
            document = GeneratedDocument.objects.get(pk=job.document_id)
            assert document.pages >= 1
            assert signed_in.get(meeting_page).status_code == 200
        finally:
            stop(web)
            stop(worker)
