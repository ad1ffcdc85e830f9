"""Stateless nodes, proven: two web processes (gunicorn) and one Celery worker, each
in its own temporary working directory with its own MEDIA_ROOT (no shared disk), on one
PostgreSQL database, one Redis and one S3-compatible object store (moto's server on loopback).

Headless, with `requests` as the browser: a login on node A is valid on node B; a stuk uploaded
through A is downloaded through B (following the presigned redirect to the object store); a PDF
made by the worker is served by both; the login rate limit counts the failures on both nodes
together. The nodes run the production settings (DEBUG off) with only the environment set.

Needs PostgreSQL (DATABASE_URL) and Redis (REDIS_URL); skipped without them, except in CI
(CI_REQUIRE_REDIS=1, set by .ci/run), where a skip would hide the test and so fails instead.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import signal
import subprocess
import sys
import time
import uuid
from contextlib import ExitStack, contextmanager
from pathlib import Path

import pytest
import requests

from tests.builders import tiny_pdf
from tests.objectstore import free_port, moto_s3_server

pytestmark = pytest.mark.twonode

BASE_DIR = Path(__file__).resolve().parent.parent
PASSWORD = "nhn-test-2026"  # tests/factories.py's UserFactory
START_TIMEOUT = 40  # seconds for the nodes to answer (a fresh interpreter each, on 2 cores)
PDF_TIMEOUT = 60
# Behind a load balancer every node sees the same Host; the nodes here differ only by port.
# (allauth keys the login rate limit on the site's domain, which is that Host.)
HOST = "portaal.test"


def _browser() -> requests.Session:
    """A browser of the portal: one cookie jar, the balancer's Host on every request."""
    session = requests.Session()
    session.headers["Host"] = HOST
    return session


def _unavailable(reason: str):
    if os.environ.get("CI_REQUIRE_REDIS"):  # .ci/run: the two-node test must run in CI
        pytest.fail(f"The two-node test cannot run: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def services():
    """The PostgreSQL server's URL and a reachable Redis, or skip (fail in CI)."""
    database_url = os.environ.get("DATABASE_URL", "")
    if not database_url.startswith(("postgres://", "postgresql://")):
        _unavailable("DATABASE_URL is not PostgreSQL")
    redis_url = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
    import redis

    try:
        redis.Redis.from_url(redis_url, socket_connect_timeout=2).ping()
    except Exception as error:  # any failure means: no Redis here
        _unavailable(f"no Redis at {redis_url}: {error}")
    return database_url, redis_url


@contextmanager
def _database(server_url: str):
    """A new, empty database on the test's PostgreSQL server, dropped afterwards."""
    import environ
    import psycopg

    config = environ.Env.db_url_config(server_url)
    name = f"nhn_twonode_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    connect = {
        "host": config["HOST"] or "127.0.0.1",
        "port": config["PORT"] or 5432,
        "user": config["USER"],
        "password": config["PASSWORD"] or None,
        "dbname": "postgres",
        "autocommit": True,
    }
    with psycopg.connect(**connect) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    url = re.sub(r"/[^/?]*(\?|$)", rf"/{name}\1", server_url.split("://", 1)[1], count=1)
    try:
        yield f"postgres://{url}", {**connect, "dbname": name}
    finally:
        with psycopg.connect(**connect) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _start(command: list[str], *, cwd: Path, env: dict[str, str]) -> subprocess.Popen:
    log = (cwd / "process.log").open("w")
    return subprocess.Popen(
        command, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=5)


def _logs(*folders: Path) -> str:
    return "\n".join(
        f"--- {folder.name} ---\n{(folder / 'process.log').read_text()[-4000:]}"
        for folder in folders
        if (folder / "process.log").exists()
    )


def _wait_until_up(url: str, process: subprocess.Popen, folder: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"The node at {url} stopped:\n{_logs(folder)}")
        try:
            if requests.get(f"{url}/gezondheid/", timeout=2).status_code == 200:
                return
        except requests.ConnectionError:
            pass
        time.sleep(0.2)
    pytest.fail(f"The node at {url} did not answer:\n{_logs(folder)}")


SEED = """
import json, django
django.setup()
from nhn_portal.core.constants import Role
from regiobureau.services.agenda import agenda_item_create
from regiobureau.constants import ItemPurpose
from tests.builders import make_meeting
from tests.factories import BodyFactory, UserFactory

secretary = UserFactory(roles=[Role.SECRETARY])
body = BodyFactory(name="Platform twee knopen", slug="platform-twee-knopen")
meeting = make_meeting(secretary=secretary, body=body)
item = agenda_item_create(
    actor=secretary, meeting=meeting, expected_version=None, title="Woondeal",
    purpose=ItemPurpose.DECISION,
)
print(json.dumps({"email": secretary.email, "meeting": meeting.pk, "item": item.pk}))
"""


def _login(session: requests.Session, node: str, email: str, password: str) -> requests.Response:
    session.get(f"{node}/account/login/", timeout=10)
    return session.post(
        f"{node}/account/login/",
        data={
            "login": email,
            "password": password,
            "csrfmiddlewaretoken": session.cookies.get("csrftoken", ""),
        },
        allow_redirects=False,
        timeout=30,
    )


def _download(session: requests.Session, url: str, s3_endpoint: str) -> bytes:
    """A download as a browser makes it: the portal's redirect, then the object store."""
    response = session.get(url, allow_redirects=False, timeout=10)
    assert response.status_code == 302, response.text[:500]
    location = response.headers["Location"]
    assert location.startswith(s3_endpoint)
    fetched = requests.get(location, timeout=10)
    assert fetched.status_code == 200
    return fetched.content


def test_two_web_nodes_and_a_worker_share_no_disk(services, tmp_path):
    database_server, redis_url = services
    folders = {name: tmp_path / name for name in ("setup", "node_a", "node_b", "worker")}
    for folder in folders.values():
        (folder / "media").mkdir(parents=True)
    redis_server = redis_url.rsplit("/", 1)[0]
    ports = {"node_a": free_port(), "node_b": free_port()}
    nodes = {name: f"http://127.0.0.1:{port}" for name, port in ports.items()}

    with ExitStack() as stack:
        s3 = stack.enter_context(moto_s3_server())
        bucket = s3.create_bucket(f"twonode-{uuid.uuid4().hex[:8]}")
        database_url, connect = stack.enter_context(_database(database_server))
        import psycopg

        base_env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("CELERY_", "DJANGO_", "CACHE_", "S3_", "MEDIA_"))
        }
        base_env.update(
            {
                "DJANGO_SETTINGS_MODULE": "nhn_portal.settings",
                "PYTHONPATH": str(BASE_DIR),
                "SECRET_KEY": "two-node-test-not-secret",
                "DEBUG": "false",
                "ALLOWED_HOSTS": f"{HOST},127.0.0.1,localhost",
                "SESSION_COOKIE_SECURE": "false",
                "CSRF_COOKIE_SECURE": "false",
                "STATIC_MANIFEST": "false",
                "DATABASE_URL": database_url,
                "REDIS_URL": redis_url,
                "CELERY_BROKER_URL": redis_url,
                # Its own queue, so no other worker on this Redis takes the test's tasks.
                "CELERY_TASK_DEFAULT_QUEUE": f"twonode-{uuid.uuid4().hex[:12]}",
                "CACHE_URL": f"{redis_server}/1",
                # The login throttle (django-axes, in the shared database) locks an account
                # and address after five failures here, so the test spreads five over the
                # two nodes.
                "AXES_FAILURE_LIMIT": "5",
                # A fresh prefix: no rate limit or session of an earlier run counts.
                "CACHE_KEY_PREFIX": f"twonode-{uuid.uuid4().hex[:12]}",
                **s3.env(bucket),
            }
        )

        def env_for(name: str) -> dict[str, str]:
            return {**base_env, "MEDIA_ROOT": str(folders[name] / "media")}

        manage = str(BASE_DIR / "manage.py")
        migrate = _start(
            [sys.executable, manage, "migrate", "--noinput", "-v0"],
            cwd=folders["setup"],
            env=env_for("setup"),
        )
        processes = {}
        for name in ("node_a", "node_b"):
            processes[name] = _start(
                [
                    sys.executable,
                    "-m",
                    "gunicorn",
                    "nhn_portal.wsgi:application",
                    "--bind",
                    f"127.0.0.1:{ports[name]}",
                    "--workers",
                    "1",
                    "--timeout",
                    "60",
                    # The production worker class (gunicorn.conf.py is not in this folder).
                    "--worker-class",
                    "nhn_portal.gunicorn_worker.RoomyStackSyncWorker",
                ],  # fmt: skip
                cwd=folders[name],
                env=env_for(name),
            )
        processes["worker"] = _start(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "nhn_portal",
                "worker",
                "--pool=solo",
                "-n",
                f"twonode-{uuid.uuid4().hex[:8]}@%h",
                "--without-gossip",
                "--without-mingle",
                "--loglevel=INFO",
            ],  # fmt: skip
            cwd=folders["worker"],
            env=env_for("worker"),
        )
        for process in processes.values():
            stack.callback(_stop, process)
        stack.callback(_stop, migrate)

        assert migrate.wait(timeout=120) == 0, _logs(folders["setup"])
        seeded = subprocess.run(
            [sys.executable, "-c", SEED],
            cwd=folders["setup"],
            env=env_for("setup"),
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        )
        data = json.loads(seeded.stdout.strip().splitlines()[-1])
        for name in ("node_a", "node_b"):
            _wait_until_up(nodes[name], processes[name], folders[name])
        a, b = nodes["node_a"], nodes["node_b"]

        # A login on A is valid on B.
        browser = _browser()
        response = _login(browser, a, data["email"], PASSWORD)
        assert response.status_code == 302, response.text[:2000]
        # "Mijn vergaderingen" needs a login (the front page `/` is public).
        home_on_b = browser.get(f"{b}/vergaderingen/mijn/", allow_redirects=False, timeout=10)
        assert home_on_b.status_code == 200
        anonymous_on_b = _browser().get(
            f"{b}/vergaderingen/mijn/", allow_redirects=False, timeout=10
        )
        assert anonymous_on_b.status_code == 302  # to the login page: B really checks

        # A stuk uploaded through A is downloaded through B (and A).
        upload = browser.post(
            f"{a}/vergaderingen/agendapunten/{data['item']}/stukken/",
            data={
                "title": "Voortgang twee knopen",
                "confidentiality": "openbaar",
                "csrfmiddlewaretoken": browser.cookies.get("csrftoken", ""),
            },
            files={"files": ("voortgang.pdf", tiny_pdf("twee knopen"), "application/pdf")},
            allow_redirects=False,
            timeout=30,
        )
        assert upload.status_code in (200, 302), upload.text[:2000]
        with psycopg.connect(**connect) as db:
            row = db.execute(
                "SELECT id FROM regiobureau_document WHERE agenda_item_id = %s", [data["item"]]
            ).fetchone()
        assert row is not None, f"no stuk stored:\n{upload.text[:2000]}"
        download = f"/vergaderingen/stukken/{row[0]}/download/"
        assert _download(browser, b + download, s3.endpoint) == tiny_pdf("twee knopen")
        assert _download(browser, a + download, s3.endpoint) == tiny_pdf("twee knopen")

        # A PDF made by the worker is served by both web nodes.
        requested = browser.post(
            f"{a}/vergaderingen/{data['meeting']}/pdf/",
            data={
                "kind": "geannoteerde_agenda",
                "audience": "leden",
                "csrfmiddlewaretoken": browser.cookies.get("csrftoken", ""),
            },
            allow_redirects=False,
            timeout=10,
        )
        assert requested.status_code == 302, requested.text[:2000]
        deadline = time.monotonic() + PDF_TIMEOUT
        sha256 = None
        while time.monotonic() < deadline and sha256 is None:
            with psycopg.connect(**connect) as db:
                found = db.execute(
                    "SELECT d.sha256 FROM core_generationjob j "
                    "JOIN core_generateddocument d ON d.id = j.document_id "
                    "WHERE j.status = 'klaar' AND j.object_id = %s",
                    [data["meeting"]],
                ).fetchone()
            sha256 = found[0] if found else None
            time.sleep(0.3)
        assert sha256, f"the worker made no PDF:\n{_logs(folders['worker'])}"
        pdf_url = f"/vergaderingen/{data['meeting']}/pdf/geannoteerde_agenda/leden/"
        from_a = _download(browser, a + pdf_url, s3.endpoint)
        from_b = _download(browser, b + pdf_url, s3.endpoint)
        assert from_a == from_b
        assert from_a.startswith(b"%PDF-")
        assert hashlib.sha256(from_b).hexdigest() == sha256

        # No node wrote a file to its own disk: everything is in the bucket.
        for name in ("node_a", "node_b", "worker"):
            assert not any((folders[name] / "media").rglob("*")), name
        keys = [o["Key"] for o in s3.client().list_objects_v2(Bucket=bucket)["Contents"]]
        # The PDF, the stuk and (once the worker made it, in its own time) its PDF/A copy.
        assert len([key for key in keys if key.startswith("pdf/")]) == 1
        assert len([key for key in keys if key.startswith("stukken/")]) in (1, 2)
        assert len(keys) in (2, 3)

        # The login throttle (django-axes; 5 failures per account and address here, both nodes
        # seeing the test's one address) counts on both nodes:
        # four failures alternate between A and B, the fifth (on B) is the lock-out, and then
        # even the right password is refused, on either node.
        for node in (a, b, a, b):
            failed = _login(_browser(), node, data["email"], "wrong password")
            assert failed.status_code == 200
        assert _login(_browser(), b, data["email"], "wrong password").status_code == 429
        assert _login(_browser(), a, data["email"], PASSWORD).status_code == 429
        assert _login(_browser(), b, data["email"], PASSWORD).status_code == 429
