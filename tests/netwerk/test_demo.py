"""The demo opportunities (issue 12): open ones with a route (one on schedule, one that cannot
make its deadline), decided ones over several years for the lead-time overview; twice loaded,
once created."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from netwerk import selectors
from netwerk.demo import load_demo_lobby, load_demo_opportunities
from netwerk.models import LobbyDossier, Opportunity
from nhn_portal.core.seeding import LoadReport

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
