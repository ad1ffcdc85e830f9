"""The evaluation after each meeting and its half-year summary.

Included at /vergaderingen/ beside the meeting core."""

from django.urls import path

from evaluation import views

app_name = "evaluation"

urlpatterns = [
    path("<int:pk>/evaluatie/", views.evaluation_form, name="evaluation_form"),
    path("evaluatie/", views.evaluation_index, name="evaluation_index"),
    path("evaluatie/<slug:slug>/", views.evaluation_body, name="evaluation_body"),
    path(
        "evaluatie/<slug:slug>/<str:period>/pdf/",
        views.evaluation_summary_request,
        name="evaluation_summary_request",
    ),
    path(
        "evaluatie/<slug:slug>/<str:period>/agenderen/",
        views.evaluation_summary_place,
        name="evaluation_summary_place",
    ),
    path(
        "evaluatie/<slug:slug>/<str:period>/samenvatting.pdf",
        views.evaluation_summary_download,
        name="evaluation_summary_download",
    ),
]
