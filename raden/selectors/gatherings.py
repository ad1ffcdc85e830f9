"""Reads of the council gatherings. The secretariat sees every registration; a
griffie only its own council's (names and addresses are personal data); anyone else gets 404.
Counts per municipality (who takes part) are shown to both and on the balance page."""

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from nhn_portal.core.access import NotFound
from raden import permissions
from raden.constants import GATHERINGS_BODY_SLUG, SEAT_STATUSES, RegistrationStatus
from raden.models.gatherings import Gathering, GatheringRegistration
from regiobureau.constants import MeetingStatus
from regiobureau.models.meetings import Meeting

from .letters import municipalities


@dataclass
class GatheringRow:
    gathering: Gathering
    seats_taken: int
    waiting: int
    attended: int
    own: int | None  # the griffie's council's registrations (None for the secretariat)

    @property
    def is_full(self) -> bool:
        capacity = self.gathering.capacity
        return capacity is not None and self.seats_taken >= capacity


def _counted(qs: QuerySet[Gathering], municipality=None) -> QuerySet[Gathering]:
    seated = Q(registrations__status__in=SEAT_STATUSES)
    qs = qs.annotate(
        seats_taken=Count("registrations", filter=seated),
        waiting=Count("registrations", filter=Q(registrations__status=RegistrationStatus.WAITING)),
        attended=Count(
            "registrations", filter=Q(registrations__status=RegistrationStatus.ATTENDED)
        ),
    )
    if municipality is not None:
        qs = qs.annotate(
            own=Count(
                "registrations",
                filter=Q(registrations__municipality=municipality)
                & ~Q(registrations__status=RegistrationStatus.CANCELLED),
            )
        )
    return qs


def _row(gathering: Gathering) -> GatheringRow:
    return GatheringRow(
        gathering=gathering,
        seats_taken=gathering.seats_taken,
        waiting=gathering.waiting,
        attended=gathering.attended,
        own=getattr(gathering, "own", None),
    )


def _own_municipality(user):
    """None for the secretariat (all councils), else the griffie's own municipality."""
    return None if permissions.is_secretariat(user) else permissions.griffie_municipality(user)


def gathering_list(*, user) -> tuple[list[GatheringRow], list[GatheringRow]]:
    """(upcoming, past) gatherings with their counts; two queries."""
    if not permissions.can_use_gatherings(user):
        raise NotFound
    municipality = _own_municipality(user)
    qs = _counted(Gathering.objects.select_related("meeting__body"), municipality)
    now = timezone.now()
    upcoming = qs.filter(meeting__ends_at__gte=now).order_by("meeting__starts_at")
    past = qs.filter(meeting__ends_at__lt=now).order_by("-meeting__starts_at")
    return [_row(g) for g in upcoming], [_row(g) for g in past]


def access_gathering(*, user, pk: int) -> GatheringRow:
    if not permissions.can_use_gatherings(user):
        raise NotFound
    municipality = _own_municipality(user)
    gathering = (
        _counted(Gathering.objects.select_related("meeting__body"), municipality)
        .filter(pk=pk)
        .first()
    )
    if gathering is None:
        raise NotFound
    return _row(gathering)


def gathering_registrations(*, user, gathering: Gathering) -> list[GatheringRegistration]:
    """The registrations the user may see: all for the secretariat, its own council's for a
    griffie; seats first, then the waiting list, then cancellations."""
    qs = GatheringRegistration.objects.filter(gathering=gathering).select_related("municipality")
    if not permissions.is_secretariat(user):
        municipality = permissions.griffie_municipality(user)
        if municipality is None:
            raise NotFound
        qs = qs.filter(municipality=municipality)
    order = {
        RegistrationStatus.ATTENDED: 0,
        RegistrationStatus.REGISTERED: 1,
        RegistrationStatus.WAITING: 2,
        RegistrationStatus.CANCELLED: 3,
    }
    return sorted(qs, key=lambda r: (order[r.status], r.registered_at, r.pk))


@dataclass
class MunicipalityAttendance:
    municipality: object
    registered: int
    waiting: int
    attended: int


def attendance_by_municipality(gathering: Gathering) -> list[MunicipalityAttendance]:
    """Every municipality with its registrations and attendance at one gathering (counts
    only: two queries)."""
    counts = {
        row["municipality_id"]: row
        for row in GatheringRegistration.objects.filter(gathering=gathering)
        .values("municipality_id")
        .annotate(
            registered=Count("pk", filter=Q(status__in=SEAT_STATUSES)),
            waiting=Count("pk", filter=Q(status=RegistrationStatus.WAITING)),
            attended=Count("pk", filter=Q(status=RegistrationStatus.ATTENDED)),
        )
    }
    rows = []
    for town in municipalities():
        row = counts.get(town.pk, {})
        rows.append(
            MunicipalityAttendance(
                municipality=town,
                registered=row.get("registered", 0),
                waiting=row.get("waiting", 0),
                attended=row.get("attended", 0),
            )
        )
    return rows


@dataclass
class Participation:
    held: int  # gatherings held so far
    rows: list[tuple[object, int]]  # (municipality, gatherings its council members attended)

    @property
    def never(self) -> list:
        return [town for town, count in self.rows if count == 0]

    @property
    def taking_part(self) -> list[tuple[object, int]]:
        return [(town, count) for town, count in self.rows if count]


def council_participation() -> Participation:
    """Which councils take part in the gatherings held so far, and which never do: the number
    of gatherings at which at least one of its council members was recorded present."""
    held = Gathering.objects.filter(meeting__starts_at__lt=timezone.now()).exclude(
        meeting__status=MeetingStatus.CANCELLED
    )
    counts = dict(
        GatheringRegistration.objects.filter(gathering__in=held, status=RegistrationStatus.ATTENDED)
        .values("municipality_id")
        .annotate(gatherings=Count("gathering", distinct=True))
        .values_list("municipality_id", "gatherings")
    )
    rows = [(town, counts.get(town.pk, 0)) for town in municipalities()]
    rows.sort(key=lambda row: (-row[1], row[0].name))
    return Participation(held=held.count(), rows=rows)


def meetings_for_gatherings() -> QuerySet[Meeting]:
    """Meetings of the council gatherings body that are not yet a gathering, and not
    cancelled, newest first."""
    return (
        Meeting.objects.filter(body__slug=GATHERINGS_BODY_SLUG, gathering__isnull=True)
        .exclude(status=MeetingStatus.CANCELLED)
        .select_related("body")
        .order_by("-starts_at")
    )
