"""Opportunities with a clock: services refuse bad input in Dutch and store
nothing half; the route shows days left per step and warns when it cannot make the deadline;
the lead-time overview counts per year and body; pages are the secretariat's only."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override

from netwerk import selectors
from netwerk.constants import OpportunityKind, OpportunityOutcome
from netwerk.models.opportunities import Opportunity, OpportunityStep
from netwerk.services.opportunities import (
    opportunity_create,
    opportunity_decide,
    opportunity_step_add,
    opportunity_step_complete,
    opportunity_step_remove,
)
from nhn_portal.core.constants import Role
from nhn_portal.core.models import AuditRecord
from tests.factories import BodyFactory, UserFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 6, 1)


def days(n: int) -> datetime.date:
    return TODAY + datetime.timedelta(days=n)


@pytest.fixture
def route_bodies(db):
    return {
        name: BodyFactory(name=f"{name} (test)", slug=f"{name}-test")
        for name in ["werkgroep", "directeurenoverleg", "platform", "stuurgroep"]
    }


def make(secretary, bodies, **fields):
    values = {
        "title": "Subsidieronde woningbouw",
        "kind": OpportunityKind.SUBSIDY_ROUND,
        "deciding_body": bodies["stuurgroep"],
        "signalled_on": days(-5),
        "deadline": days(60),
        "today": TODAY,
    } | fields
    return opportunity_create(actor=secretary, **values)


def messages_of(error: ValidationError) -> str:
    with override("nl"):
        return " ".join(str(message) for message in error.messages)


def test_create_is_audited(secretary, route_bodies):
    opportunity = make(secretary, route_bodies)
    assert opportunity.created_by == secretary
    record = AuditRecord.objects.get(verb="opportunity_create")
    assert record.object_id == str(opportunity.pk)
    assert record.actor == secretary


def test_deadline_in_the_past_is_refused_in_dutch(secretary, route_bodies):
    with override("nl"), pytest.raises(ValidationError) as caught:
        make(secretary, route_bodies, deadline=days(-1))
    assert "De deadline ligt in het verleden" in messages_of(caught.value)
    assert not Opportunity.objects.exists()
    assert not AuditRecord.objects.filter(verb="opportunity_create").exists()


def test_signal_in_the_future_is_refused(secretary, route_bodies):
    with pytest.raises(ValidationError) as caught:
        make(secretary, route_bodies, signalled_on=days(1))
    assert "signalled_on" in caught.value.error_dict
    assert not Opportunity.objects.exists()


def test_route_that_loops_back_is_refused_and_nothing_is_stored(secretary, route_bodies):
    opportunity = make(secretary, route_bodies)
    opportunity_step_add(
        actor=secretary, opportunity=opportunity, body=route_bodies["werkgroep"], planned_on=days(5)
    )
    opportunity_step_add(
        actor=secretary, opportunity=opportunity, body=route_bodies["platform"], planned_on=days(9)
    )
    with override("nl"), pytest.raises(ValidationError) as caught:
        opportunity_step_add(
            actor=secretary,
            opportunity=opportunity,
            body=route_bodies["werkgroep"],
            planned_on=days(20),
        )
    assert "mag niet terugkeren" in messages_of(caught.value)
    assert opportunity.steps.count() == 2
    assert AuditRecord.objects.filter(verb="opportunity_step_add").count() == 2


def test_step_planned_before_the_previous_one_is_refused(secretary, route_bodies):
    opportunity = make(secretary, route_bodies)
    opportunity_step_add(
        actor=secretary, opportunity=opportunity, body=route_bodies["werkgroep"], planned_on=days(9)
    )
    with override("nl"), pytest.raises(ValidationError) as caught:
        opportunity_step_add(
            actor=secretary,
            opportunity=opportunity,
            body=route_bodies["platform"],
            planned_on=days(3),
        )
    assert "vóór de voorgaande stap" in messages_of(caught.value)
    assert list(opportunity.steps.values_list("position", flat=True)) == [1]


def test_days_left_per_step_and_a_route_that_makes_the_deadline(secretary, route_bodies):
    opportunity = make(secretary, route_bodies)
    for name, planned in [("werkgroep", 7), ("platform", 21), ("stuurgroep", 45)]:
        opportunity_step_add(
            actor=secretary,
            opportunity=opportunity,
            body=route_bodies[name],
            planned_on=days(planned),
        )
    route = selectors.opportunity_route(opportunity, today=TODAY)
    assert [row.days_left for row in route.steps] == [7, 21, 45]
    assert route.days_to_deadline == 60
    assert route.warnings == []
    assert route.can_make_deadline


def test_warnings_when_the_route_cannot_make_the_deadline(secretary, route_bodies):
    opportunity = make(secretary, route_bodies, deadline=days(30))
    assert selectors.opportunity_route(opportunity, today=TODAY).warnings  # no route yet
    opportunity_step_add(
        actor=secretary, opportunity=opportunity, body=route_bodies["werkgroep"], planned_on=days(2)
    )
    opportunity_step_add(
        actor=secretary, opportunity=opportunity, body=route_bodies["platform"], planned_on=days(35)
    )
    with override("nl"):
        route = selectors.opportunity_route(opportunity, today=days(4))
        text = " ".join(route.warnings)
    assert not route.can_make_deadline
    assert "na de deadline" in text
    assert "eindigt niet bij het besluitende overleg" in text
    assert "is nog niet gedaan" in text  # the werkgroep (2 days ago) is overdue
    assert [row.overdue for row in route.steps] == [True, False]
    assert [row.after_deadline for row in route.steps] == [False, True]
    assert [row.days_left for row in route.steps] == [-2, 31]


def test_decision_records_lead_time_and_freezes_the_route(secretary, route_bodies):
    opportunity = make(secretary, route_bodies, signalled_on=days(-40))
    step = opportunity_step_add(
        actor=secretary,
        opportunity=opportunity,
        body=route_bodies["stuurgroep"],
        planned_on=days(0),
    )
    opportunity_step_complete(actor=secretary, step=step, done_on=TODAY, today=TODAY)
    with pytest.raises(ValidationError):
        opportunity_decide(
            actor=secretary,
            opportunity=opportunity,
            decided_on=days(1),
            outcome=OpportunityOutcome.SUBMITTED,
            today=TODAY,
        )
    opportunity_decide(
        actor=secretary,
        opportunity=opportunity,
        decided_on=TODAY,
        outcome=OpportunityOutcome.SUBMITTED,
        today=TODAY,
    )
    opportunity.refresh_from_db()
    assert opportunity.lead_time_days == 40
    record = AuditRecord.objects.get(verb="opportunity_decide")
    assert record.changes["outcome"] == ["", "ingediend"]
    assert record.changes["decided_on"] == [None, "2026-06-01"]
    with pytest.raises(ValidationError):
        opportunity_step_add(
            actor=secretary,
            opportunity=opportunity,
            body=route_bodies["platform"],
            planned_on=days(3),
        )


def test_step_done_in_the_future_is_refused(secretary, route_bodies):
    opportunity = make(secretary, route_bodies)
    step = opportunity_step_add(
        actor=secretary, opportunity=opportunity, body=route_bodies["werkgroep"], planned_on=days(3)
    )
    with pytest.raises(ValidationError):
        opportunity_step_complete(actor=secretary, step=step, done_on=days(2), today=TODAY)
    step.refresh_from_db()
    assert step.done_on is None


def test_removing_a_step_renumbers_the_route(secretary, route_bodies):
    opportunity = make(secretary, route_bodies)
    steps = [
        opportunity_step_add(
            actor=secretary, opportunity=opportunity, body=route_bodies[name], planned_on=days(n)
        )
        for n, name in enumerate(["werkgroep", "platform", "stuurgroep"], start=1)
    ]
    opportunity_step_remove(actor=secretary, step=steps[0])
    assert list(opportunity.steps.values_list("body__slug", "position")) == [
        ("platform-test", 1),
        ("stuurgroep-test", 2),
    ]


def _decided(secretary, bodies, *, title, signalled, decided, body):
    opportunity = make(
        secretary,
        bodies,
        title=title,
        signalled_on=signalled,
        deadline=decided + datetime.timedelta(days=10),
        deciding_body=bodies[body],
        today=signalled,
    )
    opportunity_decide(
        actor=secretary,
        opportunity=opportunity,
        decided_on=decided,
        outcome=OpportunityOutcome.SUBMITTED,
    )
    return opportunity


def test_lead_time_overview_per_year_and_body(secretary, route_bodies):
    d = datetime.date
    _decided(
        secretary,
        route_bodies,
        title="A",
        signalled=d(2024, 1, 1),
        decided=d(2024, 1, 31),
        body="stuurgroep",
    )
    _decided(
        secretary,
        route_bodies,
        title="B",
        signalled=d(2024, 2, 1),
        decided=d(2024, 4, 1),
        body="stuurgroep",
    )
    _decided(
        secretary,
        route_bodies,
        title="C",
        signalled=d(2023, 1, 1),
        decided=d(2025, 1, 1),
        body="platform",
    )
    make(secretary, route_bodies, title="still open")
    rows = selectors.lead_time_overview(user=secretary)
    assert [(row.year, row.body, row.count) for row in rows] == [
        (2025, "platform (test)", 1),
        (2024, "stuurgroep (test)", 2),
    ]
    stuurgroep = rows[1]
    assert (stuurgroep.shortest_days, stuurgroep.longest_days, stuurgroep.average_days) == (
        30,
        60,
        45,
    )
    assert rows[0].average_days == 731


# --- Pages ----------------------------------------------------------------------------------


def test_pages_are_for_the_secretariat_only(client, secretary, route_bodies, outsider):
    opportunity = make(
        secretary,
        route_bodies,
        today=timezone.localdate(),
        signalled_on=timezone.localdate(),
        deadline=timezone.localdate() + datetime.timedelta(days=30),
    )
    urls = [
        reverse("netwerk:opportunity_list"),
        reverse("netwerk:opportunity_create"),
        reverse("netwerk:lead_times"),
        reverse("netwerk:opportunity_detail", args=[opportunity.pk]),
    ]
    for user in [outsider, UserFactory(roles=[Role.CIVIL_SERVANT])]:
        client.force_login(user)
        for url in urls:
            assert client.get(url).status_code == 404, url
        response = client.post(
            reverse("netwerk:opportunity_step_add", args=[opportunity.pk]),
            {"body": route_bodies["werkgroep"].pk, "planned_on": timezone.localdate().isoformat()},
        )
        assert response.status_code == 404
    assert not OpportunityStep.objects.exists()
    client.logout()
    assert client.get(urls[0]).status_code == 302
    client.force_login(secretary)
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Cache-Control"] == "private, no-store"


def test_signal_to_route_with_days_left_through_the_pages(client, secretary, route_bodies):
    client.force_login(secretary)
    today = timezone.localdate()
    with override("nl"):
        list_page = client.get(reverse("netwerk:opportunity_list"), HTTP_ACCEPT_LANGUAGE="nl")
    assert reverse("netwerk:opportunity_create") in list_page.text
    response = client.post(
        reverse("netwerk:opportunity_create"),
        {
            "title": "Oproep mobiliteitshubs",
            "kind": OpportunityKind.CALL,
            "signalled_on": today.isoformat(),
            "deadline": (today + datetime.timedelta(days=20)).isoformat(),
            "deciding_body": route_bodies["stuurgroep"].pk,
        },
    )
    opportunity = Opportunity.objects.get(title="Oproep mobiliteitshubs")
    assert response.status_code == 302
    assert response["Location"] == opportunity.get_absolute_url()
    add = reverse("netwerk:opportunity_step_add", args=[opportunity.pk])
    client.post(
        add,
        {
            "body": route_bodies["werkgroep"].pk,
            "planned_on": (today + datetime.timedelta(days=6)).isoformat(),
        },
    )
    client.post(
        add,
        {
            "body": route_bodies["stuurgroep"].pk,
            "planned_on": (today + datetime.timedelta(days=25)).isoformat(),
        },
    )
    # A loop is refused on the page, in Dutch, and not stored.
    looped = client.post(
        add,
        {
            "body": route_bodies["werkgroep"].pk,
            "planned_on": (today + datetime.timedelta(days=26)).isoformat(),
        },
    )
    assert looped.status_code == 400
    assert "mag niet terugkeren" in looped.text
    assert opportunity.steps.count() == 2
    page = client.get(opportunity.get_absolute_url())
    assert "De geplande route haalt de deadline niet" in page.text
    assert "na de deadline" in page.text
    assert "nog 20 dagen" in page.text
    assert ">6<" in page.text and ">25<" in page.text  # days left per step


def test_bad_input_on_the_form_is_dutch_and_stores_nothing(client, secretary, route_bodies):
    client.force_login(secretary)
    today = timezone.localdate()
    response = client.post(
        reverse("netwerk:opportunity_create"),
        {
            "title": "Te laat",
            "kind": OpportunityKind.CALL,
            "signalled_on": (today - datetime.timedelta(days=9)).isoformat(),
            "deadline": (today - datetime.timedelta(days=1)).isoformat(),
            "deciding_body": route_bodies["stuurgroep"].pk,
        },
    )
    assert response.status_code == 400
    assert "De deadline ligt in het verleden" in response.text
    assert not Opportunity.objects.exists()


def test_navigation_shows_opportunities_to_the_secretariat_only(client, secretary, outsider):
    client.force_login(secretary)
    assert reverse("netwerk:opportunity_list") in client.get(reverse("home")).text
    client.force_login(outsider)
    assert reverse("netwerk:opportunity_list") not in client.get(reverse("home")).text
