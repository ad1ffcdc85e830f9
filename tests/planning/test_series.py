"""Recurring series: "elke zes weken op donderdag" plans the meetings at
once, each with a deadline on a working day, each changed one by one afterwards; the series
page warns about clashes as the meeting form does."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from nhn_portal.core.models import AuditRecord
from nhn_portal.core.workdays import is_working_day
from planning.models import MeetingSeries
from planning.services import meeting_series_create, series_days
from regiobureau.models.meetings import Meeting
from regiobureau.services.meetings import meeting_update
from tests.factories import BodyFactory, MeetingFactory, MembershipFactory, PersonFactory


def thursday_ahead(weeks=2) -> datetime.date:
    today = timezone.localdate() + datetime.timedelta(weeks=weeks)
    return today + datetime.timedelta(days=(3 - today.weekday()) % 7)


def test_series_days_every_six_weeks_and_a_holiday_moves_on():
    days = series_days(first_date=datetime.date(2027, 1, 7), interval_weeks=6, count=4)
    assert days == [
        datetime.date(2027, 1, 7),
        datetime.date(2027, 2, 18),
        datetime.date(2027, 4, 1),
        datetime.date(2027, 5, 13),
    ]
    # Ascension Day 2027 is Thursday 6 May: the meeting moves to Friday 7 May.
    assert series_days(first_date=datetime.date(2027, 4, 22), interval_weeks=2, count=2)[1] == (
        datetime.date(2027, 5, 7)
    )


def test_a_series_plans_its_meetings_each_editable_on_its_own(secretary):
    body = BodyFactory(name="Werkgroep Reeks")
    first = thursday_ahead()
    series = meeting_series_create(
        actor=secretary,
        body=body,
        first_date=first,
        interval_weeks=6,
        count=3,
        start_time=datetime.time(10),
        end_time=datetime.time(12),
        location="Regiokantoor",
    )
    meetings = list(series.meetings.order_by("starts_at"))
    assert len(meetings) == 3
    for meeting in meetings:
        assert meeting.body == body
        assert timezone.localtime(meeting.starts_at).time() == datetime.time(10)
        assert is_working_day(meeting.documents_deadline)
        assert meeting.documents_deadline < timezone.localtime(meeting.starts_at).date()
        assert meeting.items.exists()  # the standard items
    assert AuditRecord.objects.filter(verb="meeting_series_create").count() == 1
    assert AuditRecord.objects.filter(verb="meeting_create").count() == 3
    # One meeting changes on its own; the others stay as planned.
    moved = meetings[1]
    meeting_update(
        actor=secretary,
        meeting=moved,
        expected_version=moved.agenda_version,
        location="Provinciehuis",
    )
    assert [m.location for m in series.meetings.order_by("starts_at")] == [
        "Regiokantoor",
        "Provinciehuis",
        "Regiokantoor",
    ]


def _data(body, first, **extra):
    return {
        "body": body.pk,
        "first_date": first.isoformat(),
        "interval_weeks": 6,
        "count": 3,
        "start_time": "14:00",
        "end_time": "16:00",
        "location": "Zaal 1",
        **extra,
    }


def test_the_series_page_warns_then_plans_anyway(client, secretary):
    body, other = BodyFactory(name="Platform Reeks"), BodyFactory(name="Platform Ander")
    person = PersonFactory(name="Gedeelde Wethouder")
    MembershipFactory(body=body, person=person)
    MembershipFactory(body=other, person=person)
    first = thursday_ahead()
    tz = timezone.get_current_timezone()
    MeetingFactory(
        body=other,
        starts_at=datetime.datetime.combine(
            first + datetime.timedelta(weeks=6), datetime.time(15), tzinfo=tz
        ),
    )
    client.force_login(secretary)
    url = reverse("planning:series_create")
    assert client.get(url).status_code == 200
    response = client.post(url, _data(body, first))
    assert response.status_code == 200
    assert not MeetingSeries.objects.exists()
    assert "Gedeelde Wethouder" in response.text
    assert "Toch opslaan" in response.text
    fingerprint = response.context["form"]["confirmed_warnings"].value()
    saved = client.post(url, _data(body, first, confirmed_warnings=fingerprint))
    series = MeetingSeries.objects.get()
    assert saved.status_code == 302
    assert saved.url == series.get_absolute_url()
    assert Meeting.objects.filter(body=body).count() == 3
    detail = client.get(series.get_absolute_url())
    assert detail.status_code == 200
    for meeting in series.meetings.all():
        assert reverse("regiobureau:meeting_edit", args=[meeting.pk]) in detail.text
    listing = client.get(reverse("planning:series_list"))
    assert series.get_absolute_url() in listing.text


def test_the_series_page_without_warnings_plans_at_once(client, secretary):
    body = BodyFactory()
    client.force_login(secretary)
    response = client.post(reverse("planning:series_create"), _data(body, thursday_ahead()))
    assert response.status_code == 302
    assert MeetingSeries.objects.get().meetings.count() == 3


@pytest.mark.parametrize(
    ("field", "value"), [("count", 0), ("count", 27), ("interval_weeks", 0), ("end_time", "13:00")]
)
def test_the_series_form_refuses_nonsense(client, secretary, field, value):
    body = BodyFactory()
    client.force_login(secretary)
    response = client.post(
        reverse("planning:series_create"), _data(body, thursday_ahead(), **{field: value})
    )
    assert response.status_code == 400
    assert not Meeting.objects.exists()


def test_only_the_secretariat_plans_series(client, django_user_model, db):
    from tests.factories import UserFactory

    client.force_login(UserFactory())
    assert client.get(reverse("planning:series_list")).status_code in (403, 404)
    assert client.get(reverse("planning:series_create")).status_code in (403, 404)


def test_the_series_list_has_a_fixed_number_of_queries(
    client, secretary, django_assert_max_num_queries
):
    for index in range(3):
        meeting_series_create(
            actor=secretary,
            body=BodyFactory(),
            first_date=thursday_ahead(weeks=2 + index),
            interval_weeks=4,
            count=2,
            start_time=datetime.time(9 + index),
            end_time=datetime.time(10 + index),
        )
    client.force_login(secretary)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("planning:series_list"))
    assert response.status_code == 200
    assert len(response.context["series_list"]) == 3
