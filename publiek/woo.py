"""Woo publication: the DiWoo sitemaps through which the national Woo index
harvests what the portal publishes, and robots.txt pointing to them.

/sitemap.xml is a sitemap index pointing to /sitemaps/diwoo.xml: one <url> per public
document (a stuk of a public item, an issued council letter) with a <diwoo:Document> in the
DiWoo 0.9.8 metadata (publisher as a TOOI organisation URI, title, creation date, Woo
information category, document handling, format). Only what a visitor may see: the same
selectors as the API (publiek.api.selectors) and the letter pages.
"""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from raden.selectors.letters import letter_list_issued

from .api import selectors as api_selectors

# TOOI thesaurus (kern) URIs of the DiWoo 0.9.8 value lists.
CATEGORY_MEETING_DOCUMENTS = (
    "https://identifier.overheid.nl/tooi/def/thes/kern/c_db4862c3",
    "vergaderstukken decentrale overheden",
)
CATEGORY_INCOMING = (
    "https://identifier.overheid.nl/tooi/def/thes/kern/c_8c840238",
    "bij vertegenwoordigende organen ingekomen stukken",
)
HANDLING_RECEIPT = ("https://identifier.overheid.nl/tooi/def/thes/kern/c_dfcee535", "ontvangst")
HANDLING_ADOPTION = (
    "https://identifier.overheid.nl/tooi/def/thes/kern/c_641ecd76",
    "vaststelling",
)
FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/"
FORMATS = {
    "application/pdf": (FILE_TYPE + "PDF", "PDF"),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": (
        FILE_TYPE + "DOCX",
        "Word DOCX",
    ),
    "application/vnd.oasis.opendocument.text": (FILE_TYPE + "ODT", "ODT"),
    "text/html": (FILE_TYPE + "HTML", "HTML"),
}
DUTCH = ("http://publications.europa.eu/resource/authority/language/NLD", "Nederlands")


@dataclass
class WooDocument:
    location: str
    modified: str  # W3C datetime
    title: str
    created: str  # date
    category: tuple[str, str]
    handling: tuple[str, str]
    handled_at: str  # dateTime
    format: tuple[str, str] | None


def woo_documents(request) -> list[WooDocument]:
    publisher_docs = []
    for document in api_selectors.documents().order_by("pk"):
        version = document.current_version
        if version is None:
            continue
        publisher_docs.append(
            WooDocument(
                location=request.build_absolute_uri(
                    reverse("regiobureau:document_download", kwargs={"pk": document.pk})
                ),
                modified=_datetime(max(document.updated_at, version.uploaded_at)),
                title=document.title,
                created=timezone.localtime(version.uploaded_at).date().isoformat(),
                category=CATEGORY_MEETING_DOCUMENTS,
                handling=HANDLING_RECEIPT,
                handled_at=_datetime(version.uploaded_at),
                format=FORMATS.get(version.content_type),
            )
        )
    for letter in letter_list_issued().order_by("pk"):
        publisher_docs.append(
            WooDocument(
                location=request.build_absolute_uri(
                    reverse("publiek:letter_detail", kwargs={"pk": letter.pk})
                ),
                modified=_datetime(letter.updated_at),
                title=letter.title,
                created=timezone.localtime(letter.issued_at).date().isoformat(),
                category=CATEGORY_INCOMING,
                handling=HANDLING_ADOPTION,
                handled_at=_datetime(letter.adopted_at or letter.issued_at),
                format=FORMATS["text/html"],
            )
        )
    return publisher_docs


def _datetime(value) -> str:
    return timezone.localtime(value).replace(microsecond=0).isoformat()


@login_not_required
def sitemap_index(request):
    body = render_to_string(
        "publiek/sitemap_index.xml",
        {
            "sitemap": request.build_absolute_uri(reverse("publiek_diwoo_sitemap")),
            "now": _datetime(timezone.now()),
        },
    )
    return HttpResponse(body, content_type="application/xml; charset=utf-8")


@login_not_required
def diwoo_sitemap(request):
    body = render_to_string(
        "publiek/diwoo_sitemap.xml",
        {
            "documents": woo_documents(request),
            "publisher_uri": settings.DIWOO_PUBLISHER_URI,
            "publisher_label": settings.DIWOO_PUBLISHER_LABEL,
            "language": DUTCH,
        },
    )
    return HttpResponse(body, content_type="application/xml; charset=utf-8")


@login_not_required
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /account/",
        "Disallow: /beheer/",
        "Disallow: /raden/",
        "Allow: /",
        f"Sitemap: {request.build_absolute_uri(reverse('publiek_sitemap'))}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
