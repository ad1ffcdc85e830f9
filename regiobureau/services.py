"""Writes for meetings, agendas, stukken and annotations.

Every service validates, saves and writes an audit record in one transaction. Agenda edits
carry the agenda version the secretary saw; an older version is refused (optimistic locking),
so two secretaries editing the same agenda never silently overwrite each other.
"""

import datetime
from typing import Any

import nh3
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from nhn_portal.core.audit import audit_record_create, model_changes, snapshot, timestamp_once
from nhn_portal.core.constants import AuditAction

from .constants import (
    ANNOTATION_FIELDS,
    DEFAULT_TEMPLATE_ITEMS,
    MEETING_TRANSITIONS,
    AnnotationStatus,
    Confidentiality,
    MeetingStatus,
    TemplatePlacement,
)
from .models import (
    AgendaItem,
    AgendaTemplateItem,
    Annotation,
    AnnotationComment,
    AnnotationVersion,
    CalendarToken,
    Document,
    DocumentVersion,
    Meeting,
    ReadMark,
)
from .uploads import sha256_of, validate_upload

MEETING_FIELDS = [
    "title",
    "starts_at",
    "ends_at",
    "location",
    "online_url",
    "is_public",
    "documents_deadline",
]
ITEM_FIELDS = [
    "title",
    "description",
    "purpose",
    "presenter",
    "planned_minutes",
    "is_public",
    "dossier",
    "parent",
]


class StaleAgendaError(ValidationError):
    """The agenda changed since the secretary loaded it."""

    def __init__(self):
        super().__init__(
            _(
                "Someone else changed this agenda in the meantime. Your change was not saved; "
                "the current agenda is shown below. Check it and make your change again."
            ),
            code="stale",
        )


def working_days_before(day: datetime.date, count: int) -> datetime.date:
    """`count` working days (Monday to Friday) before `day`."""
    current = day
    remaining = count
    while remaining:
        current -= datetime.timedelta(days=1)
        if current.weekday() < 5:
            remaining -= 1
    return current


def default_documents_deadline(starts_at: datetime.datetime) -> datetime.date:
    return working_days_before(timezone.localtime(starts_at).date(), 10)


def _bump_agenda_version(meeting: Meeting, expected_version: int | None) -> None:
    """Claim the next agenda version, or refuse when someone else got there first."""
    qs = Meeting.objects.filter(pk=meeting.pk)
    if expected_version is not None:
        qs = qs.filter(agenda_version=expected_version)
    if qs.update(agenda_version=F("agenda_version") + 1, updated_at=timezone.now()) != 1:
        raise StaleAgendaError()
    meeting.agenda_version = Meeting.objects.values_list("agenda_version", flat=True).get(
        pk=meeting.pk
    )


def _template_for(body) -> list[tuple[str, str, str]]:
    rows = sorted(
        body.agenda_template_items.all(),
        key=lambda r: (r.placement != TemplatePlacement.OPENING, r.position),
    )
    if rows:
        return [(r.placement, r.title, r.purpose) for r in rows]
    return list(DEFAULT_TEMPLATE_ITEMS)


@transaction.atomic
def meeting_create(
    *,
    actor,
    body,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime,
    title: str = "",
    location: str = "",
    online_url: str = "",
    is_public: bool | None = None,
    documents_deadline: datetime.date | None = None,
) -> Meeting:
    """Plan a meeting of `body` with its standard opening and closing items."""
    meeting = Meeting(
        body=body,
        title=title,
        starts_at=starts_at,
        ends_at=ends_at,
        location=location,
        online_url=online_url,
        is_public=body.public_by_default if is_public is None else is_public,
        documents_deadline=documents_deadline
        or (default_documents_deadline(starts_at) if starts_at else None),
    )
    meeting.full_clean()
    # Refused once dissolved, and also on or after an announced dissolution date.
    if body.is_dissolved() or body.is_dissolved(on=timezone.localtime(starts_at).date()):
        raise ValidationError(
            _("%(body)s has been dissolved and no longer meets.") % {"body": body}
        )
    meeting.save()
    for position, (placement, item_title, purpose) in enumerate(_template_for(body), start=1):
        AgendaItem.objects.create(
            meeting=meeting,
            position=position,
            title=item_title,
            purpose=purpose,
            standard_key=placement,
        )
    audit_record_create(actor=actor, obj=meeting, action=AuditAction.CREATE, verb="meeting_create")
    return meeting


@transaction.atomic
def meeting_update(
    *, actor, meeting: Meeting, expected_version: int | None, **fields: Any
) -> Meeting:
    """Change a meeting's date, place or openness."""
    unknown = set(fields) - set(MEETING_FIELDS)
    if unknown:
        raise TypeError(f"meeting_update does not change {sorted(unknown)}")
    before = snapshot(meeting, MEETING_FIELDS)
    for name, value in fields.items():
        setattr(meeting, name, value)
    meeting.full_clean(exclude=["agenda_version"])
    _bump_agenda_version(meeting, expected_version)
    meeting.save(update_fields=[*fields, "updated_at"])
    audit_record_create(
        actor=actor,
        obj=meeting,
        action=AuditAction.UPDATE,
        verb="meeting_update",
        changes=model_changes(before, meeting, MEETING_FIELDS),
    )
    return meeting


def _transition(meeting: Meeting, target: str, *, current: str | None = None) -> None:
    current = MeetingStatus(current or meeting.status)
    if target not in MEETING_TRANSITIONS[current]:
        # An unknown target (a tampered form) is refused like any other, not a server error.
        raise ValidationError(
            _("A meeting with status “%(current)s” cannot become “%(target)s”.")
            % {
                "current": current.label,
                "target": MeetingStatus(target).label if target in MeetingStatus else target,
            },
            code="bad_transition",
        )


def meeting_has_begun(meeting: Meeting) -> bool:
    """Only a meeting whose start lies in the past can be held (and get decisions)."""
    return meeting.starts_at <= timezone.now()


@transaction.atomic
def meeting_set_status(*, actor, meeting: Meeting, status: str) -> Meeting:
    """Move a meeting along concept → gepland → … (publishing and cancelling have their own)."""
    if status in (MeetingStatus.AGENDA_PUBLISHED, MeetingStatus.CANCELLED):
        raise ValueError("use meeting_publish_agenda or meeting_cancel")
    before = snapshot(meeting, ["status"])
    _transition(meeting, status)
    if status == MeetingStatus.HELD and not meeting_has_begun(meeting):
        raise ValidationError(
            _("A meeting can only be marked as held once it has begun (%(start)s).")
            % {"start": date_format(timezone.localtime(meeting.starts_at), "j F Y, H.i")},
            code="not_begun",
        )
    meeting.status = status
    meeting.save(update_fields=["status", "updated_at"])
    audit_record_create(
        actor=actor,
        obj=meeting,
        action=AuditAction.UPDATE,
        verb="meeting_set_status",
        changes=model_changes(before, meeting, ["status"]),
    )
    return meeting


def meeting_mark_members_notified(*, meeting_id: int, recipients: list[str]) -> bool:
    """Record that the members were mailed about the agenda; False if recorded before."""
    return timestamp_once(
        model=Meeting,
        pk=meeting_id,
        field="members_notified_at",
        verb="meeting_notify_members",
        changes={"recipients": len(recipients)},
    )


@transaction.atomic
def meeting_publish_agenda(*, actor, meeting: Meeting, expected_version: int | None) -> Meeting:
    """Publish the agenda and notify every member of the body by e-mail (after commit)."""
    from .tasks import meeting_agenda_published_notify

    # A draft may be published directly (it passes "gepland" on the way); the caller's
    # instance is only changed once every check has passed, so a refusal changes nothing.
    current = MeetingStatus.PLANNED if meeting.status == MeetingStatus.DRAFT else meeting.status
    _transition(meeting, MeetingStatus.AGENDA_PUBLISHED, current=current)
    if not meeting.items.filter(standard_key="").exists():
        raise ValidationError(
            _("The agenda has no items besides the standard ones; add an item before publishing."),
            code="empty_agenda",
        )
    _bump_agenda_version(meeting, expected_version)
    meeting.status = MeetingStatus.AGENDA_PUBLISHED
    meeting.agenda_published_at = timezone.now()
    meeting.save(update_fields=["status", "agenda_published_at", "updated_at"])
    audit_record_create(
        actor=actor, obj=meeting, action=AuditAction.UPDATE, verb="meeting_publish_agenda"
    )
    meeting_agenda_published_notify.delay_on_commit(meeting.pk)
    return meeting


@transaction.atomic
def meeting_cancel(*, actor, meeting: Meeting, reason: str) -> Meeting:
    """Cancel a meeting; the reason is required and shown to members and in the feed."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"cancel_reason": _("Give a reason for the cancellation.")})
    _transition(meeting, MeetingStatus.CANCELLED)
    meeting.status = MeetingStatus.CANCELLED
    meeting.cancel_reason = reason
    meeting.save(update_fields=["status", "cancel_reason", "updated_at"])
    audit_record_create(
        actor=actor,
        obj=meeting,
        action=AuditAction.UPDATE,
        verb="meeting_cancel",
        changes={"cancel_reason": reason},
    )
    return meeting


def _check_editable(meeting: Meeting) -> None:
    if meeting.status in (MeetingStatus.CLOSED, MeetingStatus.CANCELLED):
        raise ValidationError(
            _("The agenda of a meeting that is %(status)s can no longer be changed.")
            % {"status": meeting.get_status_display().lower()},
            code="locked",
        )


def _check_parent(meeting: Meeting, parent: AgendaItem | None) -> None:
    if parent is None:
        return
    if parent.meeting_id != meeting.pk:
        raise ValidationError({"parent": _("The main item belongs to another meeting.")})
    if parent.parent_id is not None:
        raise ValidationError({"parent": _("A sub-item cannot have sub-items of its own.")})


def _make_room(meeting: Meeting, parent: AgendaItem | None) -> int:
    """The position for an item joining `parent`'s items: before the closing items at the
    main level (moving them down one place), else last."""
    siblings = meeting.items.filter(parent=parent)
    first_closing = None
    if parent is None:
        closing = siblings.filter(standard_key=TemplatePlacement.CLOSING).order_by("position")
        first_closing = closing.first()
    if first_closing is not None:
        position = first_closing.position
        siblings.filter(position__gte=position).update(position=F("position") + 1)
        return position
    return (siblings.aggregate(m=Max("position"))["m"] or 0) + 1


@transaction.atomic
def agenda_item_create(
    *,
    actor,
    meeting: Meeting,
    expected_version: int | None,
    title: str,
    purpose: str,
    description: str = "",
    presenter=None,
    planned_minutes: int | None = None,
    is_public: bool = True,
    dossier=None,
    parent: AgendaItem | None = None,
) -> AgendaItem:
    """Add an item: before the closing items, or as the last sub-item of `parent`."""
    _check_editable(meeting)
    _check_parent(meeting, parent)
    position = _make_room(meeting, parent)
    item = AgendaItem(
        meeting=meeting,
        parent=parent,
        position=position,
        title=(title or "").strip(),
        description=description,
        purpose=purpose,
        presenter=presenter,
        planned_minutes=planned_minutes,
        is_public=is_public,
        dossier=dossier,
    )
    item.full_clean()
    _bump_agenda_version(meeting, expected_version)
    item.save()
    audit_record_create(actor=actor, obj=item, action=AuditAction.CREATE, verb="agenda_item_create")
    return item


@transaction.atomic
def agenda_item_update(
    *, actor, item: AgendaItem, expected_version: int | None, **fields: Any
) -> AgendaItem:
    unknown = set(fields) - set(ITEM_FIELDS)
    if unknown:
        raise TypeError(f"agenda_item_update does not change {sorted(unknown)}")
    meeting = item.meeting
    _check_editable(meeting)
    if "parent" in fields:
        _check_parent(meeting, fields["parent"])
        if fields["parent"] is not None and item.children.exists():
            raise ValidationError({"parent": _("An item with sub-items cannot become a sub-item.")})
    if "title" in fields:
        fields["title"] = (fields["title"] or "").strip()
    before = snapshot(item, ITEM_FIELDS)
    old_parent_id = item.parent_id
    for name, value in fields.items():
        setattr(item, name, value)
    update_fields = [*fields, "updated_at"]
    moved = item.parent_id != old_parent_id
    if moved:
        # A promoted or demoted item joins its new level last (before the closing items at
        # the main level), not at the number it happened to have on its old level.
        item.position = _make_room(meeting, item.parent)
        update_fields.append("position")
    item.full_clean()
    _bump_agenda_version(meeting, expected_version)
    item.save(update_fields=update_fields)
    if moved:
        _renumber(meeting, parent_id=old_parent_id)
    audit_record_create(
        actor=actor,
        obj=item,
        action=AuditAction.UPDATE,
        verb="agenda_item_update",
        changes=model_changes(before, item, ITEM_FIELDS),
    )
    return item


@transaction.atomic
def agenda_item_delete(*, actor, item: AgendaItem, expected_version: int | None) -> None:
    """Remove an item (and its sub-items and stukken)."""
    meeting = item.meeting
    _check_editable(meeting)
    _bump_agenda_version(meeting, expected_version)
    audit_record_create(actor=actor, obj=item, action=AuditAction.DELETE, verb="agenda_item_delete")
    item.delete()
    _renumber(meeting, parent_id=item.parent_id)


def _renumber(meeting: Meeting, *, parent_id: int | None) -> None:
    items = list(meeting.items.filter(parent_id=parent_id).order_by("position", "pk"))
    for index, item in enumerate(items, start=1):
        if item.position != index:
            item.position = index
    AgendaItem.objects.bulk_update(items, ["position"])


@transaction.atomic
def agenda_reorder(
    *,
    actor,
    meeting: Meeting,
    expected_version: int | None,
    ordered_ids: list[int],
    parent: AgendaItem | None = None,
) -> None:
    """Put the items under `parent` (main items when None) in the given order.

    The list must name exactly those items: an item of another meeting, a missing one or a
    duplicate refuses the whole request, so nothing is half-reordered.
    """
    _check_editable(meeting)
    _check_parent(meeting, parent)
    siblings = {i.pk: i for i in meeting.items.filter(parent=parent)}
    if len(ordered_ids) != len(set(ordered_ids)) or set(ordered_ids) != set(siblings):
        raise ValidationError(
            _("The new order does not name exactly the items of this agenda; nothing was moved."),
            code="bad_order",
        )
    _bump_agenda_version(meeting, expected_version)
    before = [i.pk for i in sorted(siblings.values(), key=lambda i: i.position)]
    for position, pk in enumerate(ordered_ids, start=1):
        siblings[pk].position = position
    AgendaItem.objects.bulk_update(siblings.values(), ["position"])
    audit_record_create(
        actor=actor,
        obj=meeting,
        action=AuditAction.UPDATE,
        verb="agenda_reorder",
        changes={"order": [before, list(ordered_ids)]},
    )


@transaction.atomic
def agenda_item_move(
    *, actor, item: AgendaItem, expected_version: int | None, direction: str
) -> None:
    """Move an item one place up or down among its siblings (the keyboard alternative to
    drag and drop, WCAG 2.2 success criterion 2.5.7)."""
    if direction not in ("up", "down"):
        raise ValidationError(_("Unknown direction."))
    meeting = item.meeting
    ids = list(
        meeting.items.filter(parent_id=item.parent_id)
        .order_by("position", "pk")
        .values_list("pk", flat=True)
    )
    index = ids.index(item.pk)
    target = index - 1 if direction == "up" else index + 1
    if 0 <= target < len(ids):
        ids[index], ids[target] = ids[target], ids[index]
    agenda_reorder(
        actor=actor,
        meeting=meeting,
        expected_version=expected_version,
        ordered_ids=ids,
        parent=item.parent,
    )


def _is_late(meeting: Meeting) -> bool:
    return timezone.localdate() > meeting.documents_deadline


def _store_version(*, actor, document: Document, upload, number: int) -> DocumentVersion:
    content_type = validate_upload(upload)
    version = DocumentVersion(
        document=document,
        number=number,
        original_name=upload.name[:255],
        content_type=content_type,
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
    return version


@transaction.atomic
def document_upload(
    *, actor, item: AgendaItem, title: str, confidentiality: str, upload
) -> Document:
    """Attach a stuk to an item: checked by content and size, stored under a generated name."""
    _check_editable(item.meeting)
    validate_upload(upload)
    document = Document(
        agenda_item=item,
        title=(title or "").strip() or upload.name.rsplit(".", 1)[0],
        confidentiality=confidentiality or Confidentiality.PUBLIC,
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
        changes={"sha256": version.sha256, "size": version.size},
    )
    return document


@transaction.atomic
def document_add_version(*, actor, document: Document, upload) -> DocumentVersion:
    """A new version replaces the current one for readers; earlier versions are kept."""
    _check_editable(document.agenda_item.meeting)
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
        changes={"version": number, "sha256": version.sha256},
    )
    return version


@transaction.atomic
def document_set_confidentiality(*, actor, document: Document, confidentiality: str) -> Document:
    before = snapshot(document, ["confidentiality"])
    document.confidentiality = confidentiality
    document.full_clean()
    document.save(update_fields=["confidentiality", "updated_at"])
    audit_record_create(
        actor=actor,
        obj=document,
        action=AuditAction.UPDATE,
        verb="document_set_confidentiality",
        changes=model_changes(before, document, ["confidentiality"]),
    )
    return document


# Annotations are written as Markdown-free plain paragraphs with a few inline tags; nh3 keeps
# only this safe subset, so nothing a writer pastes can run script in a reader's browser or PDF.
ANNOTATION_ALLOWED_TAGS = {"p", "br", "strong", "em", "ul", "ol", "li", "a"}
ANNOTATION_ALLOWED_ATTRIBUTES = {"a": {"href"}}


def sanitize_rich_text(value: str) -> str:
    return nh3.clean(
        value or "",
        tags=ANNOTATION_ALLOWED_TAGS,
        attributes=ANNOTATION_ALLOWED_ATTRIBUTES,
        url_schemes={"https", "http", "mailto"},
        link_rel="noopener noreferrer",
    ).strip()


@transaction.atomic
def annotation_save(
    *, actor, item: AgendaItem, expected_version: int | None, **content: str
) -> Annotation:
    """Save the annotation's fields as a new version (every version is kept for the diff).

    `expected_version` is the annotation version the writer started from; a newer one on the
    server means someone else saved in between, and the save is refused.
    """
    unknown = set(content) - set(ANNOTATION_FIELDS)
    if unknown:
        raise TypeError(f"annotation_save does not change {sorted(unknown)}")
    annotation, _created = Annotation.objects.select_for_update().get_or_create(agenda_item=item)
    if expected_version is not None and annotation.version != expected_version:
        raise StaleAgendaError()
    if annotation.status == AnnotationStatus.ADOPTED:
        annotation.status = AnnotationStatus.DRAFT
    for name, value in content.items():
        setattr(annotation, name, sanitize_rich_text(value))
    annotation.version += 1
    annotation.full_clean()
    annotation.save()
    AnnotationVersion.objects.create(
        annotation=annotation,
        number=annotation.version,
        content={name: getattr(annotation, name) for name in ANNOTATION_FIELDS},
        status=annotation.status,
        saved_by=actor,
    )
    audit_record_create(
        actor=actor,
        obj=annotation,
        action=AuditAction.UPDATE,
        verb="annotation_save",
        changes={"version": annotation.version},
    )
    return annotation


ANNOTATION_TRANSITIONS = {
    AnnotationStatus.DRAFT: {AnnotationStatus.IN_REVIEW},
    AnnotationStatus.IN_REVIEW: {AnnotationStatus.DRAFT, AnnotationStatus.ADOPTED},
    AnnotationStatus.ADOPTED: {AnnotationStatus.DRAFT},
}


@transaction.atomic
def annotation_set_status(*, actor, annotation: Annotation, status: str) -> Annotation:
    """concept → ter review → vastgesteld (and back to concept for a rewrite)."""
    current = AnnotationStatus(annotation.status)
    if status not in ANNOTATION_TRANSITIONS[current]:
        raise ValidationError(
            _("An annotation with status “%(current)s” cannot become “%(target)s”.")
            % {
                "current": current.label,
                "target": AnnotationStatus(status).label if status in AnnotationStatus else status,
            },
            code="bad_transition",
        )
    before = snapshot(annotation, ["status"])
    annotation.status = status
    annotation.save(update_fields=["status", "updated_at"])
    audit_record_create(
        actor=actor,
        obj=annotation,
        action=AuditAction.UPDATE,
        verb="annotation_set_status",
        changes=model_changes(before, annotation, ["status"]),
    )
    return annotation


@transaction.atomic
def annotation_comment_add(*, actor, annotation: Annotation, text: str) -> AnnotationComment:
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": _("Write a comment before sending it.")})
    comment = AnnotationComment(annotation=annotation, author=actor, text=text)
    comment.full_clean()
    comment.save()
    audit_record_create(
        actor=actor, obj=comment, action=AuditAction.CREATE, verb="annotation_comment_add"
    )
    return comment


@transaction.atomic
def annotation_comment_resolve(*, actor, comment: AnnotationComment) -> AnnotationComment:
    comment.is_resolved = True
    comment.save(update_fields=["is_resolved", "updated_at"])
    audit_record_create(
        actor=actor, obj=comment, action=AuditAction.UPDATE, verb="annotation_comment_resolve"
    )
    return comment


@transaction.atomic
def read_mark_set(*, actor, item: AgendaItem, read: bool = True) -> None:
    """A reader marks an item as read (or unread again)."""
    if read:
        mark, created = ReadMark.objects.get_or_create(user=actor, agenda_item=item)
        if created:
            audit_record_create(
                actor=actor, obj=mark, action=AuditAction.CREATE, verb="read_mark_set"
            )
    else:
        for mark in ReadMark.objects.filter(user=actor, agenda_item=item):
            audit_record_create(
                actor=actor, obj=mark, action=AuditAction.DELETE, verb="read_mark_clear"
            )
            mark.delete()


@transaction.atomic
def calendar_token_rotate(*, actor) -> CalendarToken:
    """Make (or replace) the user's secret feed token; the old feed URL stops working."""
    CalendarToken.objects.filter(user=actor).delete()
    token = CalendarToken.objects.create(user=actor)
    audit_record_create(
        actor=actor, obj=token, action=AuditAction.UPDATE, verb="calendar_token_rotate"
    )
    return token


@transaction.atomic
def agenda_template_reset(*, actor, body) -> list[AgendaTemplateItem]:
    """Give a body its own copy of the default standard items, to edit in the admin."""
    body.agenda_template_items.all().delete()
    rows = []
    counters = {TemplatePlacement.OPENING: 0, TemplatePlacement.CLOSING: 0}
    for placement, title, purpose in DEFAULT_TEMPLATE_ITEMS:
        counters[placement] += 1
        rows.append(
            AgendaTemplateItem.objects.create(
                body=body,
                placement=placement,
                position=counters[placement],
                title=title,
                purpose=purpose,
            )
        )
    audit_record_create(
        actor=actor, obj=body, action=AuditAction.UPDATE, verb="agenda_template_reset"
    )
    return rows


@transaction.atomic
def dossier_create(*, actor, name: str, slug: str, description: str = "", theme=None):
    """Start following a topic across bodies (issue 3, §5): "Woondeal NHN", "MIRT-verkenning"."""
    from .models import Dossier

    dossier = Dossier(name=(name or "").strip(), slug=slug, description=description, theme=theme)
    dossier.full_clean()
    dossier.save()
    audit_record_create(actor=actor, obj=dossier, action=AuditAction.CREATE, verb="dossier_create")
    return dossier
