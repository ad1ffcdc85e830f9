"""What the meeting core makes searchable: meetings, agenda items, stukken and decisions (the
minutes app adds the accounts of the minutes, hanging on their items), each with the
visibility its page has (regiobureau/permissions.py, asked as an anonymous visitor): "public"
when a visitor may see it, "members" when only the body's members
(and the secretariat) may, "secretariat" while it is a draft or the agenda is not out.

The services call `meeting_search_refresh` / `item_search_refresh` / `search_entries_refresh`
in their transaction whenever they change something searchable or what may be shown of it.
"""

from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from nhn_portal.core.models import SearchEntry
from nhn_portal.core.search import (
    IndexedEntry,
    register_indexer,
    register_member_bodies,
    register_preparer,
    search_entries_refresh,
    search_entries_remove,
    search_refresh_skipped,
)
from regiobureau import permissions
from regiobureau.constants import MeetingStatus
from regiobureau.models.decisions import Decision, DecisionList
from regiobureau.models.documents import Document
from regiobureau.models.meetings import AgendaItem, Meeting

Visibility = SearchEntry.Visibility


def meeting_visibility(meeting: Meeting) -> str:
    if meeting.status == MeetingStatus.DRAFT:
        return Visibility.SECRETARIAT
    return Visibility.PUBLIC if meeting.is_public else Visibility.MEMBERS


def item_visibility(item: AgendaItem, meeting: Meeting | None = None) -> str:
    meeting = meeting or item.meeting
    visitor = AnonymousUser()
    if not permissions.can_see_agenda(visitor, meeting):
        return Visibility.SECRETARIAT
    if permissions.can_see_item(visitor, item, meeting):
        return Visibility.PUBLIC
    return Visibility.MEMBERS


def common_fields(meeting: Meeting) -> dict:
    body = meeting.body
    return {
        "date": meeting.starts_at,
        "body_id": body.pk,
        "body_name": body.name,
        "theme_name": body.theme.name if body.theme_id else "",
    }


def index_meeting(meeting: Meeting) -> IndexedEntry:
    visibility = meeting_visibility(meeting)
    text = meeting.location if visibility == Visibility.PUBLIC else ""
    return IndexedEntry(
        kind="meeting",
        title=str(meeting),
        url=reverse("regiobureau:meeting_detail", kwargs={"pk": meeting.pk}),
        visibility=visibility,
        text=text,
        **common_fields(meeting),
    )


def index_item(item: AgendaItem) -> IndexedEntry:
    meeting = item.meeting
    return IndexedEntry(
        kind="agenda_item",
        title=item.title,
        text=item.description,
        url=reverse("regiobureau:item_detail", kwargs={"pk": item.pk}),
        visibility=item_visibility(item, meeting),
        dossier_name=item.dossier.name if item.dossier_id else "",
        **common_fields(meeting),
    )


def index_document(document: Document) -> IndexedEntry:
    item = document.agenda_item
    visibility = item_visibility(item)
    if document.is_confidential and visibility == Visibility.PUBLIC:
        visibility = Visibility.MEMBERS
    version = document.current_version
    return IndexedEntry(
        kind="document",
        title=document.title,
        text=(version.text if version is not None else ""),
        url=reverse("regiobureau:document_download", kwargs={"pk": document.pk}),
        visibility=visibility,
        dossier_name=item.dossier.name if item.dossier_id else "",
        **common_fields(item.meeting),
    )


def _list_adopted(meeting: Meeting) -> bool:
    try:
        return meeting.decision_list.is_adopted
    except DecisionList.DoesNotExist:
        return False


def index_decision(decision: Decision) -> IndexedEntry:
    """A decision's hit opens its public page once that exists (a public item whose list was
    adopted, as selectors.decisions.decisions_adopted_public), else its agenda item."""
    item = decision.item
    visibility = item_visibility(item)
    if visibility == Visibility.PUBLIC and _list_adopted(item.meeting):
        url = reverse("publiek:decision_detail", kwargs={"pk": decision.pk})
    else:
        url = reverse("regiobureau:item_detail", kwargs={"pk": item.pk})
    return IndexedEntry(
        kind="decision",
        title=item.title,
        text=decision.text,
        url=url,
        visibility=visibility,
        dossier_name=item.dossier.name if item.dossier_id else "",
        **common_fields(item.meeting),
    )


register_indexer(Meeting, index_meeting, kind="meeting", label=_("Meeting"))
register_indexer(AgendaItem, index_item, kind="agenda_item", label=_("Agenda item"))
register_indexer(Document, index_document, kind="document", label=_("Document"))
register_indexer(Decision, index_decision, kind="decision", label=_("Decision"))
# Members and the assistants who read for them (gremia.Delegation) find the same.
register_member_bodies(permissions.readable_body_ids)
register_preparer(Meeting, lambda qs: qs.select_related("body__theme"))
register_preparer(
    AgendaItem, lambda qs: qs.select_related("meeting__body__theme", "parent", "dossier")
)
register_preparer(
    Document,
    lambda qs: qs.select_related(
        "agenda_item__meeting__body__theme",
        "agenda_item__parent",
        "agenda_item__dossier",
        "current_version",
    ),
)
register_preparer(
    Decision,
    lambda qs: qs.select_related(
        "item__meeting__body__theme",
        "item__meeting__decision_list",
        "item__parent",
        "item__dossier",
    ),
)
# Objects of higher floors that hang on an agenda item and follow its visibility (the accounts
# of the minutes): model → (the name of its item field, the relations to load with it).
_ITEM_DEPENDENTS: dict[type, tuple[str, tuple[str, ...]]] = {}


def register_item_dependent(model: type, *, item_field: str = "item", related=()) -> None:
    """Re-index and remove `model`'s entries with the agenda items they hang on."""
    _ITEM_DEPENDENTS[model] = (item_field, tuple(related))


def _item_dependents(item_ids) -> list:
    return [
        row
        for model, (field, related) in _ITEM_DEPENDENTS.items()
        for row in model.objects.filter(**{f"{field}_id__in": item_ids}).select_related(*related)
    ]


def item_search_refresh(*, items) -> int:
    """Re-index items with their stukken and decisions (and the sub-items of each, whose
    visibility follows their main item)."""
    if search_refresh_skipped():
        return 0
    ids = {item.pk for item in items}
    items = ids | set(AgendaItem.objects.filter(parent_id__in=ids).values_list("pk", flat=True))
    rows = list(
        AgendaItem.objects.filter(pk__in=items).select_related(
            "meeting__body__theme", "parent", "dossier"
        )
    )
    documents = list(
        Document.objects.filter(agenda_item_id__in=items).select_related(
            "agenda_item__meeting__body__theme",
            "agenda_item__parent",
            "agenda_item__dossier",
            "current_version",
        )
    )
    decisions = list(
        Decision.objects.filter(item_id__in=items).select_related(
            "item__meeting__body__theme",
            "item__meeting__decision_list",
            "item__parent",
            "item__dossier",
        )
    )
    return search_entries_refresh(objects=[*rows, *documents, *decisions, *_item_dependents(items)])


def meeting_search_refresh(*, meeting: Meeting) -> int:
    """Re-index a meeting and everything on its agenda (its status or publicity changed)."""
    if search_refresh_skipped():
        return 0
    meeting = Meeting.objects.select_related("body__theme").get(pk=meeting.pk)
    written = search_entries_refresh(objects=[meeting])
    return written + item_search_refresh(items=list(meeting.items.all()))


def meetings_search_refresh(*, meetings) -> int:
    """Index several new meetings and their items at once (a series planned in one go)."""
    if search_refresh_skipped():
        return 0
    ids = [meeting.pk for meeting in meetings]
    rows = list(Meeting.objects.select_related("body__theme").filter(pk__in=ids))
    written = search_entries_refresh(objects=rows)
    return written + item_search_refresh(items=list(AgendaItem.objects.filter(meeting_id__in=ids)))


def items_search_remove(*, items) -> None:
    """Remove the entries of items about to be deleted, with their sub-items, stukken and
    decisions (deleted with them)."""
    ids = {item.pk for item in items}
    ids |= set(AgendaItem.objects.filter(parent_id__in=ids).values_list("pk", flat=True))
    search_entries_remove(model=AgendaItem, ids=ids)
    search_entries_remove(
        model=Document,
        ids=Document.objects.filter(agenda_item_id__in=ids).values_list("pk", flat=True),
    )
    search_entries_remove(
        model=Decision, ids=Decision.objects.filter(item_id__in=ids).values_list("pk", flat=True)
    )
    for model, (field, _related) in _ITEM_DEPENDENTS.items():
        search_entries_remove(
            model=model,
            ids=model.objects.filter(**{f"{field}_id__in": ids}).values_list("pk", flat=True),
        )
