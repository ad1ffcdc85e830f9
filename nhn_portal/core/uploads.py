"""Checks an uploaded stuk by its content, not only by its name (bad input is refused); a
PDF by its structure, cleaned of active content, and every file by the virus scanner when one
is configured (nhn_portal.core.filecheck)."""

import hashlib
import zipfile
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from . import filecheck

PDF = "application/pdf"

DEFAULT_MAX_UPLOAD_BYTES = 25 * 1024 * 1024

_OOXML_PARTS = {
    "docx": "word/",
    "xlsx": "xl/",
    "pptx": "ppt/",
}


# The kinds of stuk the portal accepts. extension → the MIME types detected from the content.
ALLOWED_UPLOAD_TYPES = {
    "pdf": {"application/pdf"},
    "docx": {"application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
    "xlsx": {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
    "pptx": {"application/vnd.openxmlformats-officedocument.presentationml.presentation"},
    "odt": {"application/vnd.oasis.opendocument.text"},
    "png": {"image/png"},
    "jpg": {"image/jpeg"},
    "jpeg": {"image/jpeg"},
}


def max_upload_bytes() -> int:
    return getattr(settings, "DOCUMENT_MAX_UPLOAD_BYTES", DEFAULT_MAX_UPLOAD_BYTES)


def sniff_type(upload) -> str | None:
    """The MIME type the bytes say, for the types we accept; None for anything else."""
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return "application/pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith(b"PK\x03\x04"):
        return _sniff_zip(upload)
    return None


def _sniff_zip(upload) -> str | None:
    try:
        with zipfile.ZipFile(upload) as archive:
            names = archive.namelist()
            if "mimetype" in names:
                mimetype = archive.read("mimetype").decode("ascii", "replace").strip()
                if mimetype == "application/vnd.oasis.opendocument.text":
                    return mimetype
                return None
            if "[Content_Types].xml" not in names:
                return None
            for ext, prefix in _OOXML_PARTS.items():
                if any(name.startswith(prefix) for name in names):
                    return next(iter(ALLOWED_UPLOAD_TYPES[ext]))
    except (zipfile.BadZipFile, NotImplementedError, RuntimeError, OSError, EOFError, ValueError):
        # A damaged, encrypted or oddly compressed archive is refused like any mismatch,
        # never a server error (RuntimeError: encrypted; NotImplementedError: compression).
        return None
    finally:
        upload.seek(0)
    return None


def validate_upload(upload) -> str:
    """Refuse files over the size limit or whose content does not match the extension.

    Returns the detected MIME type.
    """
    limit = max_upload_bytes()
    if upload.size > limit:
        raise ValidationError(
            _("The file %(name)s is %(size)s; the limit is %(limit)s.")
            % {
                "name": upload.name,
                "size": filesizeformat(upload.size),
                "limit": filesizeformat(limit),
            },
            code="too_large",
        )
    extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
    allowed = ALLOWED_UPLOAD_TYPES.get(extension)
    if allowed is None:
        raise ValidationError(
            _(
                "Files of type .%(ext)s are not accepted. "
                "Use PDF, DOCX, XLSX, PPTX, ODT, PNG or JPG."
            )
            % {"ext": extension or "?"},
            code="bad_extension",
        )
    detected = sniff_type(upload)
    if detected not in allowed:
        raise ValidationError(
            _("The content of %(name)s does not match its extension .%(ext)s.")
            % {"name": upload.name, "ext": extension},
            code="content_mismatch",
        )
    if detected == PDF:
        filecheck.open_pdf(upload).close()  # the first bytes are not enough: the structure
    return detected


@dataclass
class CheckedUpload:
    """An upload ready to store: its type, the file to store (a PDF cleaned of active
    content) and what was removed."""

    content_type: str
    upload: object
    removed: list[str] = field(default_factory=list)


def check_upload(upload) -> CheckedUpload:
    """Everything before a file is stored: type and size (`validate_upload`), the virus
    scan, and for a PDF the removal of active content."""
    content_type = validate_upload(upload)
    filecheck.scan_upload(upload)
    if content_type != PDF:
        return CheckedUpload(content_type, upload)
    cleaned = filecheck.clean_pdf(upload)
    return CheckedUpload(content_type, cleaned.upload, cleaned.removed)


def sha256_of(upload) -> str:
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return digest.hexdigest()
