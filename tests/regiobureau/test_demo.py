"""The demo meetings: one per base-model body, realistic content, idempotent."""

import io

import pytest
from django.utils import timezone
from pypdf import PdfReader

from gremia.reference import BODIES
from nhn_portal.core.models import User
from nhn_portal.core.seeding import LoadReport
from regiobureau.constants import MeetingStatus
from regiobureau.demo.meetings import REVIEWER_EMAIL, demo_pdf, load_demo_meetings
from regiobureau.models.annotations import Annotation, AnnotationReview
from regiobureau.models.documents import Document
from regiobureau.models.meetings import AgendaItem, Dossier, Meeting
from regiobureau.selectors.annotation_reviews import annotation_reviews_waiting_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def nhn(db):
    from django.core.management import call_command

    call_command("load_nhn", stdout=io.StringIO())


def test_one_published_meeting_per_base_model_body_and_idempotent(nhn):
    created = load_demo_meetings(report=LoadReport())
    slugs = {spec["slug"] for spec in BODIES}
    assert {m.body.slug for m in created} == slugs
    assert all(m.status == MeetingStatus.AGENDA_PUBLISHED for m in created)
    counts = (Meeting.objects.count(), AgendaItem.objects.count(), Document.objects.count())
    assert load_demo_meetings() == []
    assert (Meeting.objects.count(), AgendaItem.objects.count(), Document.objects.count()) == counts


def test_demo_has_dossier_trails_closed_items_and_confidential_stukken(nhn):
    # With the demo's people: the second secretary reviews and adopts the annotations.
    from gremia.demo import load_demo

    load_demo(report=LoadReport())
    load_demo_meetings()
    woondeal = Dossier.objects.get(slug="woondeal-nhn")
    kinds = [
        item.meeting.body.kind
        for item in woondeal.agenda_items.filter(parent=None)
        .select_related("meeting__body")
        .order_by("meeting__starts_at")
    ]
    assert kinds[:4] == ["werkgroep", "directeurenoverleg", "platform", "stuurgroep"]
    assert AgendaItem.objects.filter(is_public=False).exists()
    assert Document.objects.filter(confidentiality="vertrouwelijk").exists()
    assert Annotation.objects.filter(status="vastgesteld").exists()
    assert Dossier.objects.filter(slug="mirt-verkenning").exists()
    # One annotation waits for the second secretary: her to-do line.
    reviewer = User.objects.get(email=REVIEWER_EMAIL)
    waiting = annotation_reviews_waiting_for(reviewer)
    assert len(waiting) == 1 and waiting[0].due_on >= timezone.localdate()
    # Adopted by a reviewer who did not write them (four eyes).
    for review in AnnotationReview.objects.filter(outcome="vastgesteld"):
        assert review.reviewer == reviewer != review.requested_by


def test_demo_pdf_is_a_valid_pdf():
    reader = PdfReader(io.BytesIO(demo_pdf("Woondeal NHN: voortgang", "Platform Wonen")))
    assert "Woondeal NHN: voortgang" in reader.pages[0].extract_text()
