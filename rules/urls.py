"""The stuurgroep's adoption of a version of the rules of play by a decision.

Included at /vergaderingen/ beside the meeting core."""

from django.urls import path

from rules import views

app_name = "rules"

urlpatterns = [
    path("spelregels/<int:pk>/vaststellen/", views.rules_adopt, name="rules_adopt"),
]
