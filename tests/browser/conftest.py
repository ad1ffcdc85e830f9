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


@pytest.fixture(scope="package")
def chromium():
    """One Chromium for the browser tests of this process: starting it costs about a second,
    a fresh context per test (`browser_context`) isolates the tests just as well. Package
    scope: the Playwright loop stops when the last browser test ends, before the other tests
    run."""
    from playwright import sync_api as playwright_api

    if not os.path.exists(CHROMIUM):
        # A missing browser is a broken set-up, not a reason to pass quietly: bin/setup
        # installs Debian's chromium.
        pytest.fail("Chromium is not installed (run bin/setup, or apt-get install -y chromium)")
    with playwright_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def browser_context(chromium, live_server, settings):
    """A fresh Chromium context; `.console` on each page collects its console messages."""
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False
    os.makedirs(SHOTS, exist_ok=True)
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    context.add_init_script(CSP_PROBE)
    yield context
    context.close()
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
def demo(browser_context, nhn_demo, role_groups):
    """The demo data of `load_nhn --demo` (the `nhn_demo` fixture, committed for the live
    server); returns the primary keys the tests visit."""
    from gremia.models.registry import Person
    from planning.demo import PROPOSAL_TITLE
    from planning.models import ProposedDocument
    from raden import links
    from raden.demo import LETTER_TITLE
    from raden.models.gatherings import Gathering
    from raden.models.letters import CouncilLetterDelivery
    from regiobureau.models.documents import Document
    from regiobureau.models.meetings import AgendaItem, Meeting
    from rounds.models import WrittenRound

    # The council conference with registrations, and the councils' preferences.
    gathering = Gathering.objects.get()
    texel = gathering.registrations.select_related("municipality").first()
    proposal = ProposedDocument.objects.get(title=PROPOSAL_TITLE)
    upcoming = Meeting.objects.get(body__slug="platform-wonen", title="Wonen (demo)")
    previous = Meeting.objects.get(body__slug="platform-wonen", status="gehouden")
    item = AgendaItem.objects.filter(meeting=upcoming, title__startswith="Woondeal").get()
    return {
        "upcoming": upcoming.pk,
        "previous": previous.pk,
        "item": item.pk,
        "document": Document.objects.filter(agenda_item=item).first().pk,
        # The raden demo's letter (the consultations' demo issues letters on it too).
        "letter": previous.council_letters.get(title=LETTER_TITLE).pk,
        "texel": CouncilLetterDelivery.objects.get(
            letter__title=LETTER_TITLE, municipality__slug="gemeente-texel", addressee="raad"
        ).pk,
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
