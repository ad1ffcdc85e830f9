"""Measurement of Dutch search on the demo data: the prefix tsquery of `core.search` against
pg_trgm word similarity, for a list of Dutch words citizens type.

Run (PostgreSQL with the demo loaded: `manage.py load_nhn --demo`; pg_trgm is created in that
database when missing, which needs the right to CREATE EXTENSION):
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/nhn uv run python bench/search_dutch.py

Over every indexed entry (core.SearchEntry, whatever its visibility: this measures matching,
not access), for each query word:
  relevant  entries whose title or text contain the word, also inside a compound
            ("woning" in "woningbouwversnelling") — the judge, by plain substring;
  found     of those, how many the method finds;
  noise     hits that do not contain the word at all.
Prints a Markdown table (the outcome is kept in bench/README.md). Not a test, not run in CI.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nhn_portal.settings")

import django  # noqa: E402

django.setup()

from django.contrib.postgres.search import SearchQuery  # noqa: E402
from django.db import connection  # noqa: E402

from nhn_portal.core.models import SearchEntry  # noqa: E402
from nhn_portal.core.search import SEARCH_CONFIG, _prefix_tsquery  # noqa: E402

QUERIES = [
    "woning",
    "bereikbaar",
    "energie",
    "zorg",
    "onderwijs",
    "arbeidsmarkt",
    "stikstof",
    "mobiliteit",
    "water",
    "economie",
    "bouw",
    "natuur",
]

# pg_trgm's default word_similarity_threshold; 0.5 and 0.8 are measured beside it.
TRGM_THRESHOLDS = (0.5, 0.6, 0.8)


def entries() -> dict[int, str]:
    return {
        pk: f"{title} {text}".lower()
        for pk, title, text in SearchEntry.objects.values_list("pk", "title", "text")
    }


def prefix_hits(word: str) -> set[int]:
    raw = _prefix_tsquery(word)
    if not raw:
        return set()
    query = SearchQuery(raw, search_type="raw", config=SEARCH_CONFIG)
    return set(SearchEntry.objects.filter(search_vector=query).values_list("pk", flat=True))


def trigram_hits(word: str, threshold: float) -> set[int]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT id FROM core_searchentry"
            " WHERE word_similarity(%s, lower(title || ' ' || text)) >= %s",
            [word, threshold],
        )
        return {row[0] for row in cursor.fetchall()}


def timed(function, *args) -> tuple[set[int], float]:
    start = time.perf_counter()
    hits = function(*args)
    return hits, (time.perf_counter() - start) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("words", nargs="*", default=QUERIES)
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        print("Needs PostgreSQL (DATABASE_URL).", file=sys.stderr)
        return 2
    with connection.cursor() as cursor:
        cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    texts = entries()
    print(f"{len(texts)} indexed entries\n")
    header = ["query", "relevant", "prefix found / noise"]
    header += [f"trgm ≥{t} found / noise" for t in TRGM_THRESHOLDS]
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    totals = {"relevant": 0, "prefix": [0, 0]} | {t: [0, 0] for t in TRGM_THRESHOLDS}
    for word in args.words:
        relevant = {pk for pk, text in texts.items() if word.lower() in text}
        totals["relevant"] += len(relevant)
        hits, ms = timed(prefix_hits, word)
        cells = [word, str(len(relevant)), f"{len(hits & relevant)} / {len(hits - relevant)}"]
        totals["prefix"][0] += len(hits & relevant)
        totals["prefix"][1] += len(hits - relevant)
        for threshold in TRGM_THRESHOLDS:
            trgm, _ms = timed(trigram_hits, word, threshold)
            cells.append(f"{len(trgm & relevant)} / {len(trgm - relevant)}")
            totals[threshold][0] += len(trgm & relevant)
            totals[threshold][1] += len(trgm - relevant)
        print("| " + " | ".join(cells) + " |")
    row = ["**total**", str(totals["relevant"]), "{} / {}".format(*totals["prefix"])]
    row += ["{} / {}".format(*totals[t]) for t in TRGM_THRESHOLDS]
    print("| " + " | ".join(row) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
