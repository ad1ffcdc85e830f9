"""Reads of meetings, agendas and stukken, with visibility already applied.

Pages, partials, feeds and PDFs all read through here, so each confidentiality rule is
written once (in permissions.py) and applied the same way everywhere.
"""

import string
from dataclasses import dataclass, field

from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from . import permissions
from .constants import MeetingStatus
from .models import AgendaItem, Annotation, Document, DocumentVersion, Dossier, Meeting


def meeting_queryset_visible(user) -> QuerySet[Meeting]:
    qs = Meeting.objects.select_related("body", "body__theme")
    if permissions.is_secretariat(user):
        return qs
    return qs.exclude(status=MeetingStatus.DRAFT)


def meeting_list_upcoming(
    *, user, body=None, theme=None, subregion=None, include_past: bool = False
) -> QuerySet[Meeting]:
    """The regiokalender: upcoming meetings across all bodies, with optional filters."""
    qs = meeting_queryset_visible(user)
    if not include_past:
        qs = qs.filter(ends_at__gte=timezone.now())
    if body is not None:
        qs = qs.filter(body=body)
    if theme is not None:
        qs = qs.filter(body__theme=theme)
    if subregion is not None:
        # A body belongs to a sub-region's view when someone represents that sub-region there.
        qs = qs.filter(body__memberships__organisation__subregion=subregion).distinct()
    return qs.order_by("starts_at")


def meeting_list_for_member(*, user) -> QuerySet[Meeting]:
    """ "Mijn vergaderingen": meetings of the bodies the user sits on, upcoming first."""
    body_ids = permissions.member_body_ids(user)
    return (
        meeting_queryset_visible(user)
        .filter(body_id__in=body_ids, ends_at__gte=timezone.now())
        .order_by("starts_at")
    )


def access_meeting(*, user, pk: int, for_update: bool = False) -> Meeting:
    """The meeting, or 404 when it does not exist or the user may not see it."""
    qs = meeting_queryset_visible(user)
    if for_update:
        if not permissions.can_manage_meetings(user):
            raise Http404
        qs = qs.select_for_update(of=("self",))
    meeting = qs.filter(pk=pk).first()
    if meeting is None:
        raise Http404
    return meeting


@dataclass
class AgendaRow:
    """One line of an agenda as a given reader may see it."""

    item: AgendaItem
    number: str
    visible: bool
    documents: list[Document] = field(default_factory=list)
    annotation: Annotation | None = None
    children: list["AgendaRow"] = field(default_factory=list)
    is_read: bool = False

    @property
    def late_documents(self) -> bool:
        return any(d.current_version and d.current_version.arrived_late for d in self.documents)


def number_items(items: list[AgendaItem]) -> dict[int, str]:
    """Numbers follow the order: main items 1, 2, 3 …; sub-items 3a, 3b …"""
    numbers: dict[int, str] = {}
    main = [i for i in items if i.parent_id is None]
    children: dict[int, list[AgendaItem]] = {}
    for item in items:
        if item.parent_id is not None:
            children.setdefault(item.parent_id, []).append(item)
    for index, item in enumerate(sorted(main, key=lambda i: i.position), start=1):
        numbers[item.pk] = str(index)
        subs = sorted(children.get(item.pk, []), key=lambda i: i.position)
        for sub_index, sub in enumerate(subs):
            numbers[sub.pk] = f"{index}{_letter(sub_index)}"
    return numbers


def _letter(index: int) -> str:
    letters = string.ascii_lowercase
    if index < len(letters):
        return letters[index]
    return letters[index // 26 - 1] + letters[index % 26]


def agenda_rows(*, user, meeting: Meeting, with_annotations: bool = False) -> list[AgendaRow]:
    """The agenda as `user` may see it; a fixed number of queries whatever its length.

    Items the user may not see stay in the list as placeholders ("Besloten agendapunt") so the
    numbering is the same for everyone, but carry no title, documents or annotation.
    """
    if not permissions.can_see_agenda(user, meeting):
        return []
    confidential_ok = permissions.can_see_confidential(user, meeting.body_id)
    document_filter = Q() if confidential_ok else Q(confidentiality="openbaar")
    prefetches = [
        Prefetch(
            "documents",
            queryset=Document.objects.filter(document_filter)
            .select_related("current_version")
            .order_by("title", "pk"),
        )
    ]
    items_qs = AgendaItem.objects.filter(meeting=meeting).select_related("presenter", "dossier")
    if with_annotations and permissions.can_read_annotations(user, meeting):
        items_qs = items_qs.select_related("annotation")
    items = list(items_qs.prefetch_related(*prefetches).order_by("position", "pk"))
    numbers = number_items(items)
    read_ids: set[int] = set()
    if user.is_authenticated and with_annotations:
        read_ids = set(
            user.read_marks.filter(agenda_item__meeting=meeting).values_list(
                "agenda_item_id", flat=True
            )
        )
    rows: dict[int, AgendaRow] = {}
    by_pk = {item.pk: item for item in items}
    for item in items:
        visible = confidential_ok or (
            meeting.is_public and permissions.is_public_item(item, by_pk.get(item.parent_id))
        )
        annotation = None
        if visible and with_annotations and permissions.can_read_annotations(user, meeting):
            annotation = item.annotation if _has_annotation(item) else None
        rows[item.pk] = AgendaRow(
            item=item,
            number=numbers[item.pk],
            visible=visible,
            documents=list(item.documents.all()) if visible else [],
            annotation=annotation,
            is_read=item.pk in read_ids,
        )
    top: list[AgendaRow] = []
    for item in items:
        row = rows[item.pk]
        if item.parent_id is None:
            top.append(row)
        elif item.parent_id in rows:
            rows[item.parent_id].children.append(row)
    return top


def _has_annotation(item: AgendaItem) -> bool:
    try:
        item.annotation  # noqa: B018 - the select_related cache answers without a query
    except Annotation.DoesNotExist:
        return False
    return True


def flatten(rows: list[AgendaRow]) -> list[AgendaRow]:
    out: list[AgendaRow] = []
    for row in rows:
        out.append(row)
        out.extend(row.children)
    return out


def access_agenda_item(*, user, pk: int) -> AgendaItem:
    item = (
        AgendaItem.objects.select_related("meeting", "meeting__body", "parent")
        .filter(pk=pk)
        .first()
    )
    if item is None or not permissions.can_see_meeting(user, item.meeting):
        raise Http404
    if not permissions.can_see_item(user, item, item.meeting):
        raise Http404
    return item


def access_document(*, user, pk: int) -> Document:
    document = (
        Document.objects.select_related(
            "current_version",
            "agenda_item",
            "agenda_item__parent",
            "agenda_item__meeting",
            "agenda_item__meeting__body",
        )
        .filter(pk=pk)
        .first()
    )
    if document is None:
        raise Http404
    item = document.agenda_item
    meeting = item.meeting
    if not permissions.can_see_meeting(user, meeting) or not permissions.can_see_document(
        user, document, item, meeting
    ):
        raise Http404
    return document


def access_document_version(*, user, document_pk: int, number: int | None) -> DocumentVersion:
    """The requested version (the current one by default), or 404; earlier versions are
    for the secretariat, readers always get the newest."""
    document = access_document(user=user, pk=document_pk)
    if number is None:
        if document.current_version is None:
            raise Http404
        return document.current_version
    if not permissions.is_secretariat(user):
        raise Http404
    version = document.versions.filter(number=number).first()
    if version is None:
        raise Http404
    return version


def access_annotation(*, user, item_pk: int) -> Annotation:
    item = access_agenda_item(user=user, pk=item_pk)
    if not permissions.can_read_annotations(user, item.meeting):
        raise Http404
    annotation = Annotation.objects.filter(agenda_item=item).select_related("agenda_item").first()
    if annotation is None:
        raise Http404
    return annotation


def dossier_trail(*, user, dossier: Dossier) -> list[tuple[Meeting, list[AgendaRow]]]:
    """A dossier's path through bodies and meetings in time order, as the user may see it."""
    items = (
        AgendaItem.objects.filter(dossier=dossier)
        .select_related("meeting", "meeting__body", "parent")
        .order_by("meeting__starts_at", "position")
    )
    trail: dict[int, tuple[Meeting, list[AgendaRow]]] = {}
    for item in items:
        meeting = item.meeting
        if not permissions.can_see_meeting(user, meeting):
            continue
        if not permissions.can_see_item(user, item, meeting):
            continue
        entry = trail.setdefault(meeting.pk, (meeting, []))
        entry[1].append(AgendaRow(item=item, number="", visible=True))
    return list(trail.values())


def open_comments_for(*, user):
    """The user's own unresolved comments, for "open reacties" at a glance."""
    return (
        user.annotation_comments.filter(is_resolved=False)
        .select_related("annotation__agenda_item__meeting__body")
        .order_by("-created_at")
    )


def annotation_comments_for_meeting(*, user, meeting: Meeting) -> dict[int, list]:
    """Comment threads of all annotations of a meeting, keyed by annotation id (one query);
    empty for readers who may not read annotations."""
    from .models import AnnotationComment

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


def item_documents(*, user, item: AgendaItem) -> list[Document]:
    """The stukken of an item the user may see (the item itself already passed access)."""
    meeting = item.meeting
    qs = item.documents.select_related("current_version").order_by("title", "pk")
    if not permissions.can_see_confidential(user, meeting.body_id):
        qs = qs.filter(confidentiality="openbaar")
    return list(qs)


def document_versions(*, user, document: Document) -> list[DocumentVersion]:
    """Every version with who uploaded it; the history is for the secretariat only."""
    if not permissions.is_secretariat(user):
        raise Http404
    return list(document.versions.select_related("uploaded_by").order_by("-number"))


def annotation_versions(*, user, annotation: Annotation) -> list:
    """Saved versions of an annotation, newest first, for the secretariat's diff."""
    if not permissions.is_secretariat(user):
        raise Http404
    return list(annotation.versions.select_related("saved_by").order_by("-number"))


def dossier_list(*, user) -> QuerySet[Dossier]:
    return Dossier.objects.select_related("theme").order_by("name")


def access_dossier(*, user, slug: str) -> Dossier:
    dossier = Dossier.objects.select_related("theme").filter(slug=slug).first()
    if dossier is None:
        raise Http404
    return dossier


def meeting_list_for_body_feed(*, body) -> QuerySet[Meeting]:
    """The public feed of a body: every meeting past the draft stage, as anyone may see it."""
    from django.contrib.auth.models import AnonymousUser

    return meeting_queryset_visible(AnonymousUser()).filter(body=body).order_by("starts_at")


def meeting_list_for_personal_feed(*, user) -> QuerySet[Meeting]:
    """The personal feed: meetings (past the draft stage) of the bodies the user sits on."""
    body_ids = permissions.member_body_ids(user)
    return (
        Meeting.objects.select_related("body")
        .exclude(status=MeetingStatus.DRAFT)
        .filter(body_id__in=body_ids)
        .order_by("starts_at")
    )


def annotation_for_item(*, user, item: AgendaItem) -> Annotation | None:
    """The item's annotation for someone allowed to read it (None when not written yet)."""
    if not permissions.can_read_annotations(user, item.meeting):
        raise Http404
    return Annotation.objects.filter(agenda_item=item).first()


def access_comment(*, user, pk: int):
    """A comment on an annotation the user may read, or 404."""
    from .models import AnnotationComment

    comment = (
        AnnotationComment.objects.select_related(
            "annotation__agenda_item__meeting__body", "annotation__agenda_item__parent"
        )
        .filter(pk=pk)
        .first()
    )
    if comment is None:
        raise Http404
    item = comment.annotation.agenda_item
    if not permissions.can_see_meeting(user, item.meeting) or not permissions.can_see_item(
        user, item, item.meeting
    ):
        raise Http404
    if not permissions.can_read_annotations(user, item.meeting):
        raise Http404
    return comment


def calendar_token_for(*, user):
    """The user's personal feed token, or None when no feed link was made yet."""
    from .models import CalendarToken

    if not user.is_authenticated:
        return None
    return CalendarToken.objects.filter(user=user).first()


def agenda_rows_for_members(*, meeting: Meeting) -> list[AgendaRow]:
    """The whole agenda as its members read it: every item with its annotation and all its
    stukken, vertrouwelijk ones included. For the members' PDF (issue #4), which is made by a
    worker without a reader; whoever downloads it passes `can_see_confidential` first."""
    items = list(
        AgendaItem.objects.filter(meeting=meeting)
        .select_related("presenter", "dossier", "annotation")
        .prefetch_related(
            Prefetch(
                "documents",
                queryset=Document.objects.select_related("current_version").order_by("title", "pk"),
            )
        )
        .order_by("position", "pk")
    )
    numbers = number_items(items)
    rows = {
        item.pk: AgendaRow(
            item=item,
            number=numbers[item.pk],
            visible=True,
            documents=list(item.documents.all()),
            annotation=item.annotation if _has_annotation(item) else None,
        )
        for item in items
    }
    top: list[AgendaRow] = []
    for item in items:
        if item.parent_id is None:
            top.append(rows[item.pk])
        elif item.parent_id in rows:
            rows[item.parent_id].children.append(rows[item.pk])
    return top
