"""Meetings, agenda editor, stukken, annotations, reading room, dossiers and feeds.

Included at /vergaderingen/ (the minutes, evaluation, planning and rounds apps add their pages
under the same prefix). The public views are listed in PUBLIC_URL_NAMES with the reason.
"""

from django.urls import path

from regiobureau import feeds
from regiobureau.views import (
    annotations,
    archive,
    attendance,
    decisions,
    documents,
    dossiers,
    editor,
    meetings,
    pdfs,
    reading,
)

app_name = "regiobureau"

# URL name → why anyone may open it without a login (tests/test_login_required.py reads it).
PUBLIC_URL_NAMES = {
    "meeting_pdf_public": "the public agenda PDF; the view checks that the agenda is out",
    "meeting_bundle_public": "the public meeting bundle; the view checks that the agenda is out",
    "meeting_decision_list_public": "the public decision list PDF; the kind's rule checks",
    "meeting_decisions": "decisions and actions as the reader may see them; selectors filter",
    "meeting_archive": "past meetings as the calendar shows coming ones; the selectors filter",
    **{
        name: "public meeting information, filtered by the selectors"
        for name in [
            "calendar",
            "meeting_detail",
            "item_detail",
            "document_download",
            "document_version_download",
            "document_download_archival",
            "dossier_list",
            "dossier_detail",
        ]
    },
    "feed_body": "a body's public meetings as iCalendar, filtered by the selectors",
    "feed_personal": "one's own meetings as iCalendar; the secret token in the URL is the key",
}

urlpatterns = [
    # Meetings
    path("", meetings.calendar, name="calendar"),
    path("mijn/", meetings.my_meetings, name="my_meetings"),
    path("archief/", archive.meeting_archive, name="meeting_archive"),
    path("mijn/reacties/", reading.my_comments, name="my_comments"),
    path("nieuw/", meetings.meeting_create, name="meeting_create"),
    path("<int:pk>/", meetings.meeting_detail, name="meeting_detail"),
    path("<int:pk>/wijzigen/", meetings.meeting_edit, name="meeting_edit"),
    path("<int:pk>/status/", meetings.meeting_status, name="meeting_status"),
    path("<int:pk>/publiceren/", meetings.meeting_publish, name="meeting_publish"),
    path("<int:pk>/annuleren/", meetings.meeting_cancel, name="meeting_cancel"),
    # Attendance
    path("<int:pk>/aanmelden/", attendance.attendance_register, name="attendance_register"),
    path("<int:pk>/presentie/", attendance.attendance_record, name="attendance_record"),
    # Agenda editor (secretariat)
    path("<int:pk>/agenda/", editor.agenda_editor, name="agenda_editor"),
    path("<int:pk>/agenda/punten/", editor.item_create, name="item_create"),
    path("<int:pk>/agenda/volgorde/", editor.agenda_reorder, name="agenda_reorder"),
    path("<int:pk>/agenda/verplaatsen/", editor.agenda_move, name="agenda_move"),
    path("agendapunten/<int:pk>/wijzigen/", editor.item_edit, name="item_edit"),
    path("agendapunten/<int:pk>/verwijderen/", editor.item_delete, name="item_delete"),
    # PDFs of the meeting
    path("<int:pk>/pdf/", pdfs.pdf_request, name="meeting_pdf_request"),
    path("<int:pk>/pdf/status/", pdfs.pdf_status, name="meeting_pdf_status"),
    path("<int:pk>/pdf/opdrachten/<int:job_pk>/opnieuw/", pdfs.pdf_retry, name="meeting_pdf_retry"),
    path("<int:pk>/agenda.pdf", pdfs.pdf_public_download, name="meeting_pdf_public"),
    path(
        "<int:pk>/vergaderbundel.pdf",
        pdfs.pdf_bundle_public_download,
        name="meeting_bundle_public",
    ),
    path(
        "<int:pk>/besluitenlijst.pdf",
        pdfs.pdf_decision_list_public_download,
        name="meeting_decision_list_public",
    ),
    path(
        "<int:pk>/pdf/<slug:kind>/<slug:audience>/",
        pdfs.pdf_download,
        name="meeting_pdf_download",
    ),
    path(
        "<int:pk>/pdf/<slug:kind>/<slug:audience>/v<int:version>/",
        pdfs.pdf_download,
        name="meeting_pdf_version_download",
    ),
    # Reading room (members) and the public item page
    path("<int:pk>/lezen/", reading.meeting_reading, name="meeting_reading"),
    path("agendapunten/<int:pk>/", reading.item_detail, name="item_detail"),
    path("agendapunten/<int:pk>/gelezen/", reading.item_read, name="item_read"),
    path("agendapunten/<int:pk>/lezen/", reading.item_reading, name="item_reading"),
    path("agendapunten/<int:pk>/reacties/", reading.comment_add, name="comment_add"),
    path("reacties/<int:pk>/afgehandeld/", reading.comment_resolve, name="comment_resolve"),
    # Annotations (secretariat)
    path("agendapunten/<int:pk>/annotatie/", annotations.annotation_edit, name="annotation_edit"),
    path(
        "agendapunten/<int:pk>/annotatie/review-aanvragen/",
        annotations.annotation_request_review,
        name="annotation_request_review",
    ),
    path(
        "agendapunten/<int:pk>/annotatie/beoordelen/",
        annotations.annotation_review,
        name="annotation_review",
    ),
    path(
        "agendapunten/<int:pk>/annotatie/status/",
        annotations.annotation_status,
        name="annotation_status",
    ),
    path(
        "agendapunten/<int:pk>/annotatie/versies/",
        annotations.annotation_versions,
        name="annotation_versions",
    ),
    # Stukken
    path("agendapunten/<int:pk>/stukken/", documents.item_documents, name="item_documents"),
    path("stukken/<int:pk>/", documents.document_detail, name="document_detail"),
    path(
        "stukken/<int:pk>/versie/",
        documents.document_version_upload,
        name="document_version_upload",
    ),
    path(
        "stukken/<int:pk>/vertrouwelijkheid/",
        documents.document_confidentiality,
        name="document_confidentiality",
    ),
    path("stukken/<int:pk>/download/", documents.document_download, name="document_download"),
    path(
        "stukken/<int:pk>/archief.pdf",
        documents.document_download_archival,
        name="document_download_archival",
    ),
    path(
        "stukken/<int:pk>/download/v<int:number>/",
        documents.document_download,
        name="document_version_download",
    ),
    # Dossiers
    path("dossiers/", dossiers.dossier_list, name="dossier_list"),
    path("dossiers/<slug:slug>/", dossiers.dossier_detail, name="dossier_detail"),
    # Decisions, besluitenlijst and action items
    path("<int:pk>/besluiten/", decisions.meeting_decisions, name="meeting_decisions"),
    path("<int:pk>/besluiten/nieuw/", decisions.decision_create, name="decision_create"),
    path(
        "<int:pk>/besluitenlijst/vaststellen/",
        decisions.decision_list_adopt,
        name="decision_list_adopt",
    ),
    path("<int:pk>/acties/nieuw/", decisions.action_create, name="action_create"),
    path("besluiten/<int:pk>/verwijderen/", decisions.decision_delete, name="decision_delete"),
    path("acties/<int:pk>/status/", decisions.action_status, name="action_status"),
    path("mijn/acties/", decisions.my_actions, name="my_actions"),
    # Calendar feeds (iCalendar)
    path("feeds/gremium/<slug:slug>.ics", feeds.body_feed, name="feed_body"),
    path("feeds/persoonlijk/<str:token>.ics", feeds.personal_feed, name="feed_personal"),
    path("agenda-abonnement/", feeds.calendar_subscription, name="calendar_subscription"),
    path("agenda-abonnement/nieuw/", feeds.calendar_token_rotate, name="calendar_token_rotate"),
]
