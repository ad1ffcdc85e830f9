"""The annotation form's rich-text editor and the four-eyes review in a real browser: the text
typed (and pasted) in the editor is saved and sanitised, no Content-Security-Policy violation
on the way, and the form and the review page pass axe at 1280 and 375 px."""

import pytest

from nhn_portal.core.constants import Role
from regiobureau.constants import AnnotationStatus
from regiobureau.models.annotations import Annotation
from tests.browser.pages import SHOTS, csp_problems, log_in, open_page
from tests.browser.test_accessibility import AXE, axe_violations
from tests.builders import make_meeting
from tests.factories import AgendaItemFactory, BodyFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASTED = (
    '<p onclick="window.__pwned=1">Geplakt <script>window.__pwned=2</script>'
    '<img src="x" onerror="window.__pwned=3"><span style="color:red">rood</span>'
    '<a href="javascript:alert(4)">slecht</a> <a href="https://example.org/">goed</a></p>'
)


@pytest.fixture
def world(role_groups):
    secretary = UserFactory(roles=[Role.SECRETARY], first_name="Noor", last_name="van Dijk")
    reviewer = UserFactory(roles=[Role.SECRETARY], first_name="Eva", last_name="de Wit")
    body = BodyFactory(name="Platform Wonen", short_name="Wonen")
    meeting = make_meeting(secretary=secretary, body=body)
    item = AgendaItemFactory(meeting=meeting, title="Woondeal NHN")
    return {"secretary": secretary, "reviewer": reviewer, "item": item}


def paste(page, selector, html):
    page.evaluate(
        """([selector, html]) => {
            const data = new DataTransfer();
            data.setData("text/html", html);
            data.setData("text/plain", "plain");
            document.querySelector(selector).dispatchEvent(
                new ClipboardEvent("paste", {clipboardData: data, bubbles: true, cancelable: true})
            );
        }""",
        [selector, html],
    )


def axe_at_both_widths(page, name) -> dict:
    problems = {}
    for width in (1280, 375):
        page.set_viewport_size({"width": width, "height": 900})
        page.reload()
        page.wait_for_load_state("networkidle")
        page.screenshot(path=f"{SHOTS}/{name}-{width}.png", full_page=True)
        violations = axe_violations(page)
        if violations:
            problems[width] = [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations]
    page.set_viewport_size({"width": 1280, "height": 900})
    return problems


def test_the_editor_saves_sanitised_text_and_the_review_adopts_it(
    browser_context, live_server, world
):
    assert AXE.exists(), "axe-core is missing: run bin/setup (npm ci)"
    item = world["item"]
    page = open_page(browser_context)
    log_in(page, live_server, world["secretary"].email)
    page.goto(f"{live_server.url}/vergaderingen/agendapunten/{item.pk}/annotatie/")
    page.wait_for_load_state("networkidle")

    # Seven fields, each an editor with a labelled toolbar; the textareas are hidden.
    assert page.locator(".rb-rich-text").count() == 7
    assert page.locator("textarea[data-rich-text]:visible").count() == 0
    editor = page.locator("#id_core_message-editor")
    assert editor.get_attribute("role") == "textbox"
    assert editor.get_attribute("aria-labelledby") == "id_core_message-label"
    toolbar = page.get_by_role("toolbar", name="Opmaak: Kernboodschap")
    assert toolbar.get_by_role("button", name="Vet").count() == 1

    # Type with the keyboard: Tab into the editor, bold with Ctrl+B.
    editor.click()
    page.keyboard.type("Kern van het voorstel belangrijk")
    page.keyboard.press("Shift+Control+ArrowLeft")  # select the last word
    page.keyboard.press("Control+B")
    assert toolbar.get_by_role("button", name="Vet").get_attribute("aria-pressed") == "true"
    page.keyboard.press("End")
    # A list through the toolbar, in the proposal field.
    page.locator("#id_proposal-editor").click()
    page.keyboard.type("Instemmen")
    page.get_by_role("toolbar", name="Opmaak: Voorstel of advies").get_by_role(
        "button", name="Opsomming"
    ).click()
    # Typing and the toolbar raise no CSP violation; nor does a clean paste.
    assert csp_problems(page) == []
    page.locator("#id_communication-editor").click()
    paste(page, "#id_communication-editor", "<p>Schoon <b>geplakt</b></p>")
    assert csp_problems(page) == []
    # A hostile paste: DOMPurify cleans it in the browser, nh3 on the server. Chromium reports
    # (and blocks) the payload's inline handler and style while the HTML is parsed for
    # cleaning; nothing of it runs or survives.
    page.locator("#id_background-editor").click()
    paste(page, "#id_background-editor", PASTED)
    page.wait_for_timeout(300)
    assert page.evaluate("window.__pwned === undefined")
    assert all("inline" in problem for problem in csp_problems(page))
    editor_html = page.locator("#id_background-editor").inner_html()
    assert "onerror" not in editor_html and "style=" not in editor_html
    page.console_messages.clear()
    page.get_by_role("button", name="Opslaan als nieuwe versie").click()
    page.wait_for_load_state("networkidle")

    annotation = Annotation.objects.get(agenda_item=item)
    assert "Kern van het voorstel" in annotation.core_message
    assert "<strong>belangrijk</strong>" in annotation.core_message
    assert "<ul><li>Instemmen" in annotation.proposal.replace("<p>", "")
    assert "<strong>geplakt</strong>" in annotation.communication
    assert "Geplakt" in annotation.background and "rood" in annotation.background
    assert 'href="https://example.org/"' in annotation.background
    for bad in ("script", "onerror", "onclick", "style", "javascript:", "<img", "<span"):
        assert bad not in annotation.background
    assert csp_problems(page) == []
    assert axe_at_both_widths(page, "annotation-form") == {}

    # Send it for review to the colleague, through the form.
    page.get_by_label("Eva de Wit").check()
    page.get_by_role("button", name="Ter review aanbieden").click()
    page.wait_for_load_state("networkidle")
    annotation.refresh_from_db()
    assert annotation.status == AnnotationStatus.IN_REVIEW
    assert "Eva de Wit" in page.locator(".rb-history").inner_text()
    assert csp_problems(page) == []

    # The colleague reviews it: the page passes axe, and she adopts it.
    browser_context.clear_cookies()
    page = open_page(browser_context)
    log_in(page, live_server, world["reviewer"].email)
    page.goto(f"{live_server.url}/vergaderingen/agendapunten/{item.pk}/annotatie/beoordelen/")
    assert "belangrijk" in page.locator(".rb-annotation").inner_text()
    assert axe_at_both_widths(page, "annotation-review") == {}
    page.get_by_role("button", name="Vaststellen").click()
    page.wait_for_load_state("networkidle")
    annotation.refresh_from_db()
    assert annotation.status == AnnotationStatus.ADOPTED
    assert csp_problems(page) == []


def test_without_script_the_textareas_still_work(chromium, live_server, settings, world):
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False
    context = chromium.new_context(java_script_enabled=False, locale="nl-NL")
    try:
        page = open_page(context)
        log_in(page, live_server, world["secretary"].email)
        page.goto(f"{live_server.url}/vergaderingen/agendapunten/{world['item'].pk}/annotatie/")
        page.fill("#id_core_message", "<p>Zonder <em>script</em></p><script>x()</script>")
        page.get_by_role("button", name="Opslaan als nieuwe versie").click()
        annotation = Annotation.objects.get(agenda_item=world["item"])
        assert annotation.core_message == "<p>Zonder <em>script</em></p>"
    finally:
        context.close()
        from django.db import connections

        connections.close_all()
