"""Reads of the presentielijst: the seats of a meeting with their attendance, the
member's own seats, and the substitutes a member may send."""

from dataclasses import dataclass

from django.utils import timezone

from gremia.constants import SEAT_ROLES
from gremia.models.registry import Membership, Person
from gremia.selectors.registry import person_for_user
from nhn_portal.core.access import NotFound
from regiobureau.constants import PRESENT_STATES, Presence, Registration
from regiobureau.models.attendance import Attendance
from regiobureau.models.meetings import Meeting


def meeting_day(meeting: Meeting):
    return timezone.localtime(meeting.starts_at).date()


def seats_of_meeting(meeting: Meeting):
    """The memberships that hold a seat at the table on the meeting's day."""
    return (
        Membership.objects.current(meeting_day(meeting))
        .filter(body_id=meeting.body_id, role__in=SEAT_ROLES)
        .select_related("person", "organisation")
        .order_by("person__name", "pk")
    )


@dataclass
class Seat:
    membership: Membership
    attendance: Attendance | None

    @property
    def person(self) -> Person:
        return self.membership.person

    @property
    def registration(self) -> str:
        return self.attendance.registration if self.attendance else ""

    @property
    def presence(self) -> str:
        return self.attendance.presence if self.attendance else ""

    @property
    def substitute(self) -> Person | None:
        return self.attendance.substitute if self.attendance else None

    @property
    def is_present(self) -> bool:
        return self.presence in PRESENT_STATES

    def registration_label(self) -> str:
        return Registration(self.registration).label if self.registration else ""

    def presence_label(self) -> str:
        return Presence(self.presence).label if self.presence else ""


def attendance_seats(meeting: Meeting) -> list[Seat]:
    """Every seat of the meeting with its attendance row, if any (two queries)."""
    seats = list(seats_of_meeting(meeting))
    rows = {
        a.membership_id: a
        for a in Attendance.objects.filter(meeting=meeting).select_related("substitute")
    }
    return [Seat(membership=m, attendance=rows.get(m.pk)) for m in seats]


@dataclass
class AttendanceSummary:
    seats: list[Seat]

    @property
    def recorded(self) -> bool:
        return any(seat.presence for seat in self.seats)

    @property
    def total(self) -> int:
        return len(self.seats)

    @property
    def present(self) -> list[Seat]:
        return [s for s in self.seats if s.is_present]

    @property
    def absent(self) -> list[Seat]:
        return [s for s in self.seats if s.presence == Presence.ABSENT]

    @property
    def registered_count(self) -> int:
        return sum(1 for s in self.seats if s.registration)

    @property
    def quorum_reached(self) -> bool:
        return quorum_reached(present=len(self.present), total=self.total)


def quorum_reached(*, present: int, total: int) -> bool:
    """More than half of the seats present."""
    return total > 0 and present * 2 > total


def attendance_summary(meeting: Meeting) -> AttendanceSummary:
    return AttendanceSummary(seats=attendance_seats(meeting))


def own_seats(*, user, meeting: Meeting) -> list[Seat]:
    """The seats the user holds at the meeting (usually one); NotFound when none: a member
    registers only for meetings of a body they sit on."""
    person = person_for_user(user=user) if user.is_authenticated else None
    if person is None:
        raise NotFound
    seats = [s for s in attendance_seats(meeting) if s.membership.person_id == person.pk]
    if not seats:
        raise NotFound
    return seats


def substitute_candidates(membership: Membership):
    """People of the organisation the member represents (not the member)."""
    return (
        Person.objects.filter(organisation_id=membership.organisation_id)
        .exclude(pk=membership.person_id)
        .order_by("name")
    )
