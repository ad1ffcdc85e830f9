"""The load test's journeys, mixed; run by bench/load, not by itself.

Reads the world of bench/world.py from the file in LOAD_WORLD (URLs, ids and one session
cookie per demo role). Every write counts what it expects to have written; bench/load
compares those counts with the database afterwards (no lost writes).
"""

from __future__ import annotations

import json
import os
import random
import re

from locust import HttpUser, between, events, task

WORLD = json.loads(open(os.environ["LOAD_WORLD"]).read())  # noqa: PTH123, SIM115
URLS = WORLD["urls"]
WRITTEN = {"comments": 0, "receipts": 0, "pdf_requests": 0, "item_edits": 0, "schedules": 0}
# Writes sent, acknowledged or not: a request still in flight when the run stops may be
# stored without its answer being counted, so the database holds between WRITTEN and SENT.
SENT = dict.fromkeys(WRITTEN, 0)
TEXEL = list(WORLD["texel_deliveries"])
random.shuffle(TEXEL)
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
# The version in the griffie's schedule form of the consultation page (optimistic locking).
SCHEDULE_VERSION = re.compile(
    re.escape(URLS["response_agenda"]) + r'".*?name="version" value="(\d+)"', re.DOTALL
)


@events.test_stop.add_listener
def write_counts(environment, **kwargs):
    with open(os.environ["LOAD_COUNTS"], "w") as out:  # noqa: PTH123
        json.dump({"written": WRITTEN, "sent": SENT}, out)


class Portal(HttpUser):
    abstract = True
    wait_time = between(0.5, 2)
    role = ""

    def on_start(self):
        if self.role:
            self.client.cookies.set(WORLD["cookie_name"], WORLD["cookies"][self.role])
        self.token = ""

    def page(self, url, name, **kwargs):
        """GET a page and keep its CSRF token for the next post."""
        with self.client.get(url, name=name, catch_response=True, **kwargs) as response:
            if response.status_code != 200:
                response.failure(f"{response.status_code}")
                return None
            found = CSRF.search(response.text)
            if found:
                self.token = found.group(1)
            return response

    def post(self, url, name, data, *, htmx=False):
        headers = {"X-CSRFToken": self.token, "Referer": self.host + url}
        if htmx:
            headers["HX-Request"] = "true"
        return self.client.post(
            url, data=data, headers=headers, name=name, allow_redirects=False, catch_response=True
        )


class Secretary(Portal):
    """Edits an item of the 10-item agenda and asks for its PDF."""

    role = "secretary"
    weight = 1

    @task(3)
    def edit_an_item(self):
        if not self.page(URLS["editor10"], "editor (10 items)"):
            return
        self.page(URLS["item_partial_10"], "item edit partial", headers={"HX-Request": "true"})
        version = re.search(r'name="agenda_version" value="(\d+)"', self.last_partial)
        if not version:
            return
        with self.post(
            URLS["item_partial_10"],
            "item edit (post)",
            {
                "title": f"Woningbouw, deelproject {random.randint(1, 999)}",
                "purpose": "besluitvorming",
                "is_public": "1",
                "planned_minutes": "10",
                "agenda_version": version.group(1),
            },
            htmx=True,
        ) as response:
            if response.status_code == 200:
                WRITTEN["item_edits"] += 1
            elif response.status_code == 409:  # another secretary was first: the editor says so
                response.success()
            else:
                response.failure(f"{response.status_code}")

    def page(self, url, name, **kwargs):
        response = super().page(url, name, **kwargs)
        if response is not None and "HX-Request" in kwargs.get("headers", {}):
            self.last_partial = response.text
        return response

    @task(2)
    def to_do_list(self):
        # The overview: what waits on the secretariat (the working day's to-do list).
        self.page(URLS["overview"], "overview with to-do list")

    @task(1)
    def ask_for_a_pdf(self):
        if not self.page(URLS["meeting10_page"], "meeting page"):
            return
        with self.post(
            URLS["pdf_request_10"], "PDF request", {"kind": "agenda", "audience": "openbaar"}
        ) as response:
            if response.status_code in (200, 302):
                WRITTEN["pdf_requests"] += 1
                response.success()
            else:
                response.failure(f"{response.status_code}")


class Member(Portal):
    """Reads the 80-item agenda and responds to an annotation."""

    role = "member"
    weight = 4

    @task(3)
    def read(self):
        self.page(URLS["reading80"], "reading page (80 items)")

    @task(1)
    def open_a_stuk(self):
        self.page(URLS["viewer"], "stuk in the viewer")

    @task(1)
    def respond(self):
        if not self.page(URLS["item_detail"], "agenda item"):
            return
        SENT["comments"] += 1
        with self.post(
            URLS["comment_add"], "response (post)", {"text": "Eens met het voorstel."}, htmx=True
        ) as response:
            if response.status_code == 200:
                WRITTEN["comments"] += 1
            else:
                response.failure(f"{response.status_code}")


class Griffie(Portal):
    """Follows the council's letters and confirms receipt of one it has not confirmed."""

    role = "griffie"
    weight = 2

    @task(3)
    def letters(self):
        self.page(URLS["griffie_list"], "griffie list")

    @task(1)
    def confirm(self):
        if not TEXEL:
            return
        delivery = TEXEL.pop()
        detail = f"/raden/brieven/{delivery}/"
        if not self.page(detail, "letter (griffie)"):
            return
        SENT["receipts"] += 1
        with self.post(f"{detail}ontvangst/", "receipt (post)", {}) as response:
            if response.status_code == 302:
                WRITTEN["receipts"] += 1
                response.success()
            else:
                response.failure(f"{response.status_code}")


class CouncilClerk(Portal):
    """Texel's griffie puts the council's response to a consultation on an agenda: the
    consultation page, the schedule form posted with the version it showed, and the page it
    returns to, which says whether it was saved (another griffie user of the same council may
    have saved first: then it says so, and nothing is written)."""

    role = "griffie"
    weight = 1

    @task
    def schedule_the_response(self):
        response = self.page(URLS["consultation_texel"], "consultation (griffie)")
        if not response:
            return
        found = SCHEDULE_VERSION.search(response.text)
        if not found:
            response.failure("no schedule form on the consultation page")
            return
        SENT["schedules"] += 1
        data = {
            "version": found.group(1),
            "agenda_body": "council",
            "agenda_date": f"2027-0{random.randint(1, 9)}-1{random.randint(0, 9)}",
        }
        with self.post(URLS["response_agenda"], "schedule response (post)", data) as answer:
            if answer.status_code != 302:
                answer.failure(f"{answer.status_code}")
                return
            answer.success()
        after = self.page(URLS["consultation_texel"], "consultation after scheduling (griffie)")
        if after is not None and "utrecht-alert--ok" in after.text:
            WRITTEN["schedules"] += 1


class Visitor(Portal):
    """Anonymous: the public meeting page and an agenda item."""

    weight = 3

    @task
    def browse(self):
        self.page(URLS["meeting80_page"], "public meeting page")
        self.page(URLS["item_detail"], "public agenda item")
