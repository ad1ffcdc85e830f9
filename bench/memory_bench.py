"""Memory of a worker child rendering the 80-item annotated agenda again and again.

Run: uv run python bench/memory_bench.py [--items 80] [--renders 50] [--json out.json]

Builds the meeting of bench/generation_bench.py in a throw-away SQLite database, loads
WeasyPrint as the worker's main process does before forking (`pdf.preload`), then runs the
document job `--renders` times in this process (each time after a one-word change, so nothing
is reused) and reads the resident memory (VmRSS) after the first and after the last render.
Target: at most 250 MB resident, growth at most 1.2x after 50 renders.
"""

from __future__ import annotations

import argparse
import json
import logging
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import generation_bench as world  # noqa: E402 - sets up Django in a throw-away database


def resident_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc/self/status")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=80)
    parser.add_argument("--renders", type=int, default=50)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    for name in ("weasyprint", "fontTools", "nhn_portal.core.production"):
        logging.getLogger(name).setLevel(logging.ERROR)

    from nhn_portal.core.constants import GenerationStatus
    from nhn_portal.core.production.services import (
        document_generation_request,
        document_generation_run,
    )
    from nhn_portal.pdf import preload
    from regiobureau.constants import ANNOTATED_AGENDA, MEMBERS
    from regiobureau.models.meetings import AgendaItem

    world.call_command("migrate", verbosity=0)
    preload()
    secretary, meeting, first_item = world.build_meeting(args.items)

    def render(number: int) -> None:
        AgendaItem.objects.filter(pk=first_item.pk).update(title=f"Opening ({number})")
        job = document_generation_request(
            actor=secretary, subject=meeting, kind=ANNOTATED_AGENDA, audience=MEMBERS
        )
        job = document_generation_run(job_id=job.pk)
        assert job.status == GenerationStatus.DONE, job.failure_reason

    render(0)
    first = resident_mib()
    for number in range(1, args.renders):
        render(number)
    last = resident_mib()
    result = {"renders": args.renders, "first_mib": first, "last_mib": last, "growth": last / first}
    print(
        f"{args.items} items, {args.renders} renders: {first:.0f} MiB after the first, "
        f"{last:.0f} MiB after the last (growth {last / first:.2f}x)"
    )
    if args.json:
        args.json.write_text(json.dumps(result))


if __name__ == "__main__":
    try:
        main()
    finally:
        shutil.rmtree(world.WORK, ignore_errors=True)
