import datetime
from decimal import Decimal
from fractions import Fraction

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from gremia.constants import OrganisationKind
from middelen import selectors, services
from middelen.arithmetic import cost_shares, largest_remainder
from middelen.models import CostKeyStatus
from nhn_portal.core.constants import Role
from nhn_portal.core.models import AuditRecord
from regiobureau.constants import DecisionOutcome
from regiobureau.services.decisions import decision_record
from tests.factories import (
    AgendaItemFactory,
    BodyFactory,
    MeetingFactory,
    OrganisationFactory,
    UserFactory,
)


def stuurgroep_decision(actor, *, outcome=DecisionOutcome.ADOPTED, steering=True):
    if steering:
        body = BodyFactory(name="Stuurgroep M", slug="stuurgroep-m", steering_group=True)
    else:
        body = BodyFactory(name="Platform M", slug="platform-m")
    meeting = MeetingFactory(body=body, held=True, title="Stuurgroep juni")
    item = AgendaItemFactory(meeting=meeting, title="Kostenverdeelsleutel")
    return decision_record(actor=actor, item=item, text="Vastgesteld.", outcome=outcome)


def test_largest_remainder_adds_up_and_breaks_ties_in_order():
    assert largest_remainder(10, [Fraction(1)] * 3) == [4, 3, 3]
    assert largest_remainder(100, [Fraction(1), Fraction(2)]) == [33, 67]
    assert largest_remainder(7, [Fraction(0), Fraction(0)]) == [4, 3]


def test_shares_add_up_to_the_cent_and_to_100_percent():
    inhabitants = [
        ("a", 110_654),
        ("b", 48_001),
        ("c", 13_333),
        ("d", 7_777),
        ("provincie", 0),
        ("waterschap", 0),
    ]
    budget = 1_234_567_89  # € 1.234.567,89
    shares = cost_shares(budget_cents=budget, fixed_part_cents=1_500_001, inhabitants=inhabitants)
    assert sum(s.total_cents for s in shares) == budget
    assert sum(s.percentage for s in shares) == Decimal("100.00")
    # partners without inhabitants pay only the fixed part
    assert [s.variable_cents for s in shares[4:]] == [0, 0]
    assert all(s.fixed_cents == 1_500_001 for s in shares)
    # the per-inhabitant part is proportional to within a cent
    variable = budget - 6 * 1_500_001
    total_inhabitants = sum(n for _, n in inhabitants)
    for share, (_, n) in zip(shares, inhabitants, strict=True):
        assert abs(share.variable_cents - variable * n / total_inhabitants) < 1


def test_fixed_parts_may_not_exceed_the_budget():
    with pytest.raises(ValueError):
        cost_shares(budget_cents=100, fixed_part_cents=51, inhabitants=[("a", 1), ("b", 1)])


@pytest.mark.django_db
def test_create_adopt_and_who_sees_it(secretary):
    alkmaar = OrganisationFactory(name="Gemeente A", kind=OrganisationKind.MUNICIPALITY)
    hoorn = OrganisationFactory(name="Gemeente B", kind=OrganisationKind.MUNICIPALITY)
    provincie = OrganisationFactory(name="Provincie P", kind=OrganisationKind.PROVINCE)
    on = datetime.date(2025, 1, 1)
    services.population_record(
        actor=secretary, organisation=alkmaar, date=on, inhabitants=300, source="CBS"
    )
    services.population_record(
        actor=secretary, organisation=hoorn, date=on, inhabitants=100, source="CBS"
    )
    key = services.cost_key_year_create(
        actor=secretary,
        year=2026,
        budget_cents=100_000_00,
        fixed_part_cents=10_000_00,
        population_date=on,
        partners=[(alkmaar, 40), (hoorn, 20), (provincie, 10)],
    )
    visitor = UserFactory(roles=[Role.CIVIL_SERVANT])
    assert selectors.cost_key_visible(visitor, 2026) is None
    assert selectors.cost_key_visible(secretary, 2026) == key

    rows = selectors.cost_key_rows(key)
    by_name = {r.partner.organisation.name: r for r in rows}
    assert by_name["Gemeente A"].share.total_cents == 10_000_00 + 52_500_00
    assert by_name["Gemeente B"].share.total_cents == 10_000_00 + 17_500_00
    assert by_name["Provincie P"].share.total_cents == 10_000_00
    totals = selectors.cost_key_totals(rows)
    assert totals["cents"] == 100_000_00 and totals["percentage"] == Decimal("100.00")
    assert totals["in_kind_hours"] == 70

    with pytest.raises(ValidationError):
        services.cost_key_year_adopt(
            actor=secretary, key=key, decision=stuurgroep_decision(secretary, steering=False)
        )
    decision = stuurgroep_decision(secretary)
    services.cost_key_year_adopt(actor=secretary, key=key, decision=decision)
    key.refresh_from_db()
    assert key.status == CostKeyStatus.ADOPTED and key.decision == decision
    assert key.adopted_on == timezone.localdate(decision.item.meeting.starts_at)
    assert selectors.cost_key_visible(visitor, 2026) == key
    with pytest.raises(ValidationError):
        services.cost_key_year_adopt(actor=secretary, key=key, decision=decision)
    assert {"cost_key_year_create", "cost_key_partner_create", "cost_key_year_adopt"} <= set(
        AuditRecord.objects.values_list("verb", flat=True)
    )


@pytest.mark.django_db
def test_core_message_only_adopted_is_current(secretary):
    first = services.core_message_create(actor=secretary, text="Samen sterker.")
    assert selectors.core_message_current() is None
    services.core_message_adopt(
        actor=secretary, message=first, decision=stuurgroep_decision(secretary)
    )
    services.core_message_create(actor=secretary, text="Nog een concept.")
    current = selectors.core_message_current()
    assert current.pk == first.pk and current.adopted_on is not None
    assert AuditRecord.objects.filter(verb="core_message_adopt").exists()


@pytest.mark.django_db
def test_page_and_csv_for_members_not_for_a_griffie(client, secretary):
    org = OrganisationFactory(name="Gemeente C", kind=OrganisationKind.MUNICIPALITY)
    key = services.cost_key_year_create(
        actor=secretary,
        year=2027,
        budget_cents=1_000_01,
        fixed_part_cents=0,
        population_date=datetime.date(2025, 1, 1),
        partners=[(org, 5)],
    )
    url = reverse("middelen:cost_key", args=[2027])
    member = UserFactory(roles=[Role.ADMINISTRATOR])
    griffie = UserFactory(roles=[Role.CLERK])
    client.force_login(member)
    assert client.get(url).status_code == 404  # a draft
    client.force_login(secretary)
    page = client.get(url)
    assert page.status_code == 200 and "€ 1.000,01" in page.content.decode()
    services.cost_key_year_adopt(actor=secretary, key=key, decision=stuurgroep_decision(secretary))
    client.force_login(member)
    assert "100,00 %" in client.get(url).content.decode()
    csv = client.get(reverse("middelen:cost_key_csv", args=[2027])).content.decode("utf-8-sig")
    assert "Gemeente C;0;0,00;1000,01;1000,01;100,00;5" in csv
    client.force_login(griffie)
    assert client.get(url).status_code == 404


@pytest.mark.django_db
def test_front_page_shows_the_adopted_core_message_not_a_draft(client, secretary):
    adopted = services.core_message_create(actor=secretary, text="Samen maken wij NHN sterk.")
    services.core_message_adopt(
        actor=secretary, message=adopted, decision=stuurgroep_decision(secretary)
    )
    services.core_message_create(actor=secretary, text="Een geheim concept.")
    page = client.get(reverse("home")).content.decode()
    assert "Het verhaal van NHN" in page
    assert "Samen maken wij NHN sterk." in page
    assert "Een geheim concept." not in page
