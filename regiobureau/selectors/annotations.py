"""Reads of annotations, their versions and comment threads, for those who may read them."""

from nhn_portal.core.access import NotFound
from regiobureau import permissions
from regiobureau.models.annotations import Annotation, AnnotationComment
from regiobureau.models.meetings import AgendaItem, Meeting
from regiobureau.selectors.agenda import access_agenda_item


def access_annotation(*, user, item_pk: int) -> Annotation:
    item = access_agenda_item(user=user, pk=item_pk)
    if not permissions.can_read_annotations(user, item.meeting):
        raise NotFound
    annotation = Annotation.objects.filter(agenda_item=item).select_related("agenda_item").first()
    if annotation is None:
        raise NotFound
    if not permissions.is_secretariat(user) and annotation.for_members() is None:
        raise NotFound  # a concept the members have not been shown
    return annotation


def annotation_for_item(*, user, item: AgendaItem) -> Annotation | None:
    """The item's annotation for someone allowed to read it (None when not written yet): the
    secretariat's working text, or what members read (`Annotation.for_members`)."""
    if not permissions.can_read_annotations(user, item.meeting):
        raise NotFound
    annotation = Annotation.objects.filter(agenda_item=item).first()
    if annotation is None or permissions.is_secretariat(user):
        return annotation
    return annotation.for_members()


def annotation_versions(*, user, annotation: Annotation) -> list:
    """Saved versions of an annotation, newest first, for the secretariat's diff."""
    if not permissions.is_secretariat(user):
        raise NotFound
    return list(annotation.versions.select_related("saved_by").order_by("-number"))


def annotation_comments_for_meeting(*, user, meeting: Meeting) -> dict[int, list]:
    """Comment threads of all annotations of a meeting, keyed by annotation id (one query);
    empty for readers who may not read annotations."""
    if not permissions.can_read_annotations(user, meeting):
        return {}
    threads: dict[int, list] = {}
    comments = (
        AnnotationComment.objects.filter(annotation__agenda_item__meeting=meeting)
        .select_related("author")
        .order_by("created_at", "pk")
    )
    for comment in comments:
        threads.setdefault(comment.annotation_id, []).append(comment)
    return threads


def annotation_thread(*, user, annotation: Annotation) -> list:
    """One annotation's comment thread (one query), for a reader allowed to read it."""
    if not permissions.can_read_annotations(user, annotation.agenda_item.meeting):
        raise NotFound
    return list(
        annotation.comments.select_related("author").order_by("created_at", "pk")
        if annotation.pk
        else []
    )


def read_item_ids(*, user, meeting: Meeting) -> set[int]:
    """The ids of the meeting's items the user has marked as read (one query)."""
    if not user.is_authenticated:
        return set()
    return set(
        user.read_marks.filter(agenda_item__meeting=meeting).values_list(
            "agenda_item_id", flat=True
        )
    )


def open_comments_for(*, user):
    """The user's own unresolved comments, for "open reacties" at a glance."""
    return (
        user.annotation_comments.filter(is_resolved=False)
        .select_related("annotation__agenda_item__meeting__body")
        .order_by("-created_at")
    )


def access_comment(*, user, pk: int):
    """A comment on an annotation the user may read, or 404."""
    comment = (
        AnnotationComment.objects.select_related(
            "annotation__agenda_item__meeting__body", "annotation__agenda_item__parent"
        )
        .filter(pk=pk)
        .first()
    )
    if comment is None:
        raise NotFound
    item = comment.annotation.agenda_item
    if not permissions.can_see_meeting(user, item.meeting) or not permissions.can_see_item(
        user, item, item.meeting
    ):
        raise NotFound
    if not permissions.can_read_annotations(user, item.meeting):
        raise NotFound
    return comment
