"""The text of an uploaded stuk for the search index: PDF through pypdf, DOCX and ODT from
the XML inside their zip. Runs in a worker (regiobureau.tasks.document_version_text_extract);
never raises on a damaged or unreadable file — the stuk is then found by its title only."""

import io
import logging
import re
import zipfile

logger = logging.getLogger(__name__)

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ODT = "application/vnd.oasis.opendocument.text"
MAX_CHARACTERS = 100_000
MAX_PAGES = 300
_TAGS = re.compile(r"<[^>]+>")


def extract_text(data: bytes, *, content_type: str) -> str:
    try:
        if content_type == PDF or data[:5] == b"%PDF-":
            text = _pdf_text(data)
        elif content_type == DOCX:
            text = _zip_xml_text(data, "word/document.xml")
        elif content_type == ODT:
            text = _zip_xml_text(data, "content.xml")
        else:
            return ""
    except Exception:  # a damaged file must not stop the upload's other work
        logger.warning("Could not extract the text of a %s upload", content_type, exc_info=True)
        return ""
    return " ".join(text.split())[:MAX_CHARACTERS]


def _pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    parts = []
    for index, page in enumerate(reader.pages):
        if index >= MAX_PAGES:
            break
        parts.append(page.extract_text() or "")
        if sum(len(part) for part in parts) > MAX_CHARACTERS:
            break
    return "\n".join(parts)


def _zip_xml_text(data: bytes, member: str) -> str:
    """The text of one XML part, tags replaced by spaces (no XML parser on untrusted input)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.getinfo(member)
        if info.file_size > 20 * MAX_CHARACTERS:
            raise ValueError("document part too large")
        xml = archive.read(member).decode("utf-8", errors="replace")
    return _TAGS.sub(" ", xml)
