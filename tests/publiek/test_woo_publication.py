"""DiWoo publication done right: the publisher is the organisation that carries the body's
secretariat, lastmod is the document's own last change (two reads give the same sitemap), the
meeting PDFs and the adopted decisions are listed, and an uploaded PDF stuk is published with
its archival PDF/A copy beside the original."""

import io

import pikepdf
import pytest
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils import timezone
from lxml import etree

from gremia.services import body_woo_publisher_set
from nhn_portal.core.models import GeneratedDocument, OutboxMessage
from regiobureau.constants import AGENDA, PUBLIC
from regiobureau.models.documents import Document
from regiobureau.models.meetings import Meeting
from regiobureau.services.archival import (
    document_archival_pending,
    document_version_archive,
    pdfa_convert,
)
from regiobureau.services.documents import ARCHIVE_TASK
from tests.builders import CONFIDENTIAL_DOC, issue, letter_for, tiny_pdf
from tests.factories import OrganisationFactory
from tests.publiek.test_decisions import held_meeting_with

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
DIWOO = "{https://standaarden.overheid.nl/diwoo/metadata/}"
HOORN = "https://identifier.overheid.nl/tooi/id/gemeente/gm0405"


def entries(client) -> dict[str, etree._Element]:
    root = etree.fromstring(client.get("/sitemaps/diwoo.xml").content)
    return {url.find(f"{SITEMAP}loc").text: url for url in root.iter(f"{SITEMAP}url")}


def publisher_of(url) -> tuple[str, str]:
    element = url.find(f".//{DIWOO}publisher")
    return element.get("resource"), element.text


def stuk_location(document) -> str:
    return f"{settings.SITE_URL}/vergaderingen/stukken/{document.pk}/download/"


def test_the_publisher_is_the_organisation_carrying_the_bodys_secretariat(
    client, published_meeting, secretary
):
    stuk = Document.objects.get(title="Voortgangsrapportage")
    # Before the beheerder names one: the portal's configured publisher.
    assert publisher_of(entries(client)[stuk_location(stuk)]) == (
        settings.DIWOO_PUBLISHER_URI,
        settings.DIWOO_PUBLISHER_LABEL,
    )
    hoorn = OrganisationFactory(name="Gemeente Hoorn", tooi_uri=HOORN)
    body_woo_publisher_set(actor=secretary, body=published_meeting.body, publisher=hoorn)

    assert publisher_of(entries(client)[stuk_location(stuk)]) == (HOORN, "Gemeente Hoorn")


def test_a_publisher_without_a_tooi_identifier_is_refused(published_meeting, secretary):
    office = OrganisationFactory(name="Regiobureau zonder TOOI", tooi_uri="")
    with pytest.raises(ValidationError):
        body_woo_publisher_set(actor=secretary, body=published_meeting.body, publisher=office)
    published_meeting.body.refresh_from_db()
    assert published_meeting.body.woo_publisher is None


def test_lastmod_is_the_documents_own_change_and_stable_between_reads(client, published_meeting):
    first = client.get("/sitemaps/diwoo.xml").content
    index_first = client.get("/sitemap.xml").content
    assert client.get("/sitemaps/diwoo.xml").content == first
    assert client.get("/sitemap.xml").content == index_first

    stuk = Document.objects.get(title="Voortgangsrapportage")
    lastmod = entries(client)[stuk_location(stuk)].find(f"{SITEMAP}lastmod").text
    expected = max(stuk.updated_at, stuk.current_version.uploaded_at)
    assert lastmod == timezone.localtime(expected).replace(microsecond=0).isoformat()
    index = etree.fromstring(index_first)
    assert index.find(f".//{SITEMAP}lastmod").text >= lastmod[:10]


def test_the_public_meeting_pdfs_and_adopted_decisions_are_listed(
    client, published_meeting, secretary
):
    meeting_type = ContentType.objects.get_for_model(Meeting)

    def agenda_pdf(version, withdrawn=False):
        document = GeneratedDocument(
            content_type=meeting_type,
            object_id=published_meeting.pk,
            kind=AGENDA,
            audience=PUBLIC,
            version=version,
            title="Agenda",
            filename="agenda.pdf",
            content_hash=str(version),
            sha256=str(version),
            size=10,
            pages=1,
            withdrawn_at=timezone.now() if withdrawn else None,
        )
        document.file.save("agenda.pdf", ContentFile(tiny_pdf()), save=False)
        document.save()
        return document

    agenda_pdf(1)
    location = f"{settings.SITE_URL}/vergaderingen/{published_meeting.pk}/agenda.pdf"
    listed = entries(client)
    assert location in listed
    assert listed[location].find(f".//{DIWOO}soortHandeling").text == "vaststelling"
    # A newest version withdrawn (what it shows may no longer be shown): not published.
    agenda_pdf(2, withdrawn=True)
    assert location not in entries(client)

    _meeting, (public, closed) = held_meeting_with(
        secretary,
        published_meeting.body,
        [("Woonagenda", "Vastgesteld.", True), ("Grondzaken", "Mandaat.", False)],
    )
    listed = entries(client)
    assert f"{settings.SITE_URL}/openbaar/besluiten/{public.pk}/" in listed
    assert f"{settings.SITE_URL}/openbaar/besluiten/{closed.pk}/" not in listed


def test_an_upload_asks_for_its_archival_copy_in_its_transaction(published_meeting):
    stuk = Document.objects.get(title="Voortgangsrapportage")
    assert OutboxMessage.objects.filter(
        task_name=ARCHIVE_TASK, args=[stuk.current_version.pk]
    ).exists()


def test_the_archival_copy_is_pdfa_and_published_beside_the_original(client, published_meeting):
    copy = pdfa_convert(tiny_pdf())
    with pikepdf.open(io.BytesIO(copy)) as pdf:
        metadata = pdf.open_metadata()
        assert metadata.get("pdfaid:part") == "2"
        assert metadata.get("pdfaid:conformance") == "B"
        assert pdf.Root.OutputIntents[0].S == "/GTS_PDFA1"

    stuk = Document.objects.get(title="Voortgangsrapportage")
    secret = Document.objects.get(title=CONFIDENTIAL_DOC)
    pending = document_archival_pending(limit=10)
    assert stuk.current_version_id in pending and secret.current_version_id in pending
    for document in (stuk, secret):
        assert document_version_archive(version_id=document.current_version_id) is True
    stuk.refresh_from_db()
    assert stuk.current_version.archived_at is not None and stuk.current_version.archival_file
    assert stuk.current_version_id not in document_archival_pending(limit=10)

    listed = entries(client)
    archival = f"{settings.SITE_URL}/vergaderingen/stukken/{stuk.pk}/archief.pdf"
    assert stuk_location(stuk) in listed and archival in listed
    response = client.get(f"/vergaderingen/stukken/{stuk.pk}/archief.pdf")
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    # The confidential stuk's copy is made too, but neither listed nor served to a visitor.
    assert f"{settings.SITE_URL}/vergaderingen/stukken/{secret.pk}/archief.pdf" not in listed
    assert client.get(f"/vergaderingen/stukken/{secret.pk}/archief.pdf").status_code == 404


def test_a_stuk_without_its_copy_yet_answers_404_on_the_archival_address(client, published_meeting):
    stuk = Document.objects.get(title="Voortgangsrapportage")
    assert client.get(f"/vergaderingen/stukken/{stuk.pk}/archief.pdf").status_code == 404


def test_each_councils_copy_of_a_letter_is_published_by_its_municipality(
    client, secretary, region, meeting_with_decision, django_capture_on_commit_callbacks,
    fake_render, celery_eager,
):  # fmt: skip
    texel = region["Texel"]
    texel.tooi_uri = "https://identifier.overheid.nl/tooi/id/gemeente/gm0448"
    texel.save(update_fields=["tooi_uri"])
    letter = letter_for(meeting_with_decision, secretary, region)
    issue(letter, secretary, django_capture_on_commit_callbacks)

    page = f"{settings.SITE_URL}/openbaar/raadsinformatiebrieven/{letter.pk}/"
    copies = {loc: url for loc, url in entries(client).items() if loc.startswith(page)}
    assert len(copies) == 17
    texel_copy = copies[f"{page}?gemeente={texel.slug}"]
    assert publisher_of(texel_copy) == (texel.tooi_uri, texel.name)
    assert texel_copy.find(f".//{DIWOO}soortHandeling").text == "ontvangst"
    # A municipality without its TOOI identifier yet: the sending body's publisher.
    hoorn_copy = copies[f"{page}?gemeente={region['Hoorn'].slug}"]
    assert publisher_of(hoorn_copy)[0] == settings.DIWOO_PUBLISHER_URI
