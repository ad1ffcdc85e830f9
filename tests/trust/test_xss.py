"""Bad input: XSS payloads in the main free-text fields come out inert — escaped in
pages and htmx partials, sanitised in annotations, escaped in the HTML handed to WeasyPrint,
plain text in the iCal feed (no injected lines) and the CSV (tests/trust/test_csv.py covers
formulas)."""

import re

import pytest
from django.urls import reverse

from nhn_portal.pdf import render_html
from regiobureau import producers
from regiobureau.constants import ItemPurpose
from regiobureau.models.documents import Document
from regiobureau.services.agenda import agenda_item_create, agenda_item_update
from regiobureau.services.annotations import (
    annotation_comment_add,
    annotation_save,
)
from regiobureau.services.documents import document_upload
from regiobureau.services.meetings import meeting_publish_agenda, meeting_update
from tests.builders import adopt_annotation, make_meeting, pdf_upload

pytestmark = pytest.mark.django_db

PAYLOAD = (
    '"><script>alert("xss")</script><img src=x onerror=alert(1)>'
    '<a href="javascript:alert(2)">klik</a><svg onload=alert(3)>'
)
LIVE = [
    re.compile(r"<script[^>]*>\s*alert", re.I),
    re.compile(r"<(img|svg|a|body|iframe)\b[^>]*\bon\w+\s*=", re.I),
    re.compile(r"<a\b[^>]*href=[\"']?\s*javascript:", re.I),
]


def assert_inert(text: str, where: str):
    for pattern in LIVE:
        assert not pattern.search(text), f"live markup in {where}: {pattern.pattern}"


@pytest.fixture
def meeting(secretary, body):
    meeting = make_meeting(secretary=secretary, body=body)
    meeting.item = agenda_item_create(
        actor=secretary,
        meeting=meeting,
        expected_version=None,
        title="Woondeal",
        purpose=ItemPurpose.DECISION,
    )
    document_upload(
        actor=secretary, item=meeting.item, title="Stuk", confidentiality="", upload=pdf_upload()
    )
    meeting.refresh_from_db()
    meeting_publish_agenda(
        actor=secretary, meeting=meeting, expected_version=meeting.agenda_version
    )
    meeting.refresh_from_db()
    meeting.item.refresh_from_db()
    return meeting


def fill(field, meeting, secretary, member):
    """Put the payload into one free-text field through its service."""
    item = meeting.item
    if field == "meeting_title":
        meeting_update(actor=secretary, meeting=meeting, expected_version=None, title=PAYLOAD[:200])
    elif field == "meeting_location":
        meeting_update(
            actor=secretary, meeting=meeting, expected_version=None, location=PAYLOAD[:200]
        )
    elif field in ("item_title", "item_description"):
        name = field.removeprefix("item_")
        agenda_item_update(actor=secretary, item=item, expected_version=None, **{name: PAYLOAD})
    elif field == "document_title":
        Document.objects.filter(agenda_item=item).update(title=PAYLOAD)
    elif field == "annotation":
        annotation = annotation_save(
            actor=secretary, item=item, expected_version=None, core_message=PAYLOAD
        )
        adopt_annotation(annotation, author=secretary)
    elif field == "comment":
        annotation = annotation_save(
            actor=secretary, item=item, expected_version=None, core_message="<p>Kern</p>"
        )
        adopt_annotation(annotation, author=secretary)
        annotation_comment_add(actor=member, annotation=annotation, text=PAYLOAD)
    meeting.refresh_from_db()
    item.refresh_from_db()


FIELDS = [
    "meeting_title",
    "meeting_location",
    "item_title",
    "item_description",
    "document_title",
    "annotation",
    "comment",
]


@pytest.mark.parametrize("field", FIELDS)
def test_a_payload_is_inert_in_pages_partials_pdfs_and_the_feed(
    client, meeting, secretary, member, field
):
    fill(field, meeting, secretary, member)
    item = meeting.item
    seen_escaped = False
    views = [
        (None, reverse("regiobureau:meeting_detail", args=[meeting.pk]), {}),
        (None, reverse("regiobureau:calendar"), {}),
        (member, reverse("regiobureau:meeting_reading", args=[meeting.pk]), {}),
        # the item's annotation, stukken and responses: loaded on demand, or a page of its own
        (member, reverse("regiobureau:item_reading", args=[item.pk]), {"HTTP_HX_REQUEST": "true"}),
        (member, reverse("regiobureau:item_reading", args=[item.pk]), {}),
        (member, reverse("regiobureau:item_detail", args=[item.pk]), {}),
        (secretary, reverse("regiobureau:agenda_editor", args=[meeting.pk]), {}),
        (secretary, reverse("regiobureau:item_documents", args=[item.pk]), {}),
        # an htmx partial: the item's edit form inside its row
        (secretary, reverse("regiobureau:item_edit", args=[item.pk]), {"HTTP_HX_REQUEST": "true"}),
    ]
    for user, url, headers in views:
        if user is None:
            client.logout()
        else:
            client.force_login(user)
        response = client.get(url, **headers)
        assert response.status_code == 200, url
        assert_inert(response.text, url)
        # The link's text survives as text, escaped or sanitised alike.
        seen_escaped |= "klik" in response.text
    # The HTML WeasyPrint is given, for both PDFs.
    for produce in (producers.produce_public_agenda, producers.produce_annotated_agenda):
        produced = produce(meeting, producers.PUBLIC)
        html = render_html(
            template=produced.template, context=produced.context, title=produced.title
        )
        assert_inert(html, produce.__name__)
    assert seen_escaped  # the payload did reach a page (as text), so the check means something


def test_a_payload_cannot_add_lines_to_the_ical_feed(client, meeting, secretary):
    meeting_update(
        actor=secretary,
        meeting=meeting,
        expected_version=None,
        title="Vergadering\r\nX-INJECTED:1\r\nBEGIN:VALARM",
        location="Zaal\nATTENDEE:mailto:evil@example.org",
    )
    feed = client.get(reverse("regiobureau:feed_body", args=[meeting.body.slug])).content
    lines = feed.decode().split("\r\n")
    assert not any(line.startswith(("X-INJECTED", "BEGIN:VALARM", "ATTENDEE")) for line in lines)
    assert b"X-INJECTED" in feed  # present, but folded into the escaped text


def test_the_check_recognises_live_markup():
    with pytest.raises(AssertionError):
        assert_inert(f"<p>{PAYLOAD}</p>", "raw")
    assert_inert("&lt;script&gt;alert(1)&lt;/script&gt; onerror=alert(1)", "escaped")
