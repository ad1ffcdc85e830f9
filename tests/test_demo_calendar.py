"""The demo tells one consistent story: checked with the calendar's own
warnings (regiobureau.selectors.schedule) over every demo meeting, on the day the tests run and
on fixed days that once went wrong (the week before Christmas, King's Day, a Saturday): no
member in two meetings at once, no room booked twice, meetings and deadlines on working days, a
working group meeting before the deadline of the body it prepares, written rounds closed
before the meeting that records them, and a public archive without meetings still to come."""

import datetime
import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test.utils import override_settings
from django.utils import timezone

from gremia.models.registry import Body
from nhn_portal.core.constants import Role
from nhn_portal.core.workdays import is_working_day
from publiek.selectors import meeting_archive, meeting_years
from regiobureau.constants import MeetingStatus
from regiobureau.models.meetings import Meeting
from regiobureau.selectors.schedule import calendar_problems
from rounds.models import WrittenRound
from tests.demo import pdfs_rendered_quickly


def story_problems() -> list[str]:
    """Everything in the loaded demo that contradicts itself, as readable lines."""
    problems = [
        f"{meeting} ({timezone.localtime(meeting.starts_at):%Y-%m-%d %H:%M}): {warning.message}"
        for meeting, warning in calendar_problems()
    ]
    now = timezone.now()
    for meeting in Meeting.objects.exclude(status=MeetingStatus.CANCELLED):
        day = timezone.localtime(meeting.starts_at).date()
        if not is_working_day(meeting.documents_deadline) or not is_working_day(day):
            problems.append(f"{meeting}: not on a working day")
        if meeting.status in (MeetingStatus.HELD, MeetingStatus.CLOSED) and meeting.starts_at > now:
            problems.append(f"{meeting}: held but still to come")
    for written_round in WrittenRound.objects.select_related("decision__item__meeting"):
        if written_round.decision is None:
            continue
        recorded_by = written_round.decision.item.meeting
        if written_round.closed_at is None or written_round.closed_at >= recorded_by.starts_at:
            problems.append(f"round {written_round}: recorded by {recorded_by}, before it closed")
        if written_round.created_at >= recorded_by.starts_at:
            problems.append(f"round {written_round}: opened after {recorded_by}")
    for body in Body.objects.all():
        for row in meeting_years(body=body):
            for meeting in meeting_archive(body=body, year=row["year"]):
                if meeting.ends_at >= now:
                    problems.append(f"archive {row['year']} of {body}: {meeting} is still to come")
    return problems


def test_the_demo_of_today_has_no_contradictions(nhn_demo):
    assert Meeting.objects.count() >= 15
    assert story_problems() == []


def test_the_demo_plans_one_meeting_a_day_and_deadlines_after_the_preparation(nhn_demo):
    days = [
        timezone.localtime(m.starts_at).date()
        for m in Meeting.objects.exclude(status=MeetingStatus.CANCELLED)
    ]
    assert len(days) == len(set(days))
    # The chain werkgroep → directeurenoverleg → platform → stuurgroep, as the issue tells it.
    group = Meeting.objects.get(body__slug="werkgroep-wonen", starts_at__gt=timezone.now())
    directors = Meeting.objects.get(
        body__slug="directeurenoverleg-wonen", starts_at__gt=timezone.now()
    )
    assert group.starts_at < directors.starts_at
    assert timezone.localtime(group.starts_at).date() <= directors.documents_deadline
    assert directors.documents_deadline < timezone.localtime(directors.starts_at).date()


@pytest.fixture
def shifted_today(monkeypatch):
    """Move the clock (django.utils.timezone.now, which localdate and the services use) so
    that "today" is the given day, keeping the time of day and letting it run on."""

    def shift(day: datetime.date):
        real_now = timezone.now
        # The same wall-clock time on `day`, in local time: a shift by whole days alone
        # crosses midnight between 23.00 and 24.00 uur when `day` is in summer time and today
        # is not (or the other way round).
        # (Measured against UTC: two datetimes of one zone subtract as wall-clock times.)
        start = real_now()
        target = timezone.make_aware(
            datetime.datetime.combine(day, timezone.localtime(start).time())
        )
        delta = target - start
        monkeypatch.setattr(timezone, "now", lambda: real_now() + delta)
        assert timezone.localdate() == day

    return shift


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    "today",
    [
        datetime.date(2026, 12, 4),  # the day: Christmas three weeks ahead
        datetime.date(2026, 12, 19),  # a Saturday, the recess in the middle of the calendar
        datetime.date(2027, 4, 14),  # King's Day and Liberation Day ahead, Easter behind
        datetime.date(2027, 7, 1),  # a half year just complete (the evaluation's meeting)
    ],
)
def test_the_demo_loaded_on_other_days_has_no_contradictions(shifted_today, media_root, today):
    shifted_today(today)
    with pdfs_rendered_quickly(), override_settings(DEBUG=True):
        for role in Role:
            Group.objects.get_or_create(name=role.value)
        call_command("load_nhn", "--demo", stdout=io.StringIO())
    assert Meeting.objects.filter(starts_at__gt=timezone.now()).count() >= 10
    assert Meeting.objects.filter(status=MeetingStatus.HELD).exists()
    assert story_problems() == []
