"""Defaults from the body: a public body's meetings are public, a closed
body's closed; a stuk on a closed item or meeting is confidential; a meeting without a title
is "Gremium, datum" everywhere; the decisions page says when recording opens and writes a
council letter only from an adopted list."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from gremia.models.registry import Body
from planning.forms import ProposalAcceptForm
from regiobureau.constants import Confidentiality
from regiobureau.demo.meetings import demo_pdf
from regiobureau.forms.documents import DocumentUploadForm
from regiobureau.services.decisions import decision_list_adopt
from regiobureau.services.documents import document_upload
from regiobureau.services.meetings import meeting_create
from tests.factories import AgendaItemFactory, BodyFactory, MeetingFactory


def start(days=30):
    moment = timezone.localtime() + datetime.timedelta(days=days)
    return moment.replace(hour=14, minute=0, second=0, microsecond=0)


@pytest.mark.parametrize("public", [True, False])
def test_a_meeting_follows_its_body(secretary, public):
    body = BodyFactory(public_by_default=public)
    meeting = meeting_create(
        actor=secretary, body=body, starts_at=start(), ends_at=start() + datetime.timedelta(hours=2)
    )
    assert meeting.is_public is public


@pytest.mark.django_db
def test_the_public_steering_group_and_the_platforms_meet_in_public():
    call_command("load_nhn", stdout=io.StringIO())
    assert Body.objects.get(slug="publieke-stuurgroep-nhn").public_by_default
    assert Body.objects.get(slug="platform-wonen").public_by_default
    assert not Body.objects.get(slug="werkgroep-wonen").public_by_default


def test_the_create_form_shows_the_bodys_default(client, secretary):
    public = BodyFactory(public_by_default=True)
    closed = BodyFactory(public_by_default=False)
    client.force_login(secretary)
    url = reverse("regiobureau:meeting_create")
    assert client.get(url, {"gremium": public.slug}).context["form"]["is_public"].value() == "1"
    assert client.get(url, {"gremium": closed.slug}).context["form"]["is_public"].value() == "0"


def test_a_meeting_without_a_title_is_body_and_date(db):
    body = BodyFactory(name="Platform Mobiliteit")
    moment = datetime.datetime(2026, 12, 4, 23, 30, tzinfo=datetime.UTC)  # 5 December in NL
    meeting = MeetingFactory(body=body, title="", starts_at=moment)
    assert str(meeting) == "Platform Mobiliteit, 5 december 2026"
    assert meeting.display_title == str(meeting)
    assert str(MeetingFactory(body=body, title="Werksessie")) == "Werksessie"


@pytest.mark.parametrize(
    ("meeting_public", "item_public", "parent_public", "confidential"),
    [
        (True, True, None, False),
        (True, False, None, True),
        (False, True, None, True),
        (True, True, False, True),
        (True, True, True, False),
    ],
)
def test_a_stuk_on_a_closed_item_or_meeting_defaults_to_confidential(
    secretary, meeting_public, item_public, parent_public, confidential, media_root
):
    meeting = MeetingFactory(is_public=meeting_public)
    parent = (
        None
        if parent_public is None
        else AgendaItemFactory(meeting=meeting, is_public=parent_public)
    )
    item = AgendaItemFactory(meeting=meeting, is_public=item_public, parent=parent)
    expected = Confidentiality.CONFIDENTIAL if confidential else Confidentiality.PUBLIC
    assert DocumentUploadForm(item=item)["confidentiality"].value() == expected
    document = document_upload(
        actor=secretary,
        item=item,
        title="Notitie",
        confidentiality="",
        upload=SimpleUploadedFile("notitie.pdf", demo_pdf("Notitie", "test"), "application/pdf"),
    )
    assert document.confidentiality == expected


def test_a_stuk_handed_in_for_a_closed_meeting_is_accepted_as_confidential(db):
    closed = MeetingFactory(is_public=False)
    public = MeetingFactory(is_public=True)
    assert (
        ProposalAcceptForm(meeting=closed)["confidentiality"].value()
        == Confidentiality.CONFIDENTIAL
    )
    assert ProposalAcceptForm(meeting=public)["confidentiality"].value() == Confidentiality.PUBLIC


def test_decisions_page_says_recording_opens_after_the_meeting(client, secretary):
    meeting = MeetingFactory(published=True)
    client.force_login(secretary)
    page = client.get(reverse("regiobureau:meeting_decisions", args=[meeting.pk])).text
    assert "Besluiten legt u vast na de vergadering" in page


def test_a_council_letter_only_from_an_adopted_decision_list(
    client, secretary, meeting_with_decision
):
    client.force_login(secretary)
    url = reverse("regiobureau:meeting_decisions", args=[meeting_with_decision.pk])
    letter = reverse("raden:letter_create", args=[meeting_with_decision.pk])
    page = client.get(url).text
    assert letter not in page
    assert "vanuit een vastgestelde besluitenlijst" in page
    next_meeting = MeetingFactory(body=meeting_with_decision.body, published=True)
    decision_list_adopt(actor=secretary, meeting=meeting_with_decision, at_meeting=next_meeting)
    page = client.get(url).text
    assert letter in page
    assert "vanuit een vastgestelde besluitenlijst" not in page
