"""Reads of the evaluation after each meeting: who may answer, what a member
still has to answer, and the half-year figures of a body.

The figures never show an individual answer:
- nothing is shown for a half year with fewer than EVALUATION_MIN_ANSWERS answers;
- figures appear only once the half year is complete (its last day plus the answering term),
  so two looks at a growing total cannot be subtracted to find the one answer in between;
- the trend is shown per group of consecutive meetings that together hold at least
  EVALUATION_MIN_ANSWERS answers (a meeting with two answers joins its neighbour), so no
  average, nor the difference of the total and the other groups, rests on fewer answers;
- remarks are individual texts: they are left out of the PDF that goes to the stuurgroep,
  and shown to the secretariat only under the same threshold, sorted alphabetically and
  without their meeting (a remark cannot be traced to a meeting's short list of attendees).
"""

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from evaluation.models import (
    EvaluationAnswer,
    EvaluationHalf,
    EvaluationPace,
    EvaluationReceipt,
    EvaluationSummary,
)
from gremia.constants import BodyKind
from gremia.models.registry import Body, Person
from gremia.selectors.registry import person_for_user
from nhn_portal.core.access import NotFound
from regiobureau import permissions
from regiobureau.constants import MeetingStatus, Presence
from regiobureau.models.attendance import Attendance
from regiobureau.models.meetings import Meeting
from regiobureau.selectors.meetings import access_meeting

# Days after the meeting's day during which those present may answer.
EVALUATION_TERM_DAYS = 14
# Fewer answers in a half year than this: the summary shows no figures.
EVALUATION_MIN_ANSWERS = 5
# The kind of document of the half-year summary (evaluation/producers.py).
EVALUATION_SUMMARY = "evaluatie_halfjaar"
EVALUATION_SUMMARY_SUBJECT = "evaluation.EvaluationSummary"
# A meeting is evaluated once it was held.
EVALUATED_STATUSES = (MeetingStatus.HELD, MeetingStatus.CLOSED)


def _day(meeting: Meeting) -> datetime.date:
    return timezone.localtime(meeting.starts_at).date()


def evaluation_deadline(meeting: Meeting) -> datetime.date:
    """The last day to answer."""
    return _day(meeting) + datetime.timedelta(days=EVALUATION_TERM_DAYS)


def evaluation_is_open(meeting: Meeting, today: datetime.date | None = None) -> bool:
    today = today or timezone.localdate()
    return meeting.status in EVALUATED_STATUSES and _day(meeting) <= today <= evaluation_deadline(
        meeting
    )


def evaluation_respondents(meeting: Meeting) -> list[Person]:
    """Those who sat at the table: a member recorded present, or the substitute who came in
    a member's place (one query)."""
    rows = (
        Attendance.objects.filter(
            meeting=meeting, presence__in=(Presence.PRESENT, Presence.SUBSTITUTED)
        )
        .select_related("membership__person__user", "substitute__user")
        .order_by("pk")
    )
    people: dict[int, Person] = {}
    for row in rows:
        person = (
            row.substitute
            if row.presence == Presence.SUBSTITUTED and row.substitute_id
            else row.membership.person
        )
        people.setdefault(person.pk, person)
    return list(people.values())


@dataclass
class EvaluationAccess:
    """A respondent's view of one meeting's evaluation."""

    meeting: Meeting
    person: Person
    answered: bool
    is_open: bool
    deadline: datetime.date


def access_evaluation(*, user, pk: int, today: datetime.date | None = None) -> EvaluationAccess:
    """The evaluation of meeting `pk` for the user's person, or 404: for anyone who did not
    sit at that (held) meeting's table, the secretariat included."""
    meeting = access_meeting(user=user, pk=pk)
    person = person_for_user(user=user)
    if person is None or meeting.status not in EVALUATED_STATUSES:
        raise NotFound
    if person.pk not in {p.pk for p in evaluation_respondents(meeting)}:
        raise NotFound
    return EvaluationAccess(
        meeting=meeting,
        person=person,
        answered=EvaluationReceipt.objects.filter(meeting=meeting, person=person).exists(),
        is_open=evaluation_is_open(meeting, today),
        deadline=evaluation_deadline(meeting),
    )


def evaluations_open_for(*, user, today: datetime.date | None = None) -> list[Meeting]:
    """Meetings the user's person sat at, still open for their evaluation and not answered."""
    person = person_for_user(user=user)
    if person is None:
        return []
    today = today or timezone.localdate()
    earliest = today - datetime.timedelta(days=EVALUATION_TERM_DAYS)
    attended = Attendance.objects.filter(
        Q(presence=Presence.PRESENT, membership__person=person)
        | Q(presence=Presence.SUBSTITUTED, substitute=person)
    ).values("meeting_id")
    meetings = (
        Meeting.objects.filter(
            pk__in=attended,
            status__in=EVALUATED_STATUSES,
            starts_at__date__gte=earliest,
            starts_at__date__lte=today,
        )
        .exclude(evaluation_receipts__person=person)
        .select_related("body")
        .order_by("starts_at")
    )
    return list(meetings)


# ---- Half years ------------------------------------------------------------------------------


def half_year_of(day: datetime.date) -> tuple[int, int]:
    return day.year, 1 if day.month <= 6 else 2


def half_year_bounds(year: int, half: int) -> tuple[datetime.date, datetime.date]:
    """The first and the last day of the half year."""
    if half == 1:
        return datetime.date(year, 1, 1), datetime.date(year, 6, 30)
    return datetime.date(year, 7, 1), datetime.date(year, 12, 31)


def half_year_complete_on(year: int, half: int) -> datetime.date:
    """From this day no answer can arrive any more: the summary can be made."""
    return half_year_bounds(year, half)[1] + datetime.timedelta(days=EVALUATION_TERM_DAYS + 1)


def half_year_label(year: int, half: int) -> str:
    if half == EvaluationHalf.FIRST:
        return _("first half of %(year)s") % {"year": year}
    return _("second half of %(year)s") % {"year": year}


def parse_period(period: str) -> tuple[int, int]:
    """ "2026-h1" → (2026, 1); NotFound for anything else."""
    try:
        year, half = period.split("-h")
        year_number, half_number = int(year), int(half)
    except ValueError:
        raise NotFound from None
    if half_number not in (1, 2) or not 2000 <= year_number <= 2100 or len(year) != 4:
        raise NotFound
    return year_number, half_number


@dataclass
class TrendPoint:
    """Consecutive meetings that together hold at least the minimum of answers."""

    meetings: list[Meeting]
    answers: int
    useful: float
    heard: float


@dataclass
class PaceShare:
    pace: str
    label: str
    count: int
    percent: int


@dataclass
class HalfYearFigures:
    body: Body
    year: int
    half: int
    meetings: list[Meeting]  # the body's held meetings in the half year, in order
    answers_per_meeting: dict[int, int]
    complete: bool
    complete_on: datetime.date
    summary: EvaluationSummary | None = None
    # Only when `show_figures`:
    points: list[TrendPoint] = field(default_factory=list)
    useful: float | None = None
    heard: float | None = None
    pace: list[PaceShare] = field(default_factory=list)
    remarks: list[str] = field(default_factory=list)

    @property
    def period(self) -> str:
        return f"{self.year}-h{self.half}"

    @property
    def label(self) -> str:
        return half_year_label(self.year, self.half)

    @property
    def answers(self) -> int:
        return sum(self.answers_per_meeting.values())

    @property
    def enough(self) -> bool:
        return self.answers >= EVALUATION_MIN_ANSWERS

    @property
    def show_figures(self) -> bool:
        return self.complete and self.enough

    @property
    def minimum(self) -> int:
        return EVALUATION_MIN_ANSWERS

    def meeting_rows(self) -> list[tuple[Meeting, int]]:
        return [(m, self.answers_per_meeting.get(m.pk, 0)) for m in self.meetings]


def _average(values: list[int]) -> float:
    return round(sum(values) / len(values), 1)


def _trend_points(meetings: list[Meeting], answers: dict[int, list[dict]]) -> list[TrendPoint]:
    groups: list[tuple[list[Meeting], list[dict]]] = []
    current: tuple[list[Meeting], list[dict]] = ([], [])
    for meeting in meetings:
        rows = answers.get(meeting.pk, [])
        if not rows:
            continue
        current[0].append(meeting)
        current[1].extend(rows)
        if len(current[1]) >= EVALUATION_MIN_ANSWERS:
            groups.append(current)
            current = ([], [])
    if current[1]:
        if groups:  # a short tail joins the last group
            groups[-1][0].extend(current[0])
            groups[-1][1].extend(current[1])
        else:
            groups.append(current)
    return [
        TrendPoint(
            meetings=group_meetings,
            answers=len(rows),
            useful=_average([row["useful"] for row in rows]),
            heard=_average([row["heard"] for row in rows]),
        )
        for group_meetings, rows in groups
    ]


def _figures(
    *,
    body: Body,
    year: int,
    half: int,
    meetings: list[Meeting],
    answers: dict[int, list[dict]],
    today: datetime.date,
    with_remarks: bool,
    summary: EvaluationSummary | None,
) -> HalfYearFigures:
    complete_on = half_year_complete_on(year, half)
    figures = HalfYearFigures(
        body=body,
        year=year,
        half=half,
        meetings=meetings,
        answers_per_meeting={m.pk: len(answers.get(m.pk, [])) for m in meetings},
        complete=today >= complete_on,
        complete_on=complete_on,
        summary=summary,
    )
    if not figures.show_figures:
        return figures
    rows = [row for m in meetings for row in answers.get(m.pk, [])]
    figures.points = _trend_points(meetings, answers)
    figures.useful = _average([row["useful"] for row in rows])
    figures.heard = _average([row["heard"] for row in rows])
    counts = Counter(row["pace"] for row in rows)
    figures.pace = [
        PaceShare(
            pace=pace.value,
            label=pace.label,
            count=counts.get(pace.value, 0),
            percent=round(100 * counts.get(pace.value, 0) / len(rows)),
        )
        for pace in EvaluationPace
    ]
    if with_remarks:
        figures.remarks = sorted(
            (row["remark"].strip() for row in rows if row["remark"].strip()), key=str.casefold
        )
    return figures


def _answers_by_meeting(meeting_ids) -> dict[int, list[dict]]:
    grouped: dict[int, list[dict]] = defaultdict(list)
    for row in EvaluationAnswer.objects.filter(meeting_id__in=meeting_ids).values(
        "meeting_id", "useful", "heard", "pace", "remark"
    ):
        grouped[row["meeting_id"]].append(row)
    return grouped


def evaluation_half_years(
    *, body: Body, today: datetime.date | None = None, with_remarks: bool = False
) -> list[HalfYearFigures]:
    """Every half year in which the body held a meeting, newest first (three queries)."""
    today = today or timezone.localdate()
    meetings = list(
        Meeting.objects.filter(body=body, status__in=EVALUATED_STATUSES).order_by("starts_at")
    )
    answers = _answers_by_meeting([m.pk for m in meetings])
    summaries = {
        (s.year, s.half): s
        for s in EvaluationSummary.objects.filter(body=body).select_related(
            "agenda_item__meeting__body"
        )
    }
    by_half: dict[tuple[int, int], list[Meeting]] = defaultdict(list)
    for meeting in meetings:
        by_half[half_year_of(_day(meeting))].append(meeting)
    return [
        _figures(
            body=body,
            year=year,
            half=half,
            meetings=half_meetings,
            answers=answers,
            today=today,
            with_remarks=with_remarks,
            summary=summaries.get((year, half)),
        )
        for (year, half), half_meetings in sorted(by_half.items(), reverse=True)
    ]


def evaluation_half_year(
    *,
    body: Body,
    year: int,
    half: int,
    today: datetime.date | None = None,
    with_remarks: bool = False,
) -> HalfYearFigures:
    """The figures of one half year of the body (what the PDF shows)."""
    today = today or timezone.localdate()
    first, last = half_year_bounds(year, half)
    meetings = [
        m
        for m in Meeting.objects.filter(
            body=body,
            status__in=EVALUATED_STATUSES,
            starts_at__date__gte=first - datetime.timedelta(days=1),
            starts_at__date__lte=last + datetime.timedelta(days=1),
        ).order_by("starts_at")
        if first <= _day(m) <= last
    ]
    return _figures(
        body=body,
        year=year,
        half=half,
        meetings=meetings,
        answers=_answers_by_meeting([m.pk for m in meetings]),
        today=today,
        with_remarks=with_remarks,
        summary=EvaluationSummary.objects.filter(body=body, year=year, half=half).first(),
    )


# ---- The secretariat's and the readers' side -----------------------------------------------


def evaluated_bodies():
    """Bodies that held a meeting (the secretariat's list of evaluation pages)."""
    return Body.objects.filter(meetings__status__in=EVALUATED_STATUSES).distinct().order_by("name")


def access_evaluation_body(*, slug: str) -> Body:
    body = Body.objects.filter(slug=slug).first()
    if body is None:
        raise NotFound
    return body


def access_evaluation_summary(*, body: Body, year: int, half: int) -> EvaluationSummary:
    summary = (
        EvaluationSummary.objects.select_related("body", "agenda_item__meeting")
        .filter(body=body, year=year, half=half)
        .first()
    )
    if summary is None:
        raise NotFound
    return summary


def can_read_evaluation_summary(user, summary: EvaluationSummary) -> bool:
    """The summary PDF: the secretariat, the evaluated body's members and the stuurgroep's
    (it goes on their agenda)."""
    if permissions.can_see_confidential(user, summary.body_id):
        return True
    member_of = permissions.member_body_ids(user)
    return (
        bool(member_of)
        and Body.objects.filter(pk__in=member_of, kind=BodyKind.STEERING_GROUP).exists()
    )


def next_steering_group_meeting(*, now: datetime.datetime | None = None) -> Meeting | None:
    """The stuurgroep's next meeting whose agenda can still take an item."""
    now = now or timezone.now()
    return (
        Meeting.objects.filter(body__kind=BodyKind.STEERING_GROUP, starts_at__gt=now)
        .filter(Q(body__dissolved_on__isnull=True) | Q(body__dissolved_on__gt=now.date()))
        .exclude(status__in=[MeetingStatus.CANCELLED, MeetingStatus.CLOSED])
        .select_related("body")
        .order_by("starts_at")
        .first()
    )
