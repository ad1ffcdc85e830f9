"""The presentielijst in a real browser: the secretary records who was there with
the keyboard only, the page passes axe, and no Content-Security-Policy violation."""

import pytest

from nhn_portal.core.constants import Role
from regiobureau.constants import Presence
from regiobureau.models.attendance import Attendance
from regiobureau.selectors.attendance import attendance_seats
from tests.browser.pages import csp_problems, log_in, open_page
from tests.browser.test_accessibility import axe_violations
from tests.builders import member_of
from tests.factories import BodyFactory, MeetingFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_secretary_records_attendance_by_keyboard(browser_context, live_server, role_groups):
    secretary = UserFactory(roles=[Role.SECRETARY])
    body = BodyFactory(name="Platform Wonen", short_name="Wonen")
    for name in ("Anna Aanwezig", "Bert Afwezig", "Cees Aanwezig"):
        member_of(body, person_name=name)
    meeting = MeetingFactory(body=body, held=True)
    seats = {s.person.name: s.membership.pk for s in attendance_seats(meeting)}

    page = open_page(browser_context)
    log_in(page, live_server, secretary.email)
    page.goto(f"{live_server.url}/vergaderingen/{meeting.pk}/presentie/")
    assert axe_violations(page) == []

    # Each seat is a radio group: focus "not recorded", arrow keys move the choice.
    for name, presses in (("Anna Aanwezig", 1), ("Bert Afwezig", 3), ("Cees Aanwezig", 1)):
        page.focus(f"#id_presence_{seats[name]}_0")
        for _ in range(presses):
            page.keyboard.press("ArrowDown")
    page.focus("main form button[type=submit]")
    page.keyboard.press("Enter")
    # The answer is a new page: wait for its message, not for a quiet network (which may
    # come before the post has left on a busy machine).
    page.get_by_text("De presentielijst is opgeslagen.").wait_for(timeout=15_000)

    assert "De presentielijst is opgeslagen." in page.content()
    states = dict(Attendance.objects.values_list("membership__person__name", "presence"))
    assert states == {
        "Anna Aanwezig": Presence.PRESENT,
        "Bert Afwezig": Presence.ABSENT,
        "Cees Aanwezig": Presence.PRESENT,
    }
    assert "2 van 3 zetels aanwezig" in page.content()
    assert axe_violations(page) == []
    assert csp_problems(page) == []
