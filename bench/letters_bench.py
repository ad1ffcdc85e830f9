"""Benchmark of the council letter batch: 17 letters, one worker process and two.

Run: uv run python bench/letters_bench.py [--singles 3]

Builds the 17 NHN municipalities, a held meeting with a decision (the tests' builders) and an
issued council letter in a throw-away SQLite database, then times, in the same run:
  (a) one council's letter through the pipeline's worker service (document_generation_run),
      the median of --singles runs, each on a fresh letter so nothing is reused;
  (b) the 17-letter batch in a pool of 1 worker process;
  (c) the same batch in a pool of 2 worker processes;
and prints (b) / (17 × a) and (c) / (17 × a). WeasyPrint is loaded and warmed up before the
pool forks, as the Celery worker does (nhn_portal.pdf.preload). Not a test.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
WORKDIR = Path(tempfile.mkdtemp(prefix="nhn-letters-bench-"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
# A file database (with a lock timeout) so the forked workers share it; messages stay in memory.
os.environ["DATABASE_URL"] = f"sqlite:///{WORKDIR / 'bench.sqlite3'}"
os.environ["CELERY_BROKER_URL"] = "memory://localhost/"
os.environ["MEDIA_ROOT"] = str(WORKDIR / "media")

import django  # noqa: E402
from django.conf import settings  # noqa: E402

# Two worker processes write to the same SQLite file: take the write lock at BEGIN and wait for
# it, instead of failing on a lock upgrade (PostgreSQL, the production database, needs neither).
settings.DATABASES["default"].setdefault("OPTIONS", {}).update(
    {"timeout": 30, "transaction_mode": "IMMEDIATE"}
)
django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, connections  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from gremia.models.registry import Subregion  # noqa: E402
from nhn_portal.core.constants import GenerationStatus  # noqa: E402
from nhn_portal.core.production.services import document_generation_run  # noqa: E402
from nhn_portal.pdf import check_fast_fonts, freeze_before_fork, preload  # noqa: E402
from raden.constants import DeliveryStatus  # noqa: E402
from raden.services.composing import (  # noqa: E402
    council_letter_adopt,
    council_letter_create,
    council_letter_item_add,
    council_letter_paragraph_set,
)
from raden.services.issuing import council_letter_issue, deliveries_sync  # noqa: E402
from regiobureau.models.meetings import Meeting  # noqa: E402
from tests.builders import make_meeting_with_decision, make_province, make_region  # noqa: E402

TEXT = (
    "De regio versnelt de woningbouw met extra capaciteit voor planvorming. Uw gemeente kan "
    "een beroep doen op deze capaciteit; het college informeert u over de projecten. "
)


def build() -> Meeting:
    """The tests' data (tests/builders.py): the 17 municipalities, the province and the held
    Platform Wonen meeting with its adopted Woondeal decision."""
    call_command("migrate", verbosity=0)
    make_region()
    return make_meeting_with_decision(actor=None, province=make_province())


def issued_letter(meeting: Meeting, number: int):
    """A fresh issued letter: its 17 jobs wait in the queue (nothing to reuse)."""
    letter = council_letter_create(
        actor=None, meeting=meeting, title=f"Versnelling woningbouw {number}", intro=TEXT * 3
    )
    council_letter_item_add(
        actor=None, letter=letter, decision=meeting.items.get().decisions.get(), text=TEXT * 4
    )
    kop = Subregion.objects.get(name="Kop van Noord-Holland")
    council_letter_paragraph_set(actor=None, letter=letter, subregion=kop, text=TEXT)
    council_letter_adopt(actor=None, letter=letter)
    deliveries = council_letter_issue(actor=None, letter=letter)
    return letter, [d.job_id for d in deliveries]


def issue_queries(meeting: Meeting, number: int, *, with_colleges: bool) -> tuple[int, int]:
    """The queries of issuing one letter, and its number of copies: 17 councils, or 34 with
    the collegebrief; the count must not grow with the copies."""
    letter = council_letter_create(
        actor=None, meeting=meeting, title=f"Telling {number}", intro=TEXT
    )
    council_letter_item_add(
        actor=None, letter=letter, decision=meeting.items.get().decisions.get(), text=TEXT
    )
    if with_colleges:
        letter.college_text = TEXT
        letter.save(update_fields=["college_text"])
    council_letter_adopt(actor=None, letter=letter)
    with CaptureQueriesContext(connection) as queries:
        deliveries = council_letter_issue(actor=None, letter=letter)
    return len(queries), len(deliveries)


def run_job(job_id: int) -> str:
    """One worker's task: the pipeline's idempotent service for one council's PDF."""
    return document_generation_run(job_id=job_id).status


def batch(job_ids: list[int], processes: int) -> float:
    connections.close_all()  # every child opens its own connection
    freeze_before_fork()  # as the worker does after its preload (nhn_portal.celery)
    context = multiprocessing.get_context("fork")
    with context.Pool(processes) as pool:
        start = time.perf_counter()
        statuses = pool.map(run_job, job_ids, chunksize=1)
        elapsed = time.perf_counter() - start
    assert statuses == [GenerationStatus.DONE] * len(job_ids), statuses
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--singles", type=int, default=3)
    parser.add_argument("--json", type=Path, help="also write the timings to this file")
    parser.add_argument(
        "--queries", action="store_true", help="only count the queries of issuing a letter"
    )
    args = parser.parse_args()
    if args.queries:
        meeting = build()
        issue_queries(meeting, 0, with_colleges=False)  # caches warm, as in a running site
        few, few_copies = issue_queries(meeting, 1, with_colleges=False)
        many, many_copies = issue_queries(meeting, 2, with_colleges=True)
        result = {"copies": [few_copies, many_copies], "queries": [few, many]}
        print(f"issuing a letter: {few} queries for {few_copies} copies, "
              f"{many} for {many_copies}")  # fmt: skip
        if args.json:
            args.json.write_text(json.dumps(result))
        return
    check_fast_fonts()
    meeting = build()
    preload()
    _warm, warm_jobs = issued_letter(meeting, 0)
    run_job(warm_jobs[0])  # fonts and templates loaded once, before timing and forking

    singles = []
    for number in range(args.singles):
        _letter, jobs = issued_letter(meeting, 100 + number)
        start = time.perf_counter()
        run_job(jobs[number % len(jobs)])
        singles.append(time.perf_counter() - start)
    one = statistics.median(singles)

    results = {}
    for processes in (1, 2):
        letter, jobs = issued_letter(meeting, processes)
        results[processes] = batch(jobs, processes)
        deliveries_sync(letter=letter)
        available = letter.deliveries.filter(status=DeliveryStatus.AVAILABLE).count()
        assert available == 17, available

    if args.json:
        args.json.write_text(
            json.dumps({"one_s": one, "batch_s": {str(p): t for p, t in results.items()}})
        )
    cpus = os.cpu_count()
    print(f"CPUs: {cpus}; one letter (median of {args.singles}): {one:.3f} s")
    print(f"17 × one letter: {17 * one:.2f} s")
    for processes, elapsed in results.items():
        print(
            f"batch of 17, {processes} worker process{'es' if processes > 1 else ''}: "
            f"{elapsed:.2f} s, ratio to 17 × one = {elapsed / (17 * one):.2f}"
        )


if __name__ == "__main__":
    main()
