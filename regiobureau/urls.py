"""Meetings, agenda editor, stukken, annotations, reading room, dossiers and feeds.

Included at /vergaderingen/. Views marked @login_not_required (public for anyone, with the
selectors deciding what is visible): calendar, meeting_archive, meeting_detail, item_detail,
document_download, document_version_download, dossier_list, dossier_detail, feed_body,
feed_personal, meeting_pdf_public, round_vote_link.
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
    evaluation,
    meetings,
    minutes,
    pdfs,
    planning,
    proposals,
    reading,
    rounds,
)
from regiobureau.views import rules as rules_views

app_name = "regiobureau"

# URL name → why anyone may open it without a login (tests/test_login_required.py reads it).
PUBLIC_URL_NAMES = {
    "meeting_pdf_public": "the public agenda PDF; the view checks that the agenda is out",
    "meeting_archive": "past meetings as the calendar shows coming ones; the selectors filter",
    "round_vote_link": "the signed one-time link of a written round; the signature is the key",
    "minutes_list": "adopted minutes of public meetings for anyone; the selectors filter",
    "minutes_detail": "adopted minutes of a public meeting (closed items as placeholders)",
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
    # Attendance (issue 10)
    path("<int:pk>/aanmelden/", attendance.attendance_register, name="attendance_register"),
    path("<int:pk>/presentie/", attendance.attendance_record, name="attendance_record"),
    # Minutes (verslag, issue 10)
    path("verslagen/", minutes.minutes_list, name="minutes_list"),
    path("<int:pk>/verslag/", minutes.minutes_detail, name="minutes_detail"),
    path("<int:pk>/verslag/schrijven/", minutes.minutes_edit, name="minutes_edit"),
    path("<int:pk>/verslag/versturen/", minutes.minutes_send, name="minutes_send"),
    path("<int:pk>/verslag/reageren/", minutes.minutes_comment, name="minutes_comment"),
    path("<int:pk>/verslag/vaststellen/", minutes.minutes_adopt, name="minutes_adopt"),
    path("<int:pk>/verslag/versies/", minutes.minutes_history, name="minutes_history"),
    path("agendapunten/<int:pk>/verslag/", minutes.minutes_entry_save, name="minutes_entry_save"),
    # Evaluation after each meeting (issue 13)
    path("<int:pk>/evaluatie/", evaluation.evaluation_form, name="evaluation_form"),
    path("evaluatie/", evaluation.evaluation_index, name="evaluation_index"),
    path("evaluatie/<slug:slug>/", evaluation.evaluation_body, name="evaluation_body"),
    path(
        "evaluatie/<slug:slug>/<str:period>/pdf/",
        evaluation.evaluation_summary_request,
        name="evaluation_summary_request",
    ),
    path(
        "evaluatie/<slug:slug>/<str:period>/agenderen/",
        evaluation.evaluation_summary_place,
        name="evaluation_summary_place",
    ),
    path(
        "evaluatie/<slug:slug>/<str:period>/samenvatting.pdf",
        evaluation.evaluation_summary_download,
        name="evaluation_summary_download",
    ),
    # Stukken from preparing bodies (issue 10)
    path("<int:pk>/aanleveren/", proposals.proposal_list, name="proposal_list"),
    path("aangeleverd/<int:pk>/accepteren/", proposals.proposal_accept, name="proposal_accept"),
    path("aangeleverd/<int:pk>/terugsturen/", proposals.proposal_return, name="proposal_return"),
    path("aangeleverd/<int:pk>/download/", proposals.proposal_download, name="proposal_download"),
    # Forward agenda (issue 10)
    path("jaarplanning/", planning.planning, name="planning"),
    path("jaarplanning/nieuw/", planning.planning_create, name="planning_create"),
    path("jaarplanning/<int:pk>/agenderen/", planning.planning_schedule, name="planning_schedule"),
    path("jaarplanning/<int:pk>/verwijderen/", planning.planning_delete, name="planning_delete"),
    # Written rounds (issue 10)
    path("schriftelijk/", rounds.round_list, name="round_list"),
    path("schriftelijk/nieuw/", rounds.round_create, name="round_create"),
    path("schriftelijk/<int:pk>/", rounds.round_detail, name="round_detail"),
    path("schriftelijk/<int:pk>/sluiten/", rounds.round_close, name="round_close"),
    path("schriftelijk/stem/<str:token>/", rounds.round_vote_link, name="round_vote_link"),
    # Agenda editor (secretariat)
    path("<int:pk>/agenda/", editor.agenda_editor, name="agenda_editor"),
    path("<int:pk>/agenda/punten/", editor.item_create, name="item_create"),
    path("<int:pk>/agenda/volgorde/", editor.agenda_reorder, name="agenda_reorder"),
    path("agendapunten/<int:pk>/wijzigen/", editor.item_edit, name="item_edit"),
    path("agendapunten/<int:pk>/verwijderen/", editor.item_delete, name="item_delete"),
    path("agendapunten/<int:pk>/verplaatsen/", editor.item_move, name="item_move"),
    # PDFs of the meeting (issue #4)
    path("<int:pk>/pdf/", pdfs.pdf_request, name="meeting_pdf_request"),
    path("<int:pk>/pdf/status/", pdfs.pdf_status, name="meeting_pdf_status"),
    path("<int:pk>/pdf/opdrachten/<int:job_pk>/opnieuw/", pdfs.pdf_retry, name="meeting_pdf_retry"),
    path("<int:pk>/agenda.pdf", pdfs.pdf_public_download, name="meeting_pdf_public"),
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
    path("agendapunten/<int:pk>/reacties/", reading.comment_add, name="comment_add"),
    path("reacties/<int:pk>/afgehandeld/", reading.comment_resolve, name="comment_resolve"),
    # Annotations (secretariat)
    path("agendapunten/<int:pk>/annotatie/", annotations.annotation_edit, name="annotation_edit"),
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
        "stukken/<int:pk>/download/v<int:number>/",
        documents.document_download,
        name="document_version_download",
    ),
    # Dossiers
    path("dossiers/", dossiers.dossier_list, name="dossier_list"),
    path("dossiers/<slug:slug>/", dossiers.dossier_detail, name="dossier_detail"),
    # Decisions, besluitenlijst and action items (issue 5)
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
    path("spelregels/<int:pk>/vaststellen/", rules_views.rules_adopt, name="rules_adopt"),
]
