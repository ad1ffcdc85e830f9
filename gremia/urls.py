from django.urls import path

from . import views

app_name = "gremia"

urlpatterns = [
    path("gremia/", views.governance_map, name="governance_map"),
    path("gremia/<slug:slug>/", views.body_detail, name="body_detail"),
    path("organisaties/", views.organisation_list, name="organisation_list"),
    path("organisaties/<slug:slug>/", views.organisation_detail, name="organisation_detail"),
    path("personen/<int:pk>/", views.person_detail, name="person_detail"),
    path("evenwicht/", views.balance, name="balance"),
]
