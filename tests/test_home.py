"""The signed-in overview shows what waits for the user: coming meetings (the region's for
the secretariat, one's own bodies' for a member), open and overdue action items; a fixed
number of queries however many meetings there are."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from nhn_portal.core.constants import Role
from nhn_portal.core.portal import todo_counts_changed
from regiobureau.constants import MeetingStatus
from regiobureau.services.actions import action_item_create
from tests.builders import member_of
from tests.factories import BodyFactory, MeetingFactory, PersonFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_a_member_sees_the_coming_meetings_of_own_bodies_only(client):
    mine, other = BodyFactory(name="Platform Wonen"), BodyFactory(name="Platform Economie")
    user = member_of(mine)
    MeetingFactory(body=mine, published=True, title="Wonen december")
    MeetingFactory(body=mine, title="Wonen januari (concept)")  # a draft: not for members
    MeetingFactory(body=other, published=True, title="Economie december")
    MeetingFactory(body=mine, held=True, title="Wonen november")  # past
    client.force_login(user)
    page = client.get(reverse("home")).text
    assert "Wonen december" in page
    for absent in ("Wonen januari (concept)", "Economie december", "Wonen november"):
        assert absent not in page
    assert reverse("regiobureau:my_meetings") in page


def test_the_secretariat_sees_the_whole_region_with_the_deadline(client):
    secretary = UserFactory(roles=[Role.SECRETARY])
    meeting = MeetingFactory(title="Economie december", planned=True)
    client.force_login(secretary)
    response = client.get(reverse("home"))
    assert response.context["secretariat"] is True
    assert response.context["meetings"] == [meeting]
    assert "Economie december" in response.text
    assert reverse("regiobureau:calendar") in response.text


def test_open_and_overdue_action_items_are_counted(client):
    secretary = UserFactory(roles=[Role.SECRETARY])
    body = BodyFactory()
    user = member_of(body)
    person = user.person
    held = MeetingFactory(body=body, held=True)
    today = timezone.localdate()
    for days in (-3, 10):
        action_item_create(
            actor=secretary,
            meeting=held,
            item=None,
            description=f"Actie {days}",
            deadline=today + datetime.timedelta(days=days),
            owner_person=person,
            owner_organisation=None,
        )
    client.force_login(user)
    response = client.get(reverse("home"))
    assert len(response.context["open_actions"]) == 2
    assert response.context["overdue_count"] == 1


def test_a_login_without_a_person_still_gets_its_overview(client):
    client.force_login(UserFactory())
    response = client.get(reverse("home"))
    assert response.status_code == 200
    assert response.context["meetings"] == []
    assert response.context["open_actions"] == []


def count_queries(client, *, kept: bool = False) -> int:
    """The queries of the overview computed afresh (as after any write), or, `kept`, as the
    next request reads it from the cache."""
    if not kept:
        todo_counts_changed()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("home")).status_code == 200
    return len(queries)


def test_the_overview_runs_a_fixed_number_of_queries(client):
    secretary = UserFactory(roles=[Role.SECRETARY])
    PersonFactory(user=secretary)
    client.force_login(secretary)
    MeetingFactory(status=MeetingStatus.PLANNED)
    # A first request fills the process's content-type cache (one query, once per process):
    # run alone, the test would otherwise count it in `few` only.
    count_queries(client)
    few = count_queries(client)
    for _ in range(12):
        MeetingFactory(status=MeetingStatus.PLANNED)
    assert count_queries(client) == few


def test_the_overview_is_kept_per_user_until_anything_changes(client):
    """Issue 26: the to-do lines and the panels are kept in the cache per user under the
    to-do version; the next request is the frame alone, and an audited write shows at once."""
    secretary = UserFactory(roles=[Role.SECRETARY])
    body = BodyFactory()
    user = member_of(body)
    held = MeetingFactory(body=body, held=True)

    def give_action(description):  # through the service: an audited write
        action_item_create(
            actor=secretary,
            meeting=held,
            description=description,
            deadline=timezone.localdate() + datetime.timedelta(days=5),
            owner_person=user.person,
        )

    give_action("Woondeal uitwerken")
    client.force_login(user)
    computed = count_queries(client)
    kept = count_queries(client, kept=True)
    assert kept <= 4 < computed  # session, user, roles (and nothing of the overview)
    assert "Woondeal uitwerken" in client.get(reverse("home")).text

    give_action("Huisvesting statushouders")
    page = client.get(reverse("home")).text
    assert "Woondeal uitwerken" in page and "Huisvesting statushouders" in page

    # Per user: another member of the body gets her own (without the actions).
    other = member_of(body)
    client.force_login(other)
    page = client.get(reverse("home")).text
    assert "Woondeal uitwerken" not in page
    assert other.person.name in page and user.person.name not in page


def test_the_to_do_list_comes_first_and_says_what_to_do_when_empty(client):
    """The overview opens with what waits on the user ("Wacht op u"); with nothing waiting it
    says so and where to look ahead; the coming meetings stay below it."""
    body = BodyFactory(name="Platform Wonen")
    user = member_of(body)
    MeetingFactory(body=body, published=True, title="Wonen december")
    client.force_login(user)
    html = client.get(reverse("home")).text
    assert html.index("Wacht op u") < html.index("Wonen december")
    assert "Stukken lezen voor Platform Wonen" not in html  # no items: nothing to read
    assert "Er wacht nu niets op u." in html


def test_a_line_of_the_to_do_list_links_to_the_work_with_its_date_and_reason(client):
    from regiobureau.models.annotations import ReadMark
    from tests.factories import AgendaItemFactory

    body = BodyFactory(name="Platform Wonen")
    user = member_of(body)
    meeting = MeetingFactory(body=body, published=True, title="Wonen december")
    first = AgendaItemFactory(meeting=meeting)
    AgendaItemFactory(meeting=meeting)
    ReadMark.objects.create(user=user, agenda_item=first)
    client.force_login(user)
    html = client.get(reverse("home")).text
    reading = reverse("regiobureau:meeting_reading", args=[meeting.pk])
    assert f'<a class="utrecht-link nhn-todo__link" href="{reading}">Stukken lezen voor' in html
    assert "1 van 2 agendapunten gelezen" in html
    assert " uur</time>" in html  # its date, "4 december 2026, 14.00 uur"
