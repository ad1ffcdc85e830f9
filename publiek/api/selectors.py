"""What the API publishes: the same as a visitor sees on the pages, as querysets (the lower
floors' rules asked as an anonymous visitor: regiobureau.permissions.visible_item_q and
meeting_queryset_visible)."""

from django.contrib.auth.models import AnonymousUser
from django.db.models import Prefetch, Q, QuerySet

from gremia.models.registry import Body, Membership, Person
from publiek.selectors import PUBLIC_OFFICE_FUNCTIONS
from regiobureau import permissions
from regiobureau.constants import (
    AGENDA_OUT_STATUSES,
    PRESENT_STATES,
    Confidentiality,
    MeetingStatus,
    Presence,
)
from regiobureau.models.attendance import Attendance
from regiobureau.models.decisions import Decision
from regiobureau.models.documents import Document
from regiobureau.models.meetings import AgendaItem, Meeting
from regiobureau.selectors.meetings import meeting_queryset_visible


def _visitor():
    return AnonymousUser()


def public_items() -> QuerySet[AgendaItem]:
    """Public items (of a public main item) of public meetings whose agenda is out."""
    return AgendaItem.objects.filter(
        permissions.visible_item_q(_visitor(), 0, ""), meeting__status__in=AGENDA_OUT_STATUSES
    )


def meetings() -> QuerySet[Meeting]:
    return meeting_queryset_visible(_visitor()).prefetch_related(
        Prefetch(
            "items",
            queryset=public_items().only("pk", "meeting_id").order_by("position", "pk"),
            to_attr="public_items",
        )
    )


def agenda_items() -> QuerySet[AgendaItem]:
    return (
        public_items()
        .select_related("dossier")
        .prefetch_related(
            Prefetch("documents", queryset=public_documents().only("pk", "agenda_item_id"))
        )
    )


def decisions() -> QuerySet[Decision]:
    return Decision.objects.filter(
        permissions.visible_item_q(_visitor(), 0, "item__"),
        item__meeting__status__in=AGENDA_OUT_STATUSES,
    ).select_related("item")


def public_documents() -> QuerySet[Document]:
    return Document.objects.filter(
        permissions.visible_item_q(_visitor(), 0, "agenda_item__"),
        agenda_item__meeting__status__in=AGENDA_OUT_STATUSES,
        confidentiality=Confidentiality.PUBLIC,
    )


def documents() -> QuerySet[Document]:
    return public_documents().select_related("current_version", "agenda_item")


def bodies() -> QuerySet[Body]:
    return Body.objects.select_related("theme")


def persons() -> QuerySet[Person]:
    """Public office holders, with their seats (any body, current or past): name, function,
    organisation and seat are public; e-mail and login never leave the portal."""
    return (
        Person.objects.filter(function__in=PUBLIC_OFFICE_FUNCTIONS)
        .select_related("organisation")
        .prefetch_related(
            Prefetch(
                "memberships",
                queryset=Membership.objects.select_related("body").order_by("body__name", "pk"),
            )
        )
    )


def _held_public_meetings() -> QuerySet[Meeting]:
    return meeting_queryset_visible(_visitor()).filter(
        is_public=True, status__in=(MeetingStatus.HELD, MeetingStatus.CLOSED)
    )


def attendances() -> QuerySet[Attendance]:
    """Who was present at a held public meeting, for public office holders only: the member
    in their seat, or the substitute who came in their place (when that person holds public
    office). Absences and registrations beforehand are not published."""
    office = Q(presence=Presence.PRESENT, membership__person__function__in=PUBLIC_OFFICE_FUNCTIONS)
    stand_in = Q(presence=Presence.SUBSTITUTED, substitute__function__in=PUBLIC_OFFICE_FUNCTIONS)
    return (
        Attendance.objects.filter(meeting__in=_held_public_meetings(), presence__in=PRESENT_STATES)
        .filter(office | stand_in)
        .select_related(
            "membership__person__organisation",
            "membership__organisation",
            "substitute__organisation",
        )
    )
