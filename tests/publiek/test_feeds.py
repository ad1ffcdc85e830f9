"""Per municipality an Atom feed and an iCal of what concerns its council:
letters addressed to it and public meetings of the bodies its executives sit on."""

import pytest
from django.urls import reverse
from icalendar import Calendar
from lxml import etree, html

from tests.builders import issue, letter_for
from tests.factories import BodyFactory, MeetingFactory, MembershipFactory

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def test_council_feeds_carry_its_letters_and_its_bodies_public_meetings(
    client, secretary, region, meeting_with_decision, django_capture_on_commit_callbacks,
    fake_render, celery_eager,
):  # fmt: skip
    texel = region["Texel"]
    mine = BodyFactory(name="Regionaal overleg Kop")
    MembershipFactory(body=mine, person__organisation=texel, organisation=texel)
    MeetingFactory(body=mine, published=True, title="Kop openbaar")
    MeetingFactory(body=mine, published=True, closed_meeting=True, title="Kop besloten")
    MeetingFactory(body=mine, title="Kop concept")
    MeetingFactory(body=BodyFactory(), published=True, title="Elders")
    letter = letter_for(meeting_with_decision, secretary, region)
    issue(letter, secretary, django_capture_on_commit_callbacks)

    atom = client.get(reverse("publiek:council_feed", args=[texel.slug]))
    assert atom.status_code == 200
    assert atom["Content-Type"].startswith("application/atom+xml")
    feed = etree.fromstring(atom.content)
    titles = [entry.findtext(f"{ATOM}title") for entry in feed.iter(f"{ATOM}entry")]
    assert any("Versnelling woningbouw" in title for title in titles)
    assert any(title.startswith("Kop openbaar") for title in titles)
    for absent in ("Kop besloten", "Kop concept", "Elders"):
        assert not any(absent in title for title in titles)

    ics = client.get(reverse("publiek:council_calendar", args=[texel.slug]))
    assert ics["Content-Type"].startswith("text/calendar")
    events = Calendar.from_ical(ics.content).walk("VEVENT")
    assert [str(event["summary"]) for event in events] == ["Kop openbaar"]


def test_a_council_without_letters_gets_an_empty_feed_and_unknown_is_404(client, region):
    response = client.get(reverse("publiek:council_feed", args=[region["Hoorn"].slug]))
    assert response.status_code == 200
    assert list(etree.fromstring(response.content).iter(f"{ATOM}entry")) == []
    assert client.get(reverse("publiek:council_feed", args=["nergens"])).status_code == 404
    assert client.get(reverse("publiek:council_calendar", args=["nergens"])).status_code == 404


def test_the_feed_names_its_author_and_the_front_page_announces_the_feeds(client, region):
    texel = reverse("publiek:council_feed", args=[region["Texel"].slug])
    feed = etree.fromstring(client.get(texel).content)
    # RFC 4287: a feed whose entries name no author names one itself.
    assert feed.findtext(f"{ATOM}author/{ATOM}name") == "Regionale samenwerking Noord-Holland Noord"

    page = html.fromstring(client.get("/").content)
    feeds = {
        link.get("href"): link.get("title")
        for link in page.xpath('//head/link[@rel="alternate"][@type="application/atom+xml"]')
    }
    assert len(feeds) == 17
    assert feeds[texel] == "NHN Portaal voor de gemeenteraad van Texel"


def test_a_municipalitys_page_announces_its_councils_feed(client, region, secretary):
    texel = region["Texel"]
    client.force_login(secretary)
    page = html.fromstring(
        client.get(reverse("gremia:organisation_detail", args=[texel.slug])).content
    )
    feeds = page.xpath('//head/link[@rel="alternate"][@type="application/atom+xml"]/@href')
    assert feeds == [reverse("publiek:council_feed", args=[texel.slug])]
    assert page.xpath(f'//main//a[@href="{feeds[0]}"]')
