"""Woo publication: the DiWoo sitemaps through which the national Woo index
harvests what the portal publishes, and robots.txt pointing to them.

/sitemap.xml is a sitemap index pointing to /sitemaps/diwoo.xml: one <url> per public
document (a stuk of a public item and its archival PDF/A copy, a public meeting's agenda,
decision list and bundle, an adopted decision, an issued council letter per receiving council)
with a <diwoo:Document> in the DiWoo 0.9.8 metadata (publisher as a TOOI organisation URI: the
organisation that carries the body's secretariat, or for a letter's copy the council's
municipality; title, creation date, Woo information category, document handling, format).
`lastmod` is the document's own last change, so an unchanged portal reads the same twice.
Only what a visitor may see: the same selectors as the API (publiek.api.selectors), the
decision pages and the letter pages. Addresses from SITE_URL, never the Host header.
"""

import datetime
from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.db.models import Prefetch
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from nhn_portal.core.models import GeneratedDocument
from nhn_portal.core.templatetags.nhn_dates import format_long_date
from raden.constants import Addressee
from raden.models.letters import CouncilLetterDelivery
from raden.selectors.letters import letter_list_issued
from regiobureau.constants import AGENDA, AGENDA_OUT_STATUSES, BUNDLE, DECISION_LIST, PUBLIC
from regiobureau.models.meetings import Meeting
from regiobureau.selectors.decisions import decisions_adopted_public
from regiobureau.selectors.meetings import meeting_queryset_visible

from .api import selectors as api_selectors
from .api.consultations import NOTA, consultation_parts

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
    modified: datetime.datetime  # the document's own last change: stable between reads
    title: str
    created: str  # date
    category: tuple[str, str]
    handling: tuple[str, str]
    handled_at: str  # dateTime
    format: tuple[str, str] | None
    publisher: tuple[str, str]  # TOOI URI and name

    @property
    def lastmod(self) -> str:
        return _datetime(self.modified)


def _publisher(body) -> tuple[str, str]:
    """The organisation that carries the body's secretariat (set by the beheerder), or the
    portal's configured publisher while none is set."""
    organisation = getattr(body, "woo_publisher", None)
    if organisation is not None and organisation.tooi_uri:
        return organisation.tooi_uri, organisation.name
    return settings.DIWOO_PUBLISHER_URI, settings.DIWOO_PUBLISHER_LABEL


def _absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def _stukken() -> list[WooDocument]:
    """Public stukken: the original as uploaded, and its archival PDF/A copy once made."""
    entries = []
    documents = (
        api_selectors.documents()
        .select_related("agenda_item__meeting__body__woo_publisher")
        .order_by("pk")
    )
    for document in documents:
        version = document.current_version
        if version is None:
            continue
        publisher = _publisher(document.agenda_item.meeting.body)
        common = {
            "title": document.title,
            "created": timezone.localtime(version.uploaded_at).date().isoformat(),
            "category": CATEGORY_MEETING_DOCUMENTS,
            "handling": HANDLING_RECEIPT,
            "handled_at": _datetime(version.uploaded_at),
            "publisher": publisher,
        }
        entries.append(
            WooDocument(
                location=_absolute(
                    reverse("regiobureau:document_download", kwargs={"pk": document.pk})
                ),
                modified=max(document.updated_at, version.uploaded_at),
                format=FORMATS.get(version.content_type),
                **common,
            )
        )
        if version.archived_at is not None:
            entries.append(
                WooDocument(
                    location=_absolute(
                        reverse(
                            "regiobureau:document_download_archival", kwargs={"pk": document.pk}
                        )
                    ),
                    modified=version.archived_at,
                    format=FORMATS["application/pdf"],
                    **{**common, "title": f"{document.title} (PDF/A)"},
                )
            )
    return entries


# The meeting PDFs a visitor can download, with the public address of each.
MEETING_PDFS = {
    AGENDA: ("regiobureau:meeting_pdf_public", "Agenda", HANDLING_ADOPTION),
    DECISION_LIST: (
        "regiobureau:meeting_decision_list_public",
        "Besluitenlijst",
        HANDLING_ADOPTION,
    ),
    BUNDLE: ("regiobureau:meeting_bundle_public", "Vergaderbundel", HANDLING_ADOPTION),
}


def _meeting_pdfs() -> list[WooDocument]:
    """The newest public agenda, decision list and bundle of every meeting a visitor may
    see the agenda of; a withdrawn newest version is not published."""
    meetings = {
        meeting.pk: meeting
        for meeting in meeting_queryset_visible(AnonymousUser())
        .filter(is_public=True, status__in=AGENDA_OUT_STATUSES)
        .select_related("body__woo_publisher")
    }
    newest = {}
    for document in GeneratedDocument.objects.filter(
        content_type=ContentType.objects.get_for_model(Meeting),
        object_id__in=list(meetings),
        kind__in=list(MEETING_PDFS),
        audience=PUBLIC,
    ).order_by("object_id", "kind", "-version"):
        newest.setdefault((document.object_id, document.kind), document)
    entries = []
    for (meeting_pk, kind), document in sorted(newest.items()):
        if document.withdrawn_at is not None:
            continue
        meeting = meetings[meeting_pk]
        url_name, label, handling = MEETING_PDFS[kind]
        entries.append(
            WooDocument(
                location=_absolute(reverse(url_name, kwargs={"pk": meeting_pk})),
                modified=document.created_at,
                title=f"{label} {meeting.body.name} {format_long_date(meeting.starts_at)}",
                created=timezone.localtime(document.created_at).date().isoformat(),
                category=CATEGORY_MEETING_DOCUMENTS,
                handling=handling,
                handled_at=_datetime(document.created_at),
                format=FORMATS["application/pdf"],
                publisher=_publisher(meeting.body),
            )
        )
    return entries


def _decisions() -> list[WooDocument]:
    """Adopted decisions of public items, each on its public page."""
    entries = []
    decisions = (
        decisions_adopted_public()
        .select_related("item__meeting__body__woo_publisher", "item__meeting__decision_list")
        .order_by("pk")
    )
    for decision in decisions:
        adopted_at = decision.item.meeting.decision_list.adopted_at or decision.updated_at
        entries.append(
            WooDocument(
                location=_absolute(reverse("publiek:decision_detail", kwargs={"pk": decision.pk})),
                modified=max(decision.updated_at, adopted_at),
                title=f"Besluit: {decision.item.title}",
                created=timezone.localtime(decision.created_at).date().isoformat(),
                category=CATEGORY_MEETING_DOCUMENTS,
                handling=HANDLING_ADOPTION,
                handled_at=_datetime(adopted_at),
                format=FORMATS["text/html"],
                publisher=_publisher(decision.item.meeting.body),
            )
        )
    return entries


def _letters() -> list[WooDocument]:
    """Issued council letters, one entry per receiving council: for the council the letter is
    an incoming stuk (received when it was issued), published by the council's municipality
    (the sending body's publisher where a municipality has no TOOI identifier yet)."""
    letters = (
        letter_list_issued()
        .select_related("meeting__body__woo_publisher")
        .prefetch_related(
            Prefetch(
                "deliveries",
                queryset=CouncilLetterDelivery.objects.filter(addressee=Addressee.COUNCIL)
                .select_related("municipality")
                .order_by("municipality__name", "pk"),
                to_attr="council_copies",
            )
        )
        .order_by("pk")
    )
    entries = []
    for letter in letters:
        page = reverse("publiek:letter_detail", kwargs={"pk": letter.pk})
        for copy in letter.council_copies:
            municipality = copy.municipality
            entries.append(
                WooDocument(
                    location=_absolute(f"{page}?{urlencode({'gemeente': municipality.slug})}"),
                    modified=letter.updated_at,
                    title=letter.title,
                    created=timezone.localtime(letter.issued_at).date().isoformat(),
                    category=CATEGORY_INCOMING,
                    handling=HANDLING_RECEIPT,
                    handled_at=_datetime(letter.issued_at),
                    format=FORMATS["text/html"],
                    publisher=(
                        (municipality.tooi_uri, municipality.name)
                        if municipality.tooi_uri
                        else _publisher(letter.meeting.body)
                    ),
                )
            )
    return entries


def _reactienotas() -> list[WooDocument]:
    """The adopted reactienota of each public consultation of the councils (its PDF/A),
    published by the draft decision's body's publisher."""
    entries = []
    for part in consultation_parts():
        if part.kind != NOTA:
            continue
        meeting = Meeting.objects.select_related("body__woo_publisher").get(pk=part.meeting_ids[0])
        entries.append(
            WooDocument(
                location=_absolute(part.link),
                modified=part.modified,
                title=part.title,
                created=part.created.isoformat(),
                category=CATEGORY_MEETING_DOCUMENTS,
                handling=HANDLING_ADOPTION,
                handled_at=_datetime(part.modified),
                format=FORMATS["application/pdf"],
                publisher=_publisher(meeting.body),
            )
        )
    return entries


def woo_documents() -> list[WooDocument]:
    return [*_stukken(), *_meeting_pdfs(), *_decisions(), *_letters(), *_reactienotas()]


def _datetime(value) -> str:
    return timezone.localtime(value).replace(microsecond=0).isoformat()


# The lastmod of an empty sitemap: a fixed moment, so an empty portal never looks changed.
EPOCH = datetime.datetime(2025, 1, 1, tzinfo=datetime.UTC)


@login_not_required
def sitemap_index(request):
    documents = woo_documents()
    body = render_to_string(
        "publiek/sitemap_index.xml",
        {
            "sitemap": _absolute(reverse("publiek_diwoo_sitemap")),
            "lastmod": _datetime(max((doc.modified for doc in documents), default=EPOCH)),
        },
    )
    return HttpResponse(body, content_type="application/xml; charset=utf-8")


@login_not_required
def diwoo_sitemap(request):
    body = render_to_string(
        "publiek/diwoo_sitemap.xml",
        {
            "documents": woo_documents(),
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
        f"Sitemap: {_absolute(reverse('publiek_sitemap'))}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
