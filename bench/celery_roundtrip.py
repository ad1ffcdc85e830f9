"""Round trip of a no-op Celery task through Redis (for information).

Run by bench/suite.py with a worker started on the same CELERY_BROKER_URL and
CELERY_RESULT_BACKEND: sends `--count` pings one after the other, waits for each result and
writes the p50/p95 in milliseconds as JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nhn_portal.settings")

import django  # noqa: E402

django.setup()

from nhn_portal.core.tasks import ping  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--json", type=Path, required=True)
    args = parser.parse_args()
    ping.delay().get(timeout=60)  # the worker is up and connected
    times = []
    for _ in range(args.count):
        start = time.perf_counter()
        ping.delay().get(timeout=10)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    result = {"p50_ms": statistics.median(times), "p95_ms": times[int(0.95 * len(times)) - 1]}
    print(f"{args.count} pings: p50 {result['p50_ms']:.1f} ms, p95 {result['p95_ms']:.1f} ms")
    args.json.write_text(json.dumps(result))


if __name__ == "__main__":
    main()
