"""The meeting bundle ("Vergaderbundel"): one PDF per meeting and audience with the agenda,
the adopted annotations and every stuk that audience may see, a bookmark per item and a page
number on every page.

A document kind of the production pipeline (registered in producers.py), so it gets jobs,
versions, withdrawal and the download rules of the meeting's other PDFs. The producer reads
the agenda through the same selectors as the other meeting PDFs: the public bundle as an
anonymous visitor (public items of a public meeting, public stukken, no annotations), the
members' bundle everything with the adopted annotations.

One WeasyPrint render lays out the whole bundle: the agenda, one section per item, and behind
it an empty placeholder page for every page of its PDF stukken (counted with pikepdf), so the
house style's "pagina X van Y" is right over the whole bundle. Every section and stuk carries
an anchor (a named destination in the PDF). `compose_bundle` then puts each stuk page in
its placeholder's place, with the placeholder's page number laid over it, and writes the
outline: one bookmark per item, one per stuk below it. A stuk that is not a PDF (docx, odt…)
or cannot be read is listed with a note that it is not included.

The bundle is made by Celery when the agenda is published and again whenever a stuk changes
(those services call `meeting_bundle_queue`: an outbox row, then the task
`meeting_bundle_refresh` requests the jobs); a new version is stored only when the agenda
part or a stuk's SHA-256 changed (the `fingerprint`).
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
from nhn_portal.core.tasking import enqueue_on_commit
from nhn_portal.core.templatetags.nhn_dates import format_long_date
from nhn_portal.pdf import RenderedPdf
from regiobureau import permissions
from regiobureau.constants import (
    AGENDA,
    AGENDA_OUT_STATUSES,
    ANNOTATED_AGENDA,
    BUNDLE,
    MEMBERS,
    PUBLIC,
)
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
STUK_ANCHOR = "bundel-stuk-{pk}"


def bundle_audiences(meeting: Meeting) -> list[tuple[str, object]]:
    return [(PUBLIC, gettext_lazy("public")), (MEMBERS, gettext_lazy("members"))]


@dataclass(frozen=True)
class BundleStuk:
    """A stuk as the bundle shows it: included (a readable PDF, `pages` long) or only listed."""

    document: Document
    pages: int = 0

    @property
    def included(self) -> bool:
        return self.pages > 0

    @property
    def anchor(self) -> str:
        return STUK_ANCHOR.format(pk=self.document.pk)

    @property
    def page_range(self) -> range:
        return range(self.pages)


@dataclass(frozen=True)
class BundleSection:
    row: AgendaRow
    stukken: list[BundleStuk]
    anchor: str

    @property
    def included(self) -> list[BundleStuk]:
        return [stuk for stuk in self.stukken if stuk.included]


def _page_count(document: Document) -> int:
    """The pages of a stuk's current version when it is a readable PDF, else 0 (listed only)."""
    version = document.current_version
    if version is None or version.content_type != PDF_CONTENT_TYPE:
        return 0
    try:
        with version.file.open("rb") as handle, pikepdf.open(io.BytesIO(handle.read())) as pdf:
            return len(pdf.pages)
    except (OSError, pikepdf.PdfError):
        return 0


def _sections(rows: list[AgendaRow], *, with_annotations: bool) -> list[BundleSection]:
    sections = []
    for row in flatten(rows):
        if not row.visible:
            continue
        if row.annotation is not None and not (with_annotations and row.annotation.is_adopted):
            row.annotation = None  # only an adopted annotation goes into the bundle
        stukken = [
            BundleStuk(document=document, pages=_page_count(document))
            for document in row.documents
            if document.current_version is not None
        ]
        sections.append(
            BundleSection(row=row, stukken=stukken, anchor=ITEM_ANCHOR.format(pk=row.item.pk))
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
        compose=lambda rendered: compose_bundle(rendered, sections=sections),
        fingerprint=fingerprint,
    )


def compose_bundle(rendered: RenderedPdf, *, sections: list[BundleSection]) -> RenderedPdf:
    """Put every stuk page in its placeholder's place (the placeholder's page number laid
    over it) and write the outline from the anchors of the sections and stukken."""
    bundle = pikepdf.open(io.BytesIO(rendered.pdf))
    try:
        anchors = _anchor_pages(bundle)
        for section in sections:
            for stuk in section.included:
                _merge_stuk(bundle, stuk, start=_anchor(anchors, stuk.anchor))
        _write_outline(bundle, anchors=anchors, sections=sections)
        # The anchors pointed at the placeholders, which are gone; the outline replaces them.
        if "/Names" in bundle.Root and "/Dests" in bundle.Root.Names:
            del bundle.Root.Names["/Dests"]
        _drop_pdfa_claim(bundle)
        output = io.BytesIO()
        bundle.save(output, deterministic_id=True)
        pages = len(bundle.pages)
    except pikepdf.PdfError as error:
        raise ProductionRefused(
            _("A stuk could not be added to the meeting bundle: %(error)s") % {"error": error}
        ) from error
    finally:
        bundle.close()
    pdf = output.getvalue()
    return RenderedPdf(
        pdf=pdf, html=rendered.html, sha256=hashlib.sha256(pdf).hexdigest(), pages=pages
    )


def _anchor(anchors: dict[str, int], name: str) -> int:
    if name not in anchors:
        raise ProductionRefused(
            _("The meeting bundle's layout lacks the place of %(name)s.") % {"name": name}
        )
    return anchors[name]


def _merge_stuk(bundle: pikepdf.Pdf, stuk: BundleStuk, *, start: int) -> None:
    """Replace the stuk's placeholders (from page `start` on) by its pages; each keeps the
    placeholder's page number, laid over the stuk page's lower right corner (unscaled on A4
    and larger pages, fitted on smaller ones)."""
    with stuk.document.current_version.file.open("rb") as handle:
        source = pikepdf.open(io.BytesIO(handle.read()))
    try:
        if len(source.pages) != stuk.pages:
            raise ProductionRefused(
                _("%(title)s changed while the meeting bundle was made.")
                % {"title": stuk.document.title}
            )
        for offset, page in enumerate(source.pages):
            index = start + offset
            placeholder = bundle.pages[index]
            number = placeholder.as_form_xobject()
            width, height = (float(value) for value in placeholder.mediabox[2:4])
            bundle.pages.insert(index, page)
            merged = bundle.pages[index]
            left, bottom, right, top = (float(value) for value in merged.mediabox)
            if right - left >= width and top - bottom >= height:
                rect = pikepdf.Rectangle(right - width, bottom, right, bottom + height)
            else:
                rect = pikepdf.Rectangle(left, bottom, right, top)
            merged.add_overlay(number, rect)
            del bundle.pages[index + 1]
    finally:
        source.close()


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


def _write_outline(pdf: pikepdf.Pdf, *, anchors: dict[str, int], sections) -> None:
    """One bookmark for the agenda, one per item (sub-items under their main item), one per
    included stuk under its item. Replaces what WeasyPrint made of the headings."""
    with pdf.open_outline() as tree:
        tree.root.clear()
        tree.root.append(pikepdf.OutlineItem("Agenda", anchors.get(AGENDA_ANCHOR, 0)))
        by_item: dict[int, pikepdf.OutlineItem] = {}
        for section in sections:
            item = section.row.item
            entry = pikepdf.OutlineItem(
                f"{section.row.number}. {item.title}", _anchor(anchors, section.anchor)
            )
            for stuk in section.included:
                entry.children.append(
                    pikepdf.OutlineItem(stuk.document.title, _anchor(anchors, stuk.anchor))
                )
            parent = by_item.get(item.parent_id) if item.parent_id else None
            (parent.children if parent is not None else tree.root).append(entry)
            by_item[item.pk] = entry
    pdf.Root.PageMode = pikepdf.Name.UseOutlines


def _drop_pdfa_claim(pdf: pikepdf.Pdf) -> None:
    # The bundle's own pages are PDF/A-3b; the merged stukken are whatever was uploaded, so
    # the bundle makes no such claim.
    with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
        for key in ("pdfaid:part", "pdfaid:conformance"):
            if key in meta:
                del meta[key]


# The task that requests the bundles after the commit (regiobureau/tasks.py).
REFRESH_TASK = "regiobureau.tasks.meeting_bundle_refresh"


# The agenda PDFs a published agenda has without anyone pressing "PDF maken", made with the
# bundles.
AGENDA_PDFS = ((AGENDA, PUBLIC), (ANNOTATED_AGENDA, MEMBERS))


def meeting_bundle_queue(meeting: Meeting) -> None:
    """Once the agenda is out (it was just published, or a stuk changed), have Celery make the
    public and members' agenda PDFs and the bundles anew: an outbox row in the caller's
    transaction, the jobs after its commit."""
    if meeting.status in AGENDA_OUT_STATUSES:
        enqueue_on_commit(REFRESH_TASK, meeting.pk)


def meeting_bundle_refresh(*, meeting_id: int) -> list:
    """The task's side: request the agenda PDFs and a new bundle of each audience (a job
    already waiting is reused; an unchanged agenda with unchanged stukken reuses the stored
    file)."""
    meeting = Meeting.objects.select_related("body").filter(pk=meeting_id).first()
    if meeting is None or meeting.status not in AGENDA_OUT_STATUSES:
        return []
    wanted = [*AGENDA_PDFS, *((BUNDLE, code) for code, _label in bundle_audiences(meeting))]
    return [
        document_generation_request(actor=None, subject=meeting, kind=kind, audience=audience)
        for kind, audience in wanted
    ]
