"""The agenda as a reader may see it: numbered rows (1, 2, 3a, 3b), closed items as
placeholders for outsiders, a fixed number of queries whatever the agenda's length.
"""

import hashlib
import string
from dataclasses import dataclass, field

from django.db.models import Count, Max, Prefetch, Q, Subquery, Sum, Value

from gremia.models.registry import Person
from nhn_portal.core.access import NotFound, require_secretariat
from nhn_portal.core.stamps import ObjectQuery, RowsQuery, StampQuery
from regiobureau import permissions
from regiobureau.constants import Confidentiality
from regiobureau.models.annotations import Annotation
from regiobureau.models.documents import Document
from regiobureau.models.meetings import AgendaItem, Dossier, Meeting


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
    secretariat = permissions.is_secretariat(user)
    document_filter = Q() if confidential_ok else Q(confidentiality=Confidentiality.PUBLIC)
    prefetches = [
        Prefetch(
            "documents",
            queryset=Document.objects.filter(document_filter)
            .select_related("current_version")
            .order_by("title", "pk"),
        )
    ]
    items_qs = AgendaItem.objects.filter(meeting=meeting).select_related("presenter", "dossier")
    # Once per agenda, not once per item.
    annotations_ok = with_annotations and permissions.can_read_annotations(user, meeting)
    if annotations_ok:
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
        if visible and annotations_ok:
            annotation = item.annotation if _has_annotation(item) else None
            if annotation is not None and not secretariat:
                annotation = annotation.for_members()
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


def reading_version(*, user, meeting: Meeting) -> str:
    """What the reading page's cached list of items depends on, in one query: the agenda
    version, the meeting, every item, its presenter and dossier, and the stukken the reader's
    audience sees (count and latest change). Any write that changes the list changes this
    string, so it keys the cache together with the audience (`reading_audience`)."""
    if permissions.can_see_confidential(user, meeting.body_id):
        return _agenda_stamp(meeting, _READING_STAMP)
    return _agenda_stamp(meeting, _PUBLIC_READING_STAMP)


def editor_version(*, meeting: Meeting) -> str:
    """What the agenda editor's cached list depends on, in one query: everything of
    `reading_version` as the secretariat sees it (every stuk), each stuk's current version
    (its "late" badge) and every annotation (its status badge)."""
    return _agenda_stamp(meeting, _EDITOR_STAMP)


def _agenda_facts(meeting_id: int, *, document_filter: Q, **more):
    # values() + annotate() with no ordering: one row of aggregates (none without items).
    return (
        AgendaItem.objects.filter(meeting_id=meeting_id)
        .order_by()
        .values("meeting_id")
        .annotate(
            n_items=Count("pk", distinct=True),
            items_at=Max("updated_at"),
            presenters_at=Max("presenter__updated_at"),
            dossiers_at=Max("dossier__updated_at"),
            n_documents=Count("documents", filter=document_filter, distinct=True),
            documents_at=Max("documents__updated_at"),
            **more,
        )
    )


# One compiled query per shape (nhn_portal.core.stamps): the ORM took longer to compile the
# aggregate than the database to answer it.
_READING_STAMP = StampQuery(lambda meeting_id: _agenda_facts(meeting_id, document_filter=Q()))
_PUBLIC_READING_STAMP = StampQuery(
    lambda meeting_id: _agenda_facts(
        meeting_id, document_filter=Q(documents__confidentiality=Confidentiality.PUBLIC)
    )
)
_EDITOR_STAMP = StampQuery(
    lambda meeting_id: _agenda_facts(
        meeting_id,
        document_filter=Q(),
        current_versions=Sum("documents__current_version_id"),
        n_annotations=Count("annotation", distinct=True),
        annotations_at=Max("annotation__updated_at"),
    )
)


def _agenda_stamp(meeting: Meeting, stamp: StampQuery) -> str:
    return f"{meeting.agenda_version}-{meeting.updated_at.timestamp()}-{stamp(meeting.pk)}"


def reading_audience(*, user, meeting: Meeting) -> str:
    """Whose version of the agenda the reader sees: the body's own (closed items and
    confidential stukken included) or the public one. Part of every cache key of the page,
    so a body's closed items are never served from the cache to someone outside it."""
    return "body" if permissions.can_see_confidential(user, meeting.body_id) else "public"


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


_ITEM_BY_PK = ObjectQuery(
    lambda pk: (
        AgendaItem.objects.select_related("meeting", "meeting__body", "parent")
        .filter(pk=pk)
        .order_by()
    )
)


def access_agenda_item(*, user, pk: int) -> AgendaItem:
    item = _ITEM_BY_PK.first(pk)
    if item is None:
        raise NotFound
    if not permissions.can_see_meeting(user, item.meeting):
        raise NotFound
    if not permissions.can_see_item(user, item, item.meeting):
        raise NotFound
    return item


def _table_facts(prefix: str, model) -> dict:
    """The number of rows of `model`'s table and their latest change, as subqueries: they
    change with every save and every delete of a row."""
    table = model.objects.order_by().annotate(whole=Value(1)).values("whole")  # no grouping
    return {
        f"{prefix}_rows": Subquery(table.annotate(rows=Count("pk")).values("rows")),
        f"{prefix}_at": Subquery(table.annotate(at=Max("updated_at")).values("at")),
    }


# The edit form's facts in one query: the item's last change, its agenda's version, and the
# person and dossier tables' (the form's choice lists).
_ITEM_FORM_FACTS = RowsQuery(
    lambda pk: (
        AgendaItem.objects.filter(pk=pk)
        .order_by()
        .annotate(**_table_facts("people", Person), **_table_facts("dossiers", Dossier))
        .values_list(
            "meeting__agenda_version",
            "updated_at",
            "people_rows",
            "people_at",
            "dossiers_rows",
            "dossiers_at",
        )
    )
)


def secretariat_item_stamp(*, user, pk: int) -> str:
    """What an agenda item's edit form changes with (the item's last change, its agenda's
    version, the people and dossiers of its choice lists), for the secretariat, without
    loading the item: the htmx edit form comes from the cache on this alone (issue 26). The
    secretariat may see every item (`permissions.can_see_item`), so this is
    `access_agenda_item` for it; anyone else, and an item that does not exist, is NotFound."""
    require_secretariat(user)
    rows = _ITEM_FORM_FACTS.rows(pk)
    if not rows:
        raise NotFound
    return hashlib.blake2b("|".join(map(str, rows[0])).encode(), digest_size=12).hexdigest()


def agenda_rows_for_members(*, meeting: Meeting) -> list[AgendaRow]:
    """The whole agenda as its members read it: every item with its annotation (as members
    read it: `Annotation.for_members`) and all its stukken, vertrouwelijk ones included. For
    the members' PDF, which is made by a worker without a reader; whoever
    downloads it passes `can_see_confidential` first."""
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
            annotation=item.annotation.for_members() if _has_annotation(item) else None,
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
