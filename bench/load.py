"""The load test: four journeys mixed, 50 simulated users for 60 s, against
gunicorn (3 workers) and one Celery worker on PostgreSQL and Redis.

Run: bench/load [--users 50] [--seconds 60] [--faults]

Builds the world of bench/world.py in a fresh PostgreSQL database (DATABASE_URL's name with
`_load` added, on its server; default nhn_portal_load on 127.0.0.1), starts the servers, runs
locust headless (bench/locustfile.py) and then checks: zero failed requests, no lost writes —
the responses and receipts the journeys wrote equal the rows in the database — and every PDF
asked for made in the end. Prints the p95 per page. Exits non-zero when a check fails. Not a
test: it needs both services and a minute.

--faults: the fault run. Redis is a private server on a Unix socket (cache and broker), the
worker runs the beat (the sweeps), and during the run the worker is killed outright for 20 s
(from 10 s) and Redis stopped for 10 s (from 35 s). The same checks apply: no request fails,
no write is lost, and every PDF is made once both are back (within PDF_WAIT).
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from suite import PYTHON, ROOT, fetch, free_port, run  # noqa: E402

SERVER = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/nhn_portal")
# Its own database beside DATABASE_URL's, so runs against different databases never meet.
LOAD_NAME = SERVER.rsplit("/", 1)[1].split("?")[0] + "_load"
DATABASE = SERVER.rsplit("/", 1)[0] + "/" + LOAD_NAME
# The fault run's plan, in seconds from the start of the load: (at, for how long).
WORKER_DOWN = (10, 20)
REDIS_DOWN = (35, 10)
PDF_WAIT = 300  # seconds after the load for every PDF to be made (the sweep runs each minute)


def database_recreate() -> None:
    import psycopg  # noqa: PLC0415 - only this script needs it at the top level

    with psycopg.connect(SERVER.rsplit("/", 1)[0] + "/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{LOAD_NAME}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{LOAD_NAME}"')


def counts_in_database(env: dict, world: dict) -> dict:
    """The rows the journeys could have written, read back through Django."""
    script = f"""
import json, django
django.setup()
from regiobureau.models.annotations import AnnotationComment
from consultaties.models import CouncilResponse
from raden.constants import DeliveryStatus
from raden.models.letters import CouncilLetterDelivery
print(json.dumps({{
    "comments": AnnotationComment.objects.filter(
        annotation__agenda_item_id={world["item80"]}).count(),
    "receipts": CouncilLetterDelivery.objects.filter(
        pk__in={world["texel_deliveries"]!r}, status=DeliveryStatus.RECEIVED).count(),
    "schedules": CouncilResponse.objects.get(pk={world["texel_response"]}).version
        - {world["texel_response_version"]},
}}))
"""
    out = run([PYTHON, "-c", script], env, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def pdf_jobs(env: dict, since: float) -> dict:
    """The PDF jobs asked for since `since` (a Unix time), by status."""
    script = f"""
import datetime, json, django
django.setup()
from django.db.models import Count
from nhn_portal.core.models import GenerationJob
since = datetime.datetime.fromtimestamp({since}, tz=datetime.UTC)
rows = GenerationJob.objects.filter(requested_at__gte=since).values("status").annotate(
    n=Count("id"))
print(json.dumps({{row["status"]: row["n"] for row in rows}}))
"""
    out = run([PYTHON, "-c", script], env, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


class PrivateRedis:
    """The fault run's Redis: a server of its own on a Unix socket, which it may stop."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.socket = folder / "redis.sock"
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        self.process = subprocess.Popen(
            [shutil.which("redis-server") or "/usr/bin/redis-server", "--port", "0",
             "--unixsocket", str(self.socket),
             "--unixsocketperm", "700", "--dir", str(self.folder), "--appendonly", "yes",
             "--save", "", "--logfile", str(self.folder / "redis.log")],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        for _ in range(100):
            if self.socket.exists():
                return
            time.sleep(0.05)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)


def start_worker(env: dict, work: Path, *, beat: bool) -> subprocess.Popen:
    command = [PYTHON, "-m", "celery", "-A", "nhn_portal", "worker", "--concurrency=1",
               "--without-gossip", "--without-mingle", "--loglevel=WARNING"]  # fmt: skip
    if beat:
        command += ["--beat", "--schedule", str(work / "beat-schedule")]
    return subprocess.Popen(
        command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL,
        stderr=open(work / "worker.log", "a"), start_new_session=True,  # noqa: SIM115
    )  # fmt: skip


def restore_unacknowledged(broker: str) -> None:
    """What the killed worker had taken goes back into the queue (it was the only worker on
    this Redis), as bin/embedded-worker does before it starts a worker again."""
    from kombu import Connection

    with Connection(broker, transport_options={"visibility_timeout": 0}) as connection:
        connection.default_channel.qos.restore_visible(num=100_000)


def fault_plan(processes: list, env: dict, work: Path, redis: PrivateRedis, log: list) -> None:
    """Kill the worker for WORKER_DOWN and stop Redis for REDIS_DOWN, during the load."""
    started = time.monotonic()

    def at(second: float) -> None:
        time.sleep(max(0.0, started + second - time.monotonic()))

    def note(what: str) -> None:
        log.append(f"{time.monotonic() - started:5.1f} s  {what}")

    at(WORKER_DOWN[0])
    worker = processes[1]
    os.killpg(worker.pid, signal.SIGKILL)
    worker.wait()
    note("worker killed (SIGKILL)")
    at(sum(WORKER_DOWN))
    restore_unacknowledged(env["CELERY_BROKER_URL"])
    processes[1] = start_worker(env, work, beat=True)
    note("worker started again")
    at(REDIS_DOWN[0])
    redis.stop()
    note("Redis stopped")
    at(sum(REDIS_DOWN))
    redis.start()
    note("Redis started again")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument(
        "--faults", action="store_true", help="kill the worker and stop Redis during the run"
    )
    args = parser.parse_args()
    if args.faults and args.seconds < sum(REDIS_DOWN) + 5:
        parser.error(f"--faults needs at least {sum(REDIS_DOWN) + 5} seconds")
    # A short path: a Unix socket's path may not be longer than about 100 characters.
    work = Path(tempfile.mkdtemp(prefix="nhn-load-", dir="/tmp"))
    redis = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0").rsplit("/", 1)[0] + "/12"
    private_redis = PrivateRedis(work / "redis")
    if args.faults:
        private_redis.start()
        redis = f"redis+socket://{private_redis.socket}"
    cache = f"redis://{private_redis.socket}?db=1" if args.faults else redis
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "nhn_portal.settings",
        "DEBUG": "false",
        "SECRET_KEY": "load-" + "x" * 60,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": DATABASE,
        "MEDIA_ROOT": str(work / "media"),
        "STATIC_ROOT": str(work / "static"),
        "CELERY_BROKER_URL": redis,
        "CACHE_URL": cache,
        "REDIS_URL": redis,
        "SESSION_COOKIE_SECURE": "false",
        "CSRF_COOKIE_SECURE": "false",
        "MFA_REQUIRED": "false",
        "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
        "LOG_LEVEL": "WARNING",
        "PYTHONPATH": str(ROOT),
    }
    processes = []
    try:
        database_recreate()
        out = run(
            [PYTHON, "bench/world.py"], {**env, "DEBUG": "true"}, capture_output=True, text=True
        )
        world = json.loads(out.stdout.strip().splitlines()[-1])
        (work / "world.json").write_text(json.dumps(world))
        run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], env)
        port = free_port()
        processes.append(
            subprocess.Popen(
                [PYTHON, "-m", "gunicorn", "nhn_portal.wsgi", "-c", "gunicorn.conf.py",
                 "--bind", f"127.0.0.1:{port}", "--workers", "3", "--access-logfile", "/dev/null"],
                env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=open(work / "web.log", "w"),  # noqa: SIM115
            )
        )  # fmt: skip
        processes.append(start_worker(env, work, beat=args.faults))
        base = f"http://127.0.0.1:{port}"
        for _ in range(150):
            with contextlib.suppress(OSError):
                if fetch(base + "/gezondheid/", {})[0] == 200:
                    break
            time.sleep(0.2)
        before = counts_in_database(env, world)
        load_started = time.time()
        load_env = {
            **env,
            "LOAD_WORLD": str(work / "world.json"),
            "LOAD_COUNTS": str(work / "counts.json"),
        }
        print(f"locust: {args.users} users for {args.seconds} s against {base}", flush=True)
        faults: list[str] = []
        if args.faults:
            threading.Thread(
                target=fault_plan, args=(processes, env, work, private_redis, faults), daemon=True
            ).start()
        subprocess.run(
            [PYTHON, "-m", "locust", "-f", "bench/locustfile.py", "--headless",
             "-u", str(args.users), "-r", "10", "-t", f"{args.seconds}s", "--host", base,
             "--csv", str(work / "stats"), "--only-summary", "--loglevel", "WARNING"],
            env=load_env, cwd=ROOT, check=False,
        )  # fmt: skip
        counts = json.loads((work / "counts.json").read_text())
        written, sent = counts["written"], counts["sent"]
        after = counts_in_database(env, world)
        stored = {kind: after[kind] - before[kind] for kind in after}
        with open(work / "stats_stats.csv") as stats:  # noqa: PTH123
            rows = list(csv.DictReader(stats))
        # Every PDF asked for is made in the end: after the faults, by the sweep.
        deadline = time.monotonic() + PDF_WAIT
        waited = time.monotonic()
        while True:
            jobs = pdf_jobs(env, load_started)
            if not jobs.get("wachtrij") and not jobs.get("bezig"):
                break
            if time.monotonic() > deadline:
                break
            time.sleep(5)
        waited = time.monotonic() - waited
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
        # The worker's own group: its embedded beat, when a kill left it behind.
        if len(processes) > 1:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(processes[1].pid, signal.SIGKILL)
        private_redis.stop()

    print()
    print(f"{'page':<32} {'requests':>8} {'failures':>8} {'p50 ms':>7} {'p95 ms':>7}")
    failures = 0
    for row in rows:
        failures += int(row["Failure Count"]) if row["Name"] != "Aggregated" else 0
        print(
            f"{row['Name']:<32} {row['Request Count']:>8} {row['Failure Count']:>8} "
            f"{row['50%']:>7} {row['95%']:>7}"
        )
    print()
    # Lost: an acknowledged write that is not in the database. More rows than acknowledged is
    # fine up to the writes still in flight when the run stopped; beyond that, a phantom.
    lost = {kind: (written[kind], stored[kind]) for kind in stored if stored[kind] < written[kind]}
    phantom = {kind: (sent[kind], stored[kind]) for kind in stored if stored[kind] > sent[kind]}
    print(f"sent by the journeys:    {sent}")
    print(f"acknowledged:            {written}")
    print(f"new in the database:     {stored}")
    print(
        f"failures: {failures}; lost writes: {lost or 'none'}; phantom writes: {phantom or 'none'}"
    )
    if faults:
        print("faults:\n  " + "\n  ".join(faults))
    unmade = {status: n for status, n in jobs.items() if status != "klaar"}
    print(f"PDF jobs: {jobs}; waited {waited:.0f} s after the load; not made: {unmade or 'none'}")
    shutil.rmtree(work, ignore_errors=True)
    return 1 if failures or lost or phantom or unmade else 0


if __name__ == "__main__":
    sys.exit(main())
