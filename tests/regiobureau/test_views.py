"""Meeting pages, stukken, annotations and the reading room, per role.

Confidentiality: a closed item and a vertrouwelijk stuk are for the body's members
and the secretariat; everyone else gets 404 on pages, partials and downloads and sees the closed
item only as "Besloten agendapunt".
"""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from nhn_portal.core.constants import Role
from nhn_portal.core.templatetags.nhn_dates import format_when
from regiobureau.constants import AnnotationStatus, MeetingStatus
from regiobureau.models.annotations import Annotation, AnnotationComment, ReadMark
from regiobureau.models.documents import Document
from regiobureau.models.meetings import AgendaItem, CalendarToken, Meeting
from regiobureau.services.agenda import agenda_item_create
from regiobureau.services.documents import document_add_version
from regiobureau.services.guards import StaleAgendaError
from regiobureau.services.meetings import meeting_publish_agenda, meeting_set_status
from tests.builders import CLOSED_TITLE, CONFIDENTIAL_DOC, PUBLIC_TITLE, make_meeting, pdf_upload
from tests.factories import BodyFactory, UserFactory
from tests.reading import reading_with_parts

pytestmark = pytest.mark.django_db

CLOSED_PLACEHOLDER = "Closed agenda item"


def url(name, *args):
    return reverse(f"regiobureau:{name}", args=args)


# --- Public pages ---------------------------------------------------------------------------


def test_anonymous_sees_public_agenda_with_placeholder_for_closed_item(client, published_meeting):
    response = client.get(url("meeting_detail", published_meeting.pk))
    assert response.status_code == 200
    html = response.content.decode()
    assert PUBLIC_TITLE in html
    assert CLOSED_TITLE not in html
    assert str(_(CLOSED_PLACEHOLDER)) in html
    assert "Voortgangsrapportage" in html
    assert CONFIDENTIAL_DOC not in html
    assert "Koopovereenkomst" not in html


def test_regiokalender_lists_meeting_for_anonymous_without_closed_titles(client, published_meeting):
    response = client.get(url("calendar"))
    assert response.status_code == 200
    assert published_meeting.title in response.content.decode()
    assert CLOSED_TITLE not in response.content.decode()


def test_regiokalender_filters_by_body(client, published_meeting, secretary):
    other = make_meeting(secretary=secretary, body=BodyFactory(name="Werkgroep Anders"))
    meeting_set_status(actor=secretary, meeting=other, status=MeetingStatus.PLANNED)
    response = client.get(url("calendar"), {"body": published_meeting.body_id})
    meetings = list(response.context["meetings"])
    assert meetings == [published_meeting]
    response = client.get(url("calendar"))
    assert set(response.context["meetings"]) == {published_meeting, other}


def test_draft_meeting_is_hidden_from_everyone_but_the_secretariat(client, secretary, body, member):
    draft = make_meeting(secretary=secretary, body=body)
    assert client.get(url("meeting_detail", draft.pk)).status_code == 404
    assert draft not in client.get(url("calendar")).context["meetings"]
    client.force_login(member)
    assert client.get(url("meeting_detail", draft.pk)).status_code == 404
    client.force_login(secretary)
    assert client.get(url("meeting_detail", draft.pk)).status_code == 200


@pytest.mark.parametrize("who", ["anonymous", "outsider"])
def test_non_member_gets_404_on_everything_closed(client, published_meeting, outsider, who):
    if who == "outsider":
        client.force_login(outsider)
    closed = published_meeting.closed_item
    public = published_meeting.public_item
    confidential = Document.objects.get(title=CONFIDENTIAL_DOC)
    closed_doc = closed.documents.get()
    assert client.get(url("item_detail", closed.pk)).status_code == 404
    assert client.get(url("document_download", confidential.pk)).status_code == 404
    assert client.get(url("document_download", closed_doc.pk)).status_code == 404
    assert client.get(url("item_detail", public.pk)).status_code == 200
    html = client.get(url("item_detail", public.pk)).content.decode()
    assert CONFIDENTIAL_DOC not in html
    # The public agenda names the closed item only as a placeholder.
    html = client.get(url("meeting_detail", published_meeting.pk)).content.decode()
    assert CLOSED_TITLE not in html and str(_(CLOSED_PLACEHOLDER)) in html
    if who == "outsider":
        # The reading room, its partials and the secretariat's pages are 404 too.
        assert client.get(url("meeting_reading", published_meeting.pk)).status_code == 404
        assert client.post(url("item_read", closed.pk), {"read": "1"}).status_code == 404
        assert client.post(url("item_read", public.pk), {"read": "1"}).status_code == 404
        assert client.post(url("comment_add", closed.pk), {"text": "x"}).status_code == 404
        assert client.get(url("item_edit", closed.pk), HTTP_HX_REQUEST="true").status_code == 404
        assert client.get(url("agenda_editor", published_meeting.pk)).status_code == 404
        assert client.get(url("annotation_edit", public.pk)).status_code == 404
        assert client.get(url("document_detail", confidential.pk)).status_code == 404
        html = client.get(url("my_meetings")).content.decode()
        assert CLOSED_TITLE not in html


def test_closed_meeting_shows_only_placeholders_to_the_public(client, secretary, body):
    closed_meeting = make_meeting(secretary=secretary, body=body, is_public=False)
    item = agenda_item_create(
        actor=secretary,
        meeting=closed_meeting,
        expected_version=None,
        title="Openbaar punt in besloten vergadering",
        purpose="bespreking",
    )
    meeting_publish_agenda(actor=secretary, meeting=closed_meeting, expected_version=None)
    html = client.get(url("meeting_detail", closed_meeting.pk)).content.decode()
    assert "Openbaar punt in besloten vergadering" not in html
    assert client.get(url("item_detail", item.pk)).status_code == 404


def test_public_download_streams_attachment_with_original_name(client, published_meeting):
    document = Document.objects.get(title="Voortgangsrapportage")
    response = client.get(url("document_download", document.pk))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert 'filename="voortgang.pdf"' in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_earlier_versions_are_for_the_secretariat_only(
    client, published_meeting, secretary, member
):
    document = Document.objects.get(title="Voortgangsrapportage")
    document_add_version(
        actor=secretary, document=document, upload=pdf_upload("voortgang-v2.pdf", "v2")
    )
    client.force_login(member)
    assert client.get(url("document_version_download", document.pk, 1)).status_code == 404
    response = client.get(url("document_download", document.pk))
    assert 'filename="voortgang-v2.pdf"' in response["Content-Disposition"]
    client.force_login(secretary)
    response = client.get(url("document_version_download", document.pk, 1))
    assert response.status_code == 200
    assert 'filename="voortgang.pdf"' in response["Content-Disposition"]


# --- Member: the reading room ---------------------------------------------------------------


def test_member_reads_annotations_and_confidential_stukken(client, published_meeting, member):
    client.force_login(member)
    # An item's annotation and stukken load when the reader opens it (issue 26).
    html = reading_with_parts(client, published_meeting.pk)
    assert CLOSED_TITLE in html
    assert CONFIDENTIAL_DOC in html
    assert f"Kern van {PUBLIC_TITLE}" in html
    confidential = Document.objects.get(title=CONFIDENTIAL_DOC)
    assert client.get(url("document_download", confidential.pk)).status_code == 200
    assert client.get(url("item_detail", published_meeting.closed_item.pk)).status_code == 200


def test_member_marks_item_read_with_htmx_partial(client, published_meeting, member):
    client.force_login(member)
    item = published_meeting.public_item
    response = client.post(url("item_read", item.pk), {"read": "1"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert "HX-Request" in response["Vary"]
    html = response.content.decode()
    assert "<html" not in html and 'name="read" value="0"' in html
    assert ReadMark.objects.filter(user=member, agenda_item=item).exists()
    response = client.post(url("item_read", item.pk), {"read": "0"})
    assert response.status_code == 302
    assert not ReadMark.objects.filter(user=member, agenda_item=item).exists()


def test_member_comments_on_annotation_and_sees_it_in_open_responses(
    client, published_meeting, member
):
    client.force_login(member)
    item = published_meeting.public_item
    response = client.post(
        url("comment_add", item.pk),
        {"text": "Graag de cijfers per basisregio."},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    assert "Graag de cijfers per basisregio." in response.content.decode()
    assert "<html" not in response.content.decode()
    comment = AnnotationComment.objects.get()
    assert comment.author == member
    html = client.get(url("my_meetings")).content.decode()
    assert "Graag de cijfers" in html
    assert client.get(url("my_comments")).status_code == 200
    response = client.post(url("comment_resolve", comment.pk), {"next": "mine"})
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.is_resolved


def test_empty_comment_is_refused_with_message(client, published_meeting, member):
    client.force_login(member)
    response = client.post(
        url("comment_add", published_meeting.public_item.pk),
        {"text": "   "},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 422
    assert not AnnotationComment.objects.exists()


def test_my_meetings_lists_the_bodies_meetings(client, published_meeting, member, outsider):
    client.force_login(member)
    assert published_meeting in client.get(url("my_meetings")).context["meetings"]
    client.force_login(outsider)
    assert published_meeting not in client.get(url("my_meetings")).context["meetings"]


# --- Secretariat: meetings --------------------------------------------------------------------


def test_secretary_creates_meeting_with_amsterdam_time_and_default_deadline(
    client, secretary, body
):
    client.force_login(secretary)
    assert client.get(url("meeting_create")).status_code == 200
    response = client.post(
        url("meeting_create"),
        {
            "body": body.pk,
            "title": "Platform Wonen maart",
            "date": "2027-03-18",
            "start_time": "14:00",
            "end_time": "16:30",
            "location": "Stadskantoor Hoorn",
            "online_url": "",
            "is_public": "1",
            "documents_deadline": "",
        },
    )
    meeting = Meeting.objects.get(title="Platform Wonen maart")
    assert response.status_code == 302
    assert response["Location"] == url("agenda_editor", meeting.pk)
    local = timezone.localtime(meeting.starts_at)
    assert (local.hour, local.minute, str(local.tzinfo)) == (14, 0, "Europe/Amsterdam")
    assert meeting.starts_at.utcoffset() is not None
    assert meeting.documents_deadline == datetime.date(2027, 3, 4)  # 10 working days before
    assert meeting.is_public
    assert meeting.items.count() == 5  # the standard opening and closing items


def test_meeting_ending_before_it_starts_is_refused(client, secretary, body):
    client.force_login(secretary)
    response = client.post(
        url("meeting_create"),
        {"body": body.pk, "date": "2027-03-18", "start_time": "14:00", "end_time": "13:00"},
    )
    assert response.status_code == 400
    assert str(_("The meeting must end after it starts.")) in response.content.decode()
    assert not Meeting.objects.exists()


def test_non_secretary_cannot_create_or_edit_meetings(client, published_meeting, member):
    client.force_login(member)
    assert client.get(url("meeting_create")).status_code == 404
    assert client.get(url("meeting_edit", published_meeting.pk)).status_code == 404
    assert (
        client.post(url("meeting_status", published_meeting.pk), {"action": "held"}).status_code
        == 404
    )


def test_meeting_edit_with_stale_version_is_refused(client, secretary, published_meeting):
    client.force_login(secretary)
    form = client.get(url("meeting_edit", published_meeting.pk)).context["form"]
    old_version = form.initial["agenda_version"]
    agenda_item_create(
        actor=secretary,
        meeting=published_meeting,
        expected_version=None,
        title="Tussendoor",
        purpose="informatie",
    )
    response = client.post(
        url("meeting_edit", published_meeting.pk),
        {
            "date": "2027-04-01",
            "start_time": "10:00",
            "end_time": "12:00",
            "is_public": "1",
            "agenda_version": old_version,
        },
    )
    assert response.status_code == 409
    assert str(StaleAgendaError().messages[0]) in response.content.decode()
    published_meeting.refresh_from_db()
    assert timezone.localtime(published_meeting.starts_at).date() != datetime.date(2027, 4, 1)


def test_held_is_neither_offered_nor_accepted_before_the_meeting_begins(
    client, secretary, published_meeting
):
    client.force_login(secretary)
    page = client.get(published_meeting.get_absolute_url())
    assert 'value="held"' not in page.content.decode()
    response = client.post(
        url("meeting_status", published_meeting.pk), {"action": "held"}, follow=True
    )
    published_meeting.refresh_from_db()
    assert published_meeting.status == MeetingStatus.AGENDA_PUBLISHED
    expected = _("A meeting can only be marked as held once it has begun (%(start)s).") % {
        "start": format_when(published_meeting.starts_at)  # "4 december 2026, 14.00 uur"
    }
    assert expected in [str(m) for m in response.context["messages"]]


def test_status_flow_and_cancel_with_reason(client, secretary, published_meeting):
    client.force_login(secretary)
    published_meeting.starts_at = timezone.now() - datetime.timedelta(hours=1)
    published_meeting.save(update_fields=["starts_at"])
    assert 'value="held"' in client.get(published_meeting.get_absolute_url()).content.decode()
    response = client.post(url("meeting_status", published_meeting.pk), {"action": "held"})
    assert response.status_code == 302
    published_meeting.refresh_from_db()
    assert published_meeting.status == MeetingStatus.HELD
    # A held meeting cannot be cancelled: the service refuses, the page says why.
    response = client.post(url("meeting_cancel", published_meeting.pk), {"reason": "Geen quorum"})
    assert response.status_code == 400
    published_meeting.refresh_from_db()
    assert published_meeting.status == MeetingStatus.HELD
    client.post(url("meeting_status", published_meeting.pk), {"action": "complete"})
    published_meeting.refresh_from_db()
    assert published_meeting.status == MeetingStatus.CLOSED


def test_cancel_requires_a_reason(client, secretary, body):
    client.force_login(secretary)
    meeting = make_meeting(secretary=secretary, body=body)
    response = client.post(url("meeting_cancel", meeting.pk), {"reason": ""})
    assert response.status_code == 400
    response = client.post(url("meeting_cancel", meeting.pk), {"reason": "Te weinig agendapunten"})
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.CANCELLED
    assert meeting.cancel_reason == "Te weinig agendapunten"


def test_publish_without_items_is_refused_with_message(client, secretary, body):
    client.force_login(secretary)
    meeting = make_meeting(secretary=secretary, body=body)
    response = client.post(
        url("meeting_publish", meeting.pk), {"agenda_version": meeting.agenda_version}, follow=True
    )
    message = _("The agenda has no items besides the standard ones; add an item before publishing.")
    assert str(message) in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.DRAFT


def test_publish_enqueues_the_notification_after_commit(
    client, secretary, body, django_capture_on_commit_callbacks
):
    client.force_login(secretary)
    meeting = make_meeting(secretary=secretary, body=body)
    agenda_item_create(
        actor=secretary,
        meeting=meeting,
        expected_version=None,
        title="Regio Deal aanvraag",
        purpose="besluitvorming",
    )
    meeting.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = client.post(
            url("meeting_publish", meeting.pk), {"agenda_version": meeting.agenda_version}
        )
    assert response.status_code == 302
    assert len(callbacks) == 2  # the members' mail and the meeting bundle's task
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.AGENDA_PUBLISHED


# --- Secretariat: stukken ----------------------------------------------------------------------


def test_upload_several_files_with_an_error_per_file(client, secretary, published_meeting):
    client.force_login(secretary)
    item = published_meeting.public_item
    before = item.documents.count()
    html_as_pdf = SimpleUploadedFile("nep.pdf", b"<html><script>alert(1)</script></html>")
    response = client.post(
        url("item_documents", item.pk),
        {
            "files": [pdf_upload("bijlage-1.pdf"), html_as_pdf, pdf_upload("bijlage-2.pdf")],
            "confidentiality": "vertrouwelijk",
        },
    )
    assert response.status_code == 200
    results = {r["name"]: r["error"] for r in response.context["results"]}
    assert results["bijlage-1.pdf"] == "" and results["bijlage-2.pdf"] == ""
    assert "nep.pdf" in results["nep.pdf"]
    assert item.documents.count() == before + 2
    assert set(
        item.documents.filter(title__startswith="bijlage").values_list("confidentiality", flat=True)
    ) == {"vertrouwelijk"}


def test_upload_all_good_redirects(client, secretary, published_meeting):
    client.force_login(secretary)
    response = client.post(
        url("item_documents", published_meeting.public_item.pk),
        {"files": [pdf_upload("a.pdf")], "title": "Raadsvoorstel", "confidentiality": "openbaar"},
    )
    assert response.status_code == 302
    assert Document.objects.filter(title="Raadsvoorstel").exists()


def test_file_over_the_limit_is_refused(client, secretary, published_meeting, settings):
    settings.DOCUMENT_MAX_UPLOAD_BYTES = 100
    client.force_login(secretary)
    response = client.post(
        url("item_documents", published_meeting.public_item.pk),
        {"files": [pdf_upload("groot.pdf", "x" * 500)], "confidentiality": "openbaar"},
    )
    assert response.status_code == 400
    assert not Document.objects.filter(versions__original_name="groot.pdf").exists()


def test_document_history_new_version_and_confidentiality(client, secretary, published_meeting):
    client.force_login(secretary)
    document = Document.objects.get(title="Voortgangsrapportage")
    response = client.post(
        url("document_version_upload", document.pk), {"file": pdf_upload("v2.pdf", "twee")}
    )
    assert response.status_code == 302
    response = client.get(url("document_detail", document.pk))
    versions = response.context["versions"]
    assert [v.number for v in versions] == [2, 1]
    assert versions[0].uploaded_by == secretary
    assert versions[0].sha256 in response.content.decode()
    client.post(url("document_confidentiality", document.pk), {"confidentiality": "vertrouwelijk"})
    document.refresh_from_db()
    assert document.is_confidential
    bad = SimpleUploadedFile("v3.pdf", b"not a pdf at all")
    response = client.post(url("document_version_upload", document.pk), {"file": bad})
    assert response.status_code == 400
    assert document.versions.count() == 2


# --- Secretariat: annotations -------------------------------------------------------------------


def test_annotation_save_status_and_diff(client, secretary, published_meeting):
    client.force_login(secretary)
    item = published_meeting.public_item
    annotation = Annotation.objects.get(agenda_item=item)
    response = client.post(
        url("annotation_edit", item.pk),
        {
            "background": "<p>De Woondeal loopt.</p><script>alert(1)</script>",
            "core_message": "<p>Nieuwe kern.</p>",
            "proposal": "<p>Instemmen met het voorstel.</p>",
            "version": annotation.version,
        },
    )
    assert response.status_code == 302
    annotation.refresh_from_db()
    assert annotation.version == 2
    assert "<script>" not in annotation.background
    # Four eyes: sent for review to a second secretary, who adopts it on her review page.
    reviewer = UserFactory(roles=[Role.SECRETARY])
    client.post(
        url("annotation_request_review", item.pk),
        {"reviewers": [reviewer.pk], "due_on": timezone.localdate().isoformat()},
    )
    client.force_login(reviewer)
    client.post(url("annotation_review", item.pk), {"action": "adopt"})
    annotation.refresh_from_db()
    assert annotation.status == AnnotationStatus.ADOPTED
    client.force_login(secretary)
    response = client.get(url("annotation_versions", item.pk), {"a": 1, "b": 2})
    assert response.status_code == 200
    diff = {field.name: field for field in response.context["diff"]}
    assert diff["core_message"].changed and not diff["proposal"].changed
    html = response.content.decode()
    assert "rb-diff__row--changed" in html and "Nieuwe kern." in html
    assert "style=" not in html


def test_stale_annotation_save_is_refused_and_keeps_the_writers_text(
    client, secretary, published_meeting
):
    client.force_login(secretary)
    item = published_meeting.public_item
    response = client.post(
        url("annotation_edit", item.pk), {"core_message": "Mijn versie", "version": 0}
    )
    assert response.status_code == 409
    assert "Mijn versie" in response.content.decode()
    assert Annotation.objects.get(agenda_item=item).core_message != "Mijn versie"


def test_annotations_are_not_for_outsiders(client, published_meeting, outsider):
    client.force_login(outsider)
    html = client.get(url("item_detail", published_meeting.public_item.pk)).content.decode()
    assert "Kern van" not in html


# --- Dossiers and the calendar link ---------------------------------------------------------------


def test_dossier_trail_hides_closed_items_from_the_public(
    client, secretary, published_meeting, member
):
    dossier = services_dossier()
    for item in (published_meeting.public_item, published_meeting.closed_item):
        AgendaItem.objects.filter(pk=item.pk).update(dossier=dossier)
    response = client.get(url("dossier_detail", dossier.slug))
    assert response.status_code == 200
    html = response.content.decode()
    assert PUBLIC_TITLE in html and CLOSED_TITLE not in html
    assert client.get(url("dossier_list")).status_code == 200
    client.force_login(member)
    assert CLOSED_TITLE in client.get(url("dossier_detail", dossier.slug)).content.decode()


def services_dossier():
    from regiobureau.models.meetings import Dossier

    return Dossier.objects.create(name="Woondeal NHN", slug="woondeal-nhn")


def test_calendar_link_rotation_revokes_the_old_feed(client, member, published_meeting):
    client.force_login(member)
    assert client.get(url("calendar_subscription")).status_code == 200
    client.post(url("calendar_token_rotate"))
    old = CalendarToken.objects.get(user=member).token
    assert client.get(url("feed_personal", old)).status_code == 200
    client.post(url("calendar_token_rotate"))
    new = CalendarToken.objects.get(user=member).token
    assert new != old
    client.logout()
    assert client.get(url("feed_personal", old)).status_code == 404
    assert client.get(url("feed_personal", new)).status_code == 200


# --- Admin ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "model",
    [
        "meeting",
        "agendaitem",
        "document",
        "annotation",
        "annotationcomment",
        "calendartoken",
        "dossier",
        "agendatemplateitem",
    ],
)
def test_admin_pages_load_for_the_beheerder(admin_client, published_meeting, model):
    response = admin_client.get(reverse(f"admin:regiobureau_{model}_changelist"))
    assert response.status_code == 200


def test_admin_is_read_only_for_meetings(admin_client, published_meeting):
    response = admin_client.get(
        reverse("admin:regiobureau_meeting_change", args=[published_meeting.pk])
    )
    assert response.status_code == 200
    assert b'name="_save"' not in response.content
    assert admin_client.get(reverse("admin:regiobureau_meeting_add")).status_code == 403
