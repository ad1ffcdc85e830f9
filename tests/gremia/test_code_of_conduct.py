"""The code of conduct: part of the rules of play (versioned with them, adopted by the
stuurgroep decision that adopts the version), with ambassadors per body and sub-region shown
on the rules page."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from gremia import services
from gremia.constants import RulesStatus
from gremia.models.conduct import ConductAmbassador
from gremia.selectors.conduct import conduct_ambassadors
from nhn_portal.core.models import AuditRecord
from rules.services import rules_of_play_adopt_by_decision
from tests.factories import BodyFactory, OrganisationFactory, PersonFactory, SubregionFactory
from tests.gremia.test_rules import stuurgroep_decision

pytestmark = pytest.mark.django_db


def test_the_code_is_versioned_and_adopted_with_the_rules(secretary):
    first = services.rules_of_play_draft_create(
        actor=secretary, body=None, core_values="Gelijkwaardigheid", ways_of_working="Eén mond"
    )
    services.rules_of_play_adopt(actor=secretary, rules=first, on=datetime.date(2026, 5, 1))
    with pytest.raises(ValidationError):
        services.rules_of_play_update(actor=secretary, rules=first, core_values="Anders")
    second = services.rules_of_play_draft_create(actor=secretary, body=None, mandate="Kaders")
    # A new version copies the code; changing it is a change of the rules.
    assert (second.core_values, second.ways_of_working) == ("Gelijkwaardigheid", "Eén mond")
    services.rules_of_play_update(actor=secretary, rules=second, core_values="Vertrouwen")
    adoption = rules_of_play_adopt_by_decision(
        actor=secretary, rules=second, decision=stuurgroep_decision(secretary)
    )
    second.refresh_from_db()
    first.refresh_from_db()
    assert second.status == RulesStatus.ADOPTED and adoption.rules == second
    assert first.status == RulesStatus.SUPERSEDED and first.core_values == "Gelijkwaardigheid"


def test_ambassadors_per_body_and_sub_region_on_the_rules_page(client, secretary):
    rules = services.rules_of_play_draft_create(
        actor=secretary, body=None, core_values="Gelijkwaardigheid"
    )
    services.rules_of_play_adopt(actor=secretary, rules=rules, on=datetime.date(2026, 5, 1))
    kop = SubregionFactory(name="Kop van Noord-Holland", slug="kop")
    body = BodyFactory(name="Publieke stuurgroep", slug="stuurgroep")
    town = OrganisationFactory(name="Gemeente Texel", slug="texel", subregion=kop)
    carrier = services.conduct_ambassador_name(
        actor=secretary, person=PersonFactory(name="Jan Bos", organisation=town), subregion=kop
    )
    chair = services.conduct_ambassador_name(
        actor=secretary, person=PersonFactory(name="Karin Bakker", organisation=town), body=body
    )
    assert AuditRecord.objects.filter(verb="conduct_ambassador_name").count() == 2
    with pytest.raises(ValidationError):
        services.conduct_ambassador_name(actor=secretary, person=carrier.person)
    with pytest.raises(ValidationError):
        services.conduct_ambassador_name(
            actor=secretary, person=carrier.person, body=body, subregion=kop
        )
    client.force_login(secretary)
    page = client.get(reverse("gremia:rules_detail", kwargs={"pk": rules.pk}))
    assert page.status_code == 200
    assert set(page.context["ambassadors"]) == {carrier, chair}
    assert "Gelijkwaardigheid" in page.text and "Jan Bos" in page.text
    services.conduct_ambassador_end(actor=secretary, ambassador=carrier)
    later = timezone.localdate() + datetime.timedelta(days=1)
    assert ConductAmbassador.objects.current(on=later).get() == chair
    assert set(conduct_ambassadors()) == {carrier, chair}  # ends today: still current today
