"""iCalendar feeds (RFC 5545): parseable, stable UIDs, Europe/Amsterdam, cancellations, and no
confidential detail in the public feed."""

import pytest
from django.urls import reverse
from icalendar import Calendar

from regiobureau.models.meetings import CalendarToken
from regiobureau.services.agenda import agenda_item_create
from regiobureau.services.meetings import (
    calendar_token_rotate,
    meeting_cancel,
    meeting_publish_agenda,
    meeting_update,
)
from tests.builders import CLOSED_TITLE, PUBLIC_TITLE, make_meeting

pytestmark = pytest.mark.django_db


def events(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    return calendar, {str(e["UID"]): e for e in calendar.walk("VEVENT")}


def test_body_feed_is_public_and_parses(client, published_meeting):
    response = client.get(reverse("regiobureau:feed_body", args=[published_meeting.body.slug]))
    calendar, by_uid = events(response)
    event = by_uid[f"{published_meeting.uid}@nhn-portaal"]
    assert str(event["SUMMARY"]) == published_meeting.title
    assert str(event["LOCATION"]) == published_meeting.location
    assert event["DTSTART"].dt.tzinfo is not None
    assert event["DTSTART"].params["TZID"] == "Europe/Amsterdam"
    assert "DTSTAMP" in event
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Amsterdam"]
    body = response.content.decode()
    assert CLOSED_TITLE not in body


def test_uid_is_stable_across_edits(client, published_meeting, secretary):
    path = reverse("regiobureau:feed_body", args=[published_meeting.body.slug])
    first = set(events(client.get(path))[1])
    meeting_update(
        actor=secretary,
        meeting=published_meeting,
        expected_version=None,
        location="Stadhuis Alkmaar",
    )
    second = events(client.get(path))[1]
    assert set(second) == first
    assert str(second[f"{published_meeting.uid}@nhn-portaal"]["LOCATION"]) == "Stadhuis Alkmaar"


def test_cancelled_meeting_is_status_cancelled(client, secretary, body):
    meeting = make_meeting(secretary=secretary, body=body)
    meeting_cancel(actor=secretary, meeting=meeting, reason="Te weinig agendapunten")
    _calendar, by_uid = events(client.get(reverse("regiobureau:feed_body", args=[body.slug])))
    assert str(by_uid[f"{meeting.uid}@nhn-portaal"]["STATUS"]) == "CANCELLED"
    assert (
        b"STATUS:CANCELLED"
        in client.get(reverse("regiobureau:feed_body", args=[body.slug])).content
    )


def test_closed_meeting_shows_only_body_and_time(client, secretary, body):
    meeting = make_meeting(secretary=secretary, body=body, is_public=False)
    agenda_item_create(
        actor=secretary,
        meeting=meeting,
        expected_version=None,
        title="Geheime grondtransactie",
        purpose="besluitvorming",
    )
    meeting_publish_agenda(actor=secretary, meeting=meeting, expected_version=None)
    response = client.get(reverse("regiobureau:feed_body", args=[body.slug]))
    _calendar, by_uid = events(response)
    event = by_uid[f"{meeting.uid}@nhn-portaal"]
    assert str(event["SUMMARY"]) == body.name
    for prop in ("LOCATION", "URL", "DESCRIPTION"):
        assert prop not in event
    content = response.content.decode()
    assert "Geheime grondtransactie" not in content
    assert meeting.online_url not in content and meeting.location not in content


def test_draft_meetings_are_not_in_the_feed(client, secretary, body):
    draft = make_meeting(secretary=secretary, body=body)
    _calendar, by_uid = events(client.get(reverse("regiobureau:feed_body", args=[body.slug])))
    assert f"{draft.uid}@nhn-portaal" not in by_uid


def test_personal_feed_by_token_lists_the_members_meetings(
    client, published_meeting, member, outsider
):
    token = calendar_token_rotate(actor=member)
    response = client.get(reverse("regiobureau:feed_personal", args=[token.token]))
    _calendar, by_uid = events(response)
    assert f"{published_meeting.uid}@nhn-portaal" in by_uid
    assert response["Cache-Control"] == "private, no-store"
    content = response.content.decode()
    assert CLOSED_TITLE not in content and PUBLIC_TITLE not in content  # no items in feeds
    other = calendar_token_rotate(actor=outsider)
    _calendar, by_uid = events(client.get(reverse("regiobureau:feed_personal", args=[other.token])))
    assert by_uid == {}


def test_unknown_or_revoked_token_is_404(client, member):
    assert client.get(reverse("regiobureau:feed_personal", args=["nope"])).status_code == 404
    old = calendar_token_rotate(actor=member).token
    calendar_token_rotate(actor=member)
    assert client.get(reverse("regiobureau:feed_personal", args=[old])).status_code == 404
    assert CalendarToken.objects.filter(user=member).count() == 1
