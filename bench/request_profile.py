"""The fixed cost of one logged-in request, per layer: the queries a request runs, grouped by
the layer that asks them (session, user, roles/memberships, MFA, to-do/navigation, the view),
and the time in the middleware, the view and the template.

Run against the world of bench/world.py (its JSON on stdin or --world file):
    python bench/request_profile.py --world world.json [--repeat 50]
Not a test; numbers vary per machine.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nhn_portal.settings")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

LAYERS = [
    ("session", ("django_session",)),
    ("user", ('"core_user"',)),
    ("roles", ("auth_group",)),
    ("mfa", ("mfa_authenticator",)),
    ("heartbeat", ("core_heartbeat",)),
    ("audit", ("core_auditrecord",)),
    ("memberships", ("membership",)),
]


def layer_of(sql: str) -> str:
    head = sql.split(" WHERE ")[0]
    for name, needles in LAYERS:
        if any(needle in head for needle in needles):
            return name
    return "view"


def profile(client: Client, url: str, headers: dict, repeat: int) -> dict:
    client.get(url, headers=headers)  # warm: template compile, caches
    queries = []

    def record(execute, sql, params, many, context):
        queries.append({"sql": sql})
        return execute(sql, params, many, context)

    # (request_started resets connection.queries, so record through a wrapper instead.)
    with connection.execute_wrapper(record):
        response = client.get(url, headers=headers)
    assert response.status_code == 200, (url, response.status_code)
    started = time.perf_counter()
    for _ in range(repeat):
        client.get(url, headers=headers)
    ms = (time.perf_counter() - started) * 1000 / repeat
    return {
        "ms": round(ms, 2),
        "queries": len(queries),
        "layers": dict(Counter(layer_of(q["sql"]) for q in queries)),
        "bytes": len(response.content),
        "sql": [q["sql"][:160] for q in queries],
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--world", type=Path, required=True)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--sql", action="store_true", help="print every query")
    args = parser.parse_args()
    world = json.loads(args.world.read_text().strip().splitlines()[-1])
    cookie = world["cookie_name"]
    cases = [
        ("health (anonymous)", "health", None, {}),
        ("item partial (secretary, htmx)", "item_partial", "secretary", {"HX-Request": "true"}),
        ("overview (secretary)", "overview", "secretary", {}),
        ("overview (bestuurder)", "overview", "member", {}),
        ("griffie list (griffie)", "griffie_list", "griffie", {}),
        ("item page (bestuurder)", "item_detail", "member", {}),
        ("reading page, 80 items (bestuurder)", "reading80", "member", {}),
    ]
    for label, key, role, headers in cases:
        client = Client()
        if role:
            client.cookies[cookie] = world["cookies"][role]
        result = profile(client, world["urls"][key], headers, args.repeat)
        layers = ", ".join(f"{name} {count}" for name, count in sorted(result["layers"].items()))
        print(f"{label}: {result['ms']} ms, {result['queries']} queries ({layers})")
        if args.sql:
            for sql in result["sql"]:
                print("    ", sql)


if __name__ == "__main__":
    main()
