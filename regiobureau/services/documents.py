"""Writes for stukken: upload (checked by content and size, stored under a generated name),
new versions (earlier ones kept) and confidentiality.
"""

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from nhn_portal.core.audit import audit_record_create, audited_update
from nhn_portal.core.constants import AuditAction
from nhn_portal.core.search import search_entries_refresh
from nhn_portal.core.tasking import enqueue_on_commit
from nhn_portal.core.textextract import extract_text
from nhn_portal.core.uploads import check_upload, sha256_of, validate_upload
from regiobureau.bundle import meeting_bundle_queue
from regiobureau.constants import Confidentiality
from regiobureau.models.documents import Document, DocumentVersion
from regiobureau.models.meetings import AgendaItem, Meeting
from regiobureau.services.guards import check_editable, visibility_changed


def _is_late(meeting: Meeting) -> bool:
    return timezone.localdate() > meeting.documents_deadline


def _store_version(*, actor, document: Document, upload, number: int) -> DocumentVersion:
    checked = check_upload(upload)
    upload = checked.upload  # a PDF without its active content
    version = DocumentVersion(
        document=document,
        number=number,
        original_name=upload.name[:255],
        content_type=checked.content_type,
        size=upload.size,
        sha256=sha256_of(upload),
        uploaded_by=actor,
        arrived_late=_is_late(document.agenda_item.meeting),
    )
    # The file is written before its row. Should the transaction roll back afterwards, the
    # file stays behind unreferenced under a generated name: harmless, and never served.
    version.file.save(upload.name, upload, save=False)
    try:
        version.save()
    except Exception:
        version.file.storage.delete(version.file.name)
        raise
    version.removed_active_content = checked.removed
    return version


def _upload_changes(stored: DocumentVersion, **changes) -> dict:
    if stored.removed_active_content:
        changes["removed_active_content"] = stored.removed_active_content
    return changes


@transaction.atomic
def document_upload(
    *, actor, item: AgendaItem, title: str, confidentiality: str, upload
) -> Document:
    """Attach a stuk to an item: checked by content and size, stored under a generated name.
    Without a confidentiality it follows the item: confidential on a closed item or meeting."""
    check_editable(item.meeting)
    validate_upload(upload)
    document = Document(
        agenda_item=item,
        title=(title or "").strip() or upload.name.rsplit(".", 1)[0],
        confidentiality=confidentiality
        or (
            Confidentiality.CONFIDENTIAL
            if item.stukken_confidential_by_default
            else Confidentiality.PUBLIC
        ),
    )
    document.full_clean(exclude=["current_version"])
    document.save()
    version = _store_version(actor=actor, document=document, upload=upload, number=1)
    document.current_version = version
    document.save(update_fields=["current_version", "updated_at"])
    audit_record_create(
        actor=actor,
        obj=document,
        action=AuditAction.CREATE,
        verb="document_upload",
        changes=_upload_changes(version, sha256=version.sha256, size=version.size),
    )
    search_entries_refresh(objects=[document])
    enqueue_on_commit(TEXT_TASK, version.pk)
    enqueue_on_commit(ARCHIVE_TASK, version.pk)
    meeting_bundle_queue(item.meeting)
    return document


@transaction.atomic
def document_add_version(*, actor, document: Document, upload) -> DocumentVersion:
    """A new version replaces the current one for readers; earlier versions are kept."""
    check_editable(document.agenda_item.meeting)
    document = Document.objects.select_for_update().get(pk=document.pk)
    number = (document.versions.aggregate(m=Max("number"))["m"] or 0) + 1
    version = _store_version(actor=actor, document=document, upload=upload, number=number)
    document.current_version = version
    document.save(update_fields=["current_version", "updated_at"])
    audit_record_create(
        actor=actor,
        obj=document,
        action=AuditAction.UPDATE,
        verb="document_add_version",
        changes=_upload_changes(version, version=number, sha256=version.sha256),
    )
    search_entries_refresh(objects=[document])
    enqueue_on_commit(TEXT_TASK, version.pk)
    enqueue_on_commit(ARCHIVE_TASK, version.pk)
    meeting_bundle_queue(document.agenda_item.meeting)
    return version


@transaction.atomic
def document_set_confidentiality(*, actor, document: Document, confidentiality: str) -> Document:
    changed = document.confidentiality != confidentiality
    audited_update(
        actor=actor,
        obj=document,
        verb="document_set_confidentiality",
        confidentiality=confidentiality,
    )
    if changed:
        visibility_changed(
            actor=actor,
            meeting=document.agenda_item.meeting,
            reason="document_set_confidentiality",
        )
        meeting_bundle_queue(document.agenda_item.meeting)
    search_entries_refresh(objects=[document])
    return document


# The task that extracts a new version's text for the search index (regiobureau/tasks.py).
TEXT_TASK = "regiobureau.tasks.document_version_text_extract"
# The task that makes a new version's archival PDF/A copy (regiobureau/services/archival.py).
ARCHIVE_TASK = "regiobureau.tasks.document_version_archive"


@transaction.atomic
def document_version_text_extract(*, version_id: int) -> int:
    """Extract the text of a stored version (PDF through pypdf; DOCX and ODT from their XML)
    for the search index, and re-index its stuk when it is the current version. Returns the
    number of characters found; a file whose text cannot be read indexes by title only."""
    version = (
        DocumentVersion.objects.select_for_update(of=("self",))
        .select_related("document")
        .filter(pk=version_id)
        .first()
    )
    if version is None:
        return 0
    with version.file.open("rb") as handle:
        text = extract_text(handle.read(), content_type=version.content_type)
    audited_update(
        actor=None,
        obj=version,
        verb="document_version_text_extract",
        clean=False,
        recorded=["text_extracted_at"],
        text=text,
        text_extracted_at=timezone.now(),
    )
    document = Document.objects.select_related(
        "agenda_item__meeting__body__theme",
        "agenda_item__parent",
        "agenda_item__dossier",
        "current_version",
    ).get(pk=version.document_id)
    if document.current_version_id == version.pk:
        search_entries_refresh(objects=[document])
    return len(text)
