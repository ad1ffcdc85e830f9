"""The accounts of the minutes in search, each as its page shows it: the secretariat finds a
draft, the body's members minutes sent for comments, anyone the adopted minutes of a public
meeting for its public items."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from minutes.constants import MinutesStatus
from minutes.models import MinutesEntry
from nhn_portal.core.search import (
    IndexedEntry,
    register_indexer,
    register_preparer,
    search_entries_refresh,
)
from regiobureau.search import Visibility, common_fields, item_visibility, register_item_dependent


def minutes_entry_visibility(entry: MinutesEntry) -> str:
    """As the minutes' pages: the secretariat reads a draft, the body's members the minutes
    sent for comments; adopted minutes of a public meeting are public for its public items."""
    minutes = entry.minutes
    meeting = minutes.meeting
    if minutes.status == MinutesStatus.DRAFT:
        return Visibility.SECRETARIAT
    if minutes.status == MinutesStatus.SENT or not meeting.is_public:
        return Visibility.MEMBERS
    return item_visibility(entry.item, meeting)


def index_minutes_entry(entry: MinutesEntry) -> IndexedEntry | None:
    if not entry.text:
        return None
    item = entry.item
    meeting = entry.minutes.meeting
    url = reverse("minutes:minutes_detail", kwargs={"pk": meeting.pk})
    return IndexedEntry(
        kind="minutes",
        title=item.title,
        text=entry.text,
        url=f"{url}#verslag-{item.pk}",
        visibility=minutes_entry_visibility(entry),
        dossier_name=item.dossier.name if item.dossier_id else "",
        **common_fields(meeting),
    )


register_indexer(MinutesEntry, index_minutes_entry, kind="minutes", label=_("Meeting minutes"))
MINUTES_ENTRY_RELATED = (
    "minutes__meeting__body__theme",
    "item__meeting__body__theme",
    "item__parent",
    "item__dossier",
)
register_preparer(MinutesEntry, lambda qs: qs.select_related(*MINUTES_ENTRY_RELATED))


def minutes_search_refresh(*, minutes) -> int:
    """Re-index the accounts of one meeting's minutes (their status changed)."""
    entries = MinutesEntry.objects.filter(minutes=minutes).select_related(*MINUTES_ENTRY_RELATED)
    return search_entries_refresh(objects=list(entries))


register_item_dependent(MinutesEntry, related=MINUTES_ENTRY_RELATED)
