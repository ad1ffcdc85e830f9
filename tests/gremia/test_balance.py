"""The balance figures on a hand-computed case (governance report: keep the central
municipalities from dominating the leading positions; triple-helix representation)."""

import datetime
from decimal import Decimal

import pytest

from gremia.constants import MembershipRole, Sector
from gremia.selectors.balance import (
    balance_overview,
    body_balance,
    body_balance_from_memberships,
    subregion_list,
)
from gremia.selectors.registry import body_memberships
from tests.factories import (
    BodyFactory,
    MembershipFactory,
    OrganisationFactory,
    PersonFactory,
    SubregionFactory,
)

pytestmark = pytest.mark.django_db


def seat(body, organisation, **kwargs):
    return MembershipFactory(body=body, person=PersonFactory(organisation=organisation), **kwargs)


@pytest.fixture
def case():
    """5 seats: 3 government across 2 sub-regions, 1 business, 1 education; 2 chairs, 1 central.

    Not counted: a substitute, a secretary, an adviser, an ended seat, a future seat.
    """
    kop = SubregionFactory(name="Kop", slug="kop")
    west = SubregionFactory(name="West", slug="west")
    SubregionFactory(name="Zuid", slug="zuid")  # no seats here: shown as 0
    central = OrganisationFactory(subregion=kop, central=True)
    kop_other = OrganisationFactory(subregion=kop)
    west_other = OrganisationFactory(subregion=west)
    business = OrganisationFactory(business=True)
    education = OrganisationFactory(education=True)
    body = BodyFactory(name="Platform Proef")
    seat(body, central, role=MembershipRole.CHAIR)
    seat(body, kop_other)
    seat(body, west_other)
    seat(body, business, role=MembershipRole.CHAIR)
    seat(body, education)
    seat(body, central, role=MembershipRole.SUBSTITUTE)
    seat(body, central, role=MembershipRole.SECRETARY)
    seat(body, business, role=MembershipRole.ADVISER)
    seat(body, west_other, end=datetime.date(2025, 12, 31))
    seat(body, west_other, start=datetime.date(2099, 1, 1))
    return body


def shares(items):
    return {share.label: (share.count, share.total, share.percentage) for share in items}


def test_body_balance_hand_computed(case):
    balance = body_balance(body=case)

    assert balance.seats == 5
    assert shares(balance.by_sector) == {
        str(Sector.GOVERNMENT.label): (3, 5, Decimal("60.0")),
        str(Sector.BUSINESS.label): (1, 5, Decimal("20.0")),
        str(Sector.EDUCATION.label): (1, 5, Decimal("20.0")),
    }
    by_region = [(s.count, s.percentage) for s in balance.by_subregion]
    labels = [s.label for s in balance.by_subregion]
    assert labels[:3] == ["Kop", "West", "Zuid"]
    assert by_region == [
        (2, Decimal("40.0")),
        (1, Decimal("20.0")),
        (0, Decimal("0.0")),
        (2, Decimal("40.0")),  # region-wide: business and education have no sub-region
    ]
    assert (balance.chairs, balance.chairs_central, balance.chairs_other) == (2, 1, 1)
    assert [(s.count, s.percentage) for s in balance.chair_shares] == [
        (1, Decimal("50.0")),
        (1, Decimal("50.0")),
    ]


def test_balance_from_loaded_memberships_equals_the_database_figures(case):
    current = body_memberships(body=case)["current"]
    from_memory = body_balance_from_memberships(memberships=current, subregions=subregion_list())
    assert from_memory == body_balance(body=case)


def test_overview_adds_up_bodies_and_skips_dissolved_ones(case):
    other = BodyFactory(name="Stuurgroep Proef", steering_group=True)
    seat(other, OrganisationFactory(subregion=case.memberships.first().organisation.subregion))
    dissolved = BodyFactory(dissolved=True)
    MembershipFactory(body=dissolved)

    overview = balance_overview()

    per_body = {body.name: balance for body, balance in overview["bodies"]}
    assert set(per_body) == {"Platform Proef", "Stuurgroep Proef"}
    assert per_body["Platform Proef"].seats == 5
    assert per_body["Stuurgroep Proef"].seats == 1
    total = overview["total"]
    assert total.seats == 6
    assert shares(total.by_sector)[str(Sector.GOVERNMENT.label)] == (4, 6, Decimal("66.7"))
    assert (total.chairs, total.chairs_central) == (2, 1)


def test_balance_of_an_empty_body_is_all_zero():
    balance = body_balance(body=BodyFactory())
    assert balance.seats == 0
    assert all(share.percentage == 0 for share in balance.by_sector)
    assert (balance.chairs, balance.chairs_central) == (0, 0)


def test_balance_queries_do_not_grow_with_bodies(django_assert_num_queries, case):
    with django_assert_num_queries(2):
        body_balance(body=case)
    for _ in range(5):
        seat(BodyFactory(), OrganisationFactory())
    with django_assert_num_queries(3):
        balance_overview()
