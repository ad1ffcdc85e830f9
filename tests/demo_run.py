"""bin/demo as its users meet it, for the tests of the embedded default under use: a SQLite file
with the NHN and demo data, `bin/embedded-worker` (a private Redis on a Unix socket, one Celery
worker with its beat) and Django's runserver, each with bin/demo's environment, all in one
throw-away folder. Used by tests/test_demo_resilience.py.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import requests

from tests.objectstore import free_port

BASE_DIR = Path(__file__).resolve().parent.parent
DEMO_PASSWORD = "nhn-demo-2026"  # README's demo logins
START_TIMEOUT = 60  # seconds for runserver to answer (a fresh interpreter on 2 busy cores)


def demo_env(folder: Path, **extra: str) -> dict[str, str]:
    """bin/demo's environment for a demo in `folder`; nothing of the test run's own (its
    DATABASE_URL, its settings module, CI's Redis) leaks in."""
    keep = {
        name: os.environ[name] for name in ("PATH", "HOME", "LANG", "TMPDIR") if name in os.environ
    }
    return {
        **keep,
        "DJANGO_SETTINGS_MODULE": "nhn_portal.settings",
        "DEBUG": "true",
        "MFA_REQUIRED": "false",
        "DATABASE_URL": f"sqlite:///{folder / 'demo.sqlite3'}",
        "MEDIA_ROOT": str(folder / "media"),
        "NHN_VAR_DIR": str(folder / "var"),
        "NHN_PYTHON": sys.executable,
        "CELERY_BROKER_URL": f"redis+socket://{folder / 'var' / 'redis' / 'redis.sock'}",
        "PYTHONPATH": str(BASE_DIR),
        **extra,
    }


# `load_nhn --demo` with tests.demo's quick stand-ins for WeasyPrint: the tests of this module
# test the worker and the server under use, whose own PDF requests render for real;
# tests/test_embedded_demo.py checks the demo's letters rendered by WeasyPrint.
LOAD_DEMO_QUICKLY = (
    "import django; django.setup()\n"
    "from django.core.management import call_command\n"
    "from tests.demo import pdfs_rendered_quickly\n"
    "with pdfs_rendered_quickly():\n"
    "    call_command('load_nhn', '--demo')\n"
)


def demo_database(folder: Path) -> Path:
    """A demo database in `folder` as bin/demo makes it: migrated, with `load_nhn --demo` (its
    PDFs quick stand-ins)."""
    folder.mkdir(parents=True, exist_ok=True)
    env = demo_env(folder)
    for command in (["manage.py", "migrate", "--noinput", "-v0"], ["-c", LOAD_DEMO_QUICKLY]):
        subprocess.run(
            [sys.executable, *command],
            cwd=BASE_DIR,
            env=env,
            check=True,
            capture_output=True,
            timeout=300,
        )
    return folder / "demo.sqlite3"


@dataclass
class Demo:
    folder: Path
    base: str
    worker: subprocess.Popen
    web: subprocess.Popen
    stderr: Path = field(init=False)

    def __post_init__(self):
        self.stderr = self.folder / "embedded-worker.stderr"

    def rows(self, sql: str, *params) -> list[tuple]:
        """Read the demo's database directly (the test's own Django has another database);
        a test's set-up may change it too."""
        database = self.folder / "demo.sqlite3"
        with closing(sqlite3.connect(database, timeout=30)) as connection, connection:
            return connection.execute(sql, params).fetchall()

    def worker_pid(self) -> int:
        """The Celery worker's main process, as bin/embedded-worker wrote it."""
        return int((self.folder / "var" / "celery" / "worker.pid").read_text())

    def logs(self) -> str:
        parts = []
        for name in ("embedded-worker.stderr", "web.log", "var/log/celery.log"):
            path = self.folder / name
            if path.exists():
                parts.append(f"--- {name} ---\n{path.read_text()[-6000:]}")
        return "\n".join(parts)


@contextmanager
def demo_running(folder: Path, template: Path, **env_extra: str):
    """bin/demo's two halves on a copy of the `template` database: the embedded worker and
    runserver (threaded, as bin/demo runs it). Stopped and cleared afterwards."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(template, folder / "demo.sqlite3")
    env = demo_env(folder, **env_extra)
    port = free_port()
    worker = subprocess.Popen(
        [str(BASE_DIR / "bin" / "embedded-worker")],
        cwd=BASE_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=(folder / "embedded-worker.stderr").open("w"),
        start_new_session=True,
    )
    web = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
        cwd=BASE_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=(folder / "web.log").open("w"),
        start_new_session=True,
    )
    demo = Demo(folder=folder, base=f"http://127.0.0.1:{port}", worker=worker, web=web)
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            try:
                if requests.get(demo.base + "/gezondheid/", timeout=5).status_code == 200:
                    break
            except requests.ConnectionError:
                pass
            if time.monotonic() > deadline or web.poll() is not None:
                raise AssertionError(f"The demo did not start.\n{demo.logs()}")
            time.sleep(0.3)
        yield demo
    finally:
        stop(web)
        stop(worker, grace=30)


def stop(process: subprocess.Popen, *, grace: float = 10) -> None:
    """SIGTERM to the process's group, SIGKILL after `grace` seconds."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=5)


class Browser:
    """One user's browser: a cookie jar, the CSRF token of the pages, and every answer's
    status kept, so a test can say that none was a server error."""

    def __init__(self, base: str):
        self.base = base
        self.session = requests.Session()
        self.statuses: list[tuple[str, int]] = []

    def get(self, path: str) -> requests.Response:
        response = self.session.get(self.base + path, timeout=60)
        self.statuses.append((f"GET {path}", response.status_code))
        return response

    def post(self, path: str, data: dict, **headers: str) -> requests.Response:
        token = self.session.cookies.get("csrftoken", "")
        response = self.session.post(
            self.base + path,
            data={"csrfmiddlewaretoken": token, **data},
            headers={"Referer": self.base + path, **headers},
            allow_redirects=False,
            timeout=60,
        )
        self.statuses.append((f"POST {path}", response.status_code))
        return response

    def login(self, email: str, password: str = DEMO_PASSWORD) -> None:
        self.get("/account/login/")
        response = self.post("/account/login/", {"login": email, "password": password})
        assert response.status_code == 302, f"login of {email}: {response.status_code}"

    def server_errors(self) -> list[tuple[str, int]]:
        return [(what, status) for what, status in self.statuses if status >= 500]


def hrefs(html: str, pattern: str) -> list[str]:
    """The distinct link targets on a page that match `pattern` (a regular expression)."""
    return list(dict.fromkeys(re.findall(rf'href="({pattern})"', html)))
