"""Checks of uploaded files beyond their type: a PDF's structure is opened
with pikepdf and its active content removed before it is stored; every upload can be scanned
by clamd (`CLAMD_SOCKET`), failing closed when the scanner is configured but unreachable.

Used by the apps' upload checks (nhn_portal.core.uploads); knows no app.
"""

from __future__ import annotations

import io
import logging
import socket
import struct
from dataclasses import dataclass, field

import pikepdf
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

# Actions that run something: scripts, programs, imports and form submissions elsewhere.
ACTIVE_ACTIONS = {
    "/JavaScript",
    "/Launch",
    "/ImportData",
    "/SubmitForm",
    "/RichMediaExecute",
    "/Rendition",
    "/GoToE",
}
CHUNK = 64 * 1024


@dataclass
class CleanedPdf:
    upload: object
    removed: list[str] = field(default_factory=list)


def open_pdf(upload) -> pikepdf.Pdf:
    """The PDF's structure, or a ValidationError (content_mismatch) when it has none: a file
    that starts with %PDF- and continues as HTML is no PDF."""
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    try:
        pdf = pikepdf.open(io.BytesIO(data))
    except (pikepdf.PdfError, pikepdf.PasswordError, ValueError, OSError) as error:
        logger.info("Upload %s is not a readable PDF: %s", getattr(upload, "name", "?"), error)
        raise _not_a_pdf(upload) from error
    if not isinstance(pdf.Root, pikepdf.Dictionary) or pdf.Root.get("/Type") != "/Catalog":
        pdf.close()
        raise _not_a_pdf(upload)
    return pdf


def clean_pdf(upload) -> CleanedPdf:
    """Remove active content (JavaScript, OpenAction, additional actions, Launch and other
    actions that run something, embedded files, XFA forms). An unchanged PDF is returned as
    it came (its bytes and checksum stay the uploader's); a changed one is saved anew."""
    with open_pdf(upload) as pdf:
        removed = _strip_active_content(pdf)
        if not removed:
            return CleanedPdf(upload)
        out = io.BytesIO()
        pdf.save(out)
    cleaned = SimpleUploadedFile(upload.name, out.getvalue(), content_type="application/pdf")
    return CleanedPdf(cleaned, sorted(set(removed)))


def _strip_active_content(pdf: pikepdf.Pdf) -> list[str]:
    removed: list[str] = []
    root = pdf.Root
    for key in ("/OpenAction", "/AA"):
        if key in root:
            del root[key]
            removed.append(key)
    names = root.get("/Names")
    if isinstance(names, pikepdf.Dictionary):
        for key in ("/JavaScript", "/EmbeddedFiles"):
            if key in names:
                del names[key]
                removed.append(key)
    form = root.get("/AcroForm")
    if isinstance(form, pikepdf.Dictionary) and "/XFA" in form:
        del form["/XFA"]
        removed.append("/XFA")
    # Everywhere else (pages, annotations, form fields, outlines): additional actions, actions
    # that run something, and embedded file streams of file specifications.
    for obj in pdf.objects:
        if not isinstance(obj, pikepdf.Dictionary):
            continue
        if "/AA" in obj:
            del obj["/AA"]
            removed.append("/AA")
        for key in ("/A", "/Next"):
            action = obj.get(key)
            if isinstance(action, pikepdf.Dictionary) and _action(action) in ACTIVE_ACTIONS:
                del obj[key]
                removed.append(_action(action))
        if _action(obj) in ACTIVE_ACTIONS:
            for key in ("/JS", "/F", "/Win"):  # the script, the program to launch
                if key in obj:
                    del obj[key]
                    removed.append(_action(obj))
        if "/EF" in obj:  # a file specification's embedded file streams
            del obj["/EF"]
            removed.append("/EmbeddedFiles")
    return removed


def _action(obj: pikepdf.Dictionary) -> str:
    kind = obj.get("/S")
    return str(kind) if isinstance(kind, pikepdf.Name) else ""


def _not_a_pdf(upload) -> ValidationError:
    return ValidationError(
        _("The content of %(name)s does not match its extension .%(ext)s.")
        % {"name": upload.name, "ext": "pdf"},
        code="content_mismatch",
    )


# ---- Virus scan through clamd --------------------------------------------------------------


class ScannerUnavailable(Exception):
    """clamd is configured but cannot be reached or gives no answer."""


def clamd_scan(upload, *, socket_path: str, timeout: float) -> str | None:
    """Stream the file to clamd (the INSTREAM command over its unix socket); the signature's
    name when it found something, None when clean. ScannerUnavailable otherwise."""
    upload.seek(0)
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as conn:
            conn.settimeout(timeout)
            conn.connect(socket_path)
            conn.sendall(b"zINSTREAM\0")
            for chunk in iter(lambda: upload.read(CHUNK), b""):
                conn.sendall(struct.pack("!L", len(chunk)) + chunk)
            conn.sendall(struct.pack("!L", 0))
            reply = b""
            while not reply.endswith(b"\0"):
                part = conn.recv(4096)
                if not part:
                    break
                reply += part
    except OSError as error:
        raise ScannerUnavailable(str(error)) from error
    finally:
        upload.seek(0)
    answer = reply.rstrip(b"\0").decode("utf-8", "replace").strip()
    # "stream: OK", "stream: Eicar-Signature FOUND", "INSTREAM size limit exceeded. ERROR"
    if answer.endswith(" FOUND"):
        return answer.removeprefix("stream:").removesuffix(" FOUND").strip() or "?"
    if answer.endswith(": OK") or answer == "OK":
        return None
    raise ScannerUnavailable(answer or "no answer")


def scan_upload(upload) -> None:
    """Refuse an infected file, and every file while the configured scanner is unreachable
    (fail closed); nothing happens when `CLAMD_SOCKET` is not set."""
    socket_path = getattr(settings, "CLAMD_SOCKET", "")
    if not socket_path:
        return
    try:
        signature = clamd_scan(
            upload, socket_path=socket_path, timeout=getattr(settings, "CLAMD_TIMEOUT", 30)
        )
    except ScannerUnavailable as error:
        logger.error("Virus scanner unavailable, upload %s refused: %s", upload.name, error)
        raise ValidationError(
            _(
                "The file %(name)s could not be checked for viruses because the virus scanner "
                "cannot be reached; it was not stored. Try again later."
            )
            % {"name": upload.name},
            code="scanner_unavailable",
        ) from error
    if signature is not None:
        logger.warning("Virus %s found in upload %s; refused.", signature, upload.name)
        raise ValidationError(
            _("The file %(name)s contains a virus (%(signature)s) and was not stored.")
            % {"name": upload.name, "signature": signature},
            code="virus_found",
        )
