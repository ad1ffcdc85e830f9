"""A closed meeting's place and online link are for those inside it only —
on its page and every page with the meeting's header, in the anonymous agenda PDF, in the
calendar and in the iCal feeds."""

import pytest
from django.urls import reverse

from nhn_portal.pdf import render_html
from regiobureau import producers
from regiobureau.constants import ItemPurpose
from regiobureau.models.meetings import CalendarToken
from regiobureau.services.agenda import agenda_item_create
from regiobureau.services.meetings import meeting_publish_agenda
from tests.builders import make_meeting

pytestmark = pytest.mark.django_db

PLACE = "Landhuis Zuidrand, zaal 3"
LINK = "https://meet.example.org/geheim-overleg"


def published(secretary, body, *, is_public):
    meeting = make_meeting(
        secretary=secretary, body=body, is_public=is_public, location=PLACE, online_url=LINK
    )
    item = agenda_item_create(
        actor=secretary,
        meeting=meeting,
        expected_version=None,
        title="Grondaankoop",
        purpose=ItemPurpose.DECISION,
    )
    meeting.refresh_from_db()
    meeting_publish_agenda(
        actor=secretary, meeting=meeting, expected_version=meeting.agenda_version
    )
    meeting.refresh_from_db()
    meeting.item = item
    return meeting


@pytest.fixture
def closed_meeting(secretary, body):
    return published(secretary, body, is_public=False)


def pages(meeting):
    return [
        reverse("regiobureau:meeting_detail", args=[meeting.pk]),
        reverse("regiobureau:meeting_decisions", args=[meeting.pk]),
        reverse("regiobureau:item_detail", args=[meeting.item.pk]),
        reverse("regiobureau:calendar"),
    ]


def visible_texts(client, meeting) -> list[str]:
    texts = []
    for url in pages(meeting):
        response = client.get(url)
        if response.status_code == 200:
            texts.append(response.text)
    return texts


@pytest.mark.parametrize("who", ["anonymous", "outsider"])
def test_outsiders_see_no_place_or_link_of_a_closed_meeting_on_any_page(
    client, closed_meeting, outsider, who
):
    if who == "outsider":
        client.force_login(outsider)
    texts = visible_texts(client, closed_meeting)
    assert len(texts) >= 2  # the meeting page and the calendar are there to be read
    for text in texts:
        assert PLACE not in text and LINK not in text


@pytest.mark.parametrize("who", ["member", "secretary"])
def test_insiders_see_the_place_and_link_of_a_closed_meeting(
    client, closed_meeting, member, secretary, who
):
    client.force_login(member if who == "member" else secretary)
    page = client.get(reverse("regiobureau:meeting_detail", args=[closed_meeting.pk])).text
    assert PLACE in page and LINK in page


def test_a_public_meetings_place_is_shown_to_everyone(client, secretary, body):
    meeting = published(secretary, body, is_public=True)
    page = client.get(reverse("regiobureau:meeting_detail", args=[meeting.pk])).text
    assert PLACE in page and LINK in page


def test_the_anonymous_agenda_pdf_of_a_closed_meeting_has_no_place(closed_meeting):
    produced = producers.produce_public_agenda(closed_meeting, producers.PUBLIC)
    html = render_html(template=produced.template, context=produced.context, title=produced.title)
    assert "Grondaankoop" not in html  # the closed meeting's items are placeholders
    assert PLACE not in html and LINK not in html
    members = producers.produce_annotated_agenda(closed_meeting, producers.MEMBERS)
    html = render_html(template=members.template, context=members.context, title=members.title)
    assert PLACE in html


def test_the_feeds_give_the_place_only_to_insiders(client, closed_meeting, member, outsider):
    public = client.get(reverse("regiobureau:feed_body", args=[closed_meeting.body.slug]))
    assert public.status_code == 200
    # iCalendar escapes the comma: look for parts without one.
    assert b"Landhuis Zuidrand" not in public.content and b"geheim-overleg" not in public.content
    token = CalendarToken.objects.create(user=member)
    personal = client.get(reverse("regiobureau:feed_personal", args=[token.token]))
    assert b"Landhuis Zuidrand" in personal.content and b"geheim-overleg" in personal.content
