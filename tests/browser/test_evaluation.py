"""The evaluation after a meeting in a real browser: a member who sat at the table
answers the one-screen form with the keyboard only; the form, the overview and the
secretariat's page pass axe, with no Content-Security-Policy violation."""

import pytest

from evaluation.models import EvaluationAnswer, EvaluationReceipt
from nhn_portal.core.constants import Role
from regiobureau.constants import Presence
from regiobureau.selectors.attendance import attendance_seats
from regiobureau.services.attendance import attendance_record
from tests.browser.pages import csp_problems, log_in, open_page
from tests.browser.test_accessibility import axe_violations
from tests.builders import member_of
from tests.factories import BodyFactory, MeetingFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_member_evaluates_a_meeting_by_keyboard(browser_context, live_server, role_groups):
    secretary = UserFactory(roles=[Role.SECRETARY])
    body = BodyFactory(name="Platform Wonen", short_name="Wonen", slug="platform-wonen")
    member = member_of(body, person_name="Anna Aanwezig")
    meeting = MeetingFactory(body=body, held=True)
    (seat,) = attendance_seats(meeting)
    attendance_record(
        actor=secretary, meeting=meeting, entries={seat.membership.pk: (Presence.PRESENT, None)}
    )

    page = open_page(browser_context)
    log_in(page, live_server, member.email)
    page.goto(f"{live_server.url}/vergaderingen/evaluatie/")
    assert axe_violations(page) == []
    page.get_by_role("link", name="Evalueer de vergadering").click()
    page.wait_for_load_state()
    assert page.locator("fieldset legend").count() == 3  # each radio group has its legend
    assert axe_violations(page) == []

    # Each question is a radio group: focus a choice and take it with the space bar.
    for radio in ("#id_useful_3", "#id_heard_2", "#id_pace_2"):
        page.focus(radio)
        page.keyboard.press("Space")
    page.focus("#id_remark")
    page.keyboard.type("Meer tijd voor de Kop")
    page.focus("main form button[type=submit]")
    page.keyboard.press("Enter")
    page.get_by_text("Dank u wel: uw evaluatie is opgeslagen.").wait_for(timeout=15_000)

    answer = EvaluationAnswer.objects.get()
    assert (answer.useful, answer.heard, answer.pace) == (4, 3, "verbreden")
    assert answer.remark == "Meer tijd voor de Kop"
    assert EvaluationReceipt.objects.filter(person=member.person).exists()
    assert "U hebt geen vergaderingen te evalueren." in page.content()
    assert axe_violations(page) == []
    assert csp_problems(page) == []

    browser_context.clear_cookies()
    page = open_page(browser_context)
    log_in(page, live_server, secretary.email)
    page.goto(f"{live_server.url}/vergaderingen/evaluatie/platform-wonen/")
    assert "Het halfjaar loopt nog" in page.content()
    assert axe_violations(page) == []
    assert csp_problems(page) == []
