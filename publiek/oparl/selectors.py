"""What OParl publishes: exactly what an anonymous visitor sees on the public pages, as
querysets (the lower floors' rules asked as a visitor: regiobureau.permissions.visible_item_q
and meeting_queryset_visible). A closed meeting is listed by its body and date only; its
items, stukken and decisions never leave the portal."""

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


def files() -> QuerySet[Document]:
    """Public stukken with a file, of public items of meetings whose agenda is out."""
    return Document.objects.filter(
        permissions.visible_item_q(_visitor(), 0, "agenda_item__"),
        agenda_item__meeting__status__in=AGENDA_OUT_STATUSES,
        confidentiality=Confidentiality.PUBLIC,
        current_version__isnull=False,
    ).select_related("current_version", "agenda_item")


def agenda_items() -> QuerySet[AgendaItem]:
    """Public items (of a public main item) of public meetings whose agenda is out, with
    their public stukken and their recorded decision."""
    return (
        AgendaItem.objects.filter(
            permissions.visible_item_q(_visitor(), 0, ""),
            meeting__status__in=AGENDA_OUT_STATUSES,
        )
        .select_related("parent")
        .prefetch_related(
            Prefetch("documents", queryset=files().order_by("pk"), to_attr="public_files"),
            Prefetch(
                "decisions",
                queryset=Decision.objects.order_by("-pk"),
                to_attr="public_decisions",
            ),
        )
    )


def participants() -> QuerySet[Attendance]:
    """Who was present at a held public meeting, for public office holders only: the member
    in their seat, or the substitute who came in their place (when that person holds public
    office). Absences and registrations beforehand are not published."""
    office = Q(presence=Presence.PRESENT, membership__person__function__in=PUBLIC_OFFICE_FUNCTIONS)
    stand_in = Q(presence=Presence.SUBSTITUTED, substitute__function__in=PUBLIC_OFFICE_FUNCTIONS)
    return (
        Attendance.objects.filter(
            meeting__is_public=True,
            meeting__status__in=(MeetingStatus.HELD, MeetingStatus.CLOSED),
            presence__in=PRESENT_STATES,
        )
        .filter(office | stand_in)
        .select_related("membership")
        .order_by("pk")
    )


def meetings() -> QuerySet[Meeting]:
    """Every meeting a visitor can see (not the drafts); the items and participants of the
    public ones."""
    return meeting_queryset_visible(_visitor()).prefetch_related(
        Prefetch(
            "items",
            queryset=agenda_items().order_by("position", "pk"),
            to_attr="oparl_items",
        ),
        Prefetch("attendances", queryset=participants(), to_attr="oparl_participants"),
    )


def papers() -> QuerySet[Document]:
    return files()


def organizations() -> QuerySet[Body]:
    return Body.objects.prefetch_related(
        Prefetch("memberships", queryset=memberships().order_by("pk"), to_attr="public_seats")
    )


def memberships() -> QuerySet[Membership]:
    """Seats of public office holders only (name, function and seat are public)."""
    return Membership.objects.filter(person__function__in=PUBLIC_OFFICE_FUNCTIONS)


def persons() -> QuerySet[Person]:
    """Public office holders: name, function and seats; e-mail and login never leave."""
    return Person.objects.filter(function__in=PUBLIC_OFFICE_FUNCTIONS).prefetch_related(
        Prefetch("memberships", queryset=Membership.objects.order_by("pk"), to_attr="seats")
    )
