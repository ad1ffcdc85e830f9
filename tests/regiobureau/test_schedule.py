"""A calendar that keeps itself straight: working days, the schedule's
warnings (members in two meetings, a room double-booked, deadlines on a day off, a preparing
body too late) and the meeting form's "Toch opslaan"."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from nhn_portal.core.workdays import (
    holiday_name,
    is_working_day,
    working_day_on_or_after,
    working_day_on_or_before,
    working_days_before,
)
from regiobureau.constants import MeetingStatus
from regiobureau.models.meetings import Meeting
from regiobureau.selectors.schedule import (
    PlannedMeeting,
    WarningKind,
    calendar_problems,
    schedule_warnings,
    warnings_fingerprint,
)
from tests.factories import BodyFactory, MeetingFactory, MembershipFactory, PersonFactory


def at(year, month, day, hour=14, minute=0):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=timezone.get_current_timezone())


def planned(body, start, *, hours=2, location="", deadline=None, pk=None):
    return PlannedMeeting(
        body=body,
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=hours),
        location=location,
        documents_deadline=deadline,
        pk=pk,
    )


def kinds(warnings):
    return sorted(w.kind for w in warnings)


# --- working days -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (datetime.date(2026, 12, 4), True),  # a Friday
        (datetime.date(2026, 12, 5), False),  # Saturday
        (datetime.date(2026, 12, 25), False),  # Eerste kerstdag
        (datetime.date(2027, 4, 27), False),  # Koningsdag, a Tuesday
        (datetime.date(2027, 5, 6), False),  # Hemelvaartsdag
        (datetime.date(2027, 5, 17), False),  # Tweede pinksterdag
        (datetime.date(2027, 1, 1), False),  # Nieuwjaarsdag
        (datetime.date(2027, 1, 4), True),
    ],
)
def test_is_working_day(day, working):
    assert is_working_day(day) is working


def test_holiday_name_in_dutch():
    assert holiday_name(datetime.date(2026, 12, 25)) == "Eerste kerstdag"
    assert holiday_name(datetime.date(2026, 12, 4)) == ""


def test_working_days_before_skips_weekends_and_holidays():
    # Monday 28 December 2026: Friday 25 and Saturday 26 are off, Thursday 24 is the day before.
    assert working_days_before(datetime.date(2026, 12, 28), 1) == datetime.date(2026, 12, 24)
    assert working_days_before(datetime.date(2027, 1, 4), 3) == datetime.date(2026, 12, 29)
    assert working_days_before(datetime.date(2026, 12, 10), 0) == datetime.date(2026, 12, 10)


def test_working_day_on_or_before_and_after():
    assert working_day_on_or_before(datetime.date(2026, 12, 5)) == datetime.date(2026, 12, 4)
    assert working_day_on_or_after(datetime.date(2026, 12, 25)) == datetime.date(2026, 12, 28)
    assert working_day_on_or_after(datetime.date(2026, 12, 8)) == datetime.date(2026, 12, 8)


# --- clashes ------------------------------------------------------------------------------------


@pytest.fixture
def two_bodies(db):
    """Two platforms sharing one member (the deputy) and nobody else."""
    wonen, mobiliteit = BodyFactory(name="Platform W"), BodyFactory(name="Platform M")
    deputy = PersonFactory(name="Ruud Gedeputeerde")
    MembershipFactory(body=wonen, person=deputy)
    MembershipFactory(body=mobiliteit, person=deputy)
    MembershipFactory(body=wonen, person=PersonFactory(name="Alleen Wonen"))
    MembershipFactory(body=mobiliteit, person=PersonFactory(name="Alleen Mobiliteit"))
    return wonen, mobiliteit


def test_member_in_two_meetings_at_once_is_warned(two_bodies):
    wonen, mobiliteit = two_bodies
    other = MeetingFactory(body=mobiliteit, starts_at=at(2027, 1, 14, 14), location="Zaal 1")
    warnings = schedule_warnings(planned(wonen, at(2027, 1, 14, 15), location="Zaal 2"))
    assert kinds(warnings) == [WarningKind.MEMBER]
    assert "Ruud Gedeputeerde" in warnings[0].message
    assert "Alleen" not in warnings[0].message
    assert warnings[0].other == other
    assert "14.00 uur" in warnings[0].message


def test_a_room_double_booked_is_warned_whatever_the_spelling(two_bodies):
    wonen, _ = two_bodies
    stranger = BodyFactory(name="Werkgroep X")
    MeetingFactory(body=stranger, starts_at=at(2027, 1, 14, 13), location="Regiokantoor  Alkmaar")
    warnings = schedule_warnings(
        planned(wonen, at(2027, 1, 14, 14, 30), location="regiokantoor alkmaar")
    )
    assert kinds(warnings) == [WarningKind.ROOM]
    assert "Regiokantoor  Alkmaar" in warnings[0].message


def test_no_clash_back_to_back_cancelled_or_itself(two_bodies):
    wonen, mobiliteit = two_bodies
    # Back to back: one ends at 14.00, the next starts at 14.00.
    MeetingFactory(body=mobiliteit, starts_at=at(2027, 1, 14, 12), location="Zaal 1")
    MeetingFactory(
        body=mobiliteit,
        starts_at=at(2027, 1, 14, 14),
        location="Zaal 1",
        status=MeetingStatus.CANCELLED,
        cancel_reason="Geen agenda",
    )
    own = MeetingFactory(body=wonen, starts_at=at(2027, 1, 14, 14), location="Zaal 1")
    assert schedule_warnings(planned(wonen, own.starts_at, location="Zaal 1", pk=own.pk)) == []


def test_a_member_who_left_does_not_clash(two_bodies):
    wonen, mobiliteit = two_bodies
    former = PersonFactory(name="Oud Lid")
    MembershipFactory(body=wonen, person=former, ended=True)
    MembershipFactory(body=mobiliteit, person=former)
    MeetingFactory(body=mobiliteit, starts_at=at(2027, 1, 14, 14))
    warnings = schedule_warnings(planned(wonen, at(2027, 1, 14, 14)))
    assert len(warnings) == 1
    assert "Oud Lid" not in warnings[0].message


# --- deadlines ----------------------------------------------------------------------------------


def test_a_deadline_on_saturday_or_a_holiday_is_warned(db):
    body = BodyFactory()
    saturday = schedule_warnings(
        planned(body, at(2026, 12, 10), deadline=datetime.date(2026, 12, 5))
    )
    assert kinds(saturday) == [WarningKind.DEADLINE]
    assert "zaterdag 5 december 2026" in saturday[0].message
    christmas = schedule_warnings(
        planned(body, at(2027, 1, 7), deadline=datetime.date(2026, 12, 25))
    )
    assert "Eerste kerstdag" in christmas[0].message
    fine = schedule_warnings(planned(body, at(2026, 12, 10), deadline=datetime.date(2026, 12, 4)))
    assert fine == []


def test_a_meeting_on_a_holiday_and_a_deadline_after_it_are_warned(db):
    body = BodyFactory()
    warnings = schedule_warnings(
        planned(body, at(2026, 12, 28), deadline=datetime.date(2026, 12, 29))
    )
    assert len(warnings) == 1
    assert "ligt niet vóór de vergadering" in warnings[0].message
    holiday = schedule_warnings(planned(body, at(2027, 4, 27), deadline=datetime.date(2027, 4, 20)))
    assert "Koningsdag" in holiday[0].message


# --- preparing bodies ---------------------------------------------------------------------------


@pytest.fixture
def chain(db):
    platform = BodyFactory(name="Platform P")
    group = BodyFactory(name="Werkgroep P", prepares=platform)
    return group, platform


def test_a_preparing_body_meeting_after_the_deadline_is_warned(chain):
    group, platform = chain
    target = MeetingFactory(
        body=platform, starts_at=at(2027, 1, 21), documents_deadline=datetime.date(2027, 1, 12)
    )
    late = schedule_warnings(planned(group, at(2027, 1, 14)))
    assert kinds(late) == [WarningKind.PREPARATION]
    assert late[0].other == target
    assert "12 januari 2027" in late[0].message
    assert "aanleverdatum" in late[0].message
    assert schedule_warnings(planned(group, at(2027, 1, 11))) == []
    # The deadline day itself is still in time.
    assert schedule_warnings(planned(group, at(2027, 1, 12, 9))) == []


def test_the_prepared_meeting_sees_the_late_preparation_too(chain):
    group, platform = chain
    late = MeetingFactory(body=group, starts_at=at(2027, 1, 14))
    MeetingFactory(body=group, starts_at=at(2027, 1, 7))  # in time
    warnings = schedule_warnings(
        planned(platform, at(2027, 1, 21), deadline=datetime.date(2027, 1, 12))
    )
    assert kinds(warnings) == [WarningKind.PREPARATION]
    assert warnings[0].other == late


def test_calendar_problems_lists_every_warning(chain):
    group, platform = chain
    MeetingFactory(
        body=platform, starts_at=at(2027, 1, 21), documents_deadline=datetime.date(2027, 1, 12)
    )
    MeetingFactory(
        body=group, starts_at=at(2027, 1, 14), documents_deadline=datetime.date(2027, 1, 8)
    )
    problems = calendar_problems()
    # Seen from both meetings.
    assert [w.kind for _meeting, w in problems] == [WarningKind.PREPARATION] * 2


def test_fingerprint_changes_with_the_warnings(two_bodies):
    wonen, mobiliteit = two_bodies
    MeetingFactory(body=mobiliteit, starts_at=at(2027, 1, 14, 14))
    first = schedule_warnings(planned(wonen, at(2027, 1, 14, 14)))
    assert warnings_fingerprint(first) == warnings_fingerprint(
        schedule_warnings(planned(wonen, at(2027, 1, 14, 14)))
    )
    MeetingFactory(body=mobiliteit, starts_at=at(2027, 1, 14, 15))
    second = schedule_warnings(planned(wonen, at(2027, 1, 14, 14)))
    assert warnings_fingerprint(second) != warnings_fingerprint(first)
    assert warnings_fingerprint([]) == ""


# --- the form: warn, then "Toch opslaan" --------------------------------------------------------


def _post(wonen, **extra):
    return {
        "body": wonen.pk,
        "date": "2027-01-14",
        "start_time": "14:00",
        "end_time": "16:00",
        "location": "Zaal 1",
        **extra,
    }


def test_create_warns_then_saves_anyway(client, secretary, two_bodies):
    wonen, mobiliteit = two_bodies
    MeetingFactory(body=mobiliteit, starts_at=at(2027, 1, 14, 15), location="Zaal 1")
    client.force_login(secretary)
    response = client.post(reverse("regiobureau:meeting_create"), _post(wonen))
    assert response.status_code == 200
    assert not Meeting.objects.filter(body=wonen).exists()
    html = response.content.decode()
    assert "Ruud Gedeputeerde" in html
    assert "Toch opslaan" in html
    fingerprint = response.context["form"]["confirmed_warnings"].value()
    assert fingerprint
    assert f'value="{fingerprint}"' in html

    saved = client.post(
        reverse("regiobureau:meeting_create"), _post(wonen, confirmed_warnings=fingerprint)
    )
    assert saved.status_code == 302
    assert Meeting.objects.filter(body=wonen).count() == 1


def test_a_changed_clash_warns_again(client, secretary, two_bodies):
    wonen, mobiliteit = two_bodies
    MeetingFactory(body=mobiliteit, starts_at=at(2027, 1, 14, 15), location="Zaal 1")
    client.force_login(secretary)
    response = client.post(reverse("regiobureau:meeting_create"), _post(wonen))
    fingerprint = response.context["form"]["confirmed_warnings"].value()
    # Meanwhile another meeting was planned in the same room.
    MeetingFactory(body=BodyFactory(), starts_at=at(2027, 1, 14, 13), location="Zaal 1")
    again = client.post(
        reverse("regiobureau:meeting_create"), _post(wonen, confirmed_warnings=fingerprint)
    )
    assert again.status_code == 200
    assert not Meeting.objects.filter(body=wonen).exists()


def test_create_without_clash_saves_at_once_with_a_working_day_deadline(
    client, secretary, two_bodies
):
    wonen, _ = two_bodies
    client.force_login(secretary)
    response = client.post(reverse("regiobureau:meeting_create"), _post(wonen, date="2027-01-07"))
    assert response.status_code == 302
    meeting = Meeting.objects.get(body=wonen)
    # Ten working days before Thursday 7 January 2027, Christmas and New Year skipped.
    assert meeting.documents_deadline == datetime.date(2026, 12, 22)


def test_edit_warns_about_a_clash_and_saves_anyway(client, secretary, two_bodies):
    wonen, mobiliteit = two_bodies
    MeetingFactory(body=mobiliteit, starts_at=at(2027, 1, 14, 14), location="Zaal 9")
    meeting = MeetingFactory(body=wonen, starts_at=at(2027, 1, 13, 14), location="Zaal 1")
    client.force_login(secretary)
    data = {
        "date": "2027-01-14",
        "start_time": "14:00",
        "end_time": "16:00",
        "location": "Zaal 1",
        "is_public": "1",
        "documents_deadline": "2026-12-31",
        "agenda_version": meeting.agenda_version,
    }
    response = client.post(reverse("regiobureau:meeting_edit", args=[meeting.pk]), data)
    assert response.status_code == 200
    meeting.refresh_from_db()
    assert timezone.localtime(meeting.starts_at).date() == datetime.date(2027, 1, 13)
    fingerprint = response.context["form"]["confirmed_warnings"].value()
    saved = client.post(
        reverse("regiobureau:meeting_edit", args=[meeting.pk]),
        {**data, "confirmed_warnings": fingerprint},
    )
    assert saved.status_code == 302
    meeting.refresh_from_db()
    assert timezone.localtime(meeting.starts_at).date() == datetime.date(2027, 1, 14)
