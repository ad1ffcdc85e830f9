"""The regiobureau's outward work, included at /netwerk/. Every page needs a login except the
public-affairs summaries (PUBLIC_URL_NAMES), which show only published summaries of dossiers
that are not confidential."""

from django.urls import path

from netwerk.views.lobby import (
    external_calendar,
    external_moment_add,
    lobby_contact_add,
    lobby_dossier_confidentiality,
    lobby_dossier_create,
    lobby_dossier_detail,
    lobby_dossier_edit,
    lobby_dossier_list,
    lobby_dossier_publish,
    public_affairs,
)
from netwerk.views.opportunities import (
    lead_times,
    opportunity_create,
    opportunity_decide,
    opportunity_detail,
    opportunity_edit,
    opportunity_list,
    opportunity_step_add,
    opportunity_step_done,
    opportunity_step_remove,
)
from netwerk.views.outcomes import (
    outcome_create,
    outcome_edit,
    outcome_list,
    outcomes_public,
    outcomes_public_csv,
)
from netwerk.views.regio_deal import (
    project_create,
    project_detail,
    project_image_add,
    project_list,
    project_review,
    regio_deal,
    regio_deal_image,
)
from netwerk.views.spanners import (
    spanner_detail,
    spanner_list,
    spanner_report_download,
    spanner_report_request,
    spanner_set,
)
from netwerk.views.tables import alignment_add, related_table_create, related_table_list

app_name = "netwerk"

PUBLIC_URL_NAMES = {
    "public_affairs": "published summaries of non-confidential lobby dossiers only",
    "regio_deal": "the Regio Deal's shop window: approved projects only",
    "regio_deal_image": "pictures of approved Regio Deal projects only",
    "outcomes_public": "what each sub-region gets: entries not marked confidential only",
    "outcomes_public_csv": "the same figures as CSV",
}

urlpatterns = [
    path("kansen/", opportunity_list, name="opportunity_list"),
    path("kansen/nieuw/", opportunity_create, name="opportunity_create"),
    path("kansen/doorlooptijden/", lead_times, name="lead_times"),
    path("kansen/<int:pk>/", opportunity_detail, name="opportunity_detail"),
    path("kansen/<int:pk>/bewerken/", opportunity_edit, name="opportunity_edit"),
    path("kansen/<int:pk>/stap/", opportunity_step_add, name="opportunity_step_add"),
    path("kansen/<int:pk>/besluit/", opportunity_decide, name="opportunity_decide"),
    path("kansen/stappen/<int:pk>/gedaan/", opportunity_step_done, name="step_done"),
    path("kansen/stappen/<int:pk>/verwijderen/", opportunity_step_remove, name="step_remove"),
    # Regio Deal showcase
    path("regio-deal/", regio_deal, name="regio_deal"),
    path("regio-deal/beeld/<int:pk>/", regio_deal_image, name="regio_deal_image"),
    path("regio-deal/projecten/", project_list, name="project_list"),
    path("regio-deal/projecten/nieuw/", project_create, name="project_create"),
    path("regio-deal/projecten/<int:pk>/", project_detail, name="project_detail"),
    path("regio-deal/projecten/<int:pk>/beeld/", project_image_add, name="project_image_add"),
    path("regio-deal/projecten/<int:pk>/beoordeling/", project_review, name="project_review"),
    # What each sub-region gets: the ledger of outcomes
    path("wat-elke-regio-krijgt/", outcomes_public, name="outcomes_public"),
    path("wat-elke-regio-krijgt.csv", outcomes_public_csv, name="outcomes_public_csv"),
    path("opbrengsten/", outcome_list, name="outcome_list"),
    path("opbrengsten/nieuw/", outcome_create, name="outcome_create"),
    path("opbrengsten/<int:pk>/", outcome_edit, name="outcome_edit"),
    # Boundary spanners
    path("grensverkenners/", spanner_list, name="spanner_list"),
    path("grensverkenners/instellen/", spanner_set, name="spanner_set"),
    path("grensverkenners/<int:pk>/", spanner_detail, name="spanner_detail"),
    path(
        "grensverkenners/<int:pk>/rapport/",
        spanner_report_request,
        name="spanner_report_request",
    ),
    path(
        "grensverkenners/<int:pk>/rapport/<str:month>.pdf",
        spanner_report_download,
        name="spanner_report_download",
    ),
    # Related tables
    path("verbonden-tafels/", related_table_list, name="related_tables"),
    path("verbonden-tafels/nieuw/", related_table_create, name="related_table_create"),
    path("verbonden-tafels/afstemming/", alignment_add, name="alignment_add"),
    # Public-affairs agenda
    path("public-affairs/", lobby_dossier_list, name="lobby_dossier_list"),
    path("public-affairs/nieuw/", lobby_dossier_create, name="lobby_dossier_create"),
    path("public-affairs/momenten/", external_calendar, name="external_calendar"),
    path("public-affairs/openbaar/", public_affairs, name="public_affairs"),
    path("public-affairs/<int:pk>/", lobby_dossier_detail, name="lobby_dossier_detail"),
    path("public-affairs/<int:pk>/bewerken/", lobby_dossier_edit, name="lobby_dossier_edit"),
    path("public-affairs/<int:pk>/contact/", lobby_contact_add, name="lobby_contact_add"),
    path("public-affairs/<int:pk>/moment/", external_moment_add, name="external_moment_add"),
    path(
        "public-affairs/<int:pk>/vertrouwelijkheid/",
        lobby_dossier_confidentiality,
        name="lobby_dossier_confidentiality",
    ),
    path(
        "public-affairs/<int:pk>/publiceren/",
        lobby_dossier_publish,
        name="lobby_dossier_publish",
    ),
]
