"""A council member registers for a council gathering through the e-mail link, in a
real browser and without an account: the griffie's forwarded invitation → name and e-mail →
the personal link from the mail → register (by keyboard) → cancel; the used link and an
altered one then get a Dutch page that says what to do. No CSP violation or console error."""

import pytest
from django.core import mail
from django.urls import reverse

from raden import links
from raden.constants import RegistrationStatus
from raden.models.gatherings import GatheringRegistration
from tests.browser.pages import SHOTS, csp_problems, open_page
from tests.builders import make_gathering, make_region
from tests.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def invitation(role_groups, celery_eager):
    from nhn_portal.core.constants import Role

    region = make_region()
    gathering = make_gathering(secretary=UserFactory(roles=[Role.SECRETARY]), capacity=30, days=20)
    token = links.invitation_token(gathering_id=gathering.pk, municipality_id=region["Texel"].pk)
    return gathering, reverse("raden:gathering_invitation", kwargs={"token": token})


def test_a_council_member_registers_through_the_email_link(
    browser_context, live_server, invitation
):
    gathering, invitation_path = invitation
    mail.outbox.clear()
    page = open_page(browser_context)
    page.goto(f"{live_server.url}{invitation_path}")
    assert page.get_by_role("heading", level=1).inner_text() == str(gathering.meeting)
    assert "Gemeente Texel" in page.inner_text("main")

    page.get_by_label("Uw naam").fill("Anna de Vries")
    page.get_by_label("Uw e-mailadres").fill("anna.devries@raad-texel.example.org")
    with page.expect_navigation():
        page.get_by_role("button", name="Stuur me mijn persoonlijke link").press("Enter")
    assert "anna.devries@raad-texel.example.org" in page.get_by_role("status").inner_text()
    assert not GatheringRegistration.objects.exists()  # nothing before the link is used

    # The personal link arrives by mail.
    assert [m.to for m in mail.outbox] == [["anna.devries@raad-texel.example.org"]]
    link = next(
        line.strip() for line in mail.outbox[0].body.splitlines() if "/raden/aanmelding/" in line
    )
    path = link[link.index("/raden/aanmelding/") :]
    page.goto(f"{live_server.url}{path}")
    assert "U bent nog niet aangemeld" in page.inner_text("main")
    register = page.get_by_role("button", name="Aanmelden voor deze bijeenkomst")
    register.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "U bent aangemeld" in page.inner_text("main")
    page.screenshot(path=f"{SHOTS}/test-council-registration.png", full_page=True)
    registration = GatheringRegistration.objects.get()
    assert (registration.name, registration.status) == ("Anna de Vries", "aangemeld")
    assert registration.municipality.slug == "gemeente-texel"

    # Cancelling uses the link up; opening it again explains what to do.
    with page.expect_navigation():
        page.get_by_role("button", name="Afmelden").press("Enter")
    assert page.get_by_role("heading", level=1).inner_text() == "Uw aanmelding is ingetrokken"
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CANCELLED
    assert csp_problems(page) == []
    response = page.goto(f"{live_server.url}{path}")
    assert response.status == 410
    assert page.get_by_role("heading", level=1).inner_text() == "Deze link is al gebruikt"
    assert "griffie" in page.inner_text("main")

    # An altered link: a Dutch page, nothing recorded.
    before = GatheringRegistration.objects.get().updated_at
    response = page.goto(f"{live_server.url}{path[:-6]}XXXXX/")
    assert response.status == 400
    assert page.get_by_role("heading", level=1).inner_text() == "Deze link is niet geldig"
    assert GatheringRegistration.objects.get().updated_at == before
    # The browser reports the two refusals (410, 400) it was asked to load; nothing else.
    problems = [
        p for p in csp_problems(page) if "status of 410" not in p and "status of 400" not in p
    ]
    assert problems == []
