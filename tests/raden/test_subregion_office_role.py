"""The sub-region office as a role: a login of a sub-region office (its boundary spanner)
reads, without changing anything, the letters as the councils of its own municipalities
received them, never another sub-region's, and never a body's confidential things when it
does not sit at that table; the dashboard names the offices as the linking pins."""

import pytest
from django.urls import reverse

from raden.constants import Addressee
from raden.models.letters import CouncilLetterDelivery
from raden.selectors.offices import linking_pins, office_council_copies
from regiobureau.permissions import can_see_confidential
from tests.raden.test_companions import issued, offices  # noqa: F401 -- fixtures

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("celery_eager")]


def test_office_reads_its_own_municipalities_council_letters(client, region, issued, offices):  # noqa: F811
    _made, spanner, other = offices
    mine = office_council_copies(user=spanner)
    kop = region["Texel"].subregion_id
    assert mine and {copy.municipality.subregion_id for copy in mine} == {kop}
    assert {copy.addressee for copy in mine} == {Addressee.COUNCIL}
    assert (
        len(mine)
        == CouncilLetterDelivery.objects.filter(
            letter=issued, addressee=Addressee.COUNCIL, municipality__subregion_id=kop
        ).count()
    )
    hoorn = CouncilLetterDelivery.objects.get(
        letter=issued, municipality=region["Hoorn"], addressee=Addressee.COUNCIL
    )
    assert hoorn not in mine
    assert hoorn in office_council_copies(user=other)
    client.force_login(spanner)
    page = client.get(reverse("raden:office_copies"))
    assert page.status_code == 200
    assert page.context["council_copies"] == mine
    assert "Hoorn" not in {c.municipality.name for c in page.context["council_copies"]}
    # Read-only: a council's copy is the griffie's to handle, not the office's.
    own_council = mine[0]
    assert client.get(reverse("raden:delivery_detail", args=[own_council.pk])).status_code == 404


def test_office_sees_no_confidential_things_of_bodies_it_is_not_in(
    issued,  # noqa: F811
    offices,  # noqa: F811
    meeting_with_decision,
):
    _made, spanner, _other = offices
    assert not can_see_confidential(spanner, meeting_with_decision.body_id)


def test_others_are_not_a_sub_region_office(client, region, issued, offices):  # noqa: F811
    from tests.builders import griffie

    clerk = griffie(region["Hoorn"], email="griffie@hoorn.example.org")
    client.force_login(clerk)
    assert client.get(reverse("raden:office_copies")).status_code == 404


def test_dashboard_names_the_offices_as_linking_pins(client, secretary, issued, offices):  # noqa: F811
    made, spanner, _other = offices
    pins = linking_pins()
    kop = pins[made["Texel"].subregion_id]
    assert kop.office == made["Texel"] and spanner.person in kop.people
    client.force_login(secretary)
    page = client.get(reverse("raden:dashboard"))
    assert [pin.office for _subregion, pin in page.context["linking_pins"]] == sorted(
        made.values(), key=lambda office: office.subregion.name
    )
    assert str(spanner.person) in page.text


def test_office_to_dos_are_its_own_sub_regions(region, issued, offices):  # noqa: F811
    from raden.selectors.offices import office_todo_lines

    made, spanner, other = offices
    lines = office_todo_lines(spanner)
    texts = [str(line.text) for line in lines]
    kop_towns = [t for t, org in region.items() if org.subregion_id == region["Texel"].subregion_id]
    # Its own summary to forward, and the Kop's councils that have not confirmed receipt.
    assert any(issued.title in text and "griffies" in text for text in texts)
    assert len(lines) == 1 + len(kop_towns)
    assert not any("Hoorn" in text for text in texts)
    assert len(office_todo_lines(other)) == 1 + sum(
        1 for org in region.values() if org.subregion_id == region["Hoorn"].subregion_id
    )
