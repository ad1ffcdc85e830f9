"""Request limits and "bad input": a request over MAX_REQUEST_SIZE or with more
files than DATA_UPLOAD_MAX_NUMBER_FILES is refused with a Dutch 413 page before any view
runs; nothing is stored. An oversized or malformed single upload gets a Dutch form error."""

from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from regiobureau.constants import Confidentiality
from regiobureau.models.documents import Document, DocumentVersion
from tests.builders import tiny_pdf
from tests.factories import AgendaItemFactory, MeetingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def item(db):
    return AgendaItemFactory(meeting=MeetingFactory(published=True))


def stored_files(media_root) -> list[Path]:
    return [p for p in Path(media_root).rglob("*") if p.is_file()]


def post_files(client, item, files):
    return client.post(
        reverse("regiobureau:item_documents", args=[item.pk]),
        {"files": files, "confidentiality": Confidentiality.PUBLIC},
    )


def pdfs(count, size=0):
    return [
        SimpleUploadedFile(f"stuk-{n}.pdf", tiny_pdf(f"{n}" + "x" * size), "application/pdf")
        for n in range(count)
    ]


def test_the_defaults_are_60_megabytes_and_20_files():
    assert django_settings.MAX_REQUEST_SIZE == 60 * 1024 * 1024
    assert django_settings.DATA_UPLOAD_MAX_NUMBER_FILES == 20


def test_a_request_over_the_size_limit_is_refused_in_dutch_and_nothing_is_stored(
    client, item, secretary, settings, media_root
):
    settings.MAX_REQUEST_SIZE = 20_000
    client.force_login(secretary)
    response = post_files(client, item, pdfs(2, size=15_000))
    assert response.status_code == 413
    assert "het portaal neemt per keer hoogstens" in response.text
    assert "Er is niets opgeslagen" in response.text
    assert not Document.objects.exists() and not DocumentVersion.objects.exists()
    assert stored_files(media_root) == []


def test_too_many_files_are_refused_in_dutch_and_nothing_is_stored(
    client, item, secretary, settings, media_root
):
    settings.DATA_UPLOAD_MAX_NUMBER_FILES = 3
    client.force_login(secretary)
    response = post_files(client, item, pdfs(4))
    assert response.status_code == 413
    assert "U kunt hoogstens 3 bestanden tegelijk versturen" in response.text
    assert not Document.objects.exists()
    assert stored_files(media_root) == []


def test_within_the_limits_the_upload_goes_through(client, item, secretary, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FILES = 3
    client.force_login(secretary)
    response = post_files(client, item, pdfs(3))
    assert response.status_code == 302
    assert Document.objects.count() == 3


def test_an_oversized_single_file_gets_a_dutch_form_error_and_nothing_is_stored(
    client, item, secretary, settings, media_root
):
    settings.DOCUMENT_MAX_UPLOAD_BYTES = 1000
    client.force_login(secretary)
    response = post_files(client, item, pdfs(1, size=2000))
    assert response.status_code == 400
    assert "het maximum is" in response.text
    assert not Document.objects.exists()
    assert stored_files(media_root) == []


@pytest.mark.parametrize(
    ("name", "content", "dutch"),
    [
        ("nota.pdf", b"%PDF-1.7\n<html><script>alert(1)</script></html>", "past niet bij"),
        ("nota.docx", b"PK\x03\x04" + b"\x00" * 60, "past niet bij"),
        ("nota.exe", tiny_pdf(), "worden niet geaccepteerd"),
    ],
)
def test_a_malformed_upload_gets_a_dutch_form_error_and_nothing_is_stored(
    client, item, secretary, media_root, name, content, dutch
):
    client.force_login(secretary)
    response = post_files(client, item, [SimpleUploadedFile(name, content)])
    assert response.status_code == 400
    assert name in response.text
    assert dutch in response.text
    assert not Document.objects.exists()
    assert stored_files(media_root) == []
