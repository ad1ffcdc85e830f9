"""How long the first PDF takes on a fresh embedded demo.

Run: uv run python bench/embedded_first_pdf.py [--rounds 1]

Does what bin/demo does in a throw-away folder (SQLite, files on disk): migrate,
`load_nhn --demo`, start bin/embedded-worker (its private Redis on a Unix socket, the Celery
worker with the same options: prefork, one child, embedded beat). As soon as the worker says
it is ready, the secretary asks for the public agenda PDF of a published demo meeting (the
service the "PDF maken" button calls), and the script times until the job is done. Whatever
the demo left waiting (in the outbox) is handed over then too: the worst case of a new user.
Prints the worker's start-up time and the time to the first PDF. Not a test.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Short: a Unix socket's path may not be longer than about 100 characters.
WORK = Path(tempfile.mkdtemp(prefix="nhn-emb-", dir="/tmp"))
ENV = {
    **{k: v for k, v in os.environ.items() if not k.startswith(("CELERY_", "DJANGO_", "CACHE_"))},
    "DJANGO_SETTINGS_MODULE": "nhn_portal.settings",
    "DEBUG": "true",
    "DATABASE_URL": f"sqlite:///{WORK / 'demo.sqlite3'}",
    "NHN_VAR_DIR": str(WORK / "var"),
    "NHN_PYTHON": sys.executable,
    "CELERY_BROKER_URL": f"redis+socket://{WORK / 'var' / 'redis' / 'redis.sock'}",
    "MEDIA_ROOT": str(WORK / "media"),
    "PYTHONPATH": str(ROOT),
}
os.environ.update(ENV)
sys.path.insert(0, str(ROOT))
TIMEOUT = 180


def manage(*args: str) -> None:
    subprocess.run([sys.executable, str(ROOT / "manage.py"), *args], env=ENV, check=True)


def start_worker(log: Path) -> tuple[subprocess.Popen, float]:
    """bin/embedded-worker, as bin/demo starts it; ready when the worker's log says so."""
    started = time.monotonic()
    worker = subprocess.Popen(
        [str(ROOT / "bin" / "embedded-worker")],
        cwd=ROOT,
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=(WORK / "embedded-worker.stderr").open("w"),
        start_new_session=True,
    )
    while not log.exists() or "ready." not in log.read_text():
        if worker.poll() is not None or time.monotonic() - started > TIMEOUT:
            raise SystemExit(f"The worker did not start:\n{log.read_text()}")
        time.sleep(0.05)
    return worker, time.monotonic() - started


def stop(worker: subprocess.Popen) -> None:
    os.killpg(worker.pid, signal.SIGTERM)
    try:
        worker.wait(timeout=40)
    except subprocess.TimeoutExpired:
        os.killpg(worker.pid, signal.SIGKILL)


def one_round() -> tuple[float, float]:
    for name in ("demo.sqlite3",):
        (WORK / name).unlink(missing_ok=True)
    shutil.rmtree(WORK / "var", ignore_errors=True)
    shutil.rmtree(WORK / "media", ignore_errors=True)
    manage("migrate", "--noinput", "-v0")
    manage("load_nhn", "--demo")

    import django

    django.setup()
    from django.db import connections

    from nhn_portal.core.constants import GenerationStatus
    from nhn_portal.core.models import GenerationJob, OutboxMessage, User

    queued = OutboxMessage.objects.filter(sent_at__isnull=True).count()
    print(f"tasks waiting in the outbox after load_nhn --demo: {queued}")
    from nhn_portal.core.production.services import PENDING, document_generation_request
    from regiobureau.constants import AGENDA, PUBLIC, MeetingStatus
    from regiobureau.models.meetings import Meeting

    connections.close_all()
    worker, ready = start_worker(WORK / "var" / "log" / "celery.log")
    try:
        secretary = User.objects.get(email="secretaris@example.org")
        meeting = Meeting.objects.filter(status=MeetingStatus.AGENDA_PUBLISHED).first()
        asked = time.monotonic()
        job = document_generation_request(
            actor=secretary, subject=meeting, kind=AGENDA, audience=PUBLIC
        )
        while True:
            status = GenerationJob.objects.values_list("status", flat=True).get(pk=job.pk)
            if status not in PENDING:
                break
            if time.monotonic() - asked > TIMEOUT:
                raise SystemExit(f"No PDF after {TIMEOUT} s")
            time.sleep(0.05)
        first_pdf = time.monotonic() - asked
        assert status == GenerationStatus.DONE, status
    finally:
        stop(worker)
        connections.close_all()
    return ready, first_pdf


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=1)
    rounds = parser.parse_args().rounds
    try:
        results = [one_round() for _ in range(rounds)]
    finally:
        shutil.rmtree(WORK, ignore_errors=True)
    for number, (ready, first_pdf) in enumerate(results, 1):
        print(
            f"round {number}: worker ready after {ready:.1f} s, first PDF after {first_pdf:.1f} s"
        )


if __name__ == "__main__":
    main()
