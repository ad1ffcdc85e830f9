"""The registry in a real browser: log in through the form, open the governance map and a body
page; the NLDS stylesheet and our theme load, and no Content-Security-Policy violation or
console error occurs. Screenshots at desktop and phone width land in /tmp/shots."""

import pytest

from gremia.constants import BodyKind
from nhn_portal.core.constants import Role
from tests.browser.pages import SHOTS, csp_problems, log_in, open_page
from tests.factories import (
    BodyFactory,
    MembershipFactory,
    OrganisationFactory,
    PersonFactory,
    ThemeFactory,
    UserFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def registry(role_groups):
    wonen = ThemeFactory(name="Wonen", slug="wonen")
    stuurgroep = BodyFactory(name="Publieke stuurgroep NHN", slug="stuurgroep", steering_group=True)
    platform = BodyFactory(
        name="Platform Wonen", slug="platform-wonen", theme=wonen, prepares=stuurgroep
    )
    directors = BodyFactory(
        name="Directeurenoverleg Wonen",
        slug="directeurenoverleg-wonen",
        kind=BodyKind.DIRECTORS,
        theme=wonen,
        prepares=platform,
    )
    BodyFactory(
        name="Werkgroep Wonen",
        slug="werkgroep-wonen",
        kind=BodyKind.WORKING_GROUP,
        theme=wonen,
        prepares=directors,
    )
    hoorn = OrganisationFactory(name="Gemeente Hoorn", slug="hoorn", central=True)
    MembershipFactory(
        body=platform, person=PersonFactory(name="Anna de Vries", organisation=hoorn), chair=True
    )
    MembershipFactory(body=platform, person=PersonFactory(name="Bram Bakker"))
    UserFactory(email="secretaris@example.org", roles=[Role.SECRETARY])


def test_login_map_and_body_page_without_csp_violations(browser_context, live_server, registry):
    page = open_page(browser_context)
    page.goto(f"{live_server.url}/account/login/")
    page.screenshot(path=f"{SHOTS}/test-login.png", full_page=True)
    log_in(page, live_server, "secretaris@example.org")
    assert page.url == f"{live_server.url}/"

    # The Utrecht stylesheet and our theme are served and applied: the header takes the
    # theme's primary colour and a button gets the theme's primary-action background.
    assert page.evaluate(
        "[...document.styleSheets].some(s => (s.href || '').includes('vendor/utrecht/index.css'))"
    )
    header_bg = page.evaluate(
        "getComputedStyle(document.querySelector('.nhn-header')).backgroundColor"
    )
    assert header_bg == "rgb(11, 79, 108)"
    skip_link_position = page.evaluate(
        "getComputedStyle(document.querySelector('.utrecht-skip-link')).position"
    )
    assert skip_link_position == "fixed"  # from utrecht-skip-link--visible-on-focus

    page.get_by_role("button", name="Organisatie").click()  # the menu group (a disclosure)
    page.click("nav a[href='/gremia/']")
    page.wait_for_load_state("networkidle")
    assert page.url == f"{live_server.url}/gremia/"
    assert page.locator("h2 a", has_text="Platform Wonen").count() == 1
    assert page.locator("h3 a", has_text="Werkgroep Wonen").count() == 1
    page.screenshot(path=f"{SHOTS}/test-governance-map.png", full_page=True)

    page.click("h2 a:text('Platform Wonen')")
    page.wait_for_load_state("networkidle")
    assert page.url == f"{live_server.url}/gremia/platform-wonen/"
    assert page.locator("h1").inner_text() == "Platform Wonen"
    members = page.locator("table").first.inner_text()
    assert "Anna de Vries" in members and "Bram Bakker" in members
    assert page.locator("table caption").count() >= 4
    page.screenshot(path=f"{SHOTS}/test-body.png", full_page=True)

    # Keyboard: the first Tab reaches the skip link, which becomes visible on focus.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#main"

    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/evenwicht/")
    page.screenshot(path=f"{SHOTS}/test-balance-mobile.png", full_page=True)
    no_sideways_scroll = page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )
    assert no_sideways_scroll

    assert csp_problems(page) == []
