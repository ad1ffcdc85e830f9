"""Decisions for citizens: an adopted decision on a public item is a public page, reached
from the front page, the body's page, the meeting's decisions and the search, without a
login; a decision on a closed item (or of a closed meeting, or of a list not yet adopted)
never, however it is asked for."""

import datetime
import re

import pytest
from django.urls import reverse

from nhn_portal.core.constants import GenerationStatus
from nhn_portal.core.models import GenerationJob
from raden.constants import Addressee, AgendaForum, DiscussionOutcome
from raden.services.discussions import letter_discussion_record
from regiobureau.constants import (
    AGENDA,
    AGENDA_OUT_STATUSES,
    DECISION_LIST,
    PUBLIC,
    DecisionOutcome,
)
from regiobureau.models.meetings import Meeting
from regiobureau.selectors.meetings import next_meeting_of_body
from regiobureau.services.decisions import decision_list_adopt, decision_record
from tests.builders import griffie, issue, letter_for
from tests.factories import AgendaItemFactory, BodyFactory, DossierFactory, MeetingFactory

pytestmark = pytest.mark.django_db


def held_meeting_with(secretary, body, items, *, meeting_public=True, adopt=True):
    """A held meeting of `body` with one decision per (title, text, public) in `items`; its
    besluitenlijst adopted at the next meeting when `adopt`. Returns (meeting, decisions)."""
    meeting = MeetingFactory(body=body, held=True, is_public=meeting_public)
    decisions = []
    for title, text, public in items:
        item = AgendaItemFactory(meeting=meeting, title=title, is_public=public)
        decisions.append(
            decision_record(actor=secretary, item=item, text=text, outcome=DecisionOutcome.ADOPTED)
        )
    if adopt:
        at = next_meeting_of_body(meeting) or MeetingFactory(body=body, published=True)
        decision_list_adopt(actor=secretary, meeting=meeting, at_meeting=at)
    return meeting, decisions


@pytest.fixture
def platform(db):
    return BodyFactory(name="Platform Wonen publiek", slug="platform-wonen-publiek")


@pytest.fixture
def decided(secretary, platform):
    """One public and one closed decision of an adopted list."""
    return held_meeting_with(
        secretary,
        platform,
        [
            ("Woningbouwprogramma 2027", "Het platform stelt het woningbouwprogramma vast.", True),
            ("Grondaankoop Noordrand", "Mandaat voor de aankoop van kavel 12.", False),
        ],
    )


def test_a_citizen_reaches_a_decision_from_the_front_page(client, decided):
    _meeting, (public, _closed) = decided

    front = client.get("/")
    assert "Nog geen vastgestelde besluiten" not in front.text
    links = re.findall(r'href="(/openbaar/besluiten/\d+/)"', front.text)
    assert links == [reverse("publiek:decision_detail", args=[public.pk])]

    page = client.get(links[0])
    assert page.status_code == 200
    assert "Het platform stelt het woningbouwprogramma vast." in page.text
    assert "Woningbouwprogramma 2027" in page.text


def test_the_decision_page_shows_rule_outcome_meeting_dossier_and_letters(
    client, secretary, platform, region, django_capture_on_commit_callbacks, fake_render,
    celery_eager,
):  # fmt: skip
    dossier = DossierFactory(name="Woondeal publiek", slug="woondeal-publiek")
    with django_capture_on_commit_callbacks(execute=True):  # the besluitenlijst PDF is made
        meeting, (decision,) = held_meeting_with(
            secretary, platform, [("Woondeal", "Het platform stemt in met de Woondeal.", True)]
        )
    decision.item.dossier = dossier
    decision.item.save(update_fields=["dossier"])
    letter = letter_for(meeting, secretary, region)
    issue(letter, secretary, django_capture_on_commit_callbacks)

    page = client.get(reverse("publiek:decision_detail", args=[decision.pk])).text

    assert "Aangenomen" in page  # the outcome
    assert decision.get_rule_display() in page
    assert reverse("regiobureau:meeting_detail", args=[meeting.pk]) in page
    assert reverse("regiobureau:dossier_detail", args=[dossier.slug]) in page
    assert reverse("publiek:letter_detail", args=[letter.pk]) in page
    assert reverse("regiobureau:meeting_decision_list_public", args=[meeting.pk]) in page
    assert "Besproken in 0 van de 17 raden (geagendeerd in 0)." in page

    # What the councils did with it: Texel's griffie records its committee's discussion.
    texel_copy = letter.deliveries.get(municipality=region["Texel"], addressee=Addressee.COUNCIL)
    letter_discussion_record(
        actor=griffie(region["Texel"]),
        delivery=texel_copy,
        forum=AgendaForum.COMMITTEE,
        agenda_date=datetime.date(2026, 12, 10),
        outcome=DiscussionOutcome.DISCUSSED,
    )
    page = client.get(reverse("publiek:decision_detail", args=[decision.pk])).text
    assert "Besproken in 1 van de 17 raden (geagendeerd in 1)." in page


def test_a_closed_items_decision_never_reaches_a_visitor(client, decided, platform):
    meeting, (_public, closed) = decided

    assert client.get(reverse("publiek:decision_detail", args=[closed.pk])).status_code == 404
    for url in (
        "/",
        reverse("publiek:body_detail", args=[platform.slug]),
        reverse("regiobureau:meeting_decisions", args=[meeting.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "kavel 12" not in response.text and "Grondaankoop" not in response.text, url
    for query in ("kavel", "Grondaankoop", "Mandaat"):
        response = client.get(reverse("publiek:search"), {"q": query})
        assert response.context["result"].hits == [], query


def test_closed_meetings_and_unadopted_lists_have_no_public_decision_page(
    client, secretary, platform
):
    _m, (of_closed_meeting,) = held_meeting_with(
        secretary, platform, [("Achter gesloten deuren", "Geheim besluit.", True)],
        meeting_public=False,
    )  # fmt: skip
    other = BodyFactory(name="Ander platform", slug="ander-platform")
    _m, (draft,) = held_meeting_with(
        secretary, other, [("Nog concept", "Conceptbesluit.", True)], adopt=False
    )

    for decision in (of_closed_meeting, draft):
        url = reverse("publiek:decision_detail", args=[decision.pk])
        assert client.get(url).status_code == 404
    assert client.get(reverse("publiek:decision_detail", args=[999999])).status_code == 404
    front = client.get("/").text
    assert "Geheim besluit" not in front and "Conceptbesluit" not in front


def test_the_body_page_lists_its_decisions(client, decided, platform):
    _meeting, (public, _closed) = decided
    page = client.get(reverse("publiek:body_detail", args=[platform.slug])).text
    assert reverse("publiek:decision_detail", args=[public.pk]) in page
    assert "Grondaankoop" not in page


def test_a_decision_search_hit_opens_the_decision_page(client, decided):
    _meeting, (public, _closed) = decided
    response = client.get(reverse("publiek:search"), {"q": "woningbouwprogramma"})
    urls = [entry.url for entry in response.context["result"].hits if entry.kind == "decision"]
    assert urls == [reverse("publiek:decision_detail", args=[public.pk])]


def test_the_meetings_decisions_page_opens_without_login(client, decided):
    meeting, (public, _closed) = decided
    response = client.get(reverse("regiobureau:meeting_decisions", args=[meeting.pk]))
    assert response.status_code == 200
    assert "Het platform stelt het woningbouwprogramma vast." in response.text
    assert reverse("publiek:decision_detail", args=[public.pk]) in response.text


def test_the_public_decision_list_pdf_opens_without_login_and_holds_no_closed_item(
    client, secretary, platform, fake_render, celery_eager, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        meeting, _decisions = held_meeting_with(
            secretary,
            platform,
            [("Openbaar punt", "Openbaar besluit.", True), ("Dicht punt", "Dicht besluit.", False)],
        )
    job = GenerationJob.objects.get(object_id=meeting.pk, kind=DECISION_LIST, audience=PUBLIC)
    assert job.status == GenerationStatus.DONE

    response = client.get(reverse("regiobureau:meeting_decision_list_public", args=[meeting.pk]))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    pdf = b"".join(response.streaming_content) if response.streaming else response.content
    assert b"Dicht" not in pdf


def test_agenda_pdf_of_a_published_meeting_says_it_is_being_made_until_it_is(
    client, platform, django_capture_on_commit_callbacks, fake_render, celery_eager
):
    meeting = MeetingFactory(body=platform, published=True)  # published without the service
    url = reverse("regiobureau:meeting_pdf_public", args=[meeting.pk])

    response = client.get(url)

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "wordt gemaakt" in response.text
    jobs = GenerationJob.objects.filter(object_id=meeting.pk, kind=AGENDA, audience=PUBLIC)
    assert jobs.count() == 1
    client.get(url)
    assert jobs.count() == 1  # asking again piles up nothing

    with django_capture_on_commit_callbacks(execute=True):
        GenerationJob.objects.filter(pk=jobs.get().pk).delete()
        client.get(url)  # requests anew, and the eager worker makes it after the commit
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"


def test_agenda_pdf_of_a_draft_stays_404(client, platform):
    meeting = MeetingFactory(body=platform)
    response = client.get(reverse("regiobureau:meeting_pdf_public", args=[meeting.pk]))
    assert response.status_code == 404
    assert not GenerationJob.objects.filter(object_id=meeting.pk).exists()


def test_the_demo_gives_citizens_decisions_and_every_public_agenda_its_pdf(client, nhn_demo):
    front = client.get("/")
    assert "Nog geen vastgestelde besluiten" not in front.text
    link = re.search(r'href="(/openbaar/besluiten/\d+/)"', front.text).group(1)
    assert client.get(link).status_code == 200

    published = Meeting.objects.filter(status__in=AGENDA_OUT_STATUSES, is_public=True)
    assert published.exists()
    for meeting in published:
        assert GenerationJob.objects.filter(
            object_id=meeting.pk, kind=AGENDA, audience=PUBLIC
        ).exists(), meeting


def test_the_decision_page_links_the_decision_list_pdf_only_once_it_is_made(client, decided):
    _meeting, (public, _closed) = decided  # adopted, but no worker made its PDF
    page = client.get(reverse("publiek:decision_detail", args=[public.pk])).text
    assert "besluitenlijst.pdf" not in page
