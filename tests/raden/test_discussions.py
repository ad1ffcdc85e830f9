"""What the councils did with a letter: the griffie records agenda dates and outcomes for her
own council only (a motion as a PDF), audited; the dashboard says in how many councils the
letter was discussed."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from nhn_portal.core.models import AuditRecord
from raden.constants import AgendaForum, DiscussionOutcome
from raden.models.discussions import LetterDiscussion
from raden.selectors.discussions import letter_discussion_counts
from raden.services.discussions import letter_discussion_record
from tests.builders import griffie, issue, letter_for, pdf_upload

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("celery_eager")]

DAY = datetime.date(2026, 7, 2)


@pytest.fixture
def copies(
    secretary, meeting_with_decision, region, fake_render, django_capture_on_commit_callbacks
):
    letter = letter_for(meeting_with_decision, secretary, region)
    return issue(letter, secretary, django_capture_on_commit_callbacks)


def test_a_griffie_records_agenda_and_outcome_for_her_council(copies, region):
    clerk = griffie(region["Texel"])
    letter_discussion_record(
        actor=clerk, delivery=copies["Texel"], forum=AgendaForum.COMMITTEE, agenda_date=DAY
    )
    discussion = letter_discussion_record(
        actor=clerk,
        delivery=copies["Texel"],
        forum=AgendaForum.COUNCIL,
        agenda_date=DAY + datetime.timedelta(days=14),
        outcome=DiscussionOutcome.MOTION,
        motion=pdf_upload("motie.pdf"),
    )
    assert discussion.motion.name.endswith(".pdf")
    assert AuditRecord.objects.filter(
        verb="letter discussion recorded", object_id=str(discussion.pk), actor=clerk
    ).exists()
    counts = letter_discussion_counts(letter=copies["Texel"].letter)
    assert counts == {"total": 17, "scheduled": 1, "discussed": 1}


def test_a_griffie_cannot_record_for_another_council(copies, region, secretary):
    clerk = griffie(region["Texel"])
    for actor in (clerk, secretary):
        with pytest.raises(ValidationError):
            letter_discussion_record(
                actor=actor,
                delivery=copies["Hoorn"],
                forum=AgendaForum.COUNCIL,
                agenda_date=DAY,
                outcome=DiscussionOutcome.NOTED,
            )
    assert not LetterDiscussion.objects.exists()


def test_the_form_of_another_council_is_not_found(client, copies, region):
    client.force_login(griffie(region["Texel"]))
    response = client.post(
        reverse("raden:delivery_discussion_add", args=[copies["Hoorn"].pk]),
        {"forum": "council", "agenda_date": "2026-07-02", "outcome": "noted"},
    )
    assert response.status_code == 404
    assert not LetterDiscussion.objects.exists()


def test_a_motion_needs_its_pdf(copies, region):
    clerk = griffie(region["Texel"])
    with pytest.raises(ValidationError):
        letter_discussion_record(
            actor=clerk,
            delivery=copies["Texel"],
            forum=AgendaForum.COUNCIL,
            agenda_date=DAY,
            outcome=DiscussionOutcome.MOTION,
        )


def test_the_dashboard_says_in_how_many_councils_it_was_discussed(
    client, copies, region, secretary
):
    for town in ("Texel", "Hoorn"):
        letter_discussion_record(
            actor=griffie(region[town]),
            delivery=copies[town],
            forum=AgendaForum.COUNCIL,
            agenda_date=DAY,
            outcome=DiscussionOutcome.DISCUSSED,
        )
    decision = copies["Texel"].letter.items.get().decision
    assert letter_discussion_counts(decision=decision)["discussed"] == 2
    client.force_login(secretary)
    page = client.get(reverse("raden:dashboard")).content.decode()
    assert "besproken in 2 van de 17 raden" in page


def test_the_griffie_records_through_the_copys_page(client, copies, region):
    clerk = griffie(region["Texel"])
    client.force_login(clerk)
    url = reverse("raden:delivery_discussion_add", args=[copies["Texel"].pk])
    response = client.post(
        url,
        {
            "forum": "council",
            "agenda_date": "2026-07-02",
            "outcome": "motion",
            "motion": pdf_upload("motie.pdf"),
        },
    )
    assert response.status_code == 302
    discussion = LetterDiscussion.objects.get()
    page = client.get(reverse("raden:delivery_detail", args=[copies["Texel"].pk]))
    assert "motie" in page.content.decode()
    motion = client.get(reverse("raden:delivery_motion", args=[copies["Texel"].pk, discussion.pk]))
    assert motion.status_code == 200


def test_the_councils_feeds_carry_its_agenda_dates(client, copies, region):
    letter_discussion_record(
        actor=griffie(region["Texel"]),
        delivery=copies["Texel"],
        forum=AgendaForum.COMMITTEE,
        agenda_date=DAY,
    )
    slug = region["Texel"].slug
    ical = client.get(reverse("publiek:council_calendar", kwargs={"slug": slug})).content
    assert b"DTSTART;VALUE=DATE:20260702" in ical
    assert b"Versnelling woningbouw" in ical
    atom = client.get(reverse("publiek:council_feed", kwargs={"slug": slug})).content.decode()
    assert "2 juli 2026" in atom
    hoorn = client.get(
        reverse("publiek:council_calendar", kwargs={"slug": region["Hoorn"].slug})
    ).content
    assert b"20260702" not in hoorn


@pytest.mark.usefixtures("quick_pdfs")
def test_the_demo_letter_is_on_the_agendas_of_texel_and_hoorn(nhn_demo):
    from raden.demo import LETTER_TITLE

    # The Wonen letter of raden's demo (the consultations' letters have their own discussions).
    discussions = LetterDiscussion.objects.filter(
        delivery__letter__title=LETTER_TITLE
    ).select_related("delivery__municipality")
    by_town = {}
    for discussion in discussions:
        by_town.setdefault(discussion.delivery.municipality.slug, []).append(discussion.forum)
    assert by_town == {
        "gemeente-texel": ["committee"],
        "gemeente-hoorn": ["committee", "council"],
    }
