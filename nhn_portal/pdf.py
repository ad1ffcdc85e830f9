"""The one PDF helper (STYLE rule 8): Django template in, archival PDF out.

WeasyPrint is imported only inside the functions below, so web processes never load it
(ruff's TID251 bans the import everywhere else); the Celery worker calls `preload()` once
before it forks. Rendering fetches nothing from the network or from the file system outside
the static files: every URL goes through `safe_url_fetcher`.
"""

from __future__ import annotations

import base64
import ctypes
import ctypes.util
import gc
import hashlib
import logging
import mimetypes
import posixpath
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote, unquote_to_bytes, urljoin

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.template.loader import render_to_string
from django.utils import translation

logger = logging.getLogger(__name__)

# PDF/A-3b with a tagged structure tree: archivable, and readable by screen readers. We claim
# level B rather than A because WeasyPrint's tagging is not validated against level A.
PDF_VARIANT = "pdf/a-3b"

# Relative URLs in a PDF template (`{% static %}` gives "/static/...") are resolved against
# this base. The ".invalid" domain never resolves (RFC 2606); it only gives the fetcher one
# prefix to recognise, and nothing under it is ever requested from a network.
BASE_URL = "https://pdf.invalid/"

# Debian's package name for the library WeasyPrint uses to subset fonts quickly.
HARFBUZZ_SUBSET_SONAME = "libharfbuzz-subset.so.0"


class PdfRenderError(Exception):
    """Rendering stopped; the message is fit for a job's failure reason."""


class UnsafeURLError(ValueError):
    """A template asked for a resource outside the static files."""


@dataclass(frozen=True)
class RenderedPdf:
    pdf: bytes
    html: str
    sha256: str
    pages: int


@dataclass(frozen=True)
class FetchedResource:
    url: str
    body: bytes
    mime_type: str


def render_pdf(
    *, template: str, context: dict[str, Any], title: str, lang: str = "nl-NL"
) -> RenderedPdf:
    """Render `template` in Dutch to a tagged PDF/A-3b and return it with its HTML.

    The template sets the document title from `pdf_title` and the language from `pdf_lang`
    (templates/pdf/base.html does both); a failed resource fetch raises PdfRenderError.
    """
    html = render_html(template=template, context=context, title=title, lang=lang)
    return render_pdf_from_html(html=html)


def render_html(*, template: str, context: dict[str, Any], title: str, lang: str = "nl-NL") -> str:
    """The HTML `render_pdf` would lay out: cheap, so a job can compare it with the last
    version's before it pays for WeasyPrint (idempotency)."""
    with translation.override("nl"):
        return render_to_string(template, {**context, "pdf_title": title, "pdf_lang": lang})


def render_pdf_from_html(*, html: str) -> RenderedPdf:
    """Lay out HTML from `render_html` as a tagged PDF/A-3b; PdfRenderError on a bad fetch."""
    from weasyprint import HTML  # noqa: TID251 - the one lazy import (STYLE rule 8)
    from weasyprint.urls import FatalURLFetchingError  # noqa: TID251

    options = {
        "pdf_variant": PDF_VARIANT,
        "pdf_tags": True,
        # Same content, same bytes: the file identifier is a hash of the content, so an
        # unchanged agenda yields the same SHA-256 and the job can reuse the stored file.
        "pdf_identifier": True,
        # <meta name="..."> elements of the template go into the document information.
        "custom_metadata": True,
    }
    try:
        # render() then write_pdf(), as HTML.write_pdf() does, to learn the page count.
        document = HTML(
            string=html, base_url=BASE_URL, url_fetcher=_weasyprint_url_fetcher()
        ).render(**options)
        pdf = document.write_pdf(**options)
    except FatalURLFetchingError as error:
        # A BaseException in WeasyPrint; turn it into an ordinary error so a task's
        # `except Exception` marks the job failed instead of killing the worker child.
        cause = error.__cause__ or error
        raise PdfRenderError(f"PDF niet gemaakt: {cause}") from cause
    return RenderedPdf(
        pdf=pdf, html=html, sha256=hashlib.sha256(pdf).hexdigest(), pages=len(document.pages)
    )


def safe_url_fetcher(url: str) -> FetchedResource:
    """Serve `data:` URLs and static files; refuse every other URL with UnsafeURLError."""
    if url[:5].lower() == "data:":
        return _fetch_data_url(url)
    prefix = urljoin(BASE_URL, settings.STATIC_URL)
    if not url.startswith(prefix):
        raise UnsafeURLError(f"Alleen statische bestanden zijn toegestaan, niet {url!r}.")
    name = unquote(url[len(prefix) :].split("#", 1)[0].split("?", 1)[0])
    normalised = posixpath.normpath(name)
    if not name or "\x00" in name or normalised.startswith(("..", "/")):
        raise UnsafeURLError(f"Ongeldig pad voor een statisch bestand: {url!r}.")
    path = finders.find(normalised)
    if path:
        with open(path, "rb") as file:
            body = file.read()
    elif staticfiles_storage.exists(normalised):
        # Hashed names ("pdf.3f2a1b.css") exist only in the collected files of a deployment.
        with staticfiles_storage.open(normalised) as file:
            body = file.read()
    else:
        raise UnsafeURLError(f"Statisch bestand niet gevonden: {name!r}.")
    mime_type = mimetypes.guess_type(normalised)[0] or "application/octet-stream"
    return FetchedResource(url=url, body=body, mime_type=mime_type)


def preload() -> None:
    """Import WeasyPrint and its libraries now (the worker calls this before forking)."""
    import weasyprint  # noqa: F401, TID251 - warm import, shared by the forked children


def freeze_before_fork() -> int:
    """Put every object made so far (Django, the apps, WeasyPrint) out of the garbage
    collector's reach, right before the worker forks its children, as Python's gc.freeze
    documentation advises: a collection in a child would otherwise write to every one of them
    and so copy their memory pages from the parent. Measured with bench/letters_bench.py
    (17 letters): a child's batch 1.09-1.12 -> 1.02-1.03 of the parent's time per letter.
    Returns the number of objects frozen."""
    gc.collect()
    gc.freeze()
    return gc.get_freeze_count()


def harfbuzz_subset_available() -> bool:
    """Whether HarfBuzz's subsetting library loads; without it fonts take a ~4x slower path."""
    if ctypes.util.find_library("harfbuzz-subset"):
        return True
    try:
        ctypes.CDLL(HARFBUZZ_SUBSET_SONAME)
    except OSError:
        return False
    return True


def check_fast_fonts(log: logging.Logger = logger) -> bool:
    """Log a warning when fonts would be subset on the slow path; return whether fast."""
    if harfbuzz_subset_available():
        return True
    log.warning(
        "HarfBuzz subsetting (%s) is missing: PDF rendering falls back to a path about "
        "4x slower. Install Debian's libharfbuzz-subset0 (bin/setup does).",
        HARFBUZZ_SUBSET_SONAME,
    )
    return False


def _fetch_data_url(url: str) -> FetchedResource:
    header, separator, data = url[5:].partition(",")
    if not separator:
        raise UnsafeURLError("Ongeldige data-URL.")
    params = header.split(";")
    if params[-1].lower() == "base64":
        body = base64.b64decode(unquote_to_bytes(data), validate=False)
        params = params[:-1]
    else:
        body = unquote_to_bytes(data)
    return FetchedResource(url=url, body=body, mime_type=params[0] or "text/plain")


def _weasyprint_url_fetcher() -> Any:
    """Wrap `safe_url_fetcher` in WeasyPrint's fetcher class (it requires a subclass)."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse  # noqa: TID251

    class StaticOnlyURLFetcher(URLFetcher):
        def fetch(self, url: str, headers: dict[str, str] | None = None) -> URLFetcherResponse:
            resource = safe_url_fetcher(url)
            content_type = resource.mime_type
            if content_type.startswith("text/"):
                content_type += "; charset=utf-8"
            return URLFetcherResponse(
                resource.url, body=resource.body, headers={"Content-Type": content_type}
            )

    # fail_on_errors: a missing font or a refused URL stops the render instead of silently
    # producing a document that differs from its template.
    return StaticOnlyURLFetcher(fail_on_errors=True)
