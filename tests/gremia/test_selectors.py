"""The registry's read side: active bodies, the governance map, memberships."""

import datetime

import pytest

from gremia.constants import BodyKind
from gremia.selectors.registry import (
    body_list_active,
    body_memberships,
    governance_map,
    organisation_list_by_subregion,
    organisation_memberships,
)
from tests.factories import BodyFactory, MembershipFactory, OrganisationFactory, ThemeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def structure():
    """The base model in miniature: werkgroep → directeurenoverleg → platform → stuurgroep,
    opdrachtgeversoverleg → stuurgroep, plus a regio-overleg."""
    wonen = ThemeFactory(name="Wonen", slug="wonen")
    stuurgroep = BodyFactory(name="Stuurgroep", steering_group=True)
    platform = BodyFactory(name="Platform Wonen", theme=wonen, prepares=stuurgroep)
    directors = BodyFactory(
        name="Directeurenoverleg Wonen", kind=BodyKind.DIRECTORS, theme=wonen, prepares=platform
    )
    group = BodyFactory(name="Werkgroep Wonen", working_group=True, theme=wonen, prepares=directors)
    principals = BodyFactory(
        name="Opdrachtgeversoverleg", kind=BodyKind.PRINCIPALS, prepares=stuurgroep
    )
    regio = BodyFactory(name="Regio-overleg", kind=BodyKind.REGIONAL_MEETING)
    return locals()


def names(nodes):
    return [node.body.name for node in nodes]


def test_governance_map_rows_follow_the_administrative_line(structure):
    result = governance_map()

    assert [row.node.body.name for row in result["rows"]] == [
        "Stuurgroep",
        "Platform Wonen",
        "Regio-overleg",
    ]
    stuurgroep, platform, regio = result["rows"]
    assert names(stuurgroep.civil_service) == ["Opdrachtgeversoverleg"]
    assert names(platform.civil_service) == ["Directeurenoverleg Wonen"]
    assert names(platform.civil_service[0].preparers) == ["Werkgroep Wonen"]
    assert platform.node.prepares == structure["stuurgroep"]
    assert regio.civil_service == []
    assert result["unattached"] == []
    assert result["count"] == 6


def test_dissolved_body_is_hidden_and_a_new_one_appears(structure):
    structure["directors"].dissolved_on = datetime.date(2025, 6, 1)
    structure["directors"].save()
    BodyFactory(name="Platform Energie", prepares=structure["stuurgroep"])

    result = governance_map()

    rows = [row.node.body.name for row in result["rows"]]
    assert "Platform Energie" in rows
    platform = next(row for row in result["rows"] if row.node.body.name == "Platform Wonen")
    assert platform.civil_service == []
    # The working group now prepares a hidden body: it is listed apart, not lost.
    assert names(result["unattached"]) == ["Werkgroep Wonen"]
    assert result["unattached"][0].prepares is None


def test_body_dissolved_in_the_future_is_still_active():
    BodyFactory(name="Nog even", dissolved_on=datetime.date(2099, 1, 1))
    assert [b.name for b in body_list_active()] == ["Nog even"]


def test_governance_map_is_one_query(django_assert_num_queries, structure):
    with django_assert_num_queries(1):
        governance_map()


def test_body_memberships_split_current_and_past_chair_first():
    body = BodyFactory()
    member = MembershipFactory(body=body)
    chair = MembershipFactory(body=body, chair=True)
    past = MembershipFactory(body=body, ended=True)
    future = MembershipFactory(body=body, start=datetime.date(2099, 1, 1))

    result = body_memberships(body=body)

    assert result["current"] == [chair, member]
    assert result["past"] == [past]
    assert future not in result["current"] + result["past"]


def test_organisation_memberships_only_current_in_active_bodies():
    organisation = OrganisationFactory()
    current = MembershipFactory(organisation=organisation, person__organisation=organisation)
    MembershipFactory(organisation=organisation, person__organisation=organisation, ended=True)
    MembershipFactory(organisation=organisation, body=BodyFactory(dissolved=True), ended=True)

    assert organisation_memberships(organisation=organisation) == [current]


def test_organisations_grouped_by_subregion_with_seat_counts():
    organisation = OrganisationFactory(name="Gemeente A")
    MembershipFactory(person__organisation=organisation)
    partner = OrganisationFactory(name="Partner B", business=True)

    groups = organisation_list_by_subregion()

    assert [g["subregion"] for g in groups] == [organisation.subregion, None]
    assert groups[0]["organisations"][0].current_memberships == 1
    assert groups[1]["organisations"] == [partner]
