"""The meeting bundle ("Vergaderbundel"): one PDF per meeting and audience with the agenda,
the adopted annotations and every stuk that audience may see, a bookmark per item and a page
number on every page.

A document kind of the production pipeline (registered in producers.py), so it gets jobs,
versions, withdrawal and the download rules of the meeting's other PDFs. The producer reads
the agenda through the same selectors as the other meeting PDFs: the public bundle as an
anonymous visitor (public items of a public meeting, public stukken, no annotations), the
members' bundle everything with the adopted annotations. WeasyPrint lays out the agenda part
(one section per item, carrying an anchor; a section with stukken is followed by a
page break); `compose` then
merges each item's PDF stukken behind its section with pikepdf, writes the outline from the
anchors and numbers every page with an overlay that WeasyPrint renders too. A stuk that is
not a PDF (docx, odt…) is listed with a note that it is not included.

The bundle is made when the agenda is published and again whenever a stuk changes
(`meeting_bundle_refresh`, called by those services); a new version is stored only when the
agenda part or a stuk's SHA-256 changed (the `fingerprint`).
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass

import pikepdf
from django.contrib.auth.models import AnonymousUser
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from nhn_portal.core.production.registry import ProducedDocument, ProductionRefused
from nhn_portal.core.production.services import document_generation_request
from nhn_portal.core.templatetags.nhn_dates import format_long_date
from nhn_portal.pdf import RenderedPdf, render_pdf
from regiobureau import permissions
from regiobureau.constants import AGENDA_OUT_STATUSES, BUNDLE, MEMBERS, PUBLIC
from regiobureau.models.documents import Document
from regiobureau.models.meetings import Meeting
from regiobureau.selectors.agenda import AgendaRow, agenda_rows, agenda_rows_for_members, flatten

PDF_CONTENT_TYPE = "application/pdf"
# Part of the fingerprint: a change of how stukken are merged makes every bundle anew.
COMPOSE_VERSION = "bundle-1"
# The anchors of the agenda part that `compose` looks up (the named destinations WeasyPrint
# writes for element ids).
AGENDA_ANCHOR = "bundel-agenda"
ITEM_ANCHOR = "bundel-punt-{pk}"
NUMBERS_TEMPLATE = "regiobureau/pdf/bundle_numbers.html"


def bundle_audiences(meeting: Meeting) -> list[tuple[str, object]]:
    return [(PUBLIC, gettext_lazy("public")), (MEMBERS, gettext_lazy("members"))]


@dataclass(frozen=True)
class BundleStuk:
    """A stuk as the bundle shows it: included (a PDF) or only listed."""

    document: Document
    included: bool


@dataclass(frozen=True)
class BundleSection:
    row: AgendaRow
    stukken: list[BundleStuk]
    anchor: str
    # The first section, and every one after a section whose stukken are merged in, starts
    # on a new page (the stukken go between); the others follow on the same page.
    new_page: bool = True

    @property
    def included(self) -> list[BundleStuk]:
        return [stuk for stuk in self.stukken if stuk.included]


def _sections(rows: list[AgendaRow], *, with_annotations: bool) -> list[BundleSection]:
    sections = []
    for row in flatten(rows):
        if not row.visible:
            continue
        if row.annotation is not None and not (with_annotations and row.annotation.is_adopted):
            row.annotation = None  # only an adopted annotation goes into the bundle
        stukken = [
            BundleStuk(
                document=document,
                included=document.current_version is not None
                and document.current_version.content_type == PDF_CONTENT_TYPE,
            )
            for document in row.documents
            if document.current_version is not None
        ]
        new_page = not sections or bool(sections[-1].included)
        sections.append(
            BundleSection(
                row=row,
                stukken=stukken,
                anchor=ITEM_ANCHOR.format(pk=row.item.pk),
                new_page=new_page,
            )
        )
    return sections


def produce_bundle(meeting: Meeting, audience: str) -> ProducedDocument:
    """The bundle for `audience`: what the public agenda and stuk pages show a visitor, or
    what the members read (closed items, vertrouwelijke stukken, adopted annotations)."""
    visitor = AnonymousUser()
    if not permissions.can_see_agenda(visitor, meeting):
        raise ProductionRefused(
            _("The agenda has not been published yet, so there is no meeting bundle to make.")
        )
    if audience == PUBLIC:
        rows = agenda_rows(user=visitor, meeting=meeting)
        sections = _sections(rows, with_annotations=False)
        confidential = False
        show_title = permissions.can_see_meeting_title(visitor, meeting)
    else:
        rows = agenda_rows_for_members(meeting=meeting)
        sections = _sections(rows, with_annotations=True)
        flat = flatten(rows)
        confidential = (
            not meeting.is_public
            or any(not row.item.is_public for row in flat)
            or any(stuk.document.is_confidential for s in sections for stuk in s.stukken)
        )
        show_title = True
    fingerprint = "|".join(
        [COMPOSE_VERSION]
        + [
            f"{stuk.document.pk}:{stuk.document.current_version.sha256}"
            for section in sections
            for stuk in section.included
        ]
    )
    title = f"Vergaderbundel {meeting.body.name} {format_long_date(meeting.starts_at)}"
    return ProducedDocument(
        template="regiobureau/pdf/bundle.html",
        context={
            "meeting": meeting,
            "rows": rows,
            "sections": sections,
            "show_place": audience != PUBLIC or meeting.is_public,
            "show_title": show_title,
            "members": audience != PUBLIC,
            "agenda_anchor": AGENDA_ANCHOR,
        },
        title=title,
        confidential=confidential,
        compose=lambda rendered: compose_bundle(rendered, sections=sections, title=title),
        fingerprint=fingerprint,
    )


def compose_bundle(
    rendered: RenderedPdf, *, sections: list[BundleSection], title: str
) -> RenderedPdf:
    """Merge the stukken behind their item's section, write the outline and number the pages.

    The agenda part carries a named destination per section (its element id); a section
    with stukken ends where the next one begins (on a new page, see BundleSection.new_page),
    and its stukken go there."""
    bundle = pikepdf.open(io.BytesIO(rendered.pdf))
    sources: list[pikepdf.Pdf] = []
    try:
        starts = _anchor_pages(bundle)
        agenda_page = starts.get(AGENDA_ANCHOR, 0)
        section_starts = [starts[section.anchor] for section in sections]
        # Where each section ends in the agenda part: where the next begins, or the end.
        ends = section_starts[1:] + [len(bundle.pages)]
        inserted: list[list[tuple[BundleStuk, int]]] = []  # per section: (stuk, page count)
        for section in sections:
            placed = []
            for stuk in section.included:
                with stuk.document.current_version.file.open("rb") as handle:
                    source = pikepdf.open(io.BytesIO(handle.read()))
                sources.append(source)
                placed.append((stuk, source))
            inserted.append(placed)
        # Insert from the back, so the page numbers found above stay valid for the rest.
        for end, placed in reversed(list(zip(ends, inserted, strict=True))):
            position = end
            for _stuk, source in placed:
                for page in source.pages:
                    bundle.pages.insert(position, page)
                    position += 1
        # Now the final page index of each section and stuk.
        outline: list[tuple[BundleSection, int, list[tuple[BundleStuk, int]]]] = []
        shift = 0
        for section, start, placed in zip(sections, section_starts, inserted, strict=True):
            section_page = start + shift
            stuk_page = ends[len(outline)] + shift
            stuk_pages = []
            for stuk, source in placed:
                stuk_pages.append((stuk, stuk_page))
                stuk_page += len(source.pages)
            shift += sum(len(source.pages) for _stuk, source in placed)
            outline.append((section, section_page, stuk_pages))
        _write_outline(bundle, agenda_page=agenda_page, outline=outline)
        _number_pages(bundle, title=title)
        _drop_pdfa_claim(bundle)
        output = io.BytesIO()
        bundle.save(output, deterministic_id=True)
    except pikepdf.PdfError as error:
        raise ProductionRefused(
            _("A stuk could not be added to the meeting bundle: %(error)s") % {"error": error}
        ) from error
    finally:
        for source in sources:
            source.close()
        bundle.close()
    pdf = output.getvalue()
    return RenderedPdf(
        pdf=pdf,
        html=rendered.html,
        sha256=hashlib.sha256(pdf).hexdigest(),
        pages=len(pikepdf.open(io.BytesIO(pdf)).pages),
    )


def _anchor_pages(pdf: pikepdf.Pdf) -> dict[str, int]:
    """Element id → page index, from the named destinations WeasyPrint writes."""
    names = pdf.Root.get("/Names")
    if names is None or "/Dests" not in names:
        return {}
    index_of = {page.objgen: index for index, page in enumerate(pdf.pages)}
    anchors = {}
    for name, destination in pikepdf.NameTree(names.Dests).items():
        target = destination[0] if isinstance(destination, pikepdf.Array) else destination.D[0]
        if target.objgen in index_of:
            anchors[str(name)] = index_of[target.objgen]
    return anchors


def _write_outline(pdf: pikepdf.Pdf, *, agenda_page: int, outline) -> None:
    """One bookmark for the agenda, one per item (sub-items under their main item), one per
    included stuk under its item. Replaces what WeasyPrint made of the headings."""
    with pdf.open_outline() as tree:
        tree.root.clear()
        tree.root.append(pikepdf.OutlineItem("Agenda", agenda_page))
        by_item: dict[int, pikepdf.OutlineItem] = {}
        for section, section_page, stuk_pages in outline:
            item = section.row.item
            entry = pikepdf.OutlineItem(f"{section.row.number}. {item.title}", section_page)
            for stuk, page in stuk_pages:
                entry.children.append(pikepdf.OutlineItem(stuk.document.title, page))
            parent = by_item.get(item.parent_id) if item.parent_id else None
            (parent.children if parent is not None else tree.root).append(entry)
            by_item[item.pk] = entry
    pdf.Root.PageMode = pikepdf.Name.UseOutlines


def _number_pages(pdf: pikepdf.Pdf, *, title: str) -> None:
    """ "pagina X van N" on every page, from an overlay of N A4 pages rendered by WeasyPrint
    and placed at each page's lower right corner (unscaled on A4 and larger pages)."""
    count = len(pdf.pages)
    numbers = render_pdf(template=NUMBERS_TEMPLATE, context={"pages": range(count)}, title=title)
    overlay = pikepdf.open(io.BytesIO(numbers.pdf))
    try:
        for page, number_page in zip(pdf.pages, overlay.pages, strict=True):
            box = page.mediabox
            left, bottom, right, top = (float(value) for value in box)
            width, height = (float(value) for value in number_page.mediabox[2:4])
            if right - left >= width and top - bottom >= height:
                rect = pikepdf.Rectangle(right - width, bottom, right, bottom + height)
            else:
                rect = pikepdf.Rectangle(left, bottom, right, top)
            page.add_overlay(number_page, rect)
    finally:
        overlay.close()


def _drop_pdfa_claim(pdf: pikepdf.Pdf) -> None:
    # The agenda part is PDF/A-3b; the merged stukken are whatever was uploaded, so the
    # bundle makes no such claim.
    with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
        for key in ("pdfaid:part", "pdfaid:conformance"):
            if key in meta:
                del meta[key]


def meeting_bundle_refresh(*, actor, meeting: Meeting) -> list:
    """Queue a new bundle of each audience once the agenda is out (after publishing it, or a
    stuk changed); a job already waiting is reused. Called inside the caller's transaction."""
    if meeting.status not in AGENDA_OUT_STATUSES:
        return []
    return [
        document_generation_request(actor=actor, subject=meeting, kind=BUNDLE, audience=code)
        for code, _label in bundle_audiences(meeting)
    ]
