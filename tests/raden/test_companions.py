"""Colleges and sub-region offices informed: a council letter with a
collegebrief and a sub-region summary goes, through the same pipeline, to the 17 colleges and
the sub-region offices (a PDF and a delivery status per addressee); the griffie sees only its
council's copy; the sub-region office (its boundary spanner) sees its summary and its
colleges' copies, another office none of them."""

import pytest
from django.core import mail
from django.urls import reverse

from nhn_portal.core.constants import Role
from raden.constants import Addressee, DeliveryStatus
from raden.models.letters import CouncilLetterDelivery
from raden.services.composing import (
    council_letter_adopt,
    council_letter_correct,
    council_letter_update,
)
from raden.services.issuing import council_letter_issue
from tests.builders import griffie, letter_for
from tests.factories import OrganisationFactory, PersonFactory, UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("celery_eager")]


@pytest.fixture
def offices(region):
    """The three sub-region offices, and a login of the Kop's office (its boundary spanner)."""
    made = {}
    for town in ("Texel", "Hoorn", "Alkmaar"):
        subregion = region[town].subregion
        made[town] = OrganisationFactory(
            name=f"Bureau {subregion.name}",
            slug=f"bureau-{subregion.slug}",
            kind="subregionaal_bureau",
            subregion=subregion,
        )
    spanner = UserFactory(roles=[Role.CIVIL_SERVANT], email="grensverkenner@kop.example.org")
    PersonFactory(user=spanner, organisation=made["Texel"])
    other = UserFactory(roles=[Role.CIVIL_SERVANT], email="grensverkenner@wf.example.org")
    PersonFactory(user=other, organisation=made["Hoorn"])
    return made, spanner, other


@pytest.fixture
def issued(secretary, meeting_with_decision, region, offices, fake_render,
           django_capture_on_commit_callbacks):  # fmt: skip
    letter = letter_for(meeting_with_decision, secretary, region, adopt=False)
    council_letter_update(
        actor=secretary,
        letter=letter,
        title=letter.title,
        intro=letter.intro,
        contact_person=letter.contact_person,
        college_text="Het college wordt gevraagd de raad te ondersteunen.",
        subregion_summary="Samenvatting voor de grensverkenner.",
    )
    council_letter_adopt(actor=secretary, letter=letter)
    griffie(region["Texel"])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        council_letter_issue(actor=secretary, letter=letter)
    return letter


def test_every_addressee_gets_its_own_copy_through_the_pipeline(issued):
    copies = CouncilLetterDelivery.objects.filter(letter=issued).select_related("document")
    by_addressee = {}
    for copy in copies:
        by_addressee.setdefault(copy.addressee, []).append(copy)
    assert len(by_addressee[Addressee.COUNCIL]) == 17
    assert len(by_addressee[Addressee.COLLEGE]) == 17
    assert len(by_addressee[Addressee.SUBREGION_OFFICE]) == 3
    assert all(c.status == DeliveryStatus.AVAILABLE for c in copies)
    college = by_addressee[Addressee.COLLEGE][0]
    assert college.document.title.startswith("Collegebrief ")
    assert college.document.audience == f"college:{college.municipality.slug}"
    office = by_addressee[Addressee.SUBREGION_OFFICE][0]
    assert office.document.title.startswith("Samenvatting ")
    # Only the council's griffie is mailed (once), not for the college's copy.
    assert [m.to for m in mail.outbox] == [["griffie@gemeente-texel.example.org"]]


def test_the_griffie_sees_only_its_councils_copy(client, region, issued):
    clerk = griffie(region["Texel"], email="tweede@gemeente-texel.example.org")
    client.force_login(clerk)
    page = client.get(reverse("raden:index"))
    council = CouncilLetterDelivery.objects.get(
        letter=issued, municipality=region["Texel"], addressee=Addressee.COUNCIL
    )
    college = CouncilLetterDelivery.objects.get(
        letter=issued, municipality=region["Texel"], addressee=Addressee.COLLEGE
    )
    assert reverse("raden:delivery_detail", args=[council.pk]) in page.text
    assert reverse("raden:delivery_detail", args=[college.pk]) not in page.text
    assert client.get(reverse("raden:delivery_detail", args=[college.pk])).status_code == 404
    assert client.get(reverse("raden:office_copies")).status_code == 404


def test_the_sub_region_office_sees_its_summary_and_its_colleges(client, region, issued, offices):
    made, spanner, other = offices
    client.force_login(spanner)
    page = client.get(reverse("raden:office_copies"))
    assert page.status_code == 200
    mine = CouncilLetterDelivery.objects.get(letter=issued, municipality=made["Texel"])
    hoorn_office = CouncilLetterDelivery.objects.get(letter=issued, municipality=made["Hoorn"])
    texel_college = CouncilLetterDelivery.objects.get(
        letter=issued, municipality=region["Texel"], addressee=Addressee.COLLEGE
    )
    hoorn_college = CouncilLetterDelivery.objects.get(
        letter=issued, municipality=region["Hoorn"], addressee=Addressee.COLLEGE
    )
    listed = page.context["copies"]
    assert mine in listed and texel_college in listed
    assert hoorn_office not in listed and hoorn_college not in listed
    assert len(listed) == 1 + 4  # its summary and the four colleges of the Kop
    download = client.get(reverse("raden:office_copy_download", args=[mine.pk]))
    assert download.status_code == 200
    mine.refresh_from_db()
    assert mine.status == DeliveryStatus.DOWNLOADED and mine.downloaded_by == spanner
    assert (
        client.get(reverse("raden:office_copy_download", args=[hoorn_office.pk])).status_code == 404
    )
    # The overview leads the spanner there.
    overview = client.get("/")
    assert reverse("raden:office_copies") in overview.text
    # Another office sees its own only.
    client.force_login(other)
    assert client.get(reverse("raden:office_copy_download", args=[mine.pk])).status_code == 404


def test_dashboard_and_letter_page_keep_the_councils_apart(client, secretary, issued):
    client.force_login(secretary)
    dashboard = client.get(reverse("raden:dashboard"))
    row = dashboard.context["dashboard"].rows[0]
    assert sum(len(cells) for _subregion, cells in row.groups) == 17
    assert sum(row.counts.values()) == 17
    detail = client.get(reverse("raden:letter_detail", kwargs={"pk": issued.pk}))
    assert len(detail.context["deliveries"]) == 17
    assert len(detail.context["other_copies"]) == 20
    assert "Colleges en basisregiobureaus" in detail.text


def test_a_correction_keeps_the_companions(secretary, issued):
    revision = council_letter_correct(actor=secretary, letter=issued)
    assert revision.college_text == issued.college_text
    assert revision.subregion_summary == issued.subregion_summary
