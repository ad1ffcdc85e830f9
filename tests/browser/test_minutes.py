"""The minutes in a real browser: the secretary writes an account (saved by
itself while typing, announced in the item's live region), sends the draft for comments and
adopts the minutes with the keyboard only (Tab to the button, Enter); the pages pass axe and
raise no Content-Security-Policy violation."""

import datetime

import pytest
from django.utils import timezone

from minutes.selectors import minutes_entry_current, minutes_for
from nhn_portal.core.constants import Role
from regiobureau.constants import MINUTES_ITEM_TITLE
from tests.browser.pages import csp_problems, log_in, open_page
from tests.browser.test_accessibility import axe_violations
from tests.builders import member_of
from tests.factories import AgendaItemFactory, BodyFactory, MeetingFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ACCOUNT = "Het platform bespreekt de voortgang en stemt in met de maatregelen."


def tab_to(page, label: str, limit: int = 80) -> None:
    """Press Tab until the focused control's text is `label` (keyboard only)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.textContent.trim()") == label:
            return
    raise AssertionError(f"Tab never reached “{label}”")


def test_secretary_writes_sends_and_adopts_minutes_by_keyboard(
    browser_context, live_server, role_groups
):
    secretary = UserFactory(roles=[Role.SECRETARY])
    body = BodyFactory(name="Platform Wonen", short_name="Wonen")
    member_of(body, person_name="Anna Lid")
    meeting = MeetingFactory(body=body, held=True, title="Platform Wonen mei")
    item = AgendaItemFactory(meeting=meeting, position=1, title="Woondeal NHN")
    AgendaItemFactory(meeting=meeting, position=2, title="Grondposities", is_public=False)
    following = MeetingFactory(body=body, published=True, title="Platform Wonen juni")
    AgendaItemFactory(
        meeting=following, position=1, title=MINUTES_ITEM_TITLE, standard_key="opening"
    )

    page = open_page(browser_context)
    log_in(page, live_server, secretary.email)
    page.goto(f"{live_server.url}/vergaderingen/{meeting.pk}/verslag/schrijven/")
    assert axe_violations(page) == []

    # Typing saves by itself after a pause: the item's live region says so.
    page.focus(f"#entry{item.pk}-text")
    page.keyboard.type(ACCOUNT)
    page.locator(f"#entry-{item.pk}-state").get_by_text("Opgeslagen om").wait_for(timeout=15_000)
    entry = minutes_entry_current(item=item)
    assert entry.text == ACCOUNT and entry.version == 1
    assert axe_violations(page) == []

    # Send for comments: the term (a date field), then Enter submits the form.
    deadline = timezone.localdate() + datetime.timedelta(days=7)
    page.fill("#id_comment_deadline", deadline.isoformat())
    page.focus("#id_comment_deadline")
    page.keyboard.press("Enter")
    page.get_by_text("Het conceptverslag is ter commentaar naar de leden verstuurd.").wait_for(
        timeout=15_000
    )
    assert minutes_for(meeting).is_sent
    assert ACCOUNT in page.content()
    assert axe_violations(page) == []

    # Adopt: Tab to the button, Enter.
    tab_to(page, "Verslag vaststellen")
    page.keyboard.press("Enter")
    page.get_by_text("Het verslag is vastgesteld.").wait_for(timeout=15_000)
    minutes = minutes_for(meeting)
    assert minutes.is_adopted and minutes.adopted_in_id == following.pk
    assert axe_violations(page) == []
    assert csp_problems(page) == []
