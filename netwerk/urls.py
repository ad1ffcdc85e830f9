"""The regiobureau's outward work, included at /netwerk/. Every page needs a login."""

from django.urls import path

from . import views

app_name = "netwerk"

urlpatterns = [
    path("kansen/", views.opportunity_list, name="opportunity_list"),
    path("kansen/nieuw/", views.opportunity_create, name="opportunity_create"),
    path("kansen/doorlooptijden/", views.lead_times, name="lead_times"),
    path("kansen/<int:pk>/", views.opportunity_detail, name="opportunity_detail"),
    path("kansen/<int:pk>/stap/", views.opportunity_step_add, name="opportunity_step_add"),
    path("kansen/<int:pk>/besluit/", views.opportunity_decide, name="opportunity_decide"),
    path("kansen/stappen/<int:pk>/gedaan/", views.opportunity_step_done, name="step_done"),
    path("kansen/stappen/<int:pk>/verwijderen/", views.opportunity_step_remove, name="step_remove"),
]
