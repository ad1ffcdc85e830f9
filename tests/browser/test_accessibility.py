"""Every page of every role passes axe-core's WCAG 2.2 A/AA rules in a real browser.

The demo data (the same `load_nhn --demo` gives) fills the pages: the registry, meetings with
annotations and stukken, a held meeting with decisions and a council letter to 17 councils.
axe-core comes from the npm registry (package.json, a development dependency) and is
evaluated through the DevTools protocol, so the pages' strict Content-Security-Policy stays
as it is. A violation names the rule, its help text and the first elements it found.
"""

import pytest
from django.conf import settings as django_settings

from tests.browser.pages import log_in, open_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = django_settings.BASE_DIR / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
RUN_AXE = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: "tag", values: tags}});
  return {
    passes: result.passes.length,
    violations: result.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")),
    })),
  };
}"""
DEMO_PASSWORD = "nhn-demo-2026"


def pages_per_role(ids: dict) -> dict[str, list[str]]:
    meeting, item = ids["upcoming"], ids["item"]
    return {
        "": [
            "/account/login/",
            "/account/password/reset/",
            "/toegankelijkheid/",
            # The public portal.
            "/",
            "/openbaar/gremia/",
            "/openbaar/gremia/platform-wonen/",
            "/openbaar/raadsinformatiebrieven/",
            f"/openbaar/raadsinformatiebrieven/{ids['letter']}/",
            "/openbaar/zoeken/?q=woondeal",
            "/vergaderingen/verslagen/",
            # A council member's pages, reached through the signed links.
            f"/raden/bijeenkomsten/uitnodiging/{ids['invitation']}/",
            f"/raden/aanmelding/{ids['personal']}/",
        ],
        "secretaris@example.org": [
            "/",
            "/gremia/",
            "/gremia/platform-wonen/",
            "/organisaties/",
            "/organisaties/gemeente-hoorn/",
            f"/personen/{ids['person']}/",
            "/evenwicht/",
            "/themas/wonen/",
            "/vergaderingen/",
            "/vergaderingen/nieuw/",
            f"/vergaderingen/{meeting}/",
            f"/vergaderingen/{meeting}/wijzigen/",
            f"/vergaderingen/{meeting}/agenda/",
            f"/vergaderingen/agendapunten/{item}/annotatie/",
            f"/vergaderingen/agendapunten/{item}/stukken/",
            f"/vergaderingen/stukken/{ids['document']}/",
            f"/vergaderingen/{ids['previous']}/besluiten/",
            f"/vergaderingen/{ids['previous']}/presentie/",
            # The minutes (the demo's draft of the held meeting).
            "/vergaderingen/verslagen/",
            f"/vergaderingen/{ids['previous']}/verslag/",
            f"/vergaderingen/{ids['previous']}/verslag/schrijven/",
            f"/vergaderingen/{ids['previous']}/verslag/versies/",
            "/vergaderingen/archief/",
            "/vergaderingen/jaarplanning/",
            f"/vergaderingen/{ids['directors']}/aanleveren/",
            "/vergaderingen/schriftelijk/",
            "/vergaderingen/schriftelijk/nieuw/",
            f"/vergaderingen/schriftelijk/{ids['round']}/",
            "/vergaderingen/dossiers/",
            "/vergaderingen/dossiers/woondeal-nhn/",
            # The evaluation overview and a body's half-year summaries.
            "/vergaderingen/evaluatie/",
            "/vergaderingen/evaluatie/publieke-stuurgroep-nhn/",
            f"/raden/vergadering/{ids['previous']}/nieuw/",
            f"/raden/raadsinformatiebrieven/{ids['letter']}/",
            "/raden/verspreiding/",
            # Council gatherings and the councils' preferences.
            "/raden/bijeenkomsten/",
            "/raden/bijeenkomsten/nieuw/",
            f"/raden/bijeenkomsten/{ids['gathering']}/",
            f"/raden/bijeenkomsten/{ids['gathering']}/bewerken/",
            "/raden/voorkeur/",
            "/raden/basisregio/",
            # Rules of play and the cooperation agreement (more in test_rules_axe).
            "/spelregels/",
            "/samenwerkingsovereenkomst/",
        ],
        "bestuurder@example.org": [
            "/",
            "/vergaderingen/mijn/",
            f"/vergaderingen/{meeting}/lezen/",
            f"/vergaderingen/agendapunten/{item}/",
            "/vergaderingen/mijn/reacties/",
            "/vergaderingen/mijn/acties/",
            "/vergaderingen/agenda-abonnement/",
            "/vergaderingen/schriftelijk/",
            f"/vergaderingen/schriftelijk/{ids['round']}/",
            "/vergaderingen/archief/",
            "/vergaderingen/verslagen/",
            "/vergaderingen/evaluatie/",
        ],
        "griffie.texel@example.org": [
            "/",
            "/raden/",
            f"/raden/brieven/{ids['texel']}/",
            "/raden/bijeenkomsten/",
            f"/raden/bijeenkomsten/{ids['gathering']}/",
            "/raden/voorkeur/",
        ],
        "ambtenaar@example.org": [
            "/",
            "/vergaderingen/mijn/",
            "/vergaderingen/",
            f"/vergaderingen/{ids['directors']}/aanleveren/",
        ],
    }


def axe_violations(page) -> list[dict]:
    page.evaluate(AXE.read_text(encoding="utf-8") + "\n;0")
    result = page.evaluate(RUN_AXE, WCAG_TAGS)
    # axe ran its rules: a page with nothing checked would pass any assertion.
    assert result["passes"] > 10, f"axe checked too little on {page.url}"
    return result["violations"]


def test_every_page_of_every_role_passes_axe(browser_context, live_server, demo):
    assert AXE.exists(), "axe-core is missing: run bin/setup (npm ci)"
    problems = {}
    for email, paths in pages_per_role(demo).items():
        browser_context.clear_cookies()  # the previous role's session ends here
        page = open_page(browser_context)
        if email:
            log_in(page, live_server, email, DEMO_PASSWORD)
        for path in paths:
            response = page.goto(f"{live_server.url}{path}")
            assert response.status == 200, f"{email or 'anonymous'}: {path} gave {response.status}"
            violations = axe_violations(page)
            if violations:
                problems[f"{email or 'anonymous'} {path}"] = violations
        page.close()
    assert problems == {}


def test_a_form_with_errors_passes_axe(browser_context, live_server, demo):
    """Refused input is announced: the error summary and invalid fields pass too."""
    page = open_page(browser_context)
    log_in(page, live_server, "secretaris@example.org", DEMO_PASSWORD)
    page.goto(f"{live_server.url}/vergaderingen/nieuw/")
    page.fill("input[name=title]", "")
    page.locator("main form").first.evaluate("form => form.noValidate = true")
    page.click("main form button[type=submit]")
    page.wait_for_load_state("networkidle")
    assert page.locator("[aria-invalid=true]").count() > 0
    assert axe_violations(page) == []
