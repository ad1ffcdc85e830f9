"""Opportunities in a real browser: the secretariat records a signal, plans the
route to a decision and sees the days left per step and the warning when the route cannot make
the deadline; the pages pass axe and raise no CSP violation."""

import datetime
import re

import pytest
from django.utils import timezone

from gremia.constants import BodyKind
from netwerk.models.opportunities import Opportunity
from nhn_portal.core.constants import Role
from tests.browser.pages import SHOTS, csp_problems, log_in, open_page
from tests.browser.test_accessibility import axe_violations
from tests.factories import BodyFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def bodies(role_groups):
    UserFactory(email="secretaris@example.org", roles=[Role.SECRETARY])
    return {
        "stuurgroep": BodyFactory(name="Publieke stuurgroep NHN", slug="stuurgroep"),
        "werkgroep": BodyFactory(
            name="Werkgroep Mobiliteit", slug="werkgroep-mobiliteit", kind=BodyKind.WORKING_GROUP
        ),
    }


def test_signal_to_decision_route_with_days_left(browser_context, live_server, bodies):
    today = timezone.localdate()
    page = open_page(browser_context)
    log_in(page, live_server, "secretaris@example.org")
    page.get_by_role("button", name="Netwerk").click()  # the menu group (a disclosure)
    page.get_by_role("link", name="Kansen").first.click()
    page.get_by_role("link", name="Nieuwe kans").click()
    page.get_by_label("Titel").fill("Oproep mobiliteitshubs")
    page.get_by_label("Soort").select_option("oproep")
    page.get_by_label("Externe deadline").fill((today + datetime.timedelta(days=20)).isoformat())
    page.get_by_label("Besluitend overleg").select_option(label="Publieke stuurgroep NHN")
    page.get_by_role("button", name="Kans vastleggen").click()
    page.wait_for_load_state("networkidle")
    opportunity = Opportunity.objects.get(title="Oproep mobiliteitshubs")
    assert page.url == f"{live_server.url}{opportunity.get_absolute_url()}"

    for body, days in [("Werkgroep Mobiliteit", 6), ("Publieke stuurgroep NHN", 25)]:
        page.get_by_label("Gremium", exact=True).select_option(label=body)
        page.get_by_label("Gepland op", exact=True).fill(
            (today + datetime.timedelta(days=days)).isoformat()
        )
        page.get_by_role("button", name="Aan de route toevoegen").click()
        page.wait_for_load_state("networkidle")

    rows = page.locator("table tbody tr")
    assert rows.count() == 2
    assert re.search(r"\b6\b", rows.nth(0).inner_text())
    assert "Na de deadline" in rows.nth(1).inner_text()
    warning = page.get_by_role("status").filter(has_text="haalt de deadline niet")
    assert "na de deadline" in warning.inner_text()
    assert "nog 20 dagen" in page.content()
    page.screenshot(path=f"{SHOTS}/opportunity-route.png", full_page=True)
    assert axe_violations(page) == []
    assert csp_problems(page) == []

    for path in ["/netwerk/kansen/", "/netwerk/kansen/doorlooptijden/"]:
        page.goto(f"{live_server.url}{path}")
        assert axe_violations(page) == [], path
        assert csp_problems(page) == [], path
