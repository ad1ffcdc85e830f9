"""The Regio Deal showcase: the facts of the report, approved projects only,
a review step by a second person, pictures checked (an image, within the size limit, alt text
required), resized with Pillow and re-encoded; nothing stored half."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.translation import override
from PIL import Image

from netwerk.constants import IMAGE_MAX_SIDE, ProgrammeLine, ReviewState
from netwerk.models.regio_deal import ProjectImage
from netwerk.services.regio_deal import (
    project_image_add,
    regio_deal_project_create,
    regio_deal_project_review,
    regio_deal_project_submit,
)
from nhn_portal.core.constants import Role
from tests.factories import OrganisationFactory, SubregionFactory, UserFactory

pytestmark = pytest.mark.django_db


def png(width=40, height=30) -> SimpleUploadedFile:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (200, 30, 30)).save(out, format="PNG")
    return SimpleUploadedFile("foto.png", out.getvalue(), content_type="image/png")


@pytest.fixture
def project(secretary):
    kop = SubregionFactory(name="Kop van Noord-Holland", slug="kop")
    den_helder = OrganisationFactory(name="Gemeente Den Helder", slug="den-helder", subregion=kop)
    return regio_deal_project_create(
        actor=secretary,
        title="Praktijkleren in de Kop",
        line=ProgrammeLine.LEARNING,
        summary="Leerlingen leren in de bedrijven van de regio.",
        municipalities=[den_helder],
    )


@pytest.fixture
def reviewer(db):
    return UserFactory(roles=[Role.SECRETARY])


def test_review_by_a_second_person_puts_the_project_in_the_window(
    client, project, secretary, reviewer
):
    assert "Praktijkleren" not in client.get(reverse("netwerk:regio_deal")).text
    regio_deal_project_submit(actor=secretary, project=project)
    with pytest.raises(ValidationError):
        regio_deal_project_review(actor=secretary, project=project, approve=True)
    assert "Praktijkleren" not in client.get(reverse("netwerk:regio_deal")).text
    regio_deal_project_review(actor=reviewer, project=project, approve=True)
    project.refresh_from_db()
    assert project.review_state == ReviewState.APPROVED and project.approved_by == reviewer
    page = client.get(reverse("netwerk:regio_deal"))
    assert page.status_code == 200
    assert "Praktijkleren in de Kop" in page.text
    assert "2025" in page.text and "2029" in page.text
    assert "65 miljoen" in page.text and "32,5 miljoen" in page.text
    assert "eigen stichting" in page.text
    for line in ["Beter Leren", "Beter Leven", "Beter Werken"]:
        assert line in page.text
    assert "Kop van Noord-Holland" in page.text  # per sub-region


def test_picture_is_resized_reencoded_and_served_only_when_approved(
    client, project, secretary, reviewer
):
    picture = project_image_add(
        actor=secretary,
        project=project,
        upload=png(3200, 1600),
        alt_text="Leerlingen in de werkplaats",
    )
    assert (picture.width, picture.height) == (IMAGE_MAX_SIDE, IMAGE_MAX_SIDE // 2)
    with Image.open(picture.image) as stored:
        assert stored.format == "JPEG"
        assert stored.size == (IMAGE_MAX_SIDE, IMAGE_MAX_SIDE // 2)
    url = reverse("netwerk:regio_deal_image", args=[picture.pk])
    assert client.get(url).status_code == 404  # a draft's picture is not public
    regio_deal_project_submit(actor=secretary, project=project)
    regio_deal_project_review(actor=reviewer, project=project, approve=True)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    page = client.get(reverse("netwerk:regio_deal")).text
    assert 'alt="Leerlingen in de werkplaats"' in page


@pytest.mark.parametrize(
    "upload, alt, field, dutch",
    [
        (
            SimpleUploadedFile("foto.png", b"geen plaatje", content_type="image/png"),
            "Iets",
            "image",
            "geen afbeelding",
        ),
        (None, "   ", "alt_text", "Beschrijf de afbeelding"),
    ],
)
def test_bad_pictures_are_refused_and_nothing_is_stored(
    project, secretary, upload, alt, field, dutch
):
    with override("nl"), pytest.raises(ValidationError) as caught:
        project_image_add(actor=secretary, project=project, upload=upload or png(), alt_text=alt)
    assert field in caught.value.error_dict
    with override("nl"):
        assert dutch in " ".join(caught.value.messages)
    assert not ProjectImage.objects.exists()


def test_a_picture_over_the_size_limit_is_refused(project, secretary, monkeypatch):
    monkeypatch.setattr("netwerk.services.regio_deal.IMAGE_MAX_BYTES", 100)
    with pytest.raises(ValidationError) as caught:
        project_image_add(actor=secretary, project=project, upload=png(400, 400), alt_text="Groot")
    assert "image" in caught.value.error_dict
    assert not ProjectImage.objects.exists()


def test_pages_for_the_secretariat_and_the_upload_form(client, project, secretary, outsider):
    client.force_login(outsider)
    assert client.get(reverse("netwerk:project_list")).status_code == 404
    assert client.get(project.get_absolute_url()).status_code == 404
    client.force_login(secretary)
    assert client.get(reverse("netwerk:project_list")).status_code == 200
    response = client.post(
        reverse("netwerk:project_image_add", args=[project.pk]),
        {"upload": SimpleUploadedFile("x.jpg", b"tekst"), "alt_text": "Iets"},
    )
    assert response.status_code == 400
    assert "geen afbeelding" in response.text
    response = client.post(
        reverse("netwerk:project_image_add", args=[project.pk]),
        {"upload": png(), "alt_text": "Een werkplaats"},
    )
    assert response.status_code == 302
    assert ProjectImage.objects.count() == 1
