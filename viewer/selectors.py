"""Reads for the viewer: what may be opened (the download's own access rules, so a stuk or PDF
nobody may download is never shown either) and one's own notes, never anyone else's."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q

from nhn_portal.core.access import NotFound, is_secretariat
from nhn_portal.core.models import GeneratedDocument
from nhn_portal.core.production.registry import document_kind
from nhn_portal.core.production.selectors import access_generated_document
from nhn_portal.core.stamps import StampQuery
from regiobureau import permissions
from regiobureau.models.documents import DocumentVersion
from regiobureau.models.meetings import Meeting
from regiobureau.selectors.documents import access_document
from viewer.models import PageNote

PDF = "application/pdf"


def readable_document_version(*, user, document_pk: int) -> DocumentVersion:
    """The current version of a stuk, as its download gives it (404 when the download would be
    refused); a stuk that is not a PDF cannot be read in the browser (404 too)."""
    # `access_document` is the check behind `access_document_version` (the download); readers
    # always get the current version, as the download gives it without a number.
    document = access_document(user=user, pk=document_pk)
    version = document.current_version
    if version is None or version.content_type != PDF:
        raise NotFound
    version.document = document  # one query less for the page, which shows both
    return version


def readable_generated_document(*, user, pk: int) -> GeneratedDocument:
    """A generated PDF by its id, after the rule of its kind (as its download applies it):
    only the newest version, and never a withdrawn one, for anyone but the secretariat."""
    document = GeneratedDocument.objects.select_related("content_type").filter(pk=pk).first()
    if document is None:
        raise NotFound
    subject = document.subject
    if subject is None:
        raise NotFound
    return access_generated_document(
        user=user,
        subject=subject,
        kind=document.kind,
        audience=document.audience,
        version=document.version,
    )


def notes_for_version(*, user, version: DocumentVersion) -> list[PageNote]:
    return list(PageNote.objects.filter(owner=user, document_version=version))


def notes_for_generated(*, user, document: GeneratedDocument) -> list[PageNote]:
    return list(PageNote.objects.filter(owner=user, generated_document=document))


def access_note(*, user, pk: int) -> PageNote:
    """One's own note, or 404: another reader's note does not exist for you."""
    if not getattr(user, "is_authenticated", False):
        raise NotFound
    note = (
        PageNote.objects.select_related("document_version", "generated_document")
        .filter(pk=pk, owner=user)
        .first()
    )
    if note is None:
        raise NotFound
    return note


@dataclass
class NotedDocument:
    """The notes of one file, as the reading page and the export list them."""

    title: str
    version: int
    read_url_name: str
    read_pk: int
    notes: list[PageNote] = field(default_factory=list)


def _notes_of(owner_id: int, meeting_id: int, meeting_type_id: int):
    return PageNote.objects.filter(owner_id=owner_id).filter(
        Q(document_version__document__agenda_item__meeting_id=meeting_id)
        | Q(
            generated_document__content_type_id=meeting_type_id,
            generated_document__object_id=meeting_id,
        )
    )


# One row when the owner has notes on the meeting, none otherwise.
_NOTE_COUNT = StampQuery(
    lambda *ids: _notes_of(*ids).order_by().values("owner_id").annotate(notes=Count("pk"))
)


def notes_for_meeting(*, user, meeting: Meeting) -> list[NotedDocument]:
    """One's own notes on the stukken and PDFs of a meeting, per file (two queries), keeping
    only the files one may still read (a stuk that became confidential drops out)."""
    if not getattr(user, "is_authenticated", False):
        return []
    meeting_type = ContentType.objects.get_for_model(Meeting)
    # Most readers have no notes on a meeting: a compiled count answers that without the ORM
    # compiling the query below (about 1.5 ms of the reading page, issue 26).
    if not _NOTE_COUNT.rows(user.pk, meeting.pk, meeting_type.pk):
        return []
    notes = (
        _notes_of(user.pk, meeting.pk, meeting_type.pk)
        .select_related("document_version__document__agenda_item__parent", "generated_document")
        .order_by("document_version__document__title", "generated_document__title", "page", "pk")
    )
    files: dict[tuple[str, int], NotedDocument] = {}
    for note in notes:
        if note.document_version_id:
            version = note.document_version
            document = version.document
            item = document.agenda_item
            if not permissions.can_see_document(user, document, item, meeting):
                continue
            key = ("document", version.pk)
            if key not in files:
                files[key] = NotedDocument(
                    document.title, version.number, "viewer:document_read", document.pk
                )
        else:
            generated = note.generated_document
            definition = document_kind(generated.kind)
            if (
                definition is None
                or not definition.may_download(user, meeting, generated.audience)
                or (generated.withdrawn_at is not None and not is_secretariat(user))
            ):
                continue
            key = ("generated", generated.pk)
            if key not in files:
                files[key] = NotedDocument(
                    generated.title, generated.version, "viewer:generated_read", generated.pk
                )
        files[key].notes.append(note)
    return list(files.values())
