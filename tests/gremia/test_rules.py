"""The rules of play (versioned, adopted by a stuurgroep decision, shown on
the body's page) and the cooperation agreement per partner."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from gremia import services
from gremia.constants import RULES_FIELDS, OrganisationKind, RulesStatus
from gremia.models.rules import AgreementAdoption, RulesOfPlay
from gremia.selectors.rules import agreement_overview, rules_current
from nhn_portal.core.constants import Role
from nhn_portal.core.models import AuditRecord
from regiobureau.constants import DecisionOutcome
from regiobureau.services.decisions import decision_record
from rules.models import RulesAdoption
from rules.services import rules_of_play_adopt_by_decision
from tests.factories import (
    AgendaItemFactory,
    BodyFactory,
    MeetingFactory,
    OrganisationFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def stuurgroep_decision(actor, *, outcome=DecisionOutcome.ADOPTED, body=None):
    body = body or BodyFactory(name="Publieke stuurgroep", slug="stuurgroep", steering_group=True)
    meeting = MeetingFactory(body=body, held=True, title="Stuurgroep mei")
    item = AgendaItemFactory(meeting=meeting, title="Spelregelnotitie NHN")
    return decision_record(
        actor=actor, item=item, text="De stuurgroep stelt de spelregels vast.", outcome=outcome
    )


def test_the_ten_questions_are_fields():
    assert len(RULES_FIELDS) == 10
    for name in RULES_FIELDS:
        assert RulesOfPlay._meta.get_field(name)


def test_versions_draft_copy_and_adopt_supersedes(secretary):
    platform = BodyFactory(name="Platform Wonen", slug="platform-wonen")
    first = services.rules_of_play_draft_create(
        actor=secretary, body=platform, mandate="Wonen", costs="Naar inwonertal"
    )
    assert (first.version, first.status) == (1, RulesStatus.DRAFT)
    with pytest.raises(ValidationError):
        services.rules_of_play_draft_create(actor=secretary, body=platform)
    services.rules_of_play_adopt(actor=secretary, rules=first, on=datetime.date(2026, 5, 1))
    with pytest.raises(ValidationError):
        services.rules_of_play_update(actor=secretary, rules=first, mandate="Anders")

    second = services.rules_of_play_draft_create(actor=secretary, body=platform, exit="Een jaar")
    assert second.version == 2 and second.mandate == "Wonen" and second.exit == "Een jaar"
    services.rules_of_play_update(actor=secretary, rules=second, mandate="Wonen en bouwen")
    services.rules_of_play_adopt(actor=secretary, rules=second, on=datetime.date(2026, 9, 1))
    first.refresh_from_db()
    assert first.status == RulesStatus.SUPERSEDED
    assert rules_current(body=platform) == second
    # the NHN-wide scope numbers its own versions
    nhn = services.rules_of_play_draft_create(actor=secretary, body=None)
    assert nhn.version == 1 and nhn.body is None
    verbs = set(AuditRecord.objects.values_list("verb", flat=True))
    assert {
        "rules_of_play_draft_create",
        "rules_of_play_update",
        "rules_of_play_adopt",
        "rules_of_play_supersede",
    } <= verbs


def test_adoption_by_a_stuurgroep_decision_links_the_decision(secretary):
    decision = stuurgroep_decision(secretary)
    rules = services.rules_of_play_draft_create(actor=secretary, body=None, mandate="Kaders")
    adoption = rules_of_play_adopt_by_decision(actor=secretary, rules=rules, decision=decision)
    rules.refresh_from_db()
    assert rules.status == RulesStatus.ADOPTED
    assert rules.adopted_on == timezone.localdate(decision.item.meeting.starts_at)
    assert adoption.decision == decision
    assert AuditRecord.objects.filter(verb="rules_of_play_adopt_by_decision").exists()


def test_only_an_adopted_stuurgroep_decision_adopts(secretary):
    rules = services.rules_of_play_draft_create(actor=secretary, body=None)
    platform_decision = stuurgroep_decision(
        secretary, body=BodyFactory(name="Platform X", slug="platform-x")
    )
    with pytest.raises(ValidationError):
        rules_of_play_adopt_by_decision(actor=secretary, rules=rules, decision=platform_decision)
    postponed = stuurgroep_decision(secretary, outcome=DecisionOutcome.POSTPONED)
    with pytest.raises(ValidationError):
        rules_of_play_adopt_by_decision(actor=secretary, rules=rules, decision=postponed)
    rules.refresh_from_db()
    assert rules.is_draft and not RulesAdoption.objects.exists()


def test_pages_draft_edit_adopt_and_body_page(client, secretary):
    platform = BodyFactory(name="Platform Wonen", slug="platform-wonen")
    decision = stuurgroep_decision(secretary)
    client.force_login(secretary)
    response = client.post(reverse("gremia:rules_create"), {"body": platform.pk})
    rules = RulesOfPlay.objects.get(body=platform)
    assert response.status_code == 302 and response["Location"].endswith(
        reverse("gremia:rules_edit", args=[rules.pk])
    )
    data = {name: f"Antwoord {name}" for name in RULES_FIELDS}
    response = client.post(reverse("gremia:rules_edit", args=[rules.pk]), data)
    assert response.status_code == 302
    rules.refresh_from_db()
    assert rules.exit == "Antwoord exit"
    page = client.get(rules.get_absolute_url())
    assert page["Cache-Control"] == "private, no-store"  # a draft
    assert reverse("rules:rules_adopt", args=[rules.pk]) in page.content.decode()

    # a bestuurder does not see the draft, nor its edit or adopt page
    bestuurder = UserFactory(roles=[Role.ADMINISTRATOR])
    client.force_login(bestuurder)
    assert client.get(rules.get_absolute_url()).status_code == 404
    assert client.get(reverse("rules:rules_adopt", args=[rules.pk])).status_code == 404
    assert "Antwoord mandate" not in client.get(platform.get_absolute_url()).content.decode()

    client.force_login(secretary)
    form = client.get(reverse("rules:rules_adopt", args=[rules.pk])).content.decode()
    assert "Spelregelnotitie NHN" in form
    response = client.post(reverse("rules:rules_adopt", args=[rules.pk]), {"decision": decision.pk})
    assert response.status_code == 302

    client.force_login(bestuurder)
    html = client.get(platform.get_absolute_url()).content.decode()
    assert "Antwoord mandate" in html and "Antwoord costs" in html
    assert decision.item.meeting.get_absolute_url() in html  # the adopting decision, linked
    html = client.get(rules.get_absolute_url()).content.decode()
    assert "Spelregelnotitie NHN" in html
    assert reverse("gremia:rules_edit", args=[rules.pk]) not in html
    assert client.get(reverse("gremia:rules_list")).status_code == 200


def test_adopt_form_refuses_a_non_stuurgroep_decision(client, secretary):
    rules = services.rules_of_play_draft_create(actor=secretary, body=None)
    other = stuurgroep_decision(secretary, body=BodyFactory(name="Platform Y", slug="platform-y"))
    client.force_login(secretary)
    response = client.post(reverse("rules:rules_adopt", args=[rules.pk]), {"decision": other.pk})
    assert response.status_code == 400
    rules.refresh_from_db()
    assert rules.is_draft


def test_cooperation_agreement_per_partner(client, secretary):
    texel = OrganisationFactory(name="Gemeente Texel", slug="texel")
    province = OrganisationFactory(name="Provincie", slug="provincie", province=True)
    water = OrganisationFactory(
        name="HHNK", slug="hhnk", kind=OrganisationKind.WATER_BOARD, subregion=None
    )
    business = OrganisationFactory(name="Bedrijf", slug="bedrijf", business=True)
    services.agreement_adoption_record(
        actor=secretary, organisation=texel, adopted_on=datetime.date(2026, 6, 1), reference="B1"
    )
    with pytest.raises(ValidationError):
        services.agreement_adoption_record(
            actor=secretary, organisation=business, adopted_on=datetime.date(2026, 6, 1)
        )
    overview = agreement_overview()
    assert overview["total"] == 3 and overview["adopted"] == 1
    assert {organisation for organisation, _adoption in overview["rows"]} == {
        texel,
        province,
        water,
    }

    client.force_login(secretary)
    response = client.post(
        reverse("gremia:agreement_record"),
        {"organisation": water.pk, "adopted_on": "2026-07-01", "reference": "DB-besluit"},
    )
    assert response.status_code == 302
    assert AgreementAdoption.objects.get(organisation=water).reference == "DB-besluit"
    # correcting: not adopted after all
    client.post(reverse("gremia:agreement_record"), {"organisation": texel.pk, "adopted_on": ""})
    assert AgreementAdoption.objects.get(organisation=texel).adopted_on is None
    assert AuditRecord.objects.filter(verb="agreement_adoption_record").count() == 3

    bestuurder = UserFactory(roles=[Role.ADMINISTRATOR])
    client.force_login(bestuurder)
    html = client.get(reverse("gremia:agreement")).content.decode()
    assert "HHNK" in html and "DB-besluit" in html and "agreement_record" not in html
    assert reverse("gremia:agreement_record") not in html
    assert client.post(reverse("gremia:agreement_record"), {}).status_code == 404
