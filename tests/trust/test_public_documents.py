"""A public PDF is a view of what may be shown *now*. A change of an item's,
a stuk's or the meeting's visibility withdraws the public PDFs at once and queues new ones;
superseded and withdrawn versions are the secretariat's alone."""

from io import BytesIO

import pytest
from django.urls import reverse
from pypdf import PdfReader

from nhn_portal.core.constants import GenerationStatus
from nhn_portal.core.models import AuditRecord, GeneratedDocument, GenerationJob
from nhn_portal.core.production.services import document_generation_request, document_generation_run
from regiobureau import producers
from regiobureau.constants import Confidentiality
from regiobureau.services.agenda import agenda_item_update
from regiobureau.services.documents import document_set_confidentiality
from regiobureau.services.meetings import meeting_update
from tests.builders import CONFIDENTIAL_DOC, PUBLIC_TITLE
from tests.test_pdf import page_texts

pytestmark = pytest.mark.django_db

AGENDA, PUBLIC = producers.AGENDA, producers.PUBLIC
ANNOTATED, MEMBERS = producers.ANNOTATED_AGENDA, producers.MEMBERS
DECISION_LIST = producers.DECISION_LIST


def url(name, *args):
    return reverse(f"regiobureau:{name}", args=args)


def make(meeting, actor, kind=AGENDA, audience=PUBLIC) -> GeneratedDocument:
    job = document_generation_request(actor=actor, subject=meeting, kind=kind, audience=audience)
    job = document_generation_run(job_id=job.pk)
    assert job.status == GenerationStatus.DONE, job.failure_reason
    return job.document


def run_pending(meeting) -> list[GenerationJob]:
    jobs = GenerationJob.objects.filter(
        object_id=meeting.pk, status=GenerationStatus.QUEUED
    ).order_by("pk")
    return [document_generation_run(job_id=job.pk) for job in jobs]


def pdf_text(response) -> str:
    return "\n".join(page_texts(PdfReader(BytesIO(b"".join(response.streaming_content)))))


def close_public_item(meeting, secretary):
    agenda_item_update(
        actor=secretary, item=meeting.public_item, expected_version=None, is_public=False
    )


def test_closing_an_item_withdraws_the_public_pdf_at_once_and_a_new_one_leaves_it_out(
    client, published_meeting, secretary
):
    old = make(published_meeting, secretary)
    download = url("meeting_pdf_public", published_meeting.pk)
    response = client.get(download)
    assert response.status_code == 200
    assert PUBLIC_TITLE in pdf_text(response)

    close_public_item(published_meeting, secretary)

    # At once, before any worker ran: the old bytes are no longer served to anybody outside.
    assert client.get(download).status_code == 404
    old.refresh_from_db()
    assert old.withdrawn_at is not None
    assert AuditRecord.objects.filter(verb="generated_document_withdraw").exists()
    # ... and a new one is queued; once made, it is served and does not name the closed item.
    queued = GenerationJob.objects.get(kind=AGENDA, status=GenerationStatus.QUEUED)
    assert document_generation_run(job_id=queued.pk).document.version == 2
    response = client.get(download)
    assert response.status_code == 200
    text = pdf_text(response)
    assert PUBLIC_TITLE not in text
    # The meeting page offers the new file, not the withdrawn one.
    assert download in client.get(url("meeting_detail", published_meeting.pk)).text


def test_without_a_new_file_the_meeting_page_offers_no_public_pdf(
    client, published_meeting, secretary
):
    make(published_meeting, secretary)
    close_public_item(published_meeting, secretary)
    page = client.get(url("meeting_detail", published_meeting.pk)).text
    assert url("meeting_pdf_public", published_meeting.pk) not in page


def test_a_withdrawn_pdf_is_made_again_even_when_its_html_did_not_change(
    client, published_meeting, secretary, fake_render
):
    # A stuk of a public item turning vertrouwelijk may leave the public agenda's text as it
    # was; still the reader gets a file made after the change, never the withdrawn one.
    first = make(published_meeting, secretary)
    public_stuk = published_meeting.public_item.documents.get(
        confidentiality=Confidentiality.PUBLIC
    )
    document_set_confidentiality(
        actor=secretary, document=public_stuk, confidentiality=Confidentiality.CONFIDENTIAL
    )
    [job] = run_pending(published_meeting)
    assert job.document.version == first.version + 1 and not job.reused
    response = client.get(url("meeting_pdf_public", published_meeting.pk))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == job.document.file.open("rb").read()


def test_closing_the_meeting_withdraws_every_public_document(
    client, published_meeting, secretary, fake_render
):
    make(published_meeting, secretary)
    members = make(published_meeting, secretary, ANNOTATED, MEMBERS)
    assert members.confidential  # the members' file may show anything and stays
    meeting_update(
        actor=secretary, meeting=published_meeting, expected_version=None, is_public=False
    )
    assert client.get(url("meeting_pdf_public", published_meeting.pk)).status_code == 404
    members.refresh_from_db()
    assert members.withdrawn_at is None
    assert list(
        GenerationJob.objects.filter(status=GenerationStatus.QUEUED).values_list("kind", flat=True)
    ) == [AGENDA]


def test_a_change_that_is_not_one_of_visibility_withdraws_nothing(
    published_meeting, secretary, fake_render
):
    document = make(published_meeting, secretary)
    agenda_item_update(
        actor=secretary, item=published_meeting.public_item, expected_version=None, title="Ander"
    )
    public_stuk = published_meeting.public_item.documents.get(title=CONFIDENTIAL_DOC)
    document_set_confidentiality(
        actor=secretary, document=public_stuk, confidentiality=Confidentiality.CONFIDENTIAL
    )
    document.refresh_from_db()
    assert document.withdrawn_at is None
    assert not GenerationJob.objects.filter(status=GenerationStatus.QUEUED).exists()


@pytest.mark.parametrize("who", ["anonymous", "member", "outsider"])
def test_superseded_versions_are_for_the_secretariat_only(
    client, published_meeting, secretary, member, outsider, fake_render, who
):
    make(published_meeting, secretary)
    close_public_item(published_meeting, secretary)
    run_pending(published_meeting)
    v1 = url("meeting_pdf_version_download", published_meeting.pk, AGENDA, PUBLIC, 1)
    v2 = url("meeting_pdf_version_download", published_meeting.pk, AGENDA, PUBLIC, 2)
    if who != "anonymous":
        client.force_login(member if who == "member" else outsider)
    assert client.get(v1).status_code in (404, 302)
    if who != "anonymous":
        assert client.get(v1).status_code == 404
        assert client.get(v2).status_code == 200  # the current version is everybody's
    client.force_login(secretary)
    assert client.get(v1).status_code == 200


def test_superseded_members_versions_are_for_the_secretariat_only(
    client, published_meeting, secretary, member, fake_render
):
    make(published_meeting, secretary, ANNOTATED, MEMBERS)
    agenda_item_update(
        actor=secretary, item=published_meeting.public_item, expected_version=None, title="Nieuw"
    )
    assert make(published_meeting, secretary, ANNOTATED, MEMBERS).version == 2
    client.force_login(member)
    old = url("meeting_pdf_version_download", published_meeting.pk, ANNOTATED, MEMBERS, 1)
    assert client.get(old).status_code == 404
    client.force_login(secretary)
    assert client.get(old).status_code == 200


def test_a_withdrawn_version_stays_downloadable_for_the_secretariat_and_marked_in_the_panel(
    client, published_meeting, secretary, fake_render
):
    make(published_meeting, secretary)
    close_public_item(published_meeting, secretary)
    client.force_login(secretary)
    assert client.get(url("meeting_pdf_public", published_meeting.pk)).status_code == 200
    panel = client.get(url("meeting_pdf_status", published_meeting.pk), HTTP_HX_REQUEST="true")
    assert "ingetrokken" in panel.text


def test_the_rule_is_the_pipelines_so_the_besluitenlijst_follows_it(
    client, secretary, meeting_with_decision, fake_render
):
    meeting = meeting_with_decision
    make(meeting, secretary, DECISION_LIST, PUBLIC)
    download = url("meeting_pdf_download", meeting.pk, DECISION_LIST, PUBLIC)
    assert client.get(download).status_code in (200, 302)
    item = meeting.items.filter(standard_key="", is_public=True).first()
    agenda_item_update(actor=secretary, item=item, expected_version=None, is_public=False)
    client.force_login(secretary)
    document = GeneratedDocument.objects.get(kind=DECISION_LIST, audience=PUBLIC)
    assert document.withdrawn_at is not None
    assert GenerationJob.objects.filter(
        kind=DECISION_LIST, audience=PUBLIC, status=GenerationStatus.QUEUED
    ).exists()
