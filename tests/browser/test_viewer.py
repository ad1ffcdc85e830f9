"""A bestuurder reads a stuk in the browser (pdf.js): the first page shows, Page Down goes to
page 2, a search counts every match and jumps to the next one ("Treffer x van y" in the live
region), a note is added to the page being read without a page load; opening the stuk set the
item's read mark. No CSP violation or console error; axe passes at 1280 and 375 px."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from nhn_portal.core.models import User
from nhn_portal.pdf import render_pdf_from_html
from regiobureau.models.annotations import ReadMark
from regiobureau.models.documents import Document
from regiobureau.services.documents import document_add_version
from tests.browser.pages import SHOTS, csp_problems, log_in, open_page
from tests.browser.test_accessibility import AXE, DEMO_PASSWORD, axe_violations
from viewer.models import PageNote

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Three pages with real text; "netcongestie" on pages 2 and 3.
STUK_HTML = """<!doctype html><html lang="nl"><head><meta charset="utf-8">
<title>Woondeal voortgang</title><style>section { break-after: page; }</style></head><body>
<section><h1>Woondeal voortgang</h1><p>Eerste pagina: de bouw voor starters.</p></section>
<section><h1>Tweede pagina</h1><p>De netcongestie remt de woningbouw.</p></section>
<section><h1>Derde pagina</h1><p>Ook in Schagen speelt netcongestie.</p></section>
</body></html>"""
NOTE = "Netcongestie Schagen navragen bij de netbeheerder."


@pytest.fixture
def multi_page_stuk(demo):
    rendered = render_pdf_from_html(html=STUK_HTML)
    assert rendered.pages == 3
    document = Document.objects.get(pk=demo["document"])
    document_add_version(
        actor=User.objects.get(email="secretaris@example.org"),
        document=document,
        upload=SimpleUploadedFile("woondeal.pdf", rendered.pdf, content_type="application/pdf"),
    )
    document.refresh_from_db()
    return document


def rendered(page, number: int) -> None:
    page.locator(f"#pdf-viewer[data-rendered-page='{number}']").wait_for()


def test_read_a_stuk_navigate_search_and_add_a_note(browser_context, live_server, multi_page_stuk):
    assert AXE.exists(), "axe-core is missing: run bin/setup (npm ci)"
    page = open_page(browser_context)
    log_in(page, live_server, "bestuurder@example.org", DEMO_PASSWORD)
    reader = User.objects.get(email="bestuurder@example.org")
    item = multi_page_stuk.agenda_item
    assert not ReadMark.objects.filter(user=reader, agenda_item=item).exists()

    # From the reading page's link, in the item's part that loads when it is opened.
    page.goto(f"{live_server.url}/vergaderingen/{item.meeting_id}/lezen/")
    page.locator(f"#item-{item.pk} summary").click()
    page.locator(f"a[href='/vergaderingen/stukken/{multi_page_stuk.pk}/lezen/']").click()
    rendered(page, 1)
    assert page.locator("#pv-count").inner_text() == "3"
    assert page.locator("#pv-text span").count() > 0  # the text layer is there
    assert ReadMark.objects.filter(user=reader, agenda_item=item).exists()

    # Keyboard: Page Down from the document, announced in the live region.
    page.locator("#pv-stage").focus()
    page.keyboard.press("PageDown")
    rendered(page, 2)
    assert page.locator("#pv-page").input_value() == "2"
    assert page.locator("#pv-status").inner_text() == "Pagina 2 van 3"
    page.keyboard.press("End")
    rendered(page, 3)
    page.keyboard.press("ArrowLeft")
    rendered(page, 2)

    # Search: two matches, the first from this page on, then the next one on page 3.
    page.fill("#pv-query", "netcongestie")
    page.keyboard.press("Enter")
    page.get_by_text("Treffer 1 van 2, pagina 2").wait_for()
    page.locator("#pv-text .highlight.selected").wait_for()
    page.get_by_role("button", name="Volgende treffer").click()
    page.get_by_text("Treffer 2 van 2, pagina 3").wait_for()
    rendered(page, 3)
    page.locator("#pv-text .highlight.selected").wait_for()

    # A note on the page being read, without a page load.
    page.evaluate("window.__marker = 'same page'")
    assert page.locator("#note-page").input_value() == "3"
    page.fill("#note-text", NOTE)
    page.get_by_role("button", name="Notitie toevoegen").click()
    page.locator("#notities .pv-note", has_text=NOTE).wait_for()
    assert page.evaluate("window.__marker") == "same page"
    note = PageNote.objects.get(owner=reader)
    assert (note.page, note.text, note.document_version_id) == (
        3,
        NOTE,
        multi_page_stuk.current_version_id,
    )
    assert csp_problems(page) == []
    page.screenshot(path=f"{SHOTS}/viewer-1280.png", full_page=True)
    assert axe_violations(page) == []

    page.set_viewport_size({"width": 375, "height": 800})
    page.reload()
    rendered(page, 1)
    page.screenshot(path=f"{SHOTS}/viewer-375.png", full_page=True)
    assert axe_violations(page) == []
    assert csp_problems(page) == []

    # The note is listed on the reading page.
    page.goto(f"{live_server.url}/vergaderingen/{item.meeting_id}/lezen/")
    assert page.get_by_text(NOTE).count() == 1
