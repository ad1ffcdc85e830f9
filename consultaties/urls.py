"""Consultations of the councils. Included at /consultaties/; the public pages under
/consultaties/openbaar/ show a consultation once its draft decision is public."""

from django.urls import path

from consultaties import views

app_name = "consultaties"

PUBLIC_URL_NAMES = {
    "public_list": "the consultations whose draft decision is public",
    "public_detail": "one public consultation: draft, deadline, responses, reactienota",
    "public_stuk": "a council's adopted decision or motion of a public consultation",
    "nota_download": "the adopted reactienota (the kind's rule decides who may read it)",
    "advice_stuk": "the council working group's advice as a document, once public",
}

urlpatterns = [
    path("", views.consultation_list, name="list"),
    path("nieuw/", views.consultation_create, name="create"),
    path("<int:pk>/", views.consultation_detail, name="detail"),
    path("<int:pk>/matrix.csv", views.matrix_csv, name="matrix_csv"),
    path(
        "<int:pk>/reactienota/indienen/",
        views.nota_action,
        {"action": "submit"},
        name="nota_submit",
    ),
    path(
        "<int:pk>/reactienota/vaststellen/",
        views.nota_action,
        {"action": "approve"},
        name="nota_approve",
    ),
    path(
        "<int:pk>/reactienota/terug/", views.nota_action, {"action": "return"}, name="nota_return"
    ),
    path("<int:pk>/reactienota.pdf", views.nota_download, name="nota_download"),
    path("<int:pk>/eindbesluit/", views.final_decision, name="final_decision"),
    path("<int:pk>/raadswerkgroep/", views.advice_add, name="advice_add"),
    path("raadswerkgroep/<int:pk>/stuk/", views.advice_stuk, name="advice_stuk"),
    path("<int:pk>/eindbesluit/versturen/", views.final_letter, name="final_letter"),
    path(
        "reacties/<int:pk>/agenda/", views.response_edit, {"step": "agenda"}, name="response_agenda"
    ),
    path(
        "reacties/<int:pk>/uitkomst/",
        views.response_edit,
        {"step": "outcome"},
        name="response_outcome",
    ),
    path("reacties/<int:pk>/antwoord/", views.response_answer_view, name="response_answer"),
    path("reacties/<int:pk>/stuk/", views.response_stuk, name="response_stuk"),
    path("reces/", views.recess_list, name="recess"),
    path("openbaar/", views.public_list, name="public_list"),
    path("openbaar/<int:pk>/", views.public_detail, name="public_detail"),
    path("openbaar/stukken/<int:pk>/", views.public_stuk, name="public_stuk"),
]
