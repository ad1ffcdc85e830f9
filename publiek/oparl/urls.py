"""/api/oparl/: OParl 1.1, from the System down to the Files."""

from django.urls import path

from . import views

app_name = "oparl"

_WHY = "open data (OParl 1.1): public data only, read through the selectors"
# URL name → why anyone may open it without a login (tests/test_login_required.py reads it).
PUBLIC_URL_NAMES = {
    name: _WHY
    for name in (
        "system",
        "body_list",
        "body",
        "organization_list",
        "person_list",
        "membership_list",
        "meeting_list",
        "agenda_item_list",
        "paper_list",
        "file_list",
        "legislative_term_list",
        "legislative_term",
        "organization",
        "organization_meeting_list",
        "person",
        "membership",
        "meeting",
        "meeting_location",
        "agenda_item",
        "paper",
        "file",
        "consultation",
        "consultation_file",
    )
}

urlpatterns = [
    path("", views.system, name="system"),
    path("bodies/", views.body_list, name="body_list"),
    path("body/<slug:key>/", views.body, name="body"),
    path("body/<slug:key>/organizations/", views.organization_list, name="organization_list"),
    path("body/<slug:key>/persons/", views.person_list, name="person_list"),
    path("body/<slug:key>/memberships/", views.membership_list, name="membership_list"),
    path("body/<slug:key>/meetings/", views.meeting_list, name="meeting_list"),
    path("body/<slug:key>/agenda-items/", views.agenda_item_list, name="agenda_item_list"),
    path("body/<slug:key>/papers/", views.paper_list, name="paper_list"),
    path("body/<slug:key>/files/", views.file_list, name="file_list"),
    path(
        "body/<slug:key>/legislative-terms/",
        views.legislative_term_list,
        name="legislative_term_list",
    ),
    path("legislative-term/<int:year>/", views.legislative_term, name="legislative_term"),
    path("organization/<int:pk>/", views.organization, name="organization"),
    path(
        "organization/<int:pk>/meetings/",
        views.organization_meeting_list,
        name="organization_meeting_list",
    ),
    path("person/<int:pk>/", views.person, name="person"),
    path("membership/<int:pk>/", views.membership, name="membership"),
    path("meeting/<int:pk>/", views.meeting, name="meeting"),
    path("meeting/<int:pk>/location/", views.meeting_location, name="meeting_location"),
    path("agenda-item/<int:pk>/", views.agenda_item, name="agenda_item"),
    path("paper/<int:pk>/", views.paper, name="paper"),
    path("file/<int:pk>/", views.file, name="file"),
    path("consultation/<int:pk>/", views.consultation, name="consultation"),
    path(
        "consultation/<int:pk>/file/<slug:part>/",
        views.consultation_file,
        name="consultation_file",
    ),
]
