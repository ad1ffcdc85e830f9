"""Delegation pages pass axe-core (WCAG 2.2 A/AA) at 1280 and 375 px: the bestuurder's page
for her assistants, and the assistant's "Mijn vergaderingen" with "Vergaderingen van <naam>"
and the reading room she reads without its forms. Revoking works with the keyboard.
Run on its own (one browser file at a time)."""

import re

import pytest

from tests.browser.pages import SHOTS, csp_problems, log_in, open_page
from tests.browser.test_accessibility import AXE, DEMO_PASSWORD, axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = (1280, 375)


def check(page, live_server, path, name) -> list:
    problems = []
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        response = page.goto(f"{live_server.url}{path}")
        assert response.status == 200, f"{path} gave {response.status}"
        page.screenshot(path=f"{SHOTS}/delegation-{name}-{width}.png", full_page=True)
        problems += [(width, v) for v in axe_violations(page)]
    return problems


def test_delegation_pages_pass_axe_and_revoke_by_keyboard(browser_context, live_server, demo):
    from regiobureau.models.meetings import Meeting

    assert AXE.exists(), "axe-core is missing: run bin/setup (npm ci)"
    meeting = Meeting.objects.filter(
        body__slug="publieke-stuurgroep-nhn", status="agenda_gepubliceerd"
    ).first()
    page = open_page(browser_context)
    log_in(page, live_server, "assistent@example.org", DEMO_PASSWORD)
    problems = check(page, live_server, "/vergaderingen/mijn/", "assistent-mijn")
    assert "Vergaderingen van Sanne Mulder (demo)" in page.content()
    if meeting is not None:
        problems += check(page, live_server, f"/vergaderingen/{meeting.pk}/lezen/", "lezen")
        assert "Markeer als gelezen" not in page.content()
    page.close()

    browser_context.clear_cookies()
    page = open_page(browser_context)
    log_in(page, live_server, "bestuurder@example.org", DEMO_PASSWORD)
    problems += check(page, live_server, "/mijn-assistenten/", "bestuurder")
    assert problems == []
    # Revoke with the keyboard: focus the button and press Enter.
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/mijn-assistenten/")
    button = page.get_by_role("button", name=re.compile(r"Intrekken.*Eva Jansen"))
    button.focus()
    page.keyboard.press("Enter")
    page.wait_for_load_state("networkidle")
    assert "kan uw vergaderingen niet meer lezen" in page.content()
    assert "Ingetrokken op" in page.content()
    assert csp_problems(page) == []
