"""The 17-letter batch through the real PDF helper: each PDF names its own council,
and a sub-region's paragraph appears only in that sub-region's letters (text read with pypdf)."""

import io

import pytest
from django.utils import timezone
from pypdf import PdfReader

from nhn_portal.core.production.services import document_generation_run
from raden.constants import DeliveryStatus, LetterStatus, RenderStatus
from raden.services.composing import council_letter_adopt, council_letter_correct
from raden.services.issuing import council_letter_issue, deliveries_sync
from tests.builders import KOP_PARAGRAPH, REGION, issue, letter_for

# Every task the raden services enqueue runs in-process.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("celery_eager")]


def text_of(delivery) -> str:
    with delivery.document.file.open("rb") as file:
        reader = PdfReader(io.BytesIO(file.read()))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def test_each_council_gets_its_own_letter(
    secretary, meeting_with_decision, region, django_capture_on_commit_callbacks
):
    letter = letter_for(meeting_with_decision, secretary, region)
    deliveries = issue(letter, secretary, django_capture_on_commit_callbacks)
    assert len(deliveries) == 17
    kop = set(REGION["Kop van Noord-Holland"])
    for town, delivery in deliveries.items():
        assert delivery.render_status == RenderStatus.DONE, delivery.render_error
        assert delivery.status == DeliveryStatus.AVAILABLE
        text = text_of(delivery)
        assert f"Aan de gemeenteraad van {town}" in text
        others = [t for t in deliveries if t != town and t not in town]
        assert not any(f"gemeenteraad van {other}" in text for other in others)
        assert ("netcongestie vraagt om een eigen aanpak" in text) == (town in kop), town
        assert "Versnelling woningbouw" in text
    assert KOP_PARAGRAPH  # the paragraph the Kop's letters carry


def test_revised_version_is_marked_in_the_pdf(
    secretary, meeting_with_decision, region, django_capture_on_commit_callbacks
):
    letter = letter_for(meeting_with_decision, secretary, region, paragraph=False)
    letter.status = LetterStatus.SENT  # issued earlier; only the revision is rendered here
    letter.issued_at = timezone.now()
    letter.save()
    revision = council_letter_correct(actor=secretary, letter=letter)
    council_letter_adopt(actor=secretary, letter=revision)
    council_letter_issue(actor=secretary, letter=revision)
    delivery = revision.deliveries.get(municipality=region["Texel"])
    document_generation_run(job_id=delivery.job_id)
    deliveries_sync(letter=revision)
    delivery.refresh_from_db()
    text = text_of(delivery)
    assert "herziene versie 2" in text.lower()
    assert "Aan de gemeenteraad van Texel" in text
