"""Benchmark of the PDF helper: our render_pdf against plain WeasyPrint.

Run: uv run python bench/pdf_bench.py [--items 80] [--repeat 3]

Builds an annotated agenda of N items in the house style and times, in the same run,
(a) nhn_portal.pdf.render_pdf end to end (template, Dutch, PDF/A-3b, tags, safe fetcher) and
(b) plain weasyprint.HTML(string=...).write_pdf() on the same HTML, default options.
Prints the ratio a/b, pages per second and peak memory. Not a test: numbers vary per machine.
"""

from __future__ import annotations

import argparse
import logging
import os
import resource
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")

import django  # noqa: E402

django.setup()

from django.templatetags.static import static  # noqa: E402

from nhn_portal.pdf import PDF_VARIANT, check_fast_fonts, render_pdf  # noqa: E402
from tests.builders import pdf_agenda_context  # noqa: E402

ANNOTATION = (
    "Het portefeuillehoudersoverleg bespreekt de voortgang van het regionale "
    "woningbouwprogramma. In de eerste helft van het jaar zijn in de basisregio's samen "
    "1.240 woningen opgeleverd, waarvan 38 procent in het betaalbare segment. De vertraging "
    "bij drie grote locaties komt door netcongestie en stikstofvergunningen; het "
    "regiobureau stelt voor de versnellingsmiddelen te verschuiven naar kleinere "
    "inbreidingslocaties en de gemeenten te vragen hun planning vóór 1 oktober te actualiseren."
)


def agenda_context(items: int) -> dict:
    """The tests' sample agenda (tests/test_pdf.py) at full length: long annotations, every
    third item for information, every 17th closed, a stuk for every fourth item."""
    return pdf_agenda_context(
        items=items,
        confidential=True,
        item=lambda number: {
            "title": f"Woningbouwprogramma, deelproject {number}: voortgang en ijkpunten",
            "purpose": "Ter besluitvorming" if number % 3 else "Ter informatie",
            "annotation": f"{ANNOTATION}\n\n{ANNOTATION[:260]}",
            "closed": number % 17 == 0,
        },
        documents=[
            {"title": f"Stuk {number}: voortgangsrapportage", "item": number}
            for number in range(1, items + 1, 4)
        ],
    )


def timed(functions: dict, repeat: int) -> tuple[dict[str, list[float]], dict[str, object]]:
    """Run the functions in turn, `repeat` rounds, so a busy machine slows each alike."""
    durations: dict[str, list[float]] = {name: [] for name in functions}
    results: dict[str, object] = {}
    for _ in range(repeat):
        for name, function in functions.items():
            start = time.perf_counter()
            results[name] = function()
            durations[name].append(time.perf_counter() - start)
    return durations, results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=80)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    # WeasyPrint logs every layout step at INFO; the timings are the output here.
    logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)

    from weasyprint import HTML  # noqa: TID251 - the baseline is plain WeasyPrint by design

    fast_fonts = check_fast_fonts()
    context = agenda_context(args.items)
    title = "Geannoteerde agenda Portefeuillehoudersoverleg Wonen 3 maart 2026"

    def ours():
        return render_pdf(template="pdf/sample.html", context=context, title=title)

    warm = ours()  # imports, font loading and template compilation stay out of the timings
    # The plain run reads the same CSS and fonts straight from disk, with WeasyPrint's own
    # fetcher and default options (no PDF/A, no tags).
    plain_html = warm.html.replace(f'href="{static("")}', f'href="{(ROOT / "static").as_uri()}/')
    assert plain_html != warm.html, "stylesheet link not rewritten"

    def plain():
        return HTML(string=plain_html, base_url=str(ROOT)).write_pdf()

    def plain_archival():
        # (c) splits the ratio: WeasyPrint's own PDF/A and tagging cost versus ours.
        return HTML(string=plain_html, base_url=str(ROOT)).write_pdf(
            pdf_variant=PDF_VARIANT, pdf_tags=True, pdf_identifier=True
        )

    plain()
    durations, results = timed({"a": ours, "b": plain, "c": plain_archival}, args.repeat)
    result, plain_pdf = results["a"], results["b"]

    tracemalloc.start()
    ours()
    _, python_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    max_rss_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    ours_median = statistics.median(durations["a"])
    plain_median = statistics.median(durations["b"])
    archival_median = statistics.median(durations["c"])
    pages = result.pages
    print(f"document: {args.items} agenda items, {pages} pages, {len(result.pdf) / 1024:.0f} KiB")
    print(f"HarfBuzz subsetting loaded: {fast_fonts}")
    print(f"runs: {args.repeat} interleaved rounds after one warm-up; medians below")
    print(f"(a) render_pdf:       {ours_median:6.2f} s  {pages / ours_median:6.1f} pages/s")
    print(f"(b) plain WeasyPrint: {plain_median:6.2f} s  {pages / plain_median:6.1f} pages/s")
    print(
        f"(c) plain, PDF/A+tags: {archival_median:6.2f} s  {pages / archival_median:6.1f} pages/s"
    )
    print(
        f"ratio a/b: {ours_median / plain_median:.2f}, a/c: {ours_median / archival_median:.2f}"
        f"  (plain PDF {len(plain_pdf) / 1024:.0f} KiB)"
    )
    print(
        f"peak memory: {max_rss_kib / 1024:.0f} MiB resident (process), "
        f"{python_peak / 2**20:.0f} MiB Python heap during one render_pdf"
    )


if __name__ == "__main__":
    main()
