"""The forward agenda (jaarplanning) and the stukken handed in by preparing bodies.

Included at /vergaderingen/ beside the meeting core."""

from django.urls import path

from planning import views

app_name = "planning"

urlpatterns = [
    path("jaarplanning/", views.planning, name="planning"),
    path("jaarplanning/nieuw/", views.planning_create, name="planning_create"),
    path("jaarplanning/<int:pk>/agenderen/", views.planning_schedule, name="planning_schedule"),
    path("jaarplanning/<int:pk>/verwijderen/", views.planning_delete, name="planning_delete"),
    path("reeksen/", views.series_list, name="series_list"),
    path("reeksen/nieuw/", views.series_create, name="series_create"),
    path("reeksen/<int:pk>/", views.series_detail, name="series_detail"),
    path("<int:pk>/aanleveren/", views.proposal_list, name="proposal_list"),
    path("aangeleverd/<int:pk>/accepteren/", views.proposal_accept, name="proposal_accept"),
    path("aangeleverd/<int:pk>/terugsturen/", views.proposal_return, name="proposal_return"),
    path("aangeleverd/<int:pk>/download/", views.proposal_download, name="proposal_download"),
]
