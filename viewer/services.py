"""Writes of the viewer: opening a stuk (its read mark) and one's personal notes. Every change
writes an audit record in its transaction; the record names the page, never the note's text."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from nhn_portal.core.audit import audit_record_create, audited_create, audited_update
from nhn_portal.core.constants import AuditAction
from nhn_portal.core.models import GeneratedDocument
from regiobureau import permissions
from regiobureau.models.documents import DocumentVersion
from regiobureau.services.annotations import read_mark_set
from viewer.models import PageNote


def document_opened(*, actor, version: DocumentVersion) -> bool:
    """A reader opened a stuk in the viewer: its agenda item counts as read for a reader of
    the annotated agenda (the reading page's own "gelezen" mark). Returns whether it did."""
    item = version.document.agenda_item
    if not permissions.can_read_annotations(actor, item.meeting):
        return False
    # An assistant reads on a member's behalf; the member's own read marks stay hers.
    if not permissions.can_act_as_member(actor, item.meeting.body_id):
        return False
    read_mark_set(actor=actor, item=item, read=True)
    return True


def _clean_text(text: str) -> str:
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": _("Write a note first.")})
    return text


def _check_page(page: int, pages: int | None) -> None:
    if page < 1 or (pages is not None and page > pages):
        raise ValidationError({"page": _("This page is not in the document.")})


@transaction.atomic
def page_note_create(
    *,
    actor,
    page: int,
    text: str,
    version: DocumentVersion | None = None,
    generated: GeneratedDocument | None = None,
) -> PageNote:
    """A personal note on `page` of a stuk's version or of a generated PDF (the caller already
    checked that `actor` may read it)."""
    if (version is None) == (generated is None):
        raise ValueError("A note belongs to exactly one stuk version or generated PDF.")
    _check_page(page, generated.pages if generated is not None else None)
    note = PageNote(
        owner=actor,
        document_version=version,
        generated_document=generated,
        page=page,
        text=_clean_text(text),
    )
    return audited_create(actor=actor, obj=note, verb="page_note_create", changes={"page": page})


@transaction.atomic
def page_note_update(*, actor, note: PageNote, text: str) -> PageNote:
    if note.owner_id != actor.pk:
        raise PermissionError("A note is changed by its owner only.")
    return audited_update(
        actor=actor, obj=note, verb="page_note_update", text=_clean_text(text), recorded=[]
    )


@transaction.atomic
def page_note_delete(*, actor, note: PageNote) -> None:
    if note.owner_id != actor.pk:
        raise PermissionError("A note is deleted by its owner only.")
    audit_record_create(
        actor=actor,
        obj=note,
        action=AuditAction.DELETE,
        verb="page_note_delete",
        changes={"page": note.page},
    )
    note.delete()
