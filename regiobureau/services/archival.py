"""The archival copy of an uploaded stuk: a PDF/A-2b made with Ghostscript after upload and
published beside the original (the Woo asks for a durable format; the original stays what
was handed in). Made by a task after each upload and, for what that missed (Ghostscript not
installed then, a worker down), by the beat's sweep. Without Ghostscript nothing fails: the
stuk is published as uploaded and its copy is made once the tool is there.

Generated PDFs (agendas, decision lists, letters) need no copy: WeasyPrint writes them as
PDF/A already (nhn_portal.pdf).
"""

import logging
import shutil
import subprocess
import tempfile
from pathlib import Path

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from PIL import ImageCms

from nhn_portal.core.audit import audited_update
from regiobureau.models.documents import DocumentVersion

logger = logging.getLogger(__name__)

PDF = "application/pdf"
TIMEOUT_SECONDS = 120
# The OutputIntent Ghostscript's PDF/A mode needs: an sRGB profile (made by Pillow, so no
# file of the machine is named) and the pdfmark that embeds it, after Ghostscript's own
# lib/PDFA_def.ps.
PDFA_DEF = """%!
/ICCProfile ({icc}) def
[/_objdef {{icc_PDFA}} /type /stream /OBJ pdfmark
[{{icc_PDFA}} << /N 3 >> /PUT pdfmark
[{{icc_PDFA}} ICCProfile (r) file /PUT pdfmark
[/_objdef {{OutputIntent_PDFA}} /type /dict /OBJ pdfmark
[{{OutputIntent_PDFA}} <<
  /Type /OutputIntent
  /S /GTS_PDFA1
  /DestOutputProfile {{icc_PDFA}}
  /OutputConditionIdentifier (sRGB)
>> /PUT pdfmark
[{{Catalog}} << /OutputIntents [ {{OutputIntent_PDFA}} ] >> /PUT pdfmark
"""


def ghostscript() -> str | None:
    return shutil.which("gs")


def pdfa_convert(data: bytes) -> bytes | None:
    """The PDF/A-2b copy of a PDF, or None when Ghostscript is missing or cannot read it."""
    gs = ghostscript()
    if gs is None:
        return None
    with tempfile.TemporaryDirectory(prefix="pdfa-") as folder:
        work = Path(folder)
        icc = work / "srgb.icc"
        icc.write_bytes(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())
        definition = work / "pdfa_def.ps"
        definition.write_text(PDFA_DEF.format(icc=icc.as_posix()))
        source, target = work / "in.pdf", work / "out.pdf"
        source.write_bytes(data)
        command = [
            gs,
            "-dPDFA=2",
            "-dBATCH",
            "-dNOPAUSE",
            "-dSAFER",
            "-dQUIET",
            "-dPDFACompatibilityPolicy=1",
            "-sColorConversionStrategy=RGB",
            "-sDEVICE=pdfwrite",
            f"--permit-file-read={work.as_posix()}/",
            f"-sOutputFile={target.as_posix()}",
            definition.as_posix(),
            source.as_posix(),
        ]
        try:
            # A fixed argument list of our own paths, no shell.
            subprocess.run(command, check=True, capture_output=True, timeout=TIMEOUT_SECONDS)  # noqa: S603
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as error:
            logger.warning("PDF/A copy failed: %s", getattr(error, "stderr", b"")[:500])
            return None
        return target.read_bytes() if target.exists() and target.stat().st_size else None


@transaction.atomic
def document_version_archive(*, version_id: int) -> bool:
    """Make and store the archival copy of one version; True when it exists afterwards."""
    version = DocumentVersion.objects.select_for_update().filter(pk=version_id).first()
    if version is None or version.content_type != PDF:
        return False
    if version.archival_file:
        return True
    with version.file.open("rb") as handle:
        copy = pdfa_convert(handle.read())
    if copy is None:
        return False
    version.archival_file.save("pdfa.pdf", ContentFile(copy), save=False)
    audited_update(
        actor=None,
        obj=version,
        verb="document_version_archive",
        clean=False,
        recorded=["archived_at"],
        archival_file=version.archival_file.name,
        archived_at=timezone.now(),
    )
    return True


def document_archival_pending(limit: int) -> list[int]:
    """Current PDF versions without an archival copy, oldest first (what the sweep makes);
    none while Ghostscript is missing."""
    if ghostscript() is None:
        return []
    return list(
        DocumentVersion.objects.filter(
            content_type=PDF, archived_at__isnull=True, document__current_version=F("pk")
        )
        .order_by("uploaded_at")
        .values_list("pk", flat=True)[:limit]
    )
