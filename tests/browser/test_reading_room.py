"""A bestuurder in the reading room, in a real browser: htmx marks an item read and posts a
response to an annotation without a page load; both survive a reload and count on the page;
the response shows under "Mijn reacties". No CSP violation or console error."""

import pytest

from nhn_portal.core.models import User
from regiobureau.models.annotations import AnnotationComment, ReadMark
from tests.browser.pages import csp_problems, log_in, open_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

RESPONSE = "Graag ook de gevolgen voor Texel meenemen in de uitwerking."


def test_mark_read_and_respond_without_a_page_load(browser_context, live_server, demo):
    page = open_page(browser_context)
    log_in(page, live_server, "bestuurder@example.org", "nhn-demo-2026")
    page.goto(f"{live_server.url}/vergaderingen/{demo['upcoming']}/lezen/")
    page.evaluate("window.__marker = 'same page'")  # gone if the page reloads

    page.locator(f"#read-{demo['item']}").click()
    page.locator(f"#read-{demo['item']}.rb-read--done").wait_for()

    # The annotation and its responses load when the reader opens the item (issue 26), here
    # by keyboard: Enter on the <summary>.
    page.locator(f"#item-{demo['item']} summary").focus()
    page.keyboard.press("Enter")
    form = page.locator(f"form[hx-post$='/agendapunten/{demo['item']}/reacties/']")
    form.locator("textarea").fill(RESPONSE)
    form.get_by_role("button", name="Reactie versturen").click()
    page.get_by_text(RESPONSE).wait_for()
    assert page.evaluate("window.__marker") == "same page"
    assert csp_problems(page) == []

    reader = User.objects.get(email="bestuurder@example.org")
    assert ReadMark.objects.filter(user=reader, agenda_item_id=demo["item"]).exists()
    assert AnnotationComment.objects.filter(author=reader, text=RESPONSE).exists()

    page.reload()
    assert "U hebt 1 van de" in page.locator("main").inner_text()
    page.locator(f"#item-{demo['item']} summary").click()
    page.get_by_text(RESPONSE).wait_for()
    assert page.get_by_text(RESPONSE).count() == 1
    page.goto(f"{live_server.url}/vergaderingen/mijn/reacties/")
    assert page.get_by_text(RESPONSE).count() == 1
