"""The menu in groups and the overview's to-do list in a real browser, for each demo role:
at most 8 top-level entries; a group opens with the keyboard (Enter), its first entry is the
next Tab stop, Escape closes it and gives the focus back; on a phone (375 px) the whole menu
sits behind one "Menu" button; axe passes at 1280 and 375 px with a group open; no CSP
problem. The overview of each role is kept as a screenshot in /work/screens for the issue's
closing note."""

import os

import pytest

from tests.browser.pages import csp_problems, log_in, open_page
from tests.browser.test_accessibility import DEMO_PASSWORD, axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ROLES = {
    "secretaris": "secretaris@example.org",
    "bestuurder": "bestuurder@example.org",
    "ambtenaar": "ambtenaar@example.org",
    "griffie": "griffie.texel@example.org",
    "beheerder": "beheer@example.org",
}
SCREENS = os.environ.get("NHN_SCREENS", "/work/screens")


def top_level(page) -> list[str]:
    return page.locator(".nhn-nav__list > .nhn-nav__item").all_inner_texts()


def test_the_menu_and_the_overview_of_every_role(browser_context, live_server, demo):
    os.makedirs(SCREENS, exist_ok=True)
    problems = {}
    for role, email in ROLES.items():
        browser_context.clear_cookies()
        page = open_page(browser_context)
        page.set_viewport_size({"width": 1280, "height": 900})
        log_in(page, live_server, email, DEMO_PASSWORD)
        page.goto(f"{live_server.url}/")
        assert page.get_by_role("heading", name="Wacht op u").is_visible()
        assert 2 <= len(top_level(page)) <= 8, (role, top_level(page))
        page.screenshot(path=f"{SCREENS}/overview-{role}.png", full_page=True)

        # A group with the keyboard: Enter opens it, Tab reaches its first entry, Escape
        # closes it and returns the focus to its button.
        group = page.locator(".nhn-nav__group").first
        panel = page.locator(f"#{group.get_attribute('aria-controls')}")
        assert group.get_attribute("aria-expanded") == "false" and not panel.is_visible()
        group.focus()
        page.keyboard.press("Enter")
        assert group.get_attribute("aria-expanded") == "true" and panel.is_visible()
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.closest('.nhn-nav__sub') !== null")
        violations = axe_violations(page)  # with a group open
        if violations:
            problems[f"{role} 1280"] = violations
        page.keyboard.press("Escape")
        assert group.get_attribute("aria-expanded") == "false" and not panel.is_visible()
        assert page.evaluate("document.activeElement.classList.contains('nhn-nav__group')")

        # A phone: one Menu button, the groups behind it.
        page.set_viewport_size({"width": 375, "height": 800})
        toggle = page.get_by_role("button", name="Menu", exact=True)
        assert toggle.is_visible()
        assert not page.locator("#nhn-menu").is_visible()
        toggle.click()
        assert toggle.get_attribute("aria-expanded") == "true"
        assert page.locator("#nhn-menu").is_visible()
        page.locator(".nhn-nav__group").first.click()
        violations = axe_violations(page)
        if violations:
            problems[f"{role} 375"] = violations
        if role == "secretaris":
            page.screenshot(path=f"{SCREENS}/menu-phone-{role}.png", full_page=False)
        assert csp_problems(page) == [], role
        page.close()
    assert problems == {}
