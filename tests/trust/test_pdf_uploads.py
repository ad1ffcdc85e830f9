"""An uploaded PDF is opened by its structure (pikepdf) and stored without
active content; with CLAMD_SOCKET set every upload passes clamd first, and the upload is
refused (in Dutch) when the scanner finds something or cannot be reached."""

import hashlib
import io
import socket
import struct
import threading
from pathlib import Path

import pikepdf
import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from pikepdf import Array, Dictionary, Name, String

from nhn_portal.core import filecheck
from nhn_portal.core.models import AuditRecord
from regiobureau.constants import Confidentiality
from regiobureau.models.documents import Document, DocumentVersion
from regiobureau.services.documents import document_add_version, document_upload
from tests.builders import tiny_pdf
from tests.factories import AgendaItemFactory, MeetingFactory

pytestmark = pytest.mark.django_db

SCRIPT = b"app.alert"  # written as is (no parentheses to escape)
PROGRAM = b"cmd.exe /c calc"
PAYLOAD = b"MZ-evil-embedded-executable"
EICAR = b"X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"


def malicious_pdf() -> bytes:
    """One page with every kind of active content the cleaner must remove."""
    pdf = pikepdf.new()
    pdf.add_blank_page()
    script = pdf.make_indirect(Dictionary(S=Name.JavaScript, JS=String(SCRIPT.decode())))
    pdf.Root.OpenAction = script
    pdf.Root.AA = Dictionary(WC=script)
    embedded = pdf.make_stream(PAYLOAD)
    filespec = pdf.make_indirect(
        Dictionary(Type=Name.Filespec, F=String("evil.exe"), EF=Dictionary(F=embedded))
    )
    pdf.Root.Names = Dictionary(
        JavaScript=Dictionary(Names=Array([String("init"), script])),
        EmbeddedFiles=Dictionary(Names=Array([String("evil.exe"), filespec])),
    )
    pdf.Root.AcroForm = Dictionary(Fields=Array(), XFA=pdf.make_stream(b"<xdp:xdp>xfa</xdp:xdp>"))
    page = pdf.pages[0]
    page.obj.AA = Dictionary(O=script)
    launch = Dictionary(S=Name.Launch, F=String(PROGRAM.decode()))
    link = Dictionary(Type=Name.Annot, Subtype=Name.Link, Rect=Array([0, 0, 10, 10]), A=launch)
    attachment = Dictionary(
        Type=Name.Annot, Subtype=Name.FileAttachment, Rect=Array([0, 0, 5, 5]), FS=filespec
    )
    page.obj.Annots = Array([pdf.make_indirect(link), pdf.make_indirect(attachment)])
    out = io.BytesIO()
    pdf.save(out, compress_streams=False)
    return out.getvalue()


def upload(name, content):
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


@pytest.fixture
def item(db):
    return AgendaItemFactory(meeting=MeetingFactory(published=True))


def store(item, secretary, name, content):
    return document_upload(
        actor=secretary,
        item=item,
        title="",
        confidentiality=Confidentiality.PUBLIC,
        upload=upload(name, content),
    )


def stored_files(media_root) -> list[Path]:
    return [p for p in Path(media_root).rglob("*") if p.is_file()]


def test_the_malicious_pdf_really_carries_active_content():
    data = malicious_pdf()
    for needle in (SCRIPT, PROGRAM, PAYLOAD, b"/OpenAction", b"/XFA", b"/Launch"):
        assert needle in data


def test_active_content_is_removed_before_the_pdf_is_stored(item, secretary):
    document = store(item, secretary, "voorstel.pdf", malicious_pdf())
    version = document.current_version
    data = Path(version.file.path).read_bytes()
    for needle in (SCRIPT, PROGRAM, PAYLOAD, b"/OpenAction", b"/JavaScript", b"/Launch", b"/XFA"):
        assert needle not in data, needle
    with pikepdf.open(io.BytesIO(data)) as pdf:
        assert len(pdf.pages) == 1  # still the document
        for obj in pdf.objects:  # nothing left inside a (compressed) stream either
            if isinstance(obj, pikepdf.Stream):
                assert PAYLOAD not in obj.read_bytes() and SCRIPT not in obj.read_bytes()
        assert "/OpenAction" not in pdf.Root and "/AA" not in pdf.Root
        assert "/JavaScript" not in pdf.Root.Names
        assert "/EmbeddedFiles" not in pdf.Root.Names
        assert "/XFA" not in pdf.Root.AcroForm
        page = pdf.pages[0].obj
        assert "/AA" not in page
        assert all("/A" not in annot for annot in page.Annots)
    # The stored checksum and size are of the stored (cleaned) file; the audit says what went.
    assert version.sha256 == hashlib.sha256(data).hexdigest() and version.size == len(data)
    changes = AuditRecord.objects.get(verb="document_upload").changes
    assert {"/OpenAction", "/JavaScript", "/Launch", "/EmbeddedFiles", "/XFA", "/AA"} <= set(
        changes["removed_active_content"]
    )


def test_a_new_version_is_cleaned_too(item, secretary):
    document = store(item, secretary, "voorstel.pdf", tiny_pdf())
    version = document_add_version(
        actor=secretary, document=document, upload=upload("voorstel.pdf", malicious_pdf())
    )
    assert SCRIPT not in Path(version.file.path).read_bytes()


def test_a_clean_pdf_is_stored_byte_for_byte(item, secretary):
    content = tiny_pdf("schoon")
    document = store(item, secretary, "schoon.pdf", content)
    assert Path(document.current_version.file.path).read_bytes() == content
    assert "removed_active_content" not in AuditRecord.objects.get(verb="document_upload").changes


@pytest.mark.parametrize(
    "content",
    [
        b"%PDF-1.7\n<!DOCTYPE html><html><body><script>alert(1)</script></body></html>\n%%EOF",
        b"%PDF-1.4\n" + b"\x00" * 200,
        tiny_pdf()[:40],  # truncated
    ],
)
def test_a_file_that_only_starts_like_a_pdf_is_refused_and_nothing_is_stored(
    item, secretary, media_root, content
):
    with pytest.raises(ValidationError) as excinfo:
        store(item, secretary, "agenda.pdf", content)
    assert excinfo.value.code == "content_mismatch"
    with translation.override("nl"):
        assert "past niet bij de extensie" in excinfo.value.messages[0]
    assert not Document.objects.exists() and not DocumentVersion.objects.exists()
    assert stored_files(media_root) == []


def test_the_upload_page_shows_the_refusal_in_dutch(client, item, secretary, media_root):
    client.force_login(secretary)
    fake = upload("agenda.pdf", b"%PDF-1.7\n<html><script>alert(1)</script></html>")
    response = client.post(
        reverse("regiobureau:item_documents", args=[item.pk]),
        {"files": [fake], "confidentiality": Confidentiality.PUBLIC},
    )
    assert response.status_code == 400
    assert "past niet bij de extensie .pdf" in response.text
    assert not Document.objects.exists()
    assert stored_files(media_root) == []


# ---- clamd -----------------------------------------------------------------------------


class FakeClamd:
    """A clamd speaking INSTREAM on a unix socket in a thread: answers FOUND for the EICAR
    string, OK otherwise; records what it received."""

    def __init__(self, path: Path):
        self.path = str(path)
        self.received: list[bytes] = []
        self.server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.server.bind(self.path)
        self.server.listen(4)
        self.thread = threading.Thread(target=self.serve, daemon=True)
        self.thread.start()

    def serve(self):
        while True:
            try:
                conn, _ = self.server.accept()
            except OSError:
                return
            with conn:
                command = b""
                while not command.endswith(b"\0"):
                    command += conn.recv(1)
                assert command == b"zINSTREAM\0"
                data = b""
                while True:
                    (length,) = struct.unpack("!L", self._exactly(conn, 4))
                    if length == 0:
                        break
                    data += self._exactly(conn, length)
                self.received.append(data)
                if EICAR in data:
                    conn.sendall(b"stream: Eicar-Signature FOUND\0")
                else:
                    conn.sendall(b"stream: OK\0")

    @staticmethod
    def _exactly(conn, count):
        data = b""
        while len(data) < count:
            part = conn.recv(count - len(data))
            if not part:
                raise OSError("closed")
            data += part
        return data

    def close(self):
        self.server.close()


@pytest.fixture
def clamd(settings, tmp_path):
    server = FakeClamd(tmp_path / "clamd.sock")
    settings.CLAMD_SOCKET = server.path
    settings.CLAMD_TIMEOUT = 5
    yield server
    server.close()


def test_a_clean_file_passes_the_scanner_and_is_stored(item, secretary, clamd):
    content = tiny_pdf("gescand")
    document = store(item, secretary, "gescand.pdf", content)
    assert clamd.received == [content]
    assert Path(document.current_version.file.path).read_bytes() == content


def test_an_infected_file_is_refused_in_dutch_and_nothing_is_stored(
    item, secretary, clamd, media_root
):
    infected = tiny_pdf().replace(b"%%EOF", b"% " + EICAR + b"\n%%EOF")
    with pytest.raises(ValidationError) as excinfo:
        store(item, secretary, "besmet.pdf", infected)
    assert excinfo.value.code == "virus_found"
    with translation.override("nl"):
        message = excinfo.value.messages[0]
    assert "bevat een virus" in message and "Eicar-Signature" in message
    assert not Document.objects.exists()
    assert stored_files(media_root) == []


def test_a_configured_scanner_that_cannot_be_reached_refuses_every_upload(
    item, secretary, settings, tmp_path, media_root
):
    settings.CLAMD_SOCKET = str(tmp_path / "geen-clamd.sock")
    with pytest.raises(ValidationError) as excinfo:
        store(item, secretary, "stuk.pdf", tiny_pdf())
    assert excinfo.value.code == "scanner_unavailable"
    with translation.override("nl"):
        assert "virusscanner" in excinfo.value.messages[0]
    assert not Document.objects.exists()
    assert stored_files(media_root) == []


def test_without_a_configured_scanner_nothing_is_scanned(item, secretary, settings, monkeypatch):
    settings.CLAMD_SOCKET = ""
    monkeypatch.setattr(
        filecheck, "clamd_scan", lambda *a, **k: pytest.fail("scanned without CLAMD_SOCKET")
    )
    assert store(item, secretary, "stuk.pdf", tiny_pdf()).current_version is not None
