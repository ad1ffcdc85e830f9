"""A griffie's round in a real browser, by keyboard: from the overview to its council's
letter, download the PDF, confirm receipt, record the council meeting; the distribution
dashboard then shows the new state for the regiobureau. No CSP violation or console error."""

import datetime

import pytest
from django.utils import timezone

from gremia.constants import PersonFunction
from gremia.models.registry import Organisation
from nhn_portal.core.constants import Role
from raden.constants import DeliveryStatus
from raden.demo import LETTER_TITLE
from raden.models.letters import CouncilLetterDelivery
from tests.browser.pages import SHOTS, csp_problems, log_in, open_page
from tests.builders import PASSWORD
from tests.factories import PersonFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def bergen(demo):
    """A griffie of Bergen, whose copy of the demo letter waits untouched (klaargezet)."""
    town = Organisation.objects.get(slug="gemeente-bergen")
    user = UserFactory(email="griffie.bergen@example.org", roles=[Role.CLERK])
    PersonFactory(user=user, organisation=town, function=PersonFunction.CLERK)
    delivery = CouncilLetterDelivery.objects.get(
        municipality=town, letter__title=LETTER_TITLE, addressee="raad"
    )
    assert delivery.status == DeliveryStatus.AVAILABLE
    return user, delivery


def test_a_griffie_confirms_and_schedules_by_keyboard(browser_context, live_server, bergen):
    user, delivery = bergen
    page = open_page(browser_context)
    log_in(page, live_server, user.email, PASSWORD)

    # The overview lists the letter to confirm (the to-do line "Ontvangst bevestigen: …" and
    # the letters panel); follow the panel's link with the keyboard.
    letter_link = page.get_by_role("link", name=str(delivery.letter), exact=True)
    letter_link.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith(f"/raden/brieven/{delivery.pk}/")
    assert page.get_by_role("heading", level=1).inner_text() == str(delivery.letter)

    with page.expect_download() as download:
        page.get_by_role("link", name="Download de brief (PDF)").click()
    path = download.value.path()
    with open(path, "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"

    page.reload()
    confirm = page.get_by_role("button", name="Ontvangst bevestigen")
    confirm.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.get_by_role("status").filter(has_text="bevestigd").count() > 0

    council_day = timezone.localdate() + datetime.timedelta(days=30)
    page.get_by_label("Datum van de raadsvergadering").fill(council_day.isoformat())
    page.get_by_label("Link naar het eigen systeem van de raad").fill(
        "https://bergen.raadsinformatie.example.org/vergadering/1"
    )
    with page.expect_navigation():
        page.get_by_role("button", name="Raadsvergadering vastleggen").press("Enter")
    page.screenshot(path=f"{SHOTS}/test-griffie-flow.png", full_page=True)
    assert csp_problems(page) == []

    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.SCHEDULED
    assert delivery.downloaded_by == user and delivery.received_by == user
    assert delivery.council_date == council_day
    # The form shows what was recorded.
    assert page.get_by_label("Datum van de raadsvergadering").input_value() == (
        council_day.isoformat()
    )

    # The regiobureau sees it on the distribution dashboard, in Bergen's column.
    browser_context.clear_cookies()
    log_in(page, live_server, "secretaris@example.org", "nhn-demo-2026")
    page.goto(f"{live_server.url}/raden/verspreiding/")
    headers = page.locator("thead tr:last-child th").all_inner_texts()
    column = headers.index("Bergen")
    # The demo letter's row (the consultations' letters are on the dashboard too).
    row = page.locator("tbody tr").filter(has_text=str(delivery.letter)).first
    cell = row.locator("th, td").nth(column)
    assert cell.inner_text().startswith("Geagendeerd in de raad")
    assert csp_problems(page) == []
