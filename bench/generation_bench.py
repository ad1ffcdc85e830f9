"""Benchmark of document production: a whole job against plain WeasyPrint.

Run: uv run python bench/generation_bench.py [--items 80] [--repeat 3]

Builds, in a throw-away SQLite database, a meeting of N agenda items (every seventh closed,
each with an annotation and three stukken, one vertrouwelijk) and times, in the same run and
interleaved:
(a) `document_generation_run` end to end for the members' annotated agenda: the job's state
    changes, the selectors, the template, render_pdf (PDF/A-3b, tags, safe fetcher), the hash
    and the stored file. Each round changes one item title first, so no round reuses a file.
(b) WeasyPrint as the portal calls it (`nhn_portal.pdf.render_pdf_from_html`: a tagged PDF/A-3b,
    the safe URL fetcher) on the same HTML: what the job adds to the rendering it asks for is
    a/b, the figure of issue 26 (<= 1.05);
(c) plain weasyprint.HTML(string=...).write_pdf() on the same HTML, default options: a/c is
    what the tagged PDF/A costs besides (information; the accessible archive copy is required).
Each of the three runs on the roomy frame stack, as the Celery task runs the job
(nhn_portal/stack.py): on a plain stack each path's call depth decides how often CPython 3.11
maps and unmaps a stack chunk during the render (4,600 page faults against 500 for (b)), so the
three would not be compared on equal terms, nor as production runs them.
Prints the ratios, pages per second and peak memory. Not a test: numbers vary per machine.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import resource
import shutil
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
WORK = Path(tempfile.mkdtemp(prefix="nhn-generation-bench-"))
os.environ["DJANGO_SETTINGS_MODULE"] = "tests.settings"
os.environ["DATABASE_URL"] = f"sqlite:///{WORK / 'bench.sqlite3'}"
os.environ["MEDIA_ROOT"] = str(WORK / "media")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.templatetags.static import static  # noqa: E402

ANNOTATION = (
    "<p>Het portefeuillehoudersoverleg bespreekt de voortgang van het regionale "
    "woningbouwprogramma. In de eerste helft van het jaar zijn in de basisregio's samen "
    "1.240 woningen opgeleverd, waarvan 38 procent in het betaalbare segment.</p>"
    "<p>De vertraging bij drie grote locaties komt door netcongestie en "
    "stikstofvergunningen; het regiobureau stelt voor de versnellingsmiddelen te verschuiven "
    "naar kleinere inbreidingslocaties.</p>"
)


def build_meeting(items: int):
    from nhn_portal.core.constants import Role
    from regiobureau.models.annotations import Annotation
    from regiobureau.models.documents import Document, DocumentVersion
    from regiobureau.models.meetings import AgendaItem
    from tests.builders import make_meeting
    from tests.factories import BodyFactory, UserFactory

    secretary = UserFactory(roles=[Role.SECRETARY])
    body = BodyFactory(name="Portefeuillehoudersoverleg Wonen")
    # As the tests make a meeting (tests/builders.py), three hours and in Alkmaar.
    meeting = make_meeting(
        secretary=secretary,
        body=body,
        days=14,
        hours=3,
        title="Portefeuillehoudersoverleg Wonen",
        location="Gemeentehuis Alkmaar, raadzaal",
        online_url="",
    )
    meeting.items.all().delete()  # only the benchmark's own items
    created = AgendaItem.objects.bulk_create(
        AgendaItem(
            meeting=meeting,
            position=number,
            title=f"Woningbouwprogramma, deelproject {number}: voortgang en ijkpunten",
            purpose="besluitvorming" if number % 3 else "informatie",
            is_public=number % 7 != 0,
        )
        for number in range(1, items + 1)
    )
    Annotation.objects.bulk_create(
        Annotation(agenda_item=item, core_message=ANNOTATION, proposal="<p>Instemmen.</p>")
        for item in created
    )
    documents = Document.objects.bulk_create(
        Document(agenda_item=item, title=f"Stuk {n} bij punt {item.position}", confidentiality=c)
        for item in created
        for n, c in enumerate(["openbaar", "vertrouwelijk", "openbaar"], start=1)
    )
    DocumentVersion.objects.bulk_create(
        DocumentVersion(
            document=document,
            number=1,
            file=f"stukken/{document.pk}/x",
            original_name="stuk.pdf",
            content_type="application/pdf",
            size=120_000,
            sha256="0" * 64,
        )
        for document in documents
    )
    return secretary, meeting, created[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=80)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", type=Path, help="also write the medians to this file")
    args = parser.parse_args()
    logging.getLogger("weasyprint").setLevel(logging.WARNING)
    logging.getLogger("fontTools").setLevel(logging.WARNING)
    logging.getLogger("nhn_portal.core.production").setLevel(logging.ERROR)

    from weasyprint import HTML  # noqa: TID251 - the baseline is plain WeasyPrint by design

    from nhn_portal.core.constants import GenerationStatus
    from nhn_portal.core.production.registry import document_kind
    from nhn_portal.core.production.services import (
        document_generation_request,
        document_generation_run,
    )
    from nhn_portal.pdf import check_fast_fonts, preload, render_html, render_pdf_from_html
    from nhn_portal.stack import run_on_roomy_stack
    from regiobureau.constants import ANNOTATED_AGENDA, MEMBERS
    from regiobureau.models.meetings import AgendaItem

    call_command("migrate", verbosity=0)
    preload()  # as the worker does before forking
    fast_fonts = check_fast_fonts()
    secretary, meeting, first_item = build_meeting(args.items)
    round_number = [0]

    def ours(change: bool = True):
        # Outside the timing it would be a secretary's edit; a tiny change forces a new file.
        if change:
            round_number[0] += 1
            title = f"Opening ({round_number[0]})"
            AgendaItem.objects.filter(pk=first_item.pk).update(title=title)
        job = document_generation_request(
            actor=secretary,
            subject=meeting,
            kind=ANNOTATED_AGENDA,
            audience=MEMBERS,
        )
        start = time.perf_counter()
        job = run_on_roomy_stack(document_generation_run, job_id=job.pk)
        elapsed = time.perf_counter() - start
        assert job.status == GenerationStatus.DONE, job.failure_reason
        return elapsed, job

    def current_html() -> str:
        produced = document_kind(ANNOTATED_AGENDA).produce(meeting, MEMBERS)
        return render_html(
            template=produced.template,
            context={**produced.context, "confidential": produced.confidential},
            title=produced.title,
        )

    ours()  # warm-up: template compilation and font loading stay out of the timings
    html = current_html()
    plain_html = html.replace(f'href="{static("")}', f'href="{(ROOT / "static").as_uri()}/')
    assert plain_html != html, "stylesheet link not rewritten"

    def plain():
        start = time.perf_counter()
        pdf = run_on_roomy_stack(HTML(string=plain_html, base_url=str(ROOT)).write_pdf)
        return time.perf_counter() - start, pdf

    def portal():
        start = time.perf_counter()
        run_on_roomy_stack(render_pdf_from_html, html=html)
        return time.perf_counter() - start, None

    plain()
    portal()
    ours_times, portal_times, plain_times = [], [], []
    job = plain_pdf = None
    for _ in range(args.repeat):
        elapsed, job = ours()
        ours_times.append(elapsed)
        elapsed, _ = portal()
        portal_times.append(elapsed)
        elapsed, plain_pdf = plain()
        plain_times.append(elapsed)

    reuse_time, reused = ours(change=False)
    assert reused.reused, "unchanged content should reuse the stored file"

    tracemalloc.start()
    ours()
    _, python_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    max_rss_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    document = job.document
    pages = document.pages
    ours_median = statistics.median(ours_times)
    plain_median = statistics.median(plain_times)
    portal_median = statistics.median(portal_times)
    print(
        f"document: annotated agenda, {args.items} items with annotation and 3 stukken each, "
        f"{pages} pages, {document.size / 1024:.0f} KiB, confidential={document.confidential}"
    )
    print(f"HarfBuzz subsetting loaded: {fast_fonts}")
    print(f"runs: {args.repeat} interleaved rounds after one warm-up; medians below")
    print(
        f"(a) document_generation_run: {ours_median:6.2f} s  {pages / ours_median:6.1f} pages/s"
        f"  (rounds: {', '.join(f'{t:.2f}' for t in ours_times)})"
    )
    print(
        f"(b) render_pdf_from_html:    {portal_median:6.2f} s  {pages / portal_median:6.1f} pages/s"
        f"  (rounds: {', '.join(f'{t:.2f}' for t in portal_times)})"
    )
    print(
        f"(c) plain WeasyPrint:        {plain_median:6.2f} s  {pages / plain_median:6.1f} pages/s"
        f"  (rounds: {', '.join(f'{t:.2f}' for t in plain_times)}; {len(plain_pdf) / 1024:.0f} KiB)"
    )
    print(f"ratio a/b (the job's own cost): {ours_median / portal_median:.2f}")
    print(f"ratio a/c (with the tagged PDF/A): {ours_median / plain_median:.2f}")
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "items": args.items,
                    "pages": pages,
                    "ours_s": ours_median,
                    "portal_s": portal_median,
                    "plain_s": plain_median,
                }
            )
        )
    print(f"(d) unchanged agenda, file reused: {reuse_time:.2f} s (HTML and hash only)")
    print(
        f"peak memory: {max_rss_kib / 1024:.0f} MiB resident (process), "
        f"{python_peak / 2**20:.0f} MiB Python heap during one generation"
    )


if __name__ == "__main__":
    try:
        main()
    finally:
        shutil.rmtree(WORK, ignore_errors=True)
