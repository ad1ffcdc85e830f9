"""Reads that keep the calendar straight: the warnings shown when a meeting is planned or
changed, and the same checks over a whole calendar (the demo's test).

Warnings, not refusals: a secretary may know better (a member sends a substitute, two small
tables share a large room) and confirms with "Toch opslaan". The warnings are

- a member of the body (any current seat: chair, member, substitute, secretary, adviser) is in
  another meeting at the same time;
- the place is taken by another meeting at the same time;
- the meeting, or the deadline for stukken, falls on a weekend or a Dutch public holiday;
  the deadline is not before the meeting;
- a preparing body (gremia's `Body.prepares`) meets after the deadline of the meeting of the
  body it prepares, so its work comes too late for that meeting.

A cancelled meeting takes no seat and no room. Every check is by overlap of [start, end).
"""

import datetime
import hashlib
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from gremia.models.registry import Body, Membership
from nhn_portal.core.workdays import holiday_name, is_working_day
from regiobureau.constants import MeetingStatus
from regiobureau.models.meetings import Meeting


class WarningKind:
    MEMBER = "member"
    ROOM = "room"
    DEADLINE = "deadline"
    PREPARATION = "preparation"


@dataclass(frozen=True)
class ScheduleWarning:
    kind: str
    message: str
    # The other meeting involved, if any (a link on the form).
    other: Meeting | None = None


@dataclass(frozen=True)
class PlannedMeeting:
    """A meeting as planned on a form (not yet saved), or as saved (`pk` set)."""

    body: Body
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    location: str = ""
    documents_deadline: datetime.date | None = None
    pk: int | None = None

    @classmethod
    def of(cls, meeting: Meeting) -> "PlannedMeeting":
        return cls(
            body=meeting.body,
            starts_at=meeting.starts_at,
            ends_at=meeting.ends_at,
            location=meeting.location,
            documents_deadline=meeting.documents_deadline,
            pk=meeting.pk,
        )


def _day(moment: datetime.datetime) -> datetime.date:
    return timezone.localtime(moment).date()


def _long_date(day: datetime.date) -> str:
    return date_format(day, "l j F Y")


def _when(meeting: Meeting) -> str:
    start = timezone.localtime(meeting.starts_at)
    return _("%(date)s, %(time)s uur") % {
        "date": date_format(start, "j F Y"),
        "time": date_format(start, "H.i"),
    }


def room_key(location: str) -> str:
    """Two places are the same room when they read the same, case and spacing aside."""
    return " ".join(location.split()).casefold()


def _active() -> QuerySet[Meeting]:
    return Meeting.objects.exclude(status=MeetingStatus.CANCELLED).select_related("body")


def _overlapping(planned: PlannedMeeting) -> list[Meeting]:
    qs = _active().filter(starts_at__lt=planned.ends_at, ends_at__gt=planned.starts_at)
    if planned.pk:
        qs = qs.exclude(pk=planned.pk)
    return list(qs.order_by("starts_at", "pk"))


def _seats(body_ids: set[int], on: datetime.date) -> dict[int, dict[int, str]]:
    """body id → {person id: name} of the seats current on `on`."""
    seats: dict[int, dict[int, str]] = defaultdict(dict)
    rows = (
        Membership.objects.current(on=on)
        .filter(body_id__in=body_ids)
        .values_list("body_id", "person_id", "person__name")
    )
    for body_id, person_id, name in rows:
        seats[body_id][person_id] = name
    return seats


def clash_warnings(planned: PlannedMeeting) -> list[ScheduleWarning]:
    """Members in two meetings at once, and the place double-booked."""
    others = _overlapping(planned)
    if not others:
        return []
    warnings = []
    seats = _seats({planned.body.pk, *(o.body_id for o in others)}, _day(planned.starts_at))
    own = seats.get(planned.body.pk, {})
    for other in others:
        common = sorted(own[p] for p in own.keys() & seats.get(other.body_id, {}).keys())
        if common:
            warnings.append(
                ScheduleWarning(
                    WarningKind.MEMBER,
                    _("%(persons)s also sit(s) in %(meeting)s at the same time (%(when)s).")
                    % {"persons": ", ".join(common), "meeting": other, "when": _when(other)},
                    other,
                )
            )
    key = room_key(planned.location)
    if key:
        for other in others:
            if room_key(other.location) == key:
                warnings.append(
                    ScheduleWarning(
                        WarningKind.ROOM,
                        _("%(place)s is already booked for %(meeting)s (%(when)s).")
                        % {"place": other.location, "meeting": other, "when": _when(other)},
                        other,
                    )
                )
    return warnings


def deadline_warnings(planned: PlannedMeeting) -> list[ScheduleWarning]:
    """The meeting or its deadline for stukken on a day off; the deadline not before it."""
    warnings = []
    day = _day(planned.starts_at)
    if not is_working_day(day):
        warnings.append(
            ScheduleWarning(
                WarningKind.DEADLINE,
                _("The meeting falls on a day off (%(date)s): %(reason)s.")
                % {"date": _long_date(day), "reason": holiday_name(day) or date_format(day, "l")},
            )
        )
    deadline = planned.documents_deadline
    if deadline is None:
        return warnings
    if not is_working_day(deadline):
        reason = holiday_name(deadline) or date_format(deadline, "l")
        warnings.append(
            ScheduleWarning(
                WarningKind.DEADLINE,
                _("The deadline for documents (%(date)s) is not a working day: %(reason)s.")
                % {"date": _long_date(deadline), "reason": reason},
            )
        )
    if deadline >= _day(planned.starts_at):
        warnings.append(
            ScheduleWarning(
                WarningKind.DEADLINE,
                _("The deadline for documents (%(date)s) is not before the meeting.")
                % {"date": _long_date(deadline)},
            )
        )
    return warnings


def _late_preparation(preparing_start: datetime.datetime, prepared: Meeting) -> bool:
    """A preparing meeting comes too late for `prepared` when it lies after that meeting's
    deadline and before the meeting itself."""
    return (
        preparing_start < prepared.starts_at and _day(preparing_start) > prepared.documents_deadline
    )


def preparation_warnings(planned: PlannedMeeting) -> list[ScheduleWarning]:
    """Both directions of `Body.prepares`: this meeting too late for the next meeting of the
    body it prepares, and meetings of the bodies that prepare this one after its deadline."""
    warnings = []
    body = planned.body
    if body.prepares_id:
        prepared = (
            _active()
            .filter(body_id=body.prepares_id, starts_at__gt=planned.starts_at)
            .order_by("starts_at")
            .first()
        )
        if prepared is not None and _late_preparation(planned.starts_at, prepared):
            warnings.append(
                ScheduleWarning(
                    WarningKind.PREPARATION,
                    _(
                        "%(body)s prepares %(meeting)s (%(when)s), but meets after its "
                        "deadline for documents (%(deadline)s)."
                    )
                    % {
                        "body": body,
                        "meeting": prepared,
                        "when": _when(prepared),
                        "deadline": _long_date(prepared.documents_deadline),
                    },
                    prepared,
                )
            )
    deadline = planned.documents_deadline
    if deadline is not None:
        late = _active().filter(
            body__prepares_id=body.pk,
            starts_at__lt=planned.starts_at,
            starts_at__date__gt=deadline,
        )
        if planned.pk:
            late = late.exclude(pk=planned.pk)
        for other in late.order_by("starts_at"):
            # starts_at__date compares in the current time zone; check the local day again.
            if _day(other.starts_at) <= deadline:
                continue
            warnings.append(
                ScheduleWarning(
                    WarningKind.PREPARATION,
                    _(
                        "%(meeting)s (%(when)s) prepares this meeting but lies after its "
                        "deadline for documents (%(deadline)s)."
                    )
                    % {"meeting": other, "when": _when(other), "deadline": _long_date(deadline)},
                    other,
                )
            )
    return warnings


def schedule_warnings(planned: PlannedMeeting) -> list[ScheduleWarning]:
    """Every warning for a meeting about to be saved (or as saved)."""
    return [
        *clash_warnings(planned),
        *deadline_warnings(planned),
        *preparation_warnings(planned),
    ]


def warnings_fingerprint(warnings: list[ScheduleWarning]) -> str:
    """A short digest of the warnings a secretary confirmed: a different clash warns again."""
    text = "\n".join(sorted(f"{w.kind}:{w.message}" for w in warnings))
    return hashlib.sha256(text.encode()).hexdigest()[:32] if warnings else ""


def calendar_problems(
    *, since: datetime.datetime | None = None, until: datetime.datetime | None = None
) -> list[tuple[Meeting, ScheduleWarning]]:
    """Every warning of every meeting (not cancelled) starting in [since, until): the whole
    calendar checked as the form checks one meeting. A clash is reported from both sides."""
    qs = _active()
    if since is not None:
        qs = qs.filter(starts_at__gte=since)
    if until is not None:
        qs = qs.filter(starts_at__lt=until)
    return [
        (meeting, warning)
        for meeting in qs.order_by("starts_at", "pk")
        for warning in schedule_warnings(PlannedMeeting.of(meeting))
    ]
