"""Benchmark of search: 1,000 and 100,000 indexed items in the same run.

Run (PostgreSQL; its own database, created and dropped by the script):
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/nhn_search_bench \
        uv run python bench/search_bench.py [--large 100000] [--rounds 15]

Fills core.SearchEntry directly with generated Dutch agenda-like texts (a fixed seed), in two
databases' worth of rows one after the other — first `--small` rows, measures, then grows to
`--large` rows and measures again — and times `core.search.search` as an anonymous visitor
(the count, the facets, the ranked page) for selective terms (few hits) and very common terms
(a hit in most rows). Prints the medians and the large / small ratio for each; target: ≤ 3
for selective terms. Not a test.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth.models import AnonymousUser  # noqa: E402
from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.contrib.postgres.search import SearchVector  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import get_runner, setup_test_environment  # noqa: E402
from django.utils import timezone  # noqa: E402

from nhn_portal.core import search  # noqa: E402
from nhn_portal.core.models import SearchEntry  # noqa: E402

COMMON = ["regio", "gemeente", "besluit", "voorstel", "woningen", "bereikbaarheid", "economie"]
FILLER = [
    "de",
    "het",
    "een",
    "van",
    "in",
    "op",
    "voor",
    "met",
    "over",
    "door",
    "naar",
    "bij",
    "tot",
    "uit",
    "als",
    "dat",
    "die",
    "deze",
    "zijn",
    "worden",
    "wordt",
    "heeft",
    "hebben",
    "kan",
    "moet",
    "zal",
    "ook",
    "niet",
    "maar",
    "wel",
    "meer",
]
SELECTIVE = ["kustversterking", "zandsuppletie", "warmtenet", "glasvezelaanleg"]


def text(rng: random.Random, words: int) -> str:
    out = []
    for _ in range(words):
        roll = rng.random()
        out.append(rng.choice(COMMON) if roll < 0.25 else rng.choice(FILLER))
    return " ".join(out)


def fill(target: int, rng: random.Random) -> None:
    """Grow the index to `target` rows; one selective term per ~2,000 rows, at least 3."""
    content_type = ContentType.objects.get_for_model(SearchEntry)
    have = SearchEntry.objects.count()
    now = timezone.now()
    batch = []
    for index in range(have, target):
        selective = ""
        if index % 2000 == 7:
            selective = " " + SELECTIVE[(index // 2000) % len(SELECTIVE)]
        batch.append(
            SearchEntry(
                content_type=content_type,
                object_id=index + 1,
                kind=rng.choice(["meeting", "agenda_item", "document", "decision"]),
                title=text(rng, 6) + selective,
                text=text(rng, 120),
                url=f"/x/{index}/",
                date=now - timezone.timedelta(hours=index),
                body_id=rng.randint(1, 40),
                body_name=f"Gremium {rng.randint(1, 40)}",
                visibility="public" if rng.random() < 0.8 else "members",
            )
        )
        if len(batch) == 5000:
            SearchEntry.objects.bulk_create(batch)
            batch = []
    if batch:
        SearchEntry.objects.bulk_create(batch)
    SearchEntry.objects.filter(search_vector=None).update(
        search_vector=SearchVector("title", weight="A", config="dutch")
        + SearchVector("text", weight="B", config="dutch")
    )
    # What autovacuum does in production after a bulk load: merge the GIN index's pending
    # list (otherwise scanned linearly by every search) and refresh the planner's statistics.
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE core_searchentry")


def timed(query: str, rounds: int) -> float:
    visitor = AnonymousUser()
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        search.search(user=visitor, query=query)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def measure(rounds: int) -> dict[str, float]:
    return {
        "selective": statistics.median(timed(term, rounds) for term in SELECTIVE[:3]),
        "common": statistics.median(timed(term, rounds) for term in ["regio", "woning"]),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--small", type=int, default=1_000)
    parser.add_argument("--large", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("search_bench needs PostgreSQL (DATABASE_URL=postgres://…)")
    setup_test_environment()
    runner = get_runner(settings)(verbosity=0, interactive=False)
    old = runner.setup_databases()
    try:
        rng = random.Random(11)  # noqa: S311 - generated texts, not secrets
        fill(args.small, rng)
        small = measure(args.rounds)
        started = time.perf_counter()
        fill(args.large, rng)
        filled = time.perf_counter() - started
        large = measure(args.rounds)
    finally:
        runner.teardown_databases(old)
    print(f"index filled to {args.large:,} rows in {filled:.0f} s")
    print(f"{'terms':<10} {args.small:>8,} rows {args.large:>10,} rows   ratio  target")
    for kind in ("selective", "common"):
        ratio = large[kind] / small[kind]
        target = "≤ 3" if kind == "selective" else "info"
        verdict = "" if kind != "selective" else (" ok" if ratio <= 3 else " FAIL")
        print(
            f"{kind:<10} {small[kind]:>10.1f} ms {large[kind]:>12.1f} ms "
            f"{ratio:>6.2f}  {target}{verdict}"
        )


if __name__ == "__main__":
    main()
