"""The growth scenarios as data, each applied on the reference data
(and the demo people), with a preview first; applied twice, nothing changes the second time."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from gremia.constants import BodyKind, MembershipRole, NormKind
from gremia.demo import load_demo
from gremia.models.registry import Body, Membership, Theme
from gremia.models.rules import BalanceNorm
from gremia.reference import load_reference
from gremia.selectors.balance import balance_norms_overview
from gremia.selectors.registry import body_list_active, governance_map
from nhn_portal.core.constants import Role
from nhn_portal.core.models import AuditRecord
from nhn_portal.core.seeding import LoadReport
from platforms import scenarios
from platforms.models import ScenarioAdoption
from regiobureau.constants import DecisionOutcome
from regiobureau.services.decisions import decision_record
from tests.factories import AgendaItemFactory, BodyFactory, MeetingFactory, UserFactory

pytestmark = pytest.mark.django_db

HHNK = "hoogheemraadschap-hollands-noorderkwartier"
PROVINCE = "provincie-noord-holland"


@pytest.fixture
def reference():
    load_reference(report=LoadReport())


@pytest.fixture
def beheerder():
    return UserFactory(roles=[Role.MANAGER])


def state() -> tuple:
    """Everything a scenario could change, to compare before and after a second apply."""
    return (
        sorted(Body.objects.values_list("slug", "prepares__slug", "dissolved_on")),
        sorted(Membership.objects.values_list("person_id", "body__slug", "role", "start", "end")),
        sorted(Theme.objects.values_list("slug", flat=True)),
        sorted(BalanceNorm.objects.values_list("name", flat=True)),
        AuditRecord.objects.count(),
    )


def test_scenario_1_broadening_on_the_reference_data(reference, beheerder):
    scenario = scenarios.scenario_get("thematische-verbreding")
    plan = scenarios.scenario_plan(scenario)
    kinds = [step.kind for step in plan]
    assert kinds.count("theme") == 3 and kinds.count("body") == 9
    assert kinds.count("seat") == 5  # HHNK twice, the province three times

    taken = scenarios.scenario_apply(actor=beheerder, scenario=scenario)
    assert [step.text for step in taken] == [step.text for step in plan]
    for theme in ["energie", "ontwikkelperspectief", "arbeidsmarkt"]:
        platform = Body.objects.get(slug=f"platform-{theme}")
        assert platform.kind == BodyKind.PLATFORM
        assert platform.prepares.slug == "publieke-stuurgroep-nhn"
        assert Body.objects.get(slug=f"directeurenoverleg-{theme}").prepares == platform
        assert (
            Body.objects.get(slug=f"werkgroep-{theme}").prepares.slug
            == f"directeurenoverleg-{theme}"
        )
    # Part 8: the water board at the energy/RES and Ontwikkelperspectief tables, the province
    # at all three; seated as members, so the registry, the balance and the map show them.
    hhnk_tables = set(
        Membership.objects.current()
        .filter(organisation__slug=HHNK)
        .values_list("body__slug", flat=True)
    )
    assert hhnk_tables == {"platform-energie", "platform-ontwikkelperspectief"}
    province_tables = set(
        Membership.objects.current()
        .filter(organisation__slug=PROVINCE)
        .values_list("body__slug", flat=True)
    )
    assert {"platform-energie", "platform-ontwikkelperspectief", "platform-arbeidsmarkt"} <= (
        province_tables
    )
    # the map follows without code changes
    names = {row.node.body.name for row in governance_map()["rows"]}
    assert {"Platform Energie", "Platform Ontwikkelperspectief", "Platform Arbeidsmarkt"} <= names
    assert AuditRecord.objects.filter(verb="body_create", actor=beheerder).count() == 9

    # applied twice: nothing changes the second time
    before = state()
    assert scenarios.scenario_plan(scenario) == []
    assert scenarios.scenario_apply(actor=beheerder, scenario=scenario) == []
    assert state() == before


def test_scenario_2_economic_board_on_the_reference_data(reference, beheerder):
    load_demo(report=LoadReport())  # the demo people at the Platform Economie
    platform = Body.objects.get(slug="platform-economie")
    members = list(Membership.objects.current().filter(body=platform).order_by("pk"))
    assert members
    scenario = scenarios.scenario_get("economic-board")
    today = timezone.localdate()
    scenarios.scenario_apply(actor=beheerder, scenario=scenario, on=today)

    board = Body.objects.get(slug="economic-board-nhn")
    assert board.kind == BodyKind.BOARD and board.theme.slug == "economie"
    assert Body.objects.get(slug="directeurenoverleg-economie").prepares == board
    platform.refresh_from_db()
    assert platform.dissolved_on == today  # dissolved, not deleted
    carried = set(
        Membership.objects.filter(body=board, end__isnull=True).values_list("person_id", "role")
    )
    assert carried == {(m.person_id, m.role) for m in members}
    # the platform keeps its history: its memberships ended, none deleted
    assert Membership.objects.filter(body=platform).count() >= len(members)
    assert not Membership.objects.filter(body=platform, end__isnull=True).exists()
    norm = BalanceNorm.objects.get(body=board)
    assert norm.kind == NormKind.SECTOR_SHARES
    assert (norm.target_government, norm.target_business, norm.target_education) == (33, 33, 33)
    # the balance page checks the board against 1/3-1/3-1/3; the platform is gone from it
    tomorrow = today + datetime.timedelta(days=1)
    overview = balance_norms_overview(on=tomorrow)
    assert [result.norm for result in overview["per_body"][board.pk]] == [norm]
    assert platform.pk not in {body.pk for body in body_list_active(on=tomorrow)}

    before = state()
    assert scenarios.scenario_apply(actor=beheerder, scenario=scenario, on=today) == []
    assert scenarios.scenario_apply(actor=beheerder, scenario=scenario, on=tomorrow) == []
    assert state() == before


def test_pages_preview_then_apply_in_one_action(client, reference, beheerder):
    client.force_login(beheerder)
    html = client.get(reverse("home")).content.decode()
    assert reverse("platforms:scenario_list") in html  # in the beheerder's navigation
    assert client.get(reverse("platforms:scenario_list")).status_code == 200
    url = reverse("platforms:scenario_detail", args=["thematische-verbreding"])
    preview = client.get(url).content.decode()
    assert "Platform Energie" in preview and not Body.objects.filter(slug="platform-energie")
    # Without the stuurgroep decision that adopts it, the scenario is not applied.
    refused = client.post(url)
    assert refused.status_code == 400
    assert "Kies het stuurgroepbesluit" in refused.content.decode()
    assert not Body.objects.filter(slug="platform-energie").exists()
    # Nor with a decision of another body, or one the stuurgroep did not adopt.
    platform_decision = _decision(beheerder, steering=False)
    rejected = _decision(beheerder, outcome=DecisionOutcome.REJECTED)
    for wrong in (platform_decision, rejected):
        assert client.post(url, {"decision": wrong.pk}).status_code == 400
    assert not Body.objects.filter(slug="platform-energie").exists()
    decision = _decision(beheerder)
    response = client.post(url, {"decision": decision.pk})
    assert response.status_code == 302
    assert Body.objects.filter(slug="platform-energie").exists()
    adoption = ScenarioAdoption.objects.get()
    assert (adoption.scenario, adoption.decision_id) == ("thematische-verbreding", decision.pk)
    assert AuditRecord.objects.filter(verb="scenario_adopt").count() == 1
    count = Body.objects.count()
    client.post(url, {"decision": decision.pk})
    assert Body.objects.count() == count
    assert ScenarioAdoption.objects.count() == 1
    # The scenario page and the governance map's history link the decision.
    meeting_url = decision.item.meeting.get_absolute_url()
    assert f'href="{meeting_url}"' in client.get(url).content.decode()
    history = client.get(reverse("gremia:governance_map")).content.decode()
    assert "Kostenverdeelsleutel" in history and f'href="{meeting_url}"' in history


def _decision(actor, *, outcome=DecisionOutcome.ADOPTED, steering=True):
    if steering:
        body = Body.objects.get(kind=BodyKind.STEERING_GROUP)
    else:
        body = BodyFactory(name="Platform S", slug="platform-s")
    meeting = MeetingFactory(body=body, held=True, title="Stuurgroep juni")
    item = AgendaItemFactory(meeting=meeting, title="Kostenverdeelsleutel")
    return decision_record(actor=actor, item=item, text="Besloten.", outcome=outcome)


def test_public_pages_and_the_open_data_follow_without_code_changes(client, reference):
    scenarios.scenario_apply(actor=None, scenario=scenarios.scenario_get("thematische-verbreding"))
    assert "Platform Energie" in client.get(reverse("publiek:body_list")).content.decode()
    energie = Body.objects.get(slug="platform-energie")
    assert client.get(reverse("publiek:body_detail", args=[energie.slug])).status_code == 200
    response = client.get(reverse("ori:organisatorische_eenheid-detail", args=[energie.pk]))
    assert response.status_code == 200


def test_scenarios_are_the_beheerders(client, reference):
    for role in [Role.SECRETARY, Role.ADMINISTRATOR]:
        client.force_login(UserFactory(roles=[role]))
        assert client.get(reverse("platforms:scenario_list")).status_code == 404
        url = reverse("platforms:scenario_detail", args=["economic-board"])
        assert client.post(url).status_code == 404
    assert Body.objects.filter(slug="economic-board-nhn").count() == 0
    assert Membership.objects.filter(role=MembershipRole.CHAIR).count() == 0
