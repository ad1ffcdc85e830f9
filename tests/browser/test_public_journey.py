"""A visitor's journey without a login — front page → search → agenda item →
meeting → stuk — works, passes axe-core's WCAG 2.2 A/AA rules on every page, breaks no CSP
rule, and the search box updates its results while typing (htmx) over a plain GET form."""

import pytest

from nhn_portal.core.search import search_index_rebuild
from tests.browser.pages import csp_problems, open_page
from tests.browser.test_accessibility import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_visitor_finds_and_reads_a_public_stuk(browser_context, live_server, demo):
    search_index_rebuild()  # as load_nhn --demo does after loading
    page = open_page(browser_context)
    base = live_server.url

    page.goto(f"{base}/")
    assert page.locator("h1").first.inner_text()
    assert page.locator('a[href="/account/login/"]').count() >= 1
    assert axe_violations(page) == []

    page.fill("#front-search", "Woondeal")
    page.press("#front-search", "Enter")
    page.wait_for_load_state("networkidle")
    assert "/openbaar/zoeken/" in page.url
    item_link = page.locator(f'#results a[href="/vergaderingen/agendapunten/{demo["item"]}/"]')
    assert item_link.count() >= 1
    assert axe_violations(page) == []

    item_link.first.click()
    page.wait_for_load_state("networkidle")
    assert f"/vergaderingen/agendapunten/{demo['item']}/" in page.url
    assert axe_violations(page) == []

    page.goto(f"{base}/vergaderingen/{demo['upcoming']}/")
    assert axe_violations(page) == []
    stuk = page.locator('main a[href^="/vergaderingen/stukken/"]').first
    download = page.request.get(f"{base}{stuk.get_attribute('href')}")
    assert download.status == 200
    assert download.headers["content-type"].startswith("application/pdf")
    assert csp_problems(page) == []


def test_search_results_update_while_typing(browser_context, live_server, demo):
    search_index_rebuild()
    page = open_page(browser_context)
    page.goto(f"{live_server.url}/openbaar/zoeken/")
    page.locator("#search-q").press_sequentially("Woondeal", delay=30)
    page.wait_for_selector(f'#results a[href="/vergaderingen/agendapunten/{demo["item"]}/"]')
    assert "q=Woondeal" in page.url  # hx-push-url: the address can be shared and reloaded
    assert axe_violations(page) == []
    assert csp_problems(page) == []
