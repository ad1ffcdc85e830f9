from django.urls import path

from . import views

app_name = "gremia"

urlpatterns = [
    path("gremia/", views.governance_map, name="governance_map"),
]
