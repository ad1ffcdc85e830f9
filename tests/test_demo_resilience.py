"""The embedded default keeps working under use (bin/demo, with its own processes and a SQLite
file): four users and the worker at once get no server error — SQLite runs with WAL, a busy
timeout and IMMEDIATE transactions, so the read audit's writes queue instead of failing with
"database is locked" — and the embedded worker (a private Redis on a Unix socket) keeps making
every PDF for minutes, through a crash of the worker, which bin/embedded-worker restarts and
reports on the terminal.

Slow (about five minutes together): marked `slow`, so a CI run can start them in parallel.
"""

from __future__ import annotations

import os
import re
import signal
import threading
import time

import pytest

from tests.demo_run import Browser, demo_database, demo_running, hrefs

pytestmark = pytest.mark.slow

USERS_SECONDS = 40  # four users at once
WORKER_SECONDS = 150  # PDF requests while the worker crashes once and comes back
CRASH_AFTER = 30
# From the first request. A job whose worker died (the crash, or a hard time limit on a loaded
# machine) is found by the sweep once it is "bezig" longer than the time limit (30 s) and the
# grace (60 s), at the next beat (every 15 s): a job stuck at the last request is made again
# by about WORKER_SECONDS + 105 s + its render. The wait ends as soon as every job is done.
PDF_DEADLINE = WORKER_SECONDS + 30 + 60 + 2 * 15 + 90


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """The demo database once per module (migrate and `load_nhn --demo`, about 20 s)."""
    return demo_database(tmp_path_factory.mktemp("demo-db"))


# The agendas can always be made once published; a decision list or minutes are refused
# until there is something to list (a failure of the document, not of the worker).
AGENDAS = {"agenda", "geannoteerde_agenda"}


def pdf_forms(html: str) -> list[dict[str, str]]:
    """The "PDF maken" buttons for an agenda on a meeting page's PDF panel, as posted data."""
    return [
        {"kind": kind, "audience": audience}
        for kind, audience in re.findall(
            r'name="kind" value="([^"]+)">\s*<input type="hidden" name="audience" value="([^"]+)"',
            html,
        )
        if kind in AGENDAS
    ]


def meeting_paths(demo) -> list[str]:
    return [f"/vergaderingen/{pk}/" for (pk,) in demo.rows("SELECT id FROM regiobureau_meeting")]


def jobs_by_status(demo) -> dict[str, int]:
    return dict(demo.rows("SELECT status, count(*) FROM core_generationjob GROUP BY status"))


def unfinished_jobs(demo) -> list[tuple]:
    """The jobs still waiting or running, with what the sweep looks at: for a failure message."""
    return demo.rows(
        "SELECT id, status, attempts, requested_at, enqueued_at, started_at, task_id "
        "FROM core_generationjob WHERE status IN ('wachtrij', 'bezig') ORDER BY id"
    )


def wait_for_jobs(demo, deadline: float) -> dict[str, int]:
    while True:
        counts = jobs_by_status(demo)
        if not counts.get("wachtrij") and not counts.get("bezig"):
            return counts
        if time.monotonic() > deadline:
            return counts
        time.sleep(2)


def test_four_users_and_the_worker_at_once_get_no_server_error(template, tmp_path):
    with demo_running(tmp_path, template) as demo:
        dossiers = [
            f"/netwerk/public-affairs/{pk}/"
            for (pk,) in demo.rows("SELECT id FROM netwerk_lobbydossier")
        ]
        meetings = meeting_paths(demo)
        stop_at = time.monotonic() + USERS_SECONDS

        def secretary(browser):
            # Reads the overview and meetings and asks for every PDF the panels offer: the
            # worker renders and writes while the others read and are audited.
            while time.monotonic() < stop_at:
                for path in meetings:
                    page = browser.get(path).text
                    for data in pdf_forms(page)[:1]:
                        browser.post(path + "pdf/", data)
                    browser.get("/")
                    if time.monotonic() > stop_at:
                        break

        def dossier_reader(browser):
            # Confidential lobby dossiers: every read writes an audit record.
            while time.monotonic() < stop_at:
                for path in dossiers:
                    browser.get(path)
                browser.get("/netwerk/public-affairs/")

        def member(browser):
            while time.monotonic() < stop_at:
                browser.get("/")
                for path in hrefs(
                    browser.get("/vergaderingen/mijn/").text, r"/vergaderingen/\d+/lezen/"
                ):
                    browser.get(path)

        def griffie(browser):
            while time.monotonic() < stop_at:
                for path in hrefs(browser.get("/raden/").text, r"/raden/brieven/\d+/"):
                    browser.get(path)
                browser.get("/")

        users = [
            ("secretaris@example.org", secretary),
            ("beheer@example.org", dossier_reader),
            ("bestuurder@example.org", member),
            ("griffie.texel@example.org", griffie),
        ]
        browsers = []
        threads = []
        for email, journey in users:
            browser = Browser(demo.base)
            browser.login(email)
            browsers.append(browser)
            threads.append(threading.Thread(target=journey, args=(browser,)))
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=USERS_SECONDS + 120)

        counts = wait_for_jobs(demo, time.monotonic() + 120)
        errors = [error for browser in browsers for error in browser.server_errors()]
        requests_made = sum(len(browser.statuses) for browser in browsers)
        assert not errors, f"{errors[:10]}\n{demo.logs()}"
        assert "database is locked" not in demo.logs()
        assert requests_made > 100
        # Every user did their journey (the audit shows the dossier reads).
        assert all(len(browser.statuses) > 10 for browser in browsers)
        assert demo.rows("SELECT count(*) FROM core_auditrecord WHERE action = 'read'")[0][0] > 10
        assert counts.get("klaar", 0) > 0 and set(counts) == {"klaar"}, counts


def test_the_embedded_worker_makes_every_pdf_for_minutes_through_a_crash(template, tmp_path):
    # Short time limits, so the sweep hands the crashed worker's job out again within the test.
    limits = {"CELERY_TASK_SOFT_TIME_LIMIT": "20", "CELERY_TASK_TIME_LIMIT": "30"}
    with demo_running(tmp_path, template, **limits) as demo:
        browser = Browser(demo.base)
        browser.login("secretaris@example.org")
        offered = []
        for path in meeting_paths(demo):
            offered += [(path, data) for data in pdf_forms(browser.get(path).text)]
        assert len(offered) >= 20
        # The demo made these PDFs while loading; as if their template changed since, each
        # first request renders a new version for real, later ones reuse it.
        demo.rows("UPDATE core_generateddocument SET content_hash = 'older-template'")
        renders = "SELECT count(*) FROM core_generationjob WHERE NOT reused"
        rendered_before = demo.rows(renders)[0][0]

        started = time.monotonic()
        crashed_pid = None
        asked = 0
        while time.monotonic() - started < WORKER_SECONDS:
            path, data = offered[asked % len(offered)]
            browser.post(path + "pdf/", data)
            asked += 1
            if crashed_pid is None and time.monotonic() - started > CRASH_AFTER:
                # The worker dies outright in the middle of its work (no warm shutdown).
                crashed_pid = demo.worker_pid()
                os.kill(crashed_pid, signal.SIGKILL)
            time.sleep(0.5)

        counts = wait_for_jobs(demo, started + PDF_DEADLINE)
        stderr = demo.stderr.read_text()
        assert not browser.server_errors(), demo.logs()
        assert crashed_pid is not None and demo.worker_pid() != crashed_pid
        assert "de worker stopte onverwacht" in stderr and "de worker draait weer" in stderr
        assert asked > 150
        assert set(counts) == {"klaar"}, f"{counts} {unfinished_jobs(demo)}\n{demo.logs()}"
        assert counts["klaar"] >= len(offered)
        assert demo.rows(renders)[0][0] - rendered_before >= len(offered)
        # The restarted worker's heartbeat is fresh; the overview does not warn.
        (beat_age,) = demo.rows(
            "SELECT (julianday('now') - julianday(beat_at)) * 86400 FROM core_heartbeat"
        )[0]
        assert beat_age < 60
        assert "liggen stil" not in browser.get("/").text
