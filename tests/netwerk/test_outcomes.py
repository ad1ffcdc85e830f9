"""What each sub-region gets: the arithmetic of the ledger (spreading, per inhabitant,
shares adding up), the public page without confidential entries, the balance warning against
the norm of the rules of play, and who may edit the ledger."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from gremia import services as gremia_services
from middelen.models import Population
from netwerk.constants import OutcomeKind
from netwerk.demo import load_demo_outcomes, load_demo_regio_deal
from netwerk.models.outcomes import OutcomeEntry
from netwerk.outcome_selectors import outcome_balance_warnings, outcome_overview, spread
from netwerk.services.outcomes import outcome_entry_create, outcome_entry_update
from nhn_portal.core.constants import Role
from nhn_portal.core.models import AuditRecord
from nhn_portal.core.seeding import LoadReport
from tests.factories import OrganisationFactory, SubregionFactory, UserFactory

pytestmark = pytest.mark.django_db

DATE = datetime.date(2025, 1, 1)


def _town(name, region, inhabitants):
    town = OrganisationFactory(name=f"Gemeente {name}", subregion=region)
    Population.objects.create(organisation=town, date=DATE, inhabitants=inhabitants, source="CBS")
    return town


@pytest.fixture
def world(db):
    north = SubregionFactory(name="Noord", slug="noord")
    south = SubregionFactory(name="Zuid", slug="zuid")
    return {
        "north": north,
        "south": south,
        "a": _town("A", north, 30_000),
        "b": _town("B", north, 10_000),
        "c": _town("C", south, 60_000),
    }


def _norm(points):
    rules = gremia_services.rules_of_play_draft_create(
        actor=None, body=None, outcome_max_deviation=points
    )
    gremia_services.rules_of_play_adopt(actor=None, rules=rules, on=DATE)


def test_spread_adds_up_exactly():
    parts = spread(Decimal("100.00"), {1: Decimal(1), 2: Decimal(1), 3: Decimal(1)})
    assert sum(parts.values()) == Decimal("100.00")
    assert sorted(parts.values()) == [Decimal("33.33"), Decimal("33.33"), Decimal("33.34")]
    assert spread(Decimal(90), {1: Decimal(0), 2: Decimal(0)}) == {1: 45, 2: 45}


def test_percentages_add_up_to_100():
    from netwerk.outcome_selectors import percentages

    assert percentages([1, 1, 1], 3) == [Decimal("33.4"), Decimal("33.3"), Decimal("33.3")]
    assert sum(percentages([5, 11], 16)) == Decimal("100.0")
    assert percentages([0, 0], 0) == [Decimal("0.0"), Decimal("0.0")]


def test_a_subregion_entry_spreads_by_inhabitants(world, secretary):
    outcome_entry_create(
        actor=secretary,
        title="Woondeal Noord",
        kind=OutcomeKind.WOONDEAL,
        amount=Decimal(400_000),
        year=2024,
        subregion=world["north"],
    )
    overview = outcome_overview(public=True)
    north, south = overview["rows"]
    assert north.subregion == world["north"]
    assert north.per_year == {2024: Decimal("400000.00")}
    assert north.inhabitants == 40_000
    assert north.total_per_inhabitant == Decimal("10.00")
    assert south.total == 0
    # 30,000 of 40,000 inhabitants: A gets three quarters.
    from netwerk.outcome_selectors import entry_parts, inhabitants_per_municipality

    entry = OutcomeEntry.objects.get()
    parts = entry_parts(
        entry,
        inhabitants=inhabitants_per_municipality(),
        members={world["north"].pk: [world["a"].pk, world["b"].pk]},
    )
    assert parts == {world["a"].pk: Decimal("300000.00"), world["b"].pk: Decimal("100000.00")}


def test_given_shares_and_even_split_per_inhabitant(world, secretary):
    outcome_entry_create(
        actor=secretary,
        title="MIRT",
        kind=OutcomeKind.MIRT,
        amount=Decimal(1_000_000),
        year=2025,
        shares=[(world["b"], Decimal(20)), (world["c"], Decimal(80))],
    )
    outcome_entry_create(
        actor=secretary,
        title="EU",
        kind=OutcomeKind.EU,
        amount=Decimal(600_000),
        year=2026,
        shares=[(world["a"], None), (world["c"], None)],
    )
    overview = outcome_overview(public=True)
    north, south = overview["rows"]
    assert north.per_year == {2025: Decimal("200000.00"), 2026: Decimal("300000.00")}
    assert south.per_year == {2025: Decimal("800000.00"), 2026: Decimal("300000.00")}
    assert [year for year, *_rest in south.years] == [2025, 2026]
    assert south.years[0][2] == Decimal("13.33")  # 800,000 / 60,000 inhabitants
    shares = overview["balance"]
    assert sum(b.euro_share for b in shares) == Decimal("100.0")
    assert sum(b.inhabitant_share for b in shares) == Decimal("100.0")
    assert shares[0].euro_share == Decimal("31.3")  # 500,000 of 1,600,000
    assert shares[0].inhabitant_share == Decimal("40.0")


def test_shares_must_add_up_to_100_and_be_complete(world, secretary):
    with pytest.raises(ValidationError, match="100"):
        outcome_entry_create(
            actor=secretary,
            title="x",
            kind=OutcomeKind.EU,
            amount=Decimal(1),
            year=2025,
            shares=[(world["a"], Decimal(50)), (world["b"], Decimal(40))],
        )
    with pytest.raises(ValidationError):
        outcome_entry_create(
            actor=secretary,
            title="x",
            kind=OutcomeKind.EU,
            amount=Decimal(1),
            year=2025,
            shares=[(world["a"], Decimal(100)), (world["b"], None)],
        )
    with pytest.raises(ValidationError):
        outcome_entry_create(
            actor=secretary, title="x", kind=OutcomeKind.EU, amount=Decimal(1), year=2025
        )
    assert not OutcomeEntry.objects.exists()


def test_public_page_hides_confidential_entries(client, world, secretary):
    outcome_entry_create(
        actor=secretary,
        title="Open",
        kind=OutcomeKind.EU,
        amount=Decimal(123_000),
        year=2024,
        shares=[(world["a"], None)],
    )
    outcome_entry_create(
        actor=secretary,
        title="Geheim",
        kind=OutcomeKind.NPVR,
        amount=Decimal(777_000),
        year=2027,
        shares=[(world["c"], None)],
        confidential=True,
    )
    page = client.get(reverse("netwerk:outcomes_public"))
    assert page.status_code == 200
    html = page.text
    assert 'role="img"' in html and "<title" in html and "<desc" in html
    assert "123.000" in html
    assert "777" not in html and "2027" not in html
    csv = client.get(reverse("netwerk:outcomes_public_csv")).content.decode()
    assert "2024" in csv and "123000,00" in csv
    assert "2027" not in csv and "777000" not in csv
    # The secretariat's list shows both.
    client.force_login(secretary)
    listing = client.get(reverse("netwerk:outcome_list")).text
    assert "Open" in listing and "Geheim" in listing


def test_balance_warning_past_the_norm_only(client, world, secretary):
    # North has 40 % of the inhabitants; give it 50 % of the euros: 10 points off.
    for name, town in (("N", world["a"]), ("Z", world["c"])):
        outcome_entry_create(
            actor=secretary,
            title=name,
            kind=OutcomeKind.EU,
            amount=Decimal(500_000),
            year=2025,
            shares=[(town, None)],
        )
    assert outcome_balance_warnings(user=secretary)["norm"] is None
    _norm(10)
    assert outcome_balance_warnings(user=secretary)["over"] == []
    client.force_login(secretary)
    page = client.get(reverse("gremia:balance")).text
    assert "Let op:" not in page
    _norm(9)
    warnings = outcome_balance_warnings(user=secretary)
    assert [b.subregion for b in warnings["over"]] == [world["north"], world["south"]]
    page = client.get(reverse("gremia:balance")).text
    assert "Let op:" in page
    assert "Noord: 50,0 % van de euro’s, 40,0 % van de inwoners" in page


def test_only_the_secretariat_edits(client, world, secretary):
    entry = outcome_entry_create(
        actor=secretary,
        title="Open",
        kind=OutcomeKind.EU,
        amount=Decimal(1000),
        year=2024,
        shares=[(world["a"], None)],
    )
    data = {"title": "Anders", "kind": OutcomeKind.EU, "amount": "2000", "year": "2024",
            "shares": "A = 100"}  # fmt: skip
    for role in (Role.ADMINISTRATOR, Role.CIVIL_SERVANT):
        client.force_login(UserFactory(roles=[role]))
        assert client.get(reverse("netwerk:outcome_list")).status_code == 404
        assert client.post(reverse("netwerk:outcome_create"), data).status_code == 404
        assert (
            client.post(reverse("netwerk:outcome_edit", args=[entry.pk]), data).status_code == 404
        )
    client.logout()
    assert client.post(reverse("netwerk:outcome_create"), data).status_code == 302
    assert OutcomeEntry.objects.count() == 1
    client.force_login(secretary)
    response = client.post(reverse("netwerk:outcome_edit", args=[entry.pk]), data)
    assert response.status_code == 302
    entry.refresh_from_db()
    assert (entry.title, entry.amount_cents) == ("Anders", 200_000)
    assert [(s.municipality, s.weight) for s in entry.shares.all()] == [(world["a"], 100)]
    assert AuditRecord.objects.filter(verb="outcome_entry_update").exists()
    bad = client.post(reverse("netwerk:outcome_create"), {**data, "shares": "Atlantis = 100"})
    assert bad.status_code == 400
    assert "geen gemeente van de regio" in bad.text


def test_entry_update_checks_the_places(world, secretary):
    entry = outcome_entry_create(
        actor=secretary,
        title="Open",
        kind=OutcomeKind.EU,
        amount=Decimal(1000),
        year=2024,
        shares=[(world["a"], None)],
    )
    with pytest.raises(ValidationError):
        outcome_entry_update(
            actor=secretary, entry=entry, subregion=world["north"], shares=[(world["a"], None)]
        )


def test_demo_outcomes_are_idempotent_and_warn_about_alkmaar(nhn_demo, client, secretary):
    assert OutcomeEntry.objects.count() == 11
    assert load_demo_regio_deal(report=LoadReport(), actor=secretary) == 0
    assert load_demo_outcomes(report=LoadReport(), actor=secretary) == 0
    overview = outcome_overview(public=True)
    assert {row.subregion.slug for row in overview["rows"]} >= {
        "kop-van-noord-holland",
        "west-friesland",
        "regio-alkmaar",
    }
    assert all(row.total > 0 for row in overview["rows"])
    assert overview["years"] == [2023, 2024, 2025, 2026]
    warnings = outcome_balance_warnings(user=secretary)
    assert warnings["norm"] == 10
    assert "regio-alkmaar" in {b.subregion.slug for b in warnings["over"]}
    client.force_login(secretary)
    page = client.get(reverse("gremia:balance")).text
    assert "Let op:" in page and "Regio Alkmaar:" in page
