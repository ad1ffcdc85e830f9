"""The regiobureau's outward work, included at /netwerk/. Every page needs a login except the
public-affairs summaries (PUBLIC_URL_NAMES), which show only published summaries of dossiers
that are not confidential."""

from django.urls import path

from . import views

app_name = "netwerk"

PUBLIC_URL_NAMES = {
    "public_affairs": "published summaries of non-confidential lobby dossiers only",
    "regio_deal": "the Regio Deal's shop window: approved projects only",
    "regio_deal_image": "pictures of approved Regio Deal projects only",
}

urlpatterns = [
    path("kansen/", views.opportunity_list, name="opportunity_list"),
    path("kansen/nieuw/", views.opportunity_create, name="opportunity_create"),
    path("kansen/doorlooptijden/", views.lead_times, name="lead_times"),
    path("kansen/<int:pk>/", views.opportunity_detail, name="opportunity_detail"),
    path("kansen/<int:pk>/bewerken/", views.opportunity_edit, name="opportunity_edit"),
    path("kansen/<int:pk>/stap/", views.opportunity_step_add, name="opportunity_step_add"),
    path("kansen/<int:pk>/besluit/", views.opportunity_decide, name="opportunity_decide"),
    path("kansen/stappen/<int:pk>/gedaan/", views.opportunity_step_done, name="step_done"),
    path("kansen/stappen/<int:pk>/verwijderen/", views.opportunity_step_remove, name="step_remove"),
    # Regio Deal showcase
    path("regio-deal/", views.regio_deal, name="regio_deal"),
    path("regio-deal/beeld/<int:pk>/", views.regio_deal_image, name="regio_deal_image"),
    path("regio-deal/projecten/", views.project_list, name="project_list"),
    path("regio-deal/projecten/nieuw/", views.project_create, name="project_create"),
    path("regio-deal/projecten/<int:pk>/", views.project_detail, name="project_detail"),
    path("regio-deal/projecten/<int:pk>/beeld/", views.project_image_add, name="project_image_add"),
    path("regio-deal/projecten/<int:pk>/beoordeling/", views.project_review, name="project_review"),
    # Boundary spanners
    path("grensverkenners/", views.spanner_list, name="spanner_list"),
    path("grensverkenners/instellen/", views.spanner_set, name="spanner_set"),
    path("grensverkenners/<int:pk>/", views.spanner_detail, name="spanner_detail"),
    path(
        "grensverkenners/<int:pk>/rapport/",
        views.spanner_report_request,
        name="spanner_report_request",
    ),
    path(
        "grensverkenners/<int:pk>/rapport/<str:month>.pdf",
        views.spanner_report_download,
        name="spanner_report_download",
    ),
    # Related tables
    path("verbonden-tafels/", views.related_table_list, name="related_tables"),
    path("verbonden-tafels/nieuw/", views.related_table_create, name="related_table_create"),
    path("verbonden-tafels/afstemming/", views.alignment_add, name="alignment_add"),
    # Public-affairs agenda
    path("public-affairs/", views.lobby_dossier_list, name="lobby_dossier_list"),
    path("public-affairs/nieuw/", views.lobby_dossier_create, name="lobby_dossier_create"),
    path("public-affairs/momenten/", views.external_calendar, name="external_calendar"),
    path("public-affairs/openbaar/", views.public_affairs, name="public_affairs"),
    path("public-affairs/<int:pk>/", views.lobby_dossier_detail, name="lobby_dossier_detail"),
    path("public-affairs/<int:pk>/bewerken/", views.lobby_dossier_edit, name="lobby_dossier_edit"),
    path("public-affairs/<int:pk>/contact/", views.lobby_contact_add, name="lobby_contact_add"),
    path("public-affairs/<int:pk>/moment/", views.external_moment_add, name="external_moment_add"),
    path(
        "public-affairs/<int:pk>/vertrouwelijkheid/",
        views.lobby_dossier_confidentiality,
        name="lobby_dossier_confidentiality",
    ),
    path(
        "public-affairs/<int:pk>/publiceren/",
        views.lobby_dossier_publish,
        name="lobby_dossier_publish",
    ),
]
