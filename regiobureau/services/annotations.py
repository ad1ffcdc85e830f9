"""Writes for annotations (versioned, sanitised, concept → ter review → vastgesteld), the
members' comments on them and their "gelezen" marks.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from nhn_portal.core.audit import audit_record_create, audited_create, audited_update
from nhn_portal.core.constants import AuditAction
from nhn_portal.core.richtext import sanitize_rich_text
from regiobureau.constants import ANNOTATION_FIELDS, ANNOTATION_TRANSITIONS, AnnotationStatus
from regiobureau.models.annotations import (
    Annotation,
    AnnotationComment,
    AnnotationVersion,
    ReadMark,
)
from regiobureau.models.meetings import AgendaItem
from regiobureau.services.annotation_reviews import annotation_reviews_lapse
from regiobureau.services.guards import StaleAgendaError


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
        if annotation.adopted_content is None:
            # Adopted before the text was kept apart: keep it now, before it is overwritten.
            annotation.adopted_content = annotation.content()
            annotation.adopted_number = annotation.version
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


@transaction.atomic
def annotation_set_status(*, actor, annotation: Annotation, status: str) -> Annotation:
    """Back to concept for a rewrite (an open review lapses). Sending for review and adopting
    go through the four-eyes review (services.annotation_reviews), never through here."""
    current = AnnotationStatus(annotation.status)
    if status in (AnnotationStatus.IN_REVIEW, AnnotationStatus.ADOPTED) and (
        status in ANNOTATION_TRANSITIONS[current]
    ):
        raise ValidationError(
            _("Send the annotation for review to named reviewers; one of them adopts it."),
            code="needs_review",
        )
    if status not in ANNOTATION_TRANSITIONS[current]:
        raise ValidationError(
            _("An annotation with status “%(current)s” cannot become “%(target)s”.")
            % {
                "current": current.label,
                "target": AnnotationStatus(status).label if status in AnnotationStatus else status,
            },
            code="bad_transition",
        )
    annotation_reviews_lapse(actor=actor, annotation=annotation)
    return audited_update(
        actor=actor,
        obj=annotation,
        verb="annotation_set_status",
        clean=False,
        recorded=["status"],
        status=status,
    )


@transaction.atomic
def annotation_comment_add(*, actor, annotation: Annotation, text: str) -> AnnotationComment:
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": _("Write a comment before sending it.")})
    comment = AnnotationComment(annotation=annotation, author=actor, text=text)
    audited_create(actor=actor, obj=comment, verb="annotation_comment_add")
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
