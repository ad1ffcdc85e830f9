"""The registry's own pages pass axe-core (WCAG 2.2 A/AA) for the roles that use them: the rules of
play (adopted, draft, edit, adopt by a decision), the body page with its rules, the cooperation
agreement, the balance with its norms and the beheerder's growth scenarios; and the forms with
errors. Run on its own (one browser file at a time)."""

import pytest

from tests.browser.pages import log_in, open_page
from tests.browser.test_accessibility import AXE, DEMO_PASSWORD, axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def rules_demo(demo):
    from gremia.demo import load_demo_rules
    from gremia.models.rules import RulesOfPlay
    from gremia.reference import load_norms
    from nhn_portal.core.seeding import LoadReport

    load_demo_rules(report=LoadReport())
    load_norms(report=LoadReport())
    return {
        "adopted": RulesOfPlay.objects.get(body__isnull=True, status="vastgesteld").pk,
        "draft": RulesOfPlay.objects.get(body__slug="platform-wonen").pk,
    }


def check(page, live_server, paths) -> dict:
    problems = {}
    for path in paths:
        response = page.goto(f"{live_server.url}{path}")
        assert response.status == 200, f"{path} gave {response.status}"
        violations = axe_violations(page)
        if violations:
            problems[path] = violations
    return problems


def test_rules_agreement_norms_and_scenarios_pass_axe(browser_context, live_server, rules_demo):
    assert AXE.exists(), "axe-core is missing: run bin/setup (npm ci)"
    adopted, draft = rules_demo["adopted"], rules_demo["draft"]
    roles = {
        "secretaris@example.org": [
            "/spelregels/",
            f"/spelregels/{adopted}/",
            f"/spelregels/{draft}/",
            f"/spelregels/{draft}/bewerken/",
            f"/vergaderingen/spelregels/{draft}/vaststellen/",
            "/samenwerkingsovereenkomst/",
        ],
        "bestuurder@example.org": [
            "/spelregels/",
            f"/spelregels/{adopted}/",
            "/gremia/platform-wonen/",
            "/samenwerkingsovereenkomst/",
            "/evenwicht/",
        ],
        "beheer@example.org": [
            "/themas/groeiscenarios/",
            "/themas/groeiscenarios/thematische-verbreding/",
            "/themas/groeiscenarios/economic-board/",
        ],
    }
    problems = {}
    for email, paths in roles.items():
        browser_context.clear_cookies()
        page = open_page(browser_context)
        log_in(page, live_server, email, DEMO_PASSWORD)
        problems.update({f"{email} {k}": v for k, v in check(page, live_server, paths).items()})
        page.close()
    assert problems == {}


def test_forms_with_errors_pass_axe(browser_context, live_server, rules_demo):
    page = open_page(browser_context)
    log_in(page, live_server, "secretaris@example.org", DEMO_PASSWORD)
    # a second draft for the Platform Wonen is refused: the error is announced
    page.goto(f"{live_server.url}/spelregels/")
    page.select_option("select[name=body]", label="Platform Wonen")
    page.click("form[action='/spelregels/nieuw/'] button[type=submit]")
    page.wait_for_load_state("networkidle")
    assert page.locator(".utrecht-form-field-error-message, [role=alert]").count() > 0
    assert axe_violations(page) == []
    # the adoption form without a decision
    page.goto(f"{live_server.url}/vergaderingen/spelregels/{rules_demo['draft']}/vaststellen/")
    page.locator("main form").first.evaluate("form => form.noValidate = true")
    page.click("main form button[type=submit]")
    page.wait_for_load_state("networkidle")
    assert page.locator("[aria-invalid=true]").count() > 0
    assert axe_violations(page) == []
