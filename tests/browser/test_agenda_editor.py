"""The agenda editor in a real browser: add an item with htmx, move it with the keyboard,
see the numbering follow, and no Content-Security-Policy violation on the way."""

import re

import pytest

from nhn_portal.core.constants import Role
from regiobureau.constants import Confidentiality
from regiobureau.services.annotations import annotation_save
from regiobureau.services.documents import document_upload
from regiobureau.services.meetings import meeting_publish_agenda
from tests.browser.pages import SHOTS, csp_problems, log_in, open_page
from tests.builders import make_meeting, member_of, pdf_upload
from tests.factories import BodyFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def browser_page(browser_context, role_groups):
    return open_page(browser_context)


def numbers(page) -> list[str]:
    return [n.strip() for n in page.locator("#agenda-editor .rb-row__number").all_inner_texts()]


# Publishing enqueues the members' e-mail: celery_eager runs it in-process (no broker here).
def test_secretary_adds_and_moves_an_item_with_the_keyboard(
    browser_page, live_server, celery_eager
):
    page = browser_page
    secretary = UserFactory(roles=[Role.SECRETARY], first_name="Noor", last_name="van Dijk")
    body = BodyFactory(name="Platform Wonen", short_name="Wonen")
    member_of(body, person_name="Sanne Mulder")  # a bestuurder, presenter of the new item
    meeting = make_meeting(secretary=secretary, body=body)

    log_in(page, live_server, secretary.email)
    page.goto(f"{live_server.url}/vergaderingen/{meeting.pk}/agenda/")
    assert numbers(page) == ["1", "2", "3", "4", "5"]

    # Add an item through the htmx form: the editor is swapped in place, no page load.
    page.evaluate("window.__marker = 'same page'")
    page.fill("#new-item-title", "Woondeal NHN: voortgang")
    page.select_option("#new-item-purpose", "besluitvorming")
    page.select_option("#new-item-presenter", label="Sanne Mulder")
    page.fill("#new-item-planned_minutes", "30")
    page.click(".rb-add button[type=submit]")
    row = page.locator("#agenda-editor .rb-agenda__item", has_text="Woondeal NHN: voortgang")
    row.wait_for()
    assert page.evaluate("window.__marker") == "same page"
    assert row.locator(".rb-row__number").inner_text().strip() == "4"
    assert numbers(page) == ["1", "2", "3", "4", "5", "6"]

    # Move it up with the keyboard: focus the button, press Enter; focus stays on it. A move
    # swaps only the two rows: the editor element itself stays (marked before the move).
    item_id = row.get_attribute("id").removeprefix("item-")
    page.evaluate("document.getElementById('agenda-editor').dataset.mark = 'kept'")
    page.focus(f"#up-{item_id}")
    page.keyboard.press("Enter")
    page.wait_for_function(
        "id => document.querySelector(`#item-${id} .rb-row__number`).textContent.trim() === '3'",
        arg=item_id,
    )
    assert page.evaluate("document.activeElement.id") == f"up-{item_id}"
    assert page.evaluate("document.getElementById('agenda-editor').dataset.mark") == "kept"
    assert numbers(page) == ["1", "2", "3", "4", "5", "6"]
    assert (
        "Woondeal NHN: voortgang"
        in page.locator("#agenda-editor .rb-row__title").nth(2).inner_text()
    )
    assert re.search(r"moved up|omhoog", page.locator(".rb-live").inner_text(), re.I)
    # Again: the second move sends the version the first answer brought (no stale refusal).
    page.keyboard.press("Enter")
    page.wait_for_function(
        "id => document.querySelector(`#item-${id} .rb-row__number`).textContent.trim() === '2'",
        arg=item_id,
    )
    assert page.locator("#agenda-error").count() == 0
    assert page.evaluate("document.activeElement.id") == f"up-{item_id}"
    # And back down with its Down button.
    page.focus(f"#down-{item_id}")
    page.keyboard.press("Enter")
    page.wait_for_function(
        "id => document.querySelector(`#item-${id} .rb-row__number`).textContent.trim() === '3'",
        arg=item_id,
    )
    assert page.evaluate("document.activeElement.id") == f"down-{item_id}"
    assert numbers(page) == ["1", "2", "3", "4", "5", "6"]

    # Change it in its row: the form is loaded on demand, the answer is that row only.
    page.click(f"#edit-{item_id}")
    page.locator(f"#item-{item_id}-line form").wait_for()
    page.fill(f"#item-{item_id}-line input[name=title]", "Woondeal NHN: voortgang 2026")
    page.click(f"#item-{item_id}-line button[type=submit]")
    page.locator(f"#item-{item_id} .rb-row__title", has_text="voortgang 2026").wait_for()
    assert page.evaluate("document.getElementById('agenda-editor').dataset.mark") == "kept"

    # Remove the last item from its opened row, after the question that names it; the
    # numbering follows. The opened row also leads to the item's documents and annotation.
    last = page.locator("#agenda-editor .rb-agenda__item").last
    last_title = last.locator(".rb-row__title").inner_text()
    last.locator("a[data-edit]").click()
    last.locator(".rb-item-more button[data-confirm]").wait_for()
    assert last.locator(".rb-item-more a").all_inner_texts() == [
        "Stukken bij dit agendapunt",
        "Annotatie bij dit agendapunt",
    ]
    questions = []
    page.once("dialog", lambda dialog: (questions.append(dialog.message), dialog.accept()))
    last.locator(".rb-item-more button[data-confirm]").click()
    page.wait_for_function(
        "() => document.querySelectorAll('#agenda-editor .rb-agenda__item').length === 5"
    )
    assert numbers(page) == ["1", "2", "3", "4", "5"]
    assert last_title in questions[0]
    assert page.locator("#agenda-error").count() == 0
    assert re.search(r"removed|verwijderd", page.locator(".rb-live").inner_text(), re.I)
    page.screenshot(path=f"{SHOTS}/agenda-editor.png", full_page=True)
    assert csp_problems(page) == []

    # The reading page for the same meeting once it has an annotation and a stuk.
    from regiobureau.models.meetings import AgendaItem

    item = AgendaItem.objects.get(pk=item_id)
    annotation_save(
        actor=secretary,
        item=item,
        expected_version=None,
        core_message="<p>De bouwproductie ligt op schema in Regio Alkmaar.</p>",
        proposal="<p>Instemmen met de <strong>versnellingsmaatregelen</strong>.</p>",
        discussion_points="<ul><li>Verdeling over de basisregio's</li></ul>",
    )
    document_upload(
        actor=secretary,
        item=item,
        title="Voortgangsrapportage Woondeal",
        confidentiality=Confidentiality.CONFIDENTIAL,
        upload=pdf_upload("voortgang.pdf"),
    )
    meeting.refresh_from_db()
    meeting_publish_agenda(actor=secretary, meeting=meeting, expected_version=None)
    page.goto(f"{live_server.url}/vergaderingen/{meeting.pk}/lezen/")
    page.click(f"#read-{item_id}")
    page.locator(f"#read-{item_id}.rb-read--done").wait_for()
    page.locator(f"#item-{item_id} summary").click()  # the annotation loads on demand
    page.fill(f"#comment-{item.annotation.pk}", "Graag de cijfers per basisregio.")
    page.click(f"#thread-{item.annotation.pk} button[type=submit]")
    page.locator(f"#thread-{item.annotation.pk} .rb-comment").wait_for()
    page.screenshot(path=f"{SHOTS}/reading-page.png", full_page=True)

    assert csp_problems(page) == []
