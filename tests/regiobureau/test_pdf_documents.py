"""The meeting's PDFs: what each audience's file says (text read back from the
PDF), archival checks, who may download, and the secretariat's status panel."""

import dataclasses
import xml.etree.ElementTree as ET
from io import BytesIO

import pytest
from django.urls import reverse
from django.utils import translation
from pypdf import PdfReader

from nhn_portal.core.constants import GenerationStatus
from nhn_portal.core.heartbeat import heartbeat_record
from nhn_portal.core.models import GeneratedDocument, GenerationJob
from nhn_portal.core.production import services as production_services
from nhn_portal.core.production.registry import _KINDS, ProductionRefused, document_kind
from nhn_portal.core.production.services import document_generation_request, document_generation_run
from nhn_portal.core.templatetags.nhn_dates import format_long_datetime
from regiobureau import producers
from regiobureau.constants import Confidentiality, ItemPurpose
from regiobureau.services.agenda import agenda_item_create, agenda_item_update
from regiobureau.services.annotations import annotation_save
from regiobureau.services.documents import document_upload
from tests.builders import CLOSED_TITLE, CONFIDENTIAL_DOC, PUBLIC_TITLE, make_meeting, pdf_upload
from tests.test_pdf import PDFAID_NS, _fonts, page_texts

pytestmark = pytest.mark.django_db

AGENDA, PUBLIC = producers.AGENDA, producers.PUBLIC
ANNOTATED, MEMBERS = producers.ANNOTATED_AGENDA, producers.MEMBERS

# Pinned: session, user, role groups, the meeting, then the jobs and the stored versions, and
# the worker's heartbeat (components/background_stall.html).
STATUS_PARTIAL_QUERIES = 7


def url(name, *args):
    return reverse(f"regiobureau:{name}", args=args)


def make(meeting, secretary, kind, audience) -> GenerationJob:
    job = document_generation_request(
        actor=secretary, subject=meeting, kind=kind, audience=audience
    )
    return document_generation_run(job_id=job.pk)


def text_of(document: GeneratedDocument) -> tuple[PdfReader, list[str]]:
    reader = PdfReader(BytesIO(document.file.read()))
    return reader, page_texts(reader)


@pytest.fixture
def public_pdf(published_meeting, secretary):
    job = make(published_meeting, secretary, AGENDA, PUBLIC)
    assert job.status == GenerationStatus.DONE, job.failure_reason
    return job.document


@pytest.fixture
def members_pdf(published_meeting, secretary):
    job = make(published_meeting, secretary, ANNOTATED, MEMBERS)
    assert job.status == GenerationStatus.DONE, job.failure_reason
    return job.document


# ---- Content per audience ----------------------------------------------------------------


def test_public_agenda_has_the_public_items_and_no_confidential_word(published_meeting, public_pdf):
    _reader, pages = text_of(public_pdf)
    text = " ".join(pages)
    assert PUBLIC_TITLE in text
    assert "Besloten agendapunt" in text
    with translation.override("nl"):
        assert str(ItemPurpose.DECISION.label) in text  # the purpose in the catalogue's Dutch
    assert (
        format_long_datetime(published_meeting.starts_at) in text
    )  # "dinsdag 3 maart 2026, 19.30 uur"
    assert published_meeting.location in text and published_meeting.body.name in text
    for secret in (CLOSED_TITLE, CONFIDENTIAL_DOC, "Kern van", "Koopovereenkomst"):
        assert secret not in text
    assert "VERTROUWELIJK" not in text.upper()
    assert public_pdf.confidential is False


def test_public_agenda_html_carries_no_confidential_text(published_meeting, secretary, monkeypatch):
    seen = {}
    render = production_services.render_pdf_from_html

    def spy(*, html):
        seen["html"] = html
        return render(html=html)

    monkeypatch.setattr(production_services, "render_pdf_from_html", spy)
    make(published_meeting, secretary, AGENDA, PUBLIC)
    for secret in (CLOSED_TITLE, CONFIDENTIAL_DOC, "Kern van", "Koopovereenkomst"):
        assert secret not in seen["html"]


def test_members_agenda_has_everything_and_is_marked_confidential_on_every_page(
    published_meeting, secretary, members_pdf
):
    _reader, pages = text_of(members_pdf)
    text = " ".join(pages)
    for expected in (PUBLIC_TITLE, CLOSED_TITLE, CONFIDENTIAL_DOC, "Voortgangsrapportage"):
        assert expected in text
    assert "Kern van" in text and "Instemmen met het voorstel." in text
    assert members_pdf.confidential is True
    assert all("VERTROUWELIJK" in page.upper() for page in pages)


def test_members_agenda_marks_every_page_of_a_long_document(published_meeting, secretary):
    for number in range(12):
        item = agenda_item_create(
            actor=secretary,
            meeting=published_meeting,
            expected_version=None,
            title=f"Extra punt {number}",
            purpose=ItemPurpose.INFORMATION,
        )
        annotation_save(
            actor=secretary,
            item=item,
            expected_version=None,
            background="<p>" + "Achtergrond van het agendapunt. " * 40 + "</p>",
        )
    job = make(published_meeting, secretary, ANNOTATED, MEMBERS)
    _reader, pages = text_of(job.document)
    assert len(pages) >= 3
    assert all("VERTROUWELIJK" in page.upper() for page in pages)


def test_members_agenda_without_confidential_content_is_not_marked(secretary, body):
    meeting = make_meeting(secretary=secretary, body=body)
    item = agenda_item_create(
        actor=secretary,
        meeting=meeting,
        expected_version=None,
        title="Alleen openbaar",
        purpose=ItemPurpose.INFORMATION,
    )
    document_upload(
        actor=secretary,
        item=item,
        title="Openbaar stuk",
        confidentiality=Confidentiality.PUBLIC,
        upload=pdf_upload(),
    )
    job = make(meeting, secretary, ANNOTATED, MEMBERS)
    _reader, pages = text_of(job.document)
    assert job.document.confidential is False
    assert all("VERTROUWELIJK" not in page.upper() for page in pages)


def test_a_generated_pdf_is_pdf_a_tagged_dutch_with_embedded_fonts(members_pdf):
    reader, _pages = text_of(members_pdf)
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data()
    root = ET.fromstring(xmp)
    assert {el.get(f"{{{PDFAID_NS}}}part") for el in root.iter()} - {None} == {"3"}
    catalog = reader.trailer["/Root"]
    assert catalog["/MarkInfo"]["/Marked"].value is True
    assert "/StructTreeRoot" in catalog
    assert catalog["/Lang"] in ("nl-NL", "nl")
    assert reader.metadata.title == members_pdf.title
    fonts = list(_fonts(reader))
    assert fonts and all("NHN-Sans" in font["/BaseFont"] for font in fonts)


# ---- Downloads ---------------------------------------------------------------------------


def test_anyone_downloads_the_public_agenda(client, published_meeting, public_pdf):
    response = client.get(url("meeting_pdf_public", published_meeting.pk))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("attachment;")
    assert public_pdf.filename in response["Content-Disposition"]
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_the_public_agenda_of_an_unpublished_meeting_is_a_404(client, secretary, body):
    meeting = make_meeting(secretary=secretary, body=body)
    assert client.get(url("meeting_pdf_public", meeting.pk)).status_code == 404


def test_members_pdf_for_members_and_secretariat_only(
    client, published_meeting, members_pdf, member, secretary, outsider
):
    download = url("meeting_pdf_download", published_meeting.pk, ANNOTATED, MEMBERS)
    response = client.get(download)
    assert response.status_code == 302  # anonymous: to the login page first
    client.force_login(outsider)
    assert client.get(download).status_code == 404
    old = url("meeting_pdf_version_download", published_meeting.pk, ANNOTATED, MEMBERS, 1)
    assert client.get(old).status_code == 404
    for reader in (member, secretary):
        client.force_login(reader)
        response = client.get(download)
        assert response.status_code == 200
        assert response["Cache-Control"] == "private, no-store"
        assert response["X-Content-Type-Options"] == "nosniff"


def test_unknown_kind_or_missing_file_is_a_404(client, published_meeting, secretary):
    client.force_login(secretary)
    unknown = url("meeting_pdf_download", published_meeting.pk, "onbekend", PUBLIC)
    assert client.get(unknown).status_code == 404
    not_made = url("meeting_pdf_download", published_meeting.pk, ANNOTATED, MEMBERS)
    assert client.get(not_made).status_code == 404


def test_members_see_the_latest_annotated_pdf_on_the_reading_page(
    client, published_meeting, members_pdf, member
):
    client.force_login(member)
    response = client.get(url("meeting_reading", published_meeting.pk))
    assert url("meeting_pdf_download", published_meeting.pk, ANNOTATED, MEMBERS) in response.text


def test_visitors_see_the_public_pdf_link_on_the_meeting_page(
    client, published_meeting, public_pdf
):
    response = client.get(url("meeting_detail", published_meeting.pk))
    assert url("meeting_pdf_public", published_meeting.pk) in response.text
    assert 'id="pdf-documenten"' not in response.text  # the panel is for the secretariat


# ---- The secretariat's panel -------------------------------------------------------------


def test_make_pdf_without_javascript_posts_and_returns_to_the_page(
    client, published_meeting, secretary, django_capture_on_commit_callbacks, monkeypatch
):
    monkeypatch.setattr(production_services, "enqueue", lambda **kwargs: True)
    client.force_login(secretary)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = client.post(
            url("meeting_pdf_request", published_meeting.pk), {"kind": AGENDA, "audience": PUBLIC}
        )
    assert response.status_code == 302
    assert response["Location"].endswith("#pdf-documenten")
    assert len(callbacks) == 1
    job = GenerationJob.objects.get(kind=AGENDA)
    assert (job.kind, job.audience, job.status) == (AGENDA, PUBLIC, GenerationStatus.QUEUED)
    page = client.get(url("meeting_detail", published_meeting.pk))
    assert 'id="pdf-documenten"' in page.text
    assert 'hx-trigger="every 2s"' in page.text  # waiting: the panel polls


def test_htmx_request_returns_the_polling_panel_then_a_still_one_when_done(
    client, published_meeting, secretary
):
    client.force_login(secretary)
    response = client.post(
        url("meeting_pdf_request", published_meeting.pk),
        {"kind": ANNOTATED, "audience": MEMBERS},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    assert response["Vary"].count("HX-Request") == 1
    assert 'hx-trigger="every 2s"' in response.text
    assert url("meeting_pdf_status", published_meeting.pk) in response.text
    assert "hx-on" not in response.text and "<script" not in response.text
    job = GenerationJob.objects.get()
    document_generation_run(job_id=job.pk)
    done = client.get(url("meeting_pdf_status", published_meeting.pk), HTTP_HX_REQUEST="true")
    assert "hx-trigger" not in done.text  # finished: polling stops
    assert url("meeting_pdf_download", published_meeting.pk, ANNOTATED, MEMBERS) in done.text


def test_a_failed_job_shows_its_reason_the_previous_pdf_and_a_retry_button(
    client, published_meeting, secretary, members_pdf, monkeypatch
):
    definition = document_kind(ANNOTATED)

    def broken(subject, audience):
        raise ProductionRefused("Het sjabloon is stuk.")

    monkeypatch.setitem(_KINDS, ANNOTATED, dataclasses.replace(definition, produce=broken))
    failed = make(published_meeting, secretary, ANNOTATED, MEMBERS)
    assert failed.status == GenerationStatus.FAILED
    client.force_login(secretary)
    panel = client.get(url("meeting_pdf_status", published_meeting.pk), HTTP_HX_REQUEST="true").text
    assert "Het sjabloon is stuk." in panel
    assert url("meeting_pdf_retry", published_meeting.pk, failed.pk) in panel
    assert url("meeting_pdf_download", published_meeting.pk, ANNOTATED, MEMBERS) in panel
    # The previous PDF is still downloadable.
    download = client.get(url("meeting_pdf_download", published_meeting.pk, ANNOTATED, MEMBERS))
    assert download.status_code == 200
    monkeypatch.undo()
    response = client.post(url("meeting_pdf_retry", published_meeting.pk, failed.pk))
    assert response.status_code == 302
    retried = GenerationJob.objects.exclude(pk__in=[failed.pk]).latest("requested_at")
    assert retried.status == GenerationStatus.QUEUED
    assert document_generation_run(job_id=retried.pk).status == "klaar"


def test_earlier_versions_are_listed_and_downloadable(
    client, published_meeting, secretary, members_pdf
):
    agenda_item_update(
        actor=secretary,
        item=published_meeting.public_item,
        expected_version=None,
        title="Nieuwe titel",
    )
    assert make(published_meeting, secretary, ANNOTATED, MEMBERS).document.version == 2
    client.force_login(secretary)
    panel = client.get(url("meeting_pdf_status", published_meeting.pk), HTTP_HX_REQUEST="true").text
    old = url("meeting_pdf_version_download", published_meeting.pk, ANNOTATED, MEMBERS, 1)
    assert old in panel
    assert client.get(old).status_code == 200


def test_status_without_htmx_goes_to_the_page(client, published_meeting, secretary):
    client.force_login(secretary)
    response = client.get(url("meeting_pdf_status", published_meeting.pk))
    assert response.status_code == 302


@pytest.mark.parametrize("who", ["member", "outsider"])
def test_only_the_secretariat_makes_pdfs(client, published_meeting, member, outsider, who):
    client.force_login({"member": member, "outsider": outsider}[who])
    response = client.post(
        url("meeting_pdf_request", published_meeting.pk), {"kind": AGENDA, "audience": PUBLIC}
    )
    assert response.status_code == 404
    assert client.get(url("meeting_pdf_status", published_meeting.pk)).status_code == 404
    assert not GenerationJob.objects.exists()


def test_an_unknown_kind_shows_an_error_not_a_crash(client, published_meeting, secretary):
    client.force_login(secretary)
    response = client.post(
        url("meeting_pdf_request", published_meeting.pk),
        {"kind": "onbekend", "audience": PUBLIC},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    assert 'role="alert"' in response.text


@pytest.mark.parametrize("versions", [1, 5])
def test_status_partial_query_count_is_pinned(
    client, published_meeting, secretary, versions, django_assert_num_queries
):
    for number in range(versions):
        agenda_item_update(
            actor=secretary,
            item=published_meeting.public_item,
            expected_version=None,
            title=f"Titel {number}",
        )
        make(published_meeting, secretary, AGENDA, PUBLIC)
    document_generation_request(
        actor=secretary, subject=published_meeting, kind=ANNOTATED, audience=MEMBERS
    )
    heartbeat_record()  # a worker runs
    client.force_login(secretary)
    client.get(url("meeting_detail", published_meeting.pk))  # warm the session
    with django_assert_num_queries(STATUS_PARTIAL_QUERIES):
        response = client.get(
            url("meeting_pdf_status", published_meeting.pk), HTTP_HX_REQUEST="true"
        )
    assert response.status_code == 200
