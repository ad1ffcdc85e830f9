from django.urls import path

from gremia import views

app_name = "gremia"

urlpatterns = [
    path("gremia/", views.governance_map, name="governance_map"),
    path("gremia/<slug:slug>/", views.body_detail, name="body_detail"),
    path("organisaties/", views.organisation_list, name="organisation_list"),
    path("organisaties/<slug:slug>/", views.organisation_detail, name="organisation_detail"),
    path("personen/<int:pk>/", views.person_detail, name="person_detail"),
    path("evenwicht/", views.balance, name="balance"),
    # Rules of play and the cooperation agreement
    path("spelregels/", views.rules_list, name="rules_list"),
    path("spelregels/nieuw/", views.rules_create, name="rules_create"),
    path("spelregels/<int:pk>/", views.rules_detail, name="rules_detail"),
    path("spelregels/<int:pk>/bewerken/", views.rules_edit, name="rules_edit"),
    path("samenwerkingsovereenkomst/", views.agreement, name="agreement"),
    path(
        "samenwerkingsovereenkomst/vastleggen/",
        views.agreement_record,
        name="agreement_record",
    ),
    path("mijn-assistenten/", views.delegations, name="delegations"),
    path(
        "mijn-assistenten/<int:pk>/intrekken/",
        views.delegation_revoke,
        name="delegation_revoke",
    ),
]
