"""What the API publishes: the same as a visitor sees on the pages, as querysets (the lower
floors' rules asked as an anonymous visitor: regiobureau.permissions.visible_item_q and
meeting_queryset_visible)."""

from django.contrib.auth.models import AnonymousUser
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet, Subquery

from gremia.constants import OrganisationKind, PersonFunction
from gremia.models.registry import Body, Membership, Organisation, Person
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
from regiobureau.models.decisions import Decision, Vote
from regiobureau.models.documents import Document
from regiobureau.models.meetings import AgendaItem, Meeting
from regiobureau.selectors.meetings import meeting_queryset_visible
from rounds.models import WrittenRound


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


def _public_decisions() -> QuerySet[Decision]:
    return Decision.objects.filter(
        permissions.visible_item_q(_visitor(), 0, "item__"),
        item__meeting__status__in=AGENDA_OUT_STATUSES,
    )


def decisions() -> QuerySet[Decision]:
    return (
        _public_decisions()
        .select_related("item__meeting")
        .annotate(has_vote=Exists(votings().filter(pk=OuterRef("pk")).values("pk")))
    )


def votes() -> QuerySet[Vote]:
    """The votes by name on public decisions of those present in public office at the held
    public meeting (an ORI vote belongs to a present participant), each with that
    participant's attendance."""
    present = (
        attendances()
        .filter(meeting_id=OuterRef("decision__item__meeting_id"))
        .filter(
            Q(substitute_id=OuterRef("member_id"))
            | Q(substitute__isnull=True, membership__person_id=OuterRef("member_id"))
        )
    )
    return (
        Vote.objects.filter(decision__in=_public_decisions())
        .annotate(attendance_id=Subquery(present.order_by("pk").values("pk")[:1]))
        .filter(attendance_id__isnull=False)
    )


def votings() -> QuerySet[Decision]:
    """The public decisions that were voted on: by name at the meeting, or in a written
    round (whose answers are not published one by one: a round has no one present)."""
    return (
        _public_decisions()
        .filter(
            Q(Exists(votes().filter(decision_id=OuterRef("pk"))))
            | Q(Exists(WrittenRound.objects.filter(decision_id=OuterRef("pk"))))
        )
        .annotate(
            round_id=Subquery(
                WrittenRound.objects.filter(decision_id=OuterRef("pk")).values("pk")[:1]
            )
        )
        .prefetch_related(
            Prefetch("votes", queryset=votes().order_by("pk"), to_attr="public_votes")
        )
    )


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


# The functions that sit in a municipality's, province's or water board's daily board.
DAILY_BOARD_FUNCTIONS = {
    OrganisationKind.MUNICIPALITY: (PersonFunction.MAYOR, PersonFunction.ALDERMAN),
    OrganisationKind.PROVINCE: (PersonFunction.DEPUTY,),
    OrganisationKind.WATER_BOARD: (PersonFunction.DIKEGRAAF, PersonFunction.BOARD_MEMBER),
}


def daily_boards() -> QuerySet[Organisation]:
    """The colleges (and a province's or water board's daily board) the portal knows: a
    municipality, province or water board with at least one of its daily board's members
    registered. Public: who governs a public body is public."""
    has_member = Q()
    for kind, functions in DAILY_BOARD_FUNCTIONS.items():
        members = Person.objects.filter(organisation=OuterRef("pk"), function__in=functions)
        has_member |= Q(kind=kind) & Q(Exists(members))
    return Organisation.objects.filter(has_member)
