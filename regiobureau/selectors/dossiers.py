"""Reads of dossiers: the list, one dossier, and its trail through bodies and meetings."""

from django.db.models import QuerySet

from nhn_portal.core.access import NotFound
from regiobureau import permissions
from regiobureau.models.meetings import AgendaItem, Dossier, Meeting
from regiobureau.selectors.agenda import AgendaRow


def dossier_list(*, user) -> QuerySet[Dossier]:
    return Dossier.objects.select_related("theme").order_by("name")


def access_dossier(*, user, slug: str) -> Dossier:
    dossier = Dossier.objects.select_related("theme").filter(slug=slug).first()
    if dossier is None:
        raise NotFound
    return dossier


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
