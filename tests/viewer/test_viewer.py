"""Reading stukken and generated PDFs in the browser: the download's access rules (member,
outsider, confidential, anonymous), the read mark on opening, personal notes that nobody else
ever sees (viewer, reading page, export, edit and delete), their audit records without the
text, and the export per meeting."""

import pytest
from django.urls import reverse

from gremia.services import delegation_grant
from nhn_portal.core.constants import AuditAction, GenerationStatus
from nhn_portal.core.models import AuditRecord
from nhn_portal.core.production.services import document_generation_request, document_generation_run
from regiobureau import producers
from regiobureau.models.annotations import ReadMark
from regiobureau.models.documents import Document
from tests.builders import CONFIDENTIAL_DOC, member_of
from tests.factories import UserFactory
from viewer.models import PageNote
from viewer.services import page_note_create

pytestmark = pytest.mark.django_db

SECRET_NOTE = "Navragen bij wethouder: klopt de taxatie van kavel 7?"


def url(name, *args):
    return reverse(f"viewer:{name}", args=args)


@pytest.fixture
def public_doc(published_meeting):
    return Document.objects.get(title="Voortgangsrapportage")


@pytest.fixture
def confidential_doc(published_meeting):
    return Document.objects.get(title=CONFIDENTIAL_DOC)


@pytest.fixture
def closed_doc(published_meeting):
    return published_meeting.closed_item.documents.get()


@pytest.fixture
def members_pdf(published_meeting, secretary):
    job = document_generation_request(
        actor=secretary,
        subject=published_meeting,
        kind=producers.ANNOTATED_AGENDA,
        audience=producers.MEMBERS,
    )
    job = document_generation_run(job_id=job.pk)
    assert job.status == GenerationStatus.DONE, job.failure_reason
    return job.document


# ---- Access: exactly the download's rules ------------------------------------------------


def test_member_reads_public_and_confidential_stukken(client, member, public_doc, confidential_doc):
    client.force_login(member)
    for document in (public_doc, confidential_doc):
        response = client.get(url("document_read", document.pk))
        assert response.status_code == 200
        html = response.content.decode()
        assert document.title in html
        download = reverse("regiobureau:document_download", args=[document.pk])
        assert f'data-src="{download}"' in html
        assert "no-store" in response["Cache-Control"]  # the page shows private notes
        assert 'data-fonts="/static/vendor/pdfjs-fonts/"' in html
    # A confidential stuk's opening is audited like its download.
    assert AuditRecord.objects.filter(
        action=AuditAction.READ, object_id=str(confidential_doc.pk), actor=member
    ).exists()


@pytest.mark.parametrize("which", ["confidential_doc", "closed_doc"])
def test_outsider_gets_404_for_what_she_may_not_download(client, outsider, which, request):
    document = request.getfixturevalue(which)
    client.force_login(outsider)
    assert (
        client.get(reverse("regiobureau:document_download", args=[document.pk])).status_code == 404
    )
    assert client.get(url("document_read", document.pk)).status_code == 404
    response = client.post(url("document_note_create", document.pk), {"page": 1, "text": "x"})
    assert response.status_code == 404
    assert not PageNote.objects.exists()


def test_outsider_reads_a_public_stuk_but_gets_no_read_mark(client, outsider, public_doc):
    client.force_login(outsider)
    assert client.get(url("document_read", public_doc.pk)).status_code == 200
    assert not ReadMark.objects.filter(user=outsider).exists()


def test_anonymous_is_sent_to_the_login(client, public_doc):
    response = client.get(url("document_read", public_doc.pk))
    assert response.status_code == 302
    assert "/account/login/" in response["Location"]


def test_a_stuk_that_is_not_a_pdf_is_not_offered(client, member, public_doc):
    version = public_doc.current_version
    version.content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    version.save(update_fields=["content_type"])
    client.force_login(member)
    assert client.get(url("document_read", public_doc.pk)).status_code == 404
    html = client.get(
        reverse("regiobureau:meeting_reading", args=[public_doc.agenda_item.meeting_id])
    ).content.decode()
    assert url("document_read", public_doc.pk) not in html


def test_members_pdf_for_members_only(client, member, outsider, members_pdf):
    client.force_login(outsider)
    assert client.get(url("generated_read", members_pdf.pk)).status_code == 404
    assert client.get(url("generated_file", members_pdf.pk)).status_code == 404
    client.force_login(member)
    response = client.get(url("generated_read", members_pdf.pk))
    assert response.status_code == 200
    assert f'data-src="{url("generated_file", members_pdf.pk)}"' in response.content.decode()
    response = client.get(url("generated_file", members_pdf.pk))
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    assert "no-store" in response["Cache-Control"]


def test_a_superseded_pdf_is_the_secretariats_only(client, member, secretary, members_pdf):
    members_pdf.withdrawn_at = members_pdf.created_at
    members_pdf.save(update_fields=["withdrawn_at"])
    client.force_login(member)
    assert client.get(url("generated_read", members_pdf.pk)).status_code == 404
    client.force_login(secretary)
    assert client.get(url("generated_read", members_pdf.pk)).status_code == 200


# ---- Opening sets the read mark ----------------------------------------------------------


def test_opening_a_stuk_marks_its_item_read(client, member, public_doc):
    client.force_login(member)
    item = public_doc.agenda_item
    assert not ReadMark.objects.filter(user=member, agenda_item=item).exists()
    client.get(url("document_read", public_doc.pk))
    assert ReadMark.objects.filter(user=member, agenda_item=item).count() == 1
    client.get(url("document_read", public_doc.pk))  # a second opening changes nothing
    assert ReadMark.objects.filter(user=member, agenda_item=item).count() == 1
    assert AuditRecord.objects.filter(actor=member, verb="read_mark_set").count() == 1
    reading = client.get(reverse("regiobureau:meeting_reading", args=[item.meeting_id]))
    assert reading.context["read_count"] == 1


# ---- Notes: made, changed, deleted by their owner only -----------------------------------


def test_member_adds_changes_and_deletes_a_note_with_htmx(client, member, public_doc):
    client.force_login(member)
    response = client.post(
        url("document_note_create", public_doc.pk),
        {"page": 2, "text": SECRET_NOTE},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    assert SECRET_NOTE in response.content.decode()
    note = PageNote.objects.get()
    assert (note.owner, note.page, note.document_version) == (
        member,
        2,
        public_doc.current_version,
    )
    record = AuditRecord.objects.get(verb="page_note_create")
    assert record.changes == {"page": 2}
    assert SECRET_NOTE not in str(record.changes) + record.object_repr

    response = client.post(
        url("note_update", note.pk), {"text": "Gewijzigd"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200 and "Gewijzigd" in response.content.decode()
    note.refresh_from_db()
    assert note.text == "Gewijzigd"
    assert AuditRecord.objects.filter(verb="page_note_update", actor=member).exists()

    response = client.post(url("note_delete", note.pk), HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert not PageNote.objects.exists()
    assert AuditRecord.objects.filter(
        verb="page_note_delete", action=AuditAction.DELETE, actor=member
    ).exists()


def test_without_htmx_the_forms_come_back_to_the_viewer_at_the_page(client, member, public_doc):
    client.force_login(member)
    response = client.post(
        url("document_note_create", public_doc.pk), {"page": 3, "text": "Zie tabel"}
    )
    assert response.status_code == 302
    assert response["Location"] == url("document_read", public_doc.pk) + "?pagina=3#notities"


def test_an_empty_note_or_a_page_outside_the_pdf_is_refused(
    client, member, public_doc, members_pdf
):
    client.force_login(member)
    response = client.post(
        url("document_note_create", public_doc.pk),
        {"page": 1, "text": "   "},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 422
    response = client.post(
        url("generated_note_create", members_pdf.pk),
        {"page": members_pdf.pages + 1, "text": "Te ver"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 422
    assert "Deze pagina staat niet in het document." in response.content.decode()
    assert not PageNote.objects.exists()


def test_a_note_is_never_shown_to_anyone_else(
    client, body, member, secretary, public_doc, members_pdf
):
    colleague = member_of(body)
    note = page_note_create_for(member, public_doc)
    pdf_note = page_note_create_for(member, None, generated=members_pdf)
    meeting = public_doc.agenda_item.meeting
    for other in (colleague, secretary):
        client.force_login(other)
        for page in (
            url("document_read", public_doc.pk),
            url("generated_read", members_pdf.pk),
            reverse("regiobureau:meeting_reading", args=[meeting.pk]),
        ):
            html = client.get(page).content.decode()
            assert SECRET_NOTE not in html, (other, page)
        export = client.get(url("notes_export", meeting.pk)).content.decode()
        assert SECRET_NOTE not in export
        # Another's note cannot be changed or deleted: it does not exist for you.
        for target in (note, pdf_note):
            assert client.post(url("note_update", target.pk), {"text": "x"}).status_code == 404
            assert client.post(url("note_delete", target.pk)).status_code == 404
    assert PageNote.objects.filter(text=SECRET_NOTE).count() == 2
    # The owner sees hers on the viewer and on the reading page.
    client.force_login(member)
    assert SECRET_NOTE in client.get(url("document_read", public_doc.pk)).content.decode()
    reading = client.get(reverse("regiobureau:meeting_reading", args=[meeting.pk]))
    html = reading.content.decode()
    assert html.count(SECRET_NOTE) == 2
    assert url("notes_export", meeting.pk) in html


def page_note_create_for(user, document, *, generated=None, page=2, text=SECRET_NOTE):
    return page_note_create(
        actor=user,
        page=page,
        text=text,
        version=document.current_version if document is not None else None,
        generated=generated,
    )


def test_a_note_on_a_stuk_that_became_confidential_leaves_the_outsiders_lists(
    client, outsider, public_doc
):
    note = page_note_create_for(outsider, public_doc)
    public_doc.confidentiality = "vertrouwelijk"
    public_doc.save(update_fields=["confidentiality"])
    client.force_login(outsider)
    meeting = public_doc.agenda_item.meeting
    assert SECRET_NOTE not in client.get(url("notes_export", meeting.pk)).content.decode()
    assert client.post(url("note_update", note.pk), {"text": "x"}).status_code == 404


# ---- Export -----------------------------------------------------------------------------


def test_export_lists_ones_own_notes_per_document_and_page(client, member, public_doc, members_pdf):
    page_note_create_for(member, public_doc, page=3, text="Derde pagina:\nzie tabel 2")
    page_note_create_for(member, public_doc, page=1, text="Eerste pagina")
    page_note_create_for(member, None, generated=members_pdf, page=1, text="Over de agenda")
    meeting = public_doc.agenda_item.meeting
    client.force_login(member)
    response = client.get(url("notes_export", meeting.pk))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/markdown; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment")
    assert "no-store" in response["Cache-Control"]
    text = response.content.decode()
    assert text.startswith("# Mijn notities: ")
    assert "## Voortgangsrapportage (versie 1)" in text
    assert f"## {members_pdf.title} (versie {members_pdf.version})" in text
    assert "- Pagina 1: Eerste pagina" in text
    assert "- Pagina 3: Derde pagina:\n  zie tabel 2" in text
    assert text.index("Pagina 1: Eerste") < text.index("Pagina 3: Derde")
    assert "- Pagina 1: Over de agenda" in text


def test_export_of_a_meeting_one_may_not_see_is_404(client, outsider, secretary, body):
    from tests.builders import make_meeting

    draft = make_meeting(secretary=secretary, body=body)
    client.force_login(outsider)
    assert client.get(url("notes_export", draft.pk)).status_code == 404


# ---- The links where stukken are offered -------------------------------------------------


def test_meeting_and_reading_pages_link_to_the_viewer(client, member, public_doc, members_pdf):
    meeting = public_doc.agenda_item.meeting
    client.force_login(member)
    reading = client.get(reverse("regiobureau:meeting_reading", args=[meeting.pk])).content.decode()
    assert url("generated_read", members_pdf.pk) in reading
    # A stuk's link sits in its item's part of the reading page, loaded when it is opened.
    item_part = client.get(
        reverse("regiobureau:item_reading", args=[public_doc.agenda_item_id]),
        headers={"HX-Request": "true"},
    ).content.decode()
    assert url("document_read", public_doc.pk) in item_part
    assert "Lezen in de browser" in item_part
    detail = client.get(meeting.get_absolute_url()).content.decode()
    assert url("document_read", public_doc.pk) in detail
    item_page = reverse("regiobureau:item_detail", args=[public_doc.agenda_item_id])
    assert url("document_read", public_doc.pk) in client.get(item_page).content.decode()


def test_the_public_gets_no_viewer_link(client, public_doc):
    detail = client.get(public_doc.agenda_item.meeting.get_absolute_url()).content.decode()
    assert url("document_read", public_doc.pk) not in detail


def test_viewer_page_query_count_is_pinned(
    client, member, public_doc, django_assert_max_num_queries
):
    for page in range(1, 6):
        page_note_create_for(member, public_doc, page=page, text=f"Memo-k{page}")
    client.force_login(member)
    client.get(url("document_read", public_doc.pk))  # the read mark is set once
    # Session, user, the stuk with its item and meeting, role groups, memberships, the read
    # mark (savepoint, lookup, release) and the notes: however many notes there are.
    with django_assert_max_num_queries(9):
        response = client.get(url("document_read", public_doc.pk))
    assert response.content.decode().count('<li class="pv-note" ') == 5


def test_an_assistant_reads_a_stuk_without_setting_the_members_read_mark(
    client, member, public_doc, confidential_doc
):
    assistant = UserFactory()
    delegation_grant(actor=member, assistant=assistant)
    client.force_login(assistant)
    # She reads what her bestuurder reads, the confidential stuk included ...
    assert client.get(url("document_read", confidential_doc.pk)).status_code == 200
    assert client.get(url("document_read", public_doc.pk)).status_code == 200
    # ... but the read marks are the member's own: none for the assistant, none for the member.
    assert not ReadMark.objects.filter(agenda_item=public_doc.agenda_item).exists()
