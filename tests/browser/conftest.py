"""Fixtures of the browser tests only: Debian's Chromium driven by Playwright's sync API
against pytest-django's live server (which serves static files, django.contrib.staticfiles
being installed), with every Content-Security-Policy violation recorded. The helpers that
drive a page are in tests/browser/pages.py."""

import os

import pytest

from tests.browser.pages import SHOTS

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make
# themselves (fixtures) stay synchronous and safe.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Record CSP violations from the start of every page (init scripts are not subject to the CSP).
CSP_PROBE = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__csp.push(e.violatedDirective + " " + e.blockedURI);
});
"""


@pytest.fixture
def browser_context(live_server, settings):
    """A fresh Chromium context; `.console` on each page collects its console messages."""
    from playwright import sync_api as playwright_api

    if not os.path.exists(CHROMIUM):
        # A missing browser is a broken set-up, not a reason to pass quietly: bin/setup
        # installs Debian's chromium.
        pytest.fail("Chromium is not installed (run bin/setup, or apt-get install -y chromium)")
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False
    os.makedirs(SHOTS, exist_ok=True)
    with playwright_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
        context.add_init_script(CSP_PROBE)
        yield context
        context.close()
        browser.close()
        # With Playwright's loop running, the test's own ORM calls got a database connection
        # of this context that Django's teardown does not see; close it here, or PostgreSQL
        # refuses to drop the test database at the end of the run ("accessed by other users").
        from django.db import connections

        connections.close_all()


@pytest.fixture
def role_groups():
    """Transactional tests flush the database, data-migration groups included: put them back."""
    from django.contrib.auth.models import Group

    from nhn_portal.core.constants import Role

    for role in Role:
        Group.objects.get_or_create(name=role.value)


@pytest.fixture
def demo(browser_context, role_groups, settings, tmp_path):
    """The demo data (`load_nhn --demo` without the DEBUG guard); returns the primary keys
    the tests visit."""
    import io

    from django.core.management import call_command

    from gremia.demo import load_demo
    from gremia.models import Person
    from nhn_portal.core.seeding import LoadReport
    from raden.demo import load_demo_council_letters
    from raden.models.letters import CouncilLetterDelivery
    from regiobureau.demo import load_demo_meetings
    from regiobureau.models.documents import Document
    from regiobureau.models.meetings import AgendaItem, Meeting
    from rounds.models import WrittenRound

    settings.MEDIA_ROOT = tmp_path
    call_command("load_nhn", stdout=io.StringIO())
    load_demo(report=LoadReport())
    load_demo_meetings()
    load_demo_council_letters()
    from minutes.demo import load_demo_minutes

    load_demo_minutes()
    # The council conference with registrations, and the councils' preferences.
    from raden import links
    from raden.demo import load_demo_gatherings

    gathering = load_demo_gatherings()
    texel = gathering.registrations.select_related("municipality").first()
    from planning.demo import load_demo_planning, load_demo_proposal

    load_demo_planning()
    proposal = load_demo_proposal()
    from evaluation.demo import load_demo_evaluation

    load_demo_evaluation()  # the stuurgroep's half-year evaluation summary
    upcoming = Meeting.objects.get(body__slug="platform-wonen", title="Wonen (demo)")
    previous = Meeting.objects.get(body__slug="platform-wonen", status="gehouden")
    item = AgendaItem.objects.filter(meeting=upcoming, title__startswith="Woondeal").get()
    return {
        "upcoming": upcoming.pk,
        "previous": previous.pk,
        "item": item.pk,
        "document": Document.objects.filter(agenda_item=item).first().pk,
        "letter": previous.council_letters.get().pk,
        "texel": CouncilLetterDelivery.objects.get(municipality__slug="gemeente-texel").pk,
        "person": Person.objects.get(user__email="bestuurder@example.org").pk,
        "round": WrittenRound.objects.get().pk,
        "directors": proposal.meeting_id,
        "gathering": gathering.pk,
        "invitation": links.invitation_token(
            gathering_id=gathering.pk, municipality_id=texel.municipality_id
        ),
        "personal": links.personal_token(
            gathering_id=gathering.pk,
            municipality_id=texel.municipality_id,
            name=texel.name,
            email=texel.email,
        ),
    }
