"""The load test: four journeys mixed, 50 simulated users for 60 s, against
gunicorn (3 workers) and one Celery worker on PostgreSQL and Redis.

Run: bench/load [--users 50] [--seconds 60]

Builds the world of bench/world.py in a fresh PostgreSQL database (`nhn_load` on the server
of DATABASE_URL, default 127.0.0.1), starts the servers, runs locust headless
(bench/locustfile.py) and then checks: zero failed requests, and no lost writes — the
responses and receipts the journeys wrote equal the rows in the database. Prints the p95 per
page. Exits non-zero when either check fails. Not a test: it needs both services and a minute.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from suite import PYTHON, ROOT, fetch, free_port, run  # noqa: E402

SERVER = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/nhn_portal")
DATABASE = SERVER.rsplit("/", 1)[0] + "/nhn_load"


def database_recreate() -> None:
    import psycopg  # noqa: PLC0415 - only this script needs it at the top level

    with psycopg.connect(SERVER.rsplit("/", 1)[0] + "/postgres", autocommit=True) as connection:
        connection.execute("DROP DATABASE IF EXISTS nhn_load WITH (FORCE)")
        connection.execute("CREATE DATABASE nhn_load")


def counts_in_database(env: dict, world: dict) -> dict:
    """The rows the journeys could have written, read back through Django."""
    script = f"""
import json, django
django.setup()
from regiobureau.models.annotations import AnnotationComment
from raden.constants import DeliveryStatus
from raden.models.letters import CouncilLetterDelivery
print(json.dumps({{
    "comments": AnnotationComment.objects.filter(
        annotation__agenda_item_id={world["item80"]}).count(),
    "receipts": CouncilLetterDelivery.objects.filter(
        pk__in={world["texel_deliveries"]!r}, status=DeliveryStatus.RECEIVED).count(),
}}))
"""
    out = run([PYTHON, "-c", script], env, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=60)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="nhn-load-"))
    redis = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0").rsplit("/", 1)[0] + "/12"
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
        "CACHE_URL": redis,
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
        processes.append(
            subprocess.Popen(
                [PYTHON, "-m", "celery", "-A", "nhn_portal", "worker", "--concurrency=1",
                 "--without-gossip", "--without-mingle", "--loglevel=WARNING"],
                env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=open(work / "worker.log", "w"),  # noqa: SIM115
            )
        )  # fmt: skip
        base = f"http://127.0.0.1:{port}"
        for _ in range(150):
            with contextlib.suppress(OSError):
                if fetch(base + "/gezondheid/", {})[0] == 200:
                    break
            time.sleep(0.2)
        before = counts_in_database(env, world)
        load_env = {
            **env,
            "LOAD_WORLD": str(work / "world.json"),
            "LOAD_COUNTS": str(work / "counts.json"),
        }
        print(f"locust: {args.users} users for {args.seconds} s against {base}", flush=True)
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
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=30)

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
    shutil.rmtree(work, ignore_errors=True)
    return 1 if failures or lost or phantom else 0


if __name__ == "__main__":
    sys.exit(main())
