"""Stukken: checked by content and size, stored under generated names outside the web root,
every version kept with who/when/SHA-256."""

import datetime
import hashlib
import io
import zipfile
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from nhn_portal.core import uploads
from nhn_portal.core.constants import Role
from nhn_portal.core.models import AuditRecord
from regiobureau.constants import Confidentiality
from regiobureau.models.documents import Document, DocumentVersion
from regiobureau.services.documents import (
    document_add_version,
    document_set_confidentiality,
    document_upload,
)
from tests.builders import tiny_pdf
from tests.factories import AgendaItemFactory, MeetingFactory, UserFactory

pytestmark = pytest.mark.django_db

# A PDF with a page tree: a PDF is opened by its structure (pikepdf).
PDF = tiny_pdf()
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 32

CONTENT_TYPES_XML = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'
)


def ooxml(main_part: str) -> bytes:
    """A minimal Office Open XML package with one main part, e.g. "word/document.xml"."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES_XML)
        archive.writestr("_rels/.rels", "<Relationships/>")
        archive.writestr(main_part, "<document/>")
    return buffer.getvalue()


def odf(mimetype: str = "application/vnd.oasis.opendocument.text") -> bytes:
    """A minimal OpenDocument package: an uncompressed `mimetype` entry comes first."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", mimetype, compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", "<office:document-content/>", zipfile.ZIP_DEFLATED)
        archive.writestr("META-INF/manifest.xml", "<manifest/>", zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def plain_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notulen.txt", "Geen Word-document.")
    return buffer.getvalue()


def unsupported_compression_odt() -> bytes:
    """An ODT whose `mimetype` entry claims a compression method Python cannot read."""
    data = bytearray(odf())
    for signature, offset in ((b"PK\x03\x04", 8), (b"PK\x01\x02", 10)):
        start = data.index(signature)
        data[start + offset : start + offset + 2] = (99).to_bytes(2, "little")
    return bytes(data)


DOCX = ooxml("word/document.xml")
XLSX = ooxml("xl/workbook.xml")
PPTX = ooxml("ppt/presentation.xml")
ODT = odf()


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    # The browser's claimed type is deliberately wrong: only the bytes count.
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


def stored_files(root) -> list[Path]:
    root = Path(root)
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


@pytest.fixture
def item(db):
    return AgendaItemFactory(meeting=MeetingFactory(published=True))


def test_document_upload_stores_under_a_generated_name_with_checksum(
    item, secretary, media_root, settings
):
    document = document_upload(
        actor=secretary,
        item=item,
        title="",
        confidentiality=Confidentiality.PUBLIC,
        upload=upload("Rapport woondeal.pdf", PDF),
    )

    version = document.current_version
    assert version.number == 1
    assert version.sha256 == hashlib.sha256(PDF).hexdigest()
    assert version.size == len(PDF)
    assert version.uploaded_by == secretary
    assert version.original_name == "Rapport woondeal.pdf"
    assert version.content_type == "application/pdf"
    assert document.title == "Rapport woondeal"
    assert not version.arrived_late
    # Generated name: the uploader's name never reaches the disk.
    assert version.file.name.startswith(f"stukken/{document.pk}/")
    assert "Rapport" not in version.file.name
    assert "woondeal" not in version.file.name
    assert not version.file.name.endswith(".pdf")
    path = Path(version.file.path).resolve()
    assert path.is_relative_to(Path(media_root).resolve())
    for static_dir in [settings.STATIC_ROOT, *settings.STATICFILES_DIRS]:
        static_dir = static_dir[1] if isinstance(static_dir, tuple) else static_dir
        assert not path.is_relative_to(Path(static_dir).resolve())
    assert path.read_bytes() == PDF
    record = AuditRecord.objects.get(verb="document_upload")
    assert record.changes == {"sha256": hashlib.sha256(PDF).hexdigest(), "size": len(PDF)}


def test_two_uploads_with_the_same_name_get_different_files(item, secretary):
    first = document_upload(
        actor=secretary, item=item, title="A", confidentiality="", upload=upload("stuk.pdf", PDF)
    )
    second = document_upload(
        actor=secretary,
        item=item,
        title="B",
        confidentiality="",
        upload=upload("stuk.pdf", PDF + b"\n"),
    )
    assert first.current_version.file.name != second.current_version.file.name
    assert first.confidentiality == Confidentiality.PUBLIC


def test_a_new_version_becomes_current_and_keeps_the_old_one(item, secretary):
    document = document_upload(
        actor=secretary,
        item=item,
        title="Begroting",
        confidentiality=Confidentiality.CONFIDENTIAL,
        upload=upload("begroting.pdf", PDF),
    )
    old = document.current_version
    new_content = PDF + b"% herzien\n"
    other = UserFactory(roles=[Role.SECRETARY])

    version = document_add_version(
        actor=other, document=document, upload=upload("begroting-v2.xlsx", XLSX)
    )
    third = document_add_version(
        actor=secretary, document=document, upload=upload("begroting v3.pdf", new_content)
    )

    document.refresh_from_db()
    assert document.current_version == third
    assert [v.number for v in document.versions.order_by("number")] == [1, 2, 3]
    assert version.content_type == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert (old.uploaded_by, version.uploaded_by, third.uploaded_by) == (
        secretary,
        other,
        secretary,
    )
    assert third.sha256 == hashlib.sha256(new_content).hexdigest()
    # The earlier versions and their files are still there, unchanged.
    old.refresh_from_db()
    assert old.sha256 == hashlib.sha256(PDF).hexdigest()
    assert Path(old.file.path).read_bytes() == PDF
    assert Path(version.file.path).read_bytes() == XLSX
    assert AuditRecord.objects.filter(verb="document_add_version").count() == 2


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("agenda.pdf", b"<!DOCTYPE html><html><script>alert(1)</script></html>"),
        ("foto.png", JPEG),
        ("foto.jpg", PDF),
        ("notulen.docx", plain_zip()),
        ("begroting.docx", XLSX),
        ("tekst.docx", ODT),
        ("tekst.odt", DOCX),
        ("spreadsheet.odt", odf("application/vnd.oasis.opendocument.spreadsheet")),
        ("kapot.docx", b"PK\x03\x04" + b"\x00" * 60),
        ("kapot.odt", unsupported_compression_odt()),
        ("leeg.pdf", b""),
    ],
)
def test_content_that_does_not_match_the_extension_is_refused(item, secretary, name, content):
    with pytest.raises(ValidationError) as excinfo:
        document_upload(
            actor=secretary, item=item, title="", confidentiality="", upload=upload(name, content)
        )
    assert excinfo.value.code == "content_mismatch"
    assert not Document.objects.exists()
    assert not DocumentVersion.objects.exists()
    assert not AuditRecord.objects.exists()


@pytest.mark.parametrize("name", ["pagina.html", "script.exe", "zonder-extensie", "archief.zip"])
def test_types_outside_the_list_are_refused(item, secretary, name, media_root):
    with pytest.raises(ValidationError) as excinfo:
        document_upload(
            actor=secretary, item=item, title="", confidentiality="", upload=upload(name, PDF)
        )
    assert excinfo.value.code == "bad_extension"
    assert not Document.objects.exists()
    assert stored_files(media_root) == []


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("besluit.pdf", PDF, "application/pdf"),
        ("BESLUIT.PDF", PDF, "application/pdf"),
        (
            "voorstel.docx",
            DOCX,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        (
            "begroting.xlsx",
            XLSX,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
        (
            "presentatie.pptx",
            PPTX,
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        ),
        ("notitie.odt", ODT, "application/vnd.oasis.opendocument.text"),
        ("kaart.png", PNG, "image/png"),
        ("foto.jpg", JPEG, "image/jpeg"),
        ("foto.jpeg", JPEG, "image/jpeg"),
    ],
)
def test_accepted_types_by_content(item, secretary, name, content, content_type):
    document = document_upload(
        actor=secretary, item=item, title="", confidentiality="", upload=upload(name, content)
    )
    assert document.current_version.content_type == content_type
    assert Path(document.current_version.file.path).read_bytes() == content


def test_a_file_over_the_limit_is_refused(item, secretary, settings, media_root):
    settings.DOCUMENT_MAX_UPLOAD_BYTES = len(PDF) - 1
    with pytest.raises(ValidationError) as excinfo:
        document_upload(
            actor=secretary, item=item, title="", confidentiality="", upload=upload("a.pdf", PDF)
        )
    assert excinfo.value.code == "too_large"
    assert not Document.objects.exists()
    assert stored_files(media_root) == []

    settings.DOCUMENT_MAX_UPLOAD_BYTES = len(PDF)
    document_upload(
        actor=secretary, item=item, title="", confidentiality="", upload=upload("a.pdf", PDF)
    )
    assert Document.objects.count() == 1


def test_a_new_version_over_the_limit_keeps_the_current_one(item, secretary, settings):
    document = document_upload(
        actor=secretary, item=item, title="", confidentiality="", upload=upload("a.pdf", PDF)
    )
    settings.DOCUMENT_MAX_UPLOAD_BYTES = 10
    with pytest.raises(ValidationError):
        document_add_version(actor=secretary, document=document, upload=upload("a.pdf", PDF))
    document.refresh_from_db()
    assert document.current_version.number == 1
    assert document.versions.count() == 1


def test_default_limit_is_25_megabytes(settings):
    if hasattr(settings, "DOCUMENT_MAX_UPLOAD_BYTES"):
        del settings.DOCUMENT_MAX_UPLOAD_BYTES
    assert uploads.max_upload_bytes() == 25 * 1024 * 1024


@pytest.mark.parametrize(
    ("deadline_offset", "late"),
    [(-1, True), (0, False), (3, False)],
)
def test_late_arrival_is_flagged(secretary, deadline_offset, late):
    meeting = MeetingFactory(
        published=True,
        documents_deadline=timezone.localdate() + datetime.timedelta(days=deadline_offset),
    )
    item = AgendaItemFactory(meeting=meeting)
    document = document_upload(
        actor=secretary, item=item, title="", confidentiality="", upload=upload("a.pdf", PDF)
    )
    assert document.current_version.arrived_late is late
    version = document_add_version(actor=secretary, document=document, upload=upload("a.pdf", PDF))
    assert version.arrived_late is late


@pytest.mark.parametrize("status", ["afgerond", "geannuleerd"])
def test_no_uploads_to_a_closed_or_cancelled_meeting(secretary, status):
    item = AgendaItemFactory(meeting=MeetingFactory(status=status, cancel_reason="Geen quorum"))
    with pytest.raises(ValidationError):
        document_upload(
            actor=secretary, item=item, title="", confidentiality="", upload=upload("a.pdf", PDF)
        )
    assert not Document.objects.exists()


def test_set_confidentiality(item, secretary):
    document = document_upload(
        actor=secretary, item=item, title="", confidentiality="", upload=upload("a.pdf", PDF)
    )
    document_set_confidentiality(
        actor=secretary, document=document, confidentiality=Confidentiality.CONFIDENTIAL
    )
    assert Document.objects.get().is_confidential
    with pytest.raises(ValidationError):
        document_set_confidentiality(actor=secretary, document=document, confidentiality="geheim")
    assert Document.objects.get().confidentiality == Confidentiality.CONFIDENTIAL


def test_sniff_leaves_the_file_at_the_start():
    file = upload("a.docx", DOCX)
    file.read(5)
    assert uploads.sniff_type(file) is not None
    assert file.tell() == 0
    assert uploads.sha256_of(file) == hashlib.sha256(DOCX).hexdigest()
    assert file.tell() == 0
