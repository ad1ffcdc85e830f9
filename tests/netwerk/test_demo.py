"""The demo opportunities: open ones with a route (one on schedule, one that cannot
make its deadline), decided ones over several years for the lead-time overview; twice loaded,
once created."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from netwerk import selectors
from netwerk.demo import load_demo_lobby, load_demo_opportunities, load_demo_regio_deal
from netwerk.models.lobby import LobbyDossier
from netwerk.models.opportunities import Opportunity
from netwerk.models.regio_deal import RegioDealProject
from nhn_portal.core.constants import Role
from nhn_portal.core.seeding import LoadReport
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_demo_opportunities_and_lead_times(secretary):
    call_command("load_nhn", stdout=io.StringIO())  # the registry's bodies
    assert load_demo_opportunities(report=LoadReport(), actor=secretary) == 6
    report = LoadReport()
    assert load_demo_opportunities(report=report, actor=secretary) == 0
    assert report.present["demo-kansen"] == 6
    assert Opportunity.objects.count() == 6
    routes = {
        route.opportunity.title: route
        for route in (
            selectors.opportunity_route(opportunity)
            for opportunity in selectors.opportunities_for(user=secretary)
        )
    }
    assert routes["Woningbouwimpuls ronde 2027 (demo)"].can_make_deadline
    assert not routes["Oproep innovatieve mobiliteitshubs (demo)"].can_make_deadline
    rows = selectors.lead_time_overview(user=secretary)
    assert {row.year for row in rows} == {2024, 2025}
    regio_deal = next(row for row in rows if row.year == 2024 and "stuurgroep" in row.body.lower())
    # The Regio Deal application (547 days) and an EFRO call (129 days), both decided in 2024.
    assert (regio_deal.count, regio_deal.longest_days, regio_deal.shortest_days) == (2, 547, 129)


def test_demo_lobby_dossiers(client, secretary):
    call_command("load_nhn", stdout=io.StringIO())
    assert load_demo_lobby(report=LoadReport(), actor=secretary) == 3
    assert load_demo_lobby(report=LoadReport(), actor=secretary) == 0
    assert LobbyDossier.objects.filter(confidential=True).count() == 2
    public = client.get(reverse("netwerk:public_affairs")).text
    assert "Woondeal Noord-Holland Noord (demo)" in public
    assert "MIRT-verkenning" not in public and "EU-fondsen" not in public
    rows = selectors.external_moments_for(user=secretary)
    assert len(rows) == 4
    # No meetings are planned in this test: every moment warns.
    assert all(row.warning for row in rows)


def test_demo_regio_deal_projects_are_approved_and_public(client, secretary):
    call_command("load_nhn", stdout=io.StringIO())
    reviewer = UserFactory(email="beheer@example.org", roles=[Role.MANAGER])
    assert load_demo_regio_deal(report=LoadReport(), actor=secretary) == 3
    assert load_demo_regio_deal(report=LoadReport(), actor=secretary) == 0
    assert set(RegioDealProject.objects.values_list("approved_by", flat=True)) == {reviewer.pk}
    page = client.get(reverse("netwerk:regio_deal")).text
    for title in ["Praktijkleren in de Kop", "Gezond opgroeien", "Techniekpact Regio Alkmaar"]:
        assert title in page
    assert "West-Friesland" in page  # the list per sub-region


def test_the_meeting_demo_no_longer_treats_the_regio_deal_as_an_application():
    from regiobureau.demo import agendas

    text = repr(vars(agendas))
    assert "Regio Deal aanvraag" not in text and "Regio Deal-aanvraag" not in text
    assert "2025" in agendas.REGIO_DEAL["background"]
