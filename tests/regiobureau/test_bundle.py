"""The meeting bundle ("Vergaderbundel"): the agenda with the adopted annotations and the
stukken the audience may see in one PDF, a bookmark per item, page numbers over the whole
bundle; made when the agenda is published and again when a stuk changes."""

import subprocess
from io import BytesIO

import pikepdf
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from nhn_portal.core.constants import GenerationStatus
from nhn_portal.core.models import GeneratedDocument, GenerationJob, OutboxMessage
from nhn_portal.core.production.services import document_generation_request, document_generation_run
from nhn_portal.pdf import render_pdf_from_html
from regiobureau.bundle import REFRESH_TASK, meeting_bundle_refresh
from regiobureau.constants import BUNDLE, MEMBERS, PUBLIC, Confidentiality, ItemPurpose
from regiobureau.services.agenda import agenda_item_create
from regiobureau.services.documents import (
    document_add_version,
    document_set_confidentiality,
    document_upload,
)
from regiobureau.services.meetings import meeting_publish_agenda
from tests.builders import CLOSED_TITLE, CONFIDENTIAL_DOC, PUBLIC_TITLE, make_meeting, member_of
from tests.factories import UserFactory
from tests.test_uploads import DOCX

pytestmark = pytest.mark.django_db


def stuk_pdf(name: str, text: str, pages: int = 2) -> SimpleUploadedFile:
    """A real PDF of `pages` A4 pages, each saying `text` and its page ("Alfa blad 1")."""
    body = "".join(
        f'<p style="break-after: page">{text} blad {number}</p>' for number in range(1, pages + 1)
    )
    rendered = render_pdf_from_html(html=f'<html lang="nl"><body>{body}</body></html>')
    return SimpleUploadedFile(name, rendered.pdf, content_type="application/pdf")


@pytest.fixture
def bundle_meeting(published_meeting, secretary):
    """The published meeting with real stukken: two pages "Alfa" (public) and one page
    "Geheim" (vertrouwelijk) on the public item, two pages "Kavel" on the closed item, and a
    docx that cannot be merged."""
    document_upload(
        actor=secretary,
        item=published_meeting.public_item,
        title="Alfa notitie",
        confidentiality=Confidentiality.PUBLIC,
        upload=stuk_pdf("alfa.pdf", "Alfa"),
    )
    document_upload(
        actor=secretary,
        item=published_meeting.public_item,
        title="Geheim advies",
        confidentiality=Confidentiality.CONFIDENTIAL,
        upload=stuk_pdf("geheim.pdf", "Geheim", pages=1),
    )
    document_upload(
        actor=secretary,
        item=published_meeting.closed_item,
        title="Kavel voorstel",
        confidentiality=Confidentiality.PUBLIC,
        upload=stuk_pdf("kavel.pdf", "Kavel"),
    )
    document_upload(
        actor=secretary,
        item=published_meeting.public_item,
        title="Begroting in Word",
        confidentiality=Confidentiality.PUBLIC,
        upload=SimpleUploadedFile("begroting.docx", DOCX),
    )
    return published_meeting


def make(meeting, secretary, audience) -> GeneratedDocument:
    job = document_generation_request(
        actor=secretary, subject=meeting, kind=BUNDLE, audience=audience
    )
    job = document_generation_run(job_id=job.pk)
    assert job.status == GenerationStatus.DONE, job.failure_reason
    return job.document


def page_texts(document: GeneratedDocument) -> list[str]:
    """The text of each page as poppler's pdftotext reads it."""
    data = document.file.open("rb").read()
    text = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=data, capture_output=True, check=True
    ).stdout.decode()
    return text.split("\f")[:-1]


def outline_of(document: GeneratedDocument) -> list[tuple[str, int, list[tuple[str, int]]]]:
    """[(title, page index, [(child title, page index)])] from the PDF's /Outlines."""
    pdf = pikepdf.open(BytesIO(document.file.open("rb").read()))
    index = {page.objgen: number for number, page in enumerate(pdf.pages)}

    def page_of(item) -> int:
        return index[item.destination[0].objgen]

    with pdf.open_outline() as tree:
        return [
            (
                entry.title,
                page_of(entry),
                [(child.title, page_of(child)) for child in entry.children],
            )
            for entry in tree.root
        ]


def test_members_bundle_has_outline_per_item_stuk_pages_and_page_numbers(bundle_meeting, secretary):
    document = make(bundle_meeting, secretary, MEMBERS)
    assert document.confidential
    pdf = pikepdf.open(BytesIO(document.file.open("rb").read()))
    assert "/Outlines" in pdf.Root
    outline = outline_of(document)
    titles = [title for title, _page, _children in outline]
    assert titles[0] == "Agenda"
    assert any(title.endswith(PUBLIC_TITLE) for title in titles)
    assert any(title.endswith(CLOSED_TITLE) for title in titles)

    texts = page_texts(document)
    assert document.pages == len(texts) == len(pdf.pages)
    # "pagina X van N" on every page, the merged stukken included.
    for number, text in enumerate(texts, start=1):
        assert f"pagina {number} van {len(texts)}" in text, number
    # The stukken's own pages follow their item's section, and the bookmarks lead there.
    public_entry = next(entry for entry in outline if entry[0].endswith(PUBLIC_TITLE))
    children = dict(public_entry[2])
    assert "Alfa blad 1" in texts[children["Alfa notitie"]]
    assert "Alfa blad 2" in texts[children["Alfa notitie"] + 1]
    assert "Geheim blad 1" in texts[children["Geheim advies"]]
    assert PUBLIC_TITLE in texts[public_entry[1]]
    closed_entry = next(entry for entry in outline if entry[0].endswith(CLOSED_TITLE))
    assert "Kavel blad 1" in texts[dict(closed_entry[2])["Kavel voorstel"]]
    # The adopted annotation is in the members' bundle; the docx is listed, not included.
    whole = "\n".join(texts)
    assert f"Kern van {PUBLIC_TITLE}" in whole
    assert "Begroting in Word" in whole
    assert "niet opgenomen" in whole
    assert "Begroting in Word" not in children


def test_public_bundle_leaves_out_confidential_stukken_closed_items_and_annotations(
    bundle_meeting, secretary
):
    document = make(bundle_meeting, secretary, PUBLIC)
    assert not document.confidential
    whole = "\n".join(page_texts(document))
    assert "Alfa blad 2" in whole
    assert "Geheim" not in whole
    assert CONFIDENTIAL_DOC not in whole
    assert CLOSED_TITLE not in whole
    assert "Kavel" not in whole
    assert "Kern van" not in whole  # annotations are never public
    titles = [title for title, _page, _children in outline_of(document)]
    assert not any(CLOSED_TITLE in title for title in titles)
    public_entry = next(entry for entry in outline_of(document) if PUBLIC_TITLE in entry[0])
    assert "Geheim advies" not in dict(public_entry[2])


def refresh_messages(meeting) -> int:
    return OutboxMessage.objects.filter(task_name=REFRESH_TASK, args=[meeting.pk]).count()


def test_publishing_the_agenda_has_celery_make_both_bundles(secretary, body):
    meeting = make_meeting(secretary=secretary, body=body)
    agenda_item_create(
        actor=secretary,
        meeting=meeting,
        expected_version=None,
        title="Punt",
        purpose=ItemPurpose.DECISION,
    )
    meeting.refresh_from_db()
    assert refresh_messages(meeting) == 0  # nothing while the agenda is not out
    meeting_publish_agenda(
        actor=secretary, meeting=meeting, expected_version=meeting.agenda_version
    )
    # In the publishing transaction: the task's outbox row; the task requests the jobs.
    assert refresh_messages(meeting) == 1
    assert not GenerationJob.objects.filter(kind=BUNDLE).exists()
    meeting_bundle_refresh(meeting_id=meeting.pk)
    queued = set(GenerationJob.objects.filter(kind=BUNDLE).values_list("audience", "status"))
    assert queued == {(PUBLIC, GenerationStatus.QUEUED), (MEMBERS, GenerationStatus.QUEUED)}


def test_a_changed_stuk_queues_a_new_version(bundle_meeting, secretary):
    # The publication and each of the fixture's four uploads after it asked for the bundles.
    assert refresh_messages(bundle_meeting) == 5
    first = make(bundle_meeting, secretary, MEMBERS)
    assert first.version == 1
    alfa = bundle_meeting.public_item.documents.get(title="Alfa notitie")
    document_add_version(actor=secretary, document=alfa, upload=stuk_pdf("alfa2.pdf", "Omega"))
    assert refresh_messages(bundle_meeting) == 6
    meeting_bundle_refresh(meeting_id=bundle_meeting.pk)
    job = GenerationJob.objects.get(kind=BUNDLE, audience=MEMBERS, status=GenerationStatus.QUEUED)
    assert GenerationJob.objects.filter(
        kind=BUNDLE, audience=PUBLIC, status=GenerationStatus.QUEUED
    ).exists()
    second = document_generation_run(job_id=job.pk).document
    assert second.version == 2
    whole = "\n".join(page_texts(second))
    assert "Omega blad 1" in whole
    assert "Alfa blad 1" not in whole
    # A confidentiality change and a new stuk ask for it again, too.
    document_set_confidentiality(
        actor=secretary, document=alfa, confidentiality=Confidentiality.CONFIDENTIAL
    )
    assert refresh_messages(bundle_meeting) == 7
    document_upload(
        actor=secretary,
        item=bundle_meeting.public_item,
        title="Nagekomen brief",
        confidentiality=Confidentiality.PUBLIC,
        upload=stuk_pdf("brief.pdf", "Brief", pages=1),
    )
    assert refresh_messages(bundle_meeting) == 8


def test_unchanged_agenda_and_stukken_reuse_the_stored_bundle(bundle_meeting, secretary):
    first = make(bundle_meeting, secretary, PUBLIC)
    again = make(bundle_meeting, secretary, PUBLIC)
    assert again.pk == first.pk


def test_download_rules_of_the_bundle(bundle_meeting, secretary, client, body):
    make(bundle_meeting, secretary, PUBLIC)
    make(bundle_meeting, secretary, MEMBERS)

    def url(audience):
        return reverse(
            "regiobureau:meeting_pdf_download", args=[bundle_meeting.pk, BUNDLE, audience]
        )

    outsider = UserFactory()
    client.force_login(outsider)
    assert client.get(url(PUBLIC)).status_code == 200
    assert client.get(url(MEMBERS)).status_code == 404
    client.force_login(member_of(body))
    assert client.get(url(MEMBERS)).status_code == 200
    client.logout()
    public = client.get(reverse("regiobureau:meeting_bundle_public", args=[bundle_meeting.pk]))
    assert public.status_code == 200
    assert public["Content-Type"] == "application/pdf"


def test_meeting_and_reading_pages_link_the_bundle(bundle_meeting, secretary, client, body):
    make(bundle_meeting, secretary, PUBLIC)
    make(bundle_meeting, secretary, MEMBERS)
    members_url = reverse(
        "regiobureau:meeting_pdf_download", args=[bundle_meeting.pk, BUNDLE, MEMBERS]
    )
    client.force_login(member_of(body))
    page = client.get(bundle_meeting.get_absolute_url()).content.decode()
    assert "Vergaderbundel" in page
    assert members_url in page
    reading = client.get(
        reverse("regiobureau:meeting_reading", args=[bundle_meeting.pk])
    ).content.decode()
    assert "Vergaderbundel" in reading
    assert members_url in reading
    client.force_login(UserFactory())
    page = client.get(bundle_meeting.get_absolute_url()).content.decode()
    assert reverse("regiobureau:meeting_bundle_public", args=[bundle_meeting.pk]) in page
    assert members_url not in page
