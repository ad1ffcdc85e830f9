"""Written rounds (schriftelijke ronde) and the members' signed vote links.

Included at /vergaderingen/ beside the meeting core."""

from django.urls import path

from rounds import views

app_name = "rounds"

# URL name → why anyone may open it without a login (tests/test_login_required.py reads it).
PUBLIC_URL_NAMES = {
    "round_vote_link": "the signed one-time link of a written round; the signature is the key",
}

urlpatterns = [
    path("schriftelijk/", views.round_list, name="round_list"),
    path("schriftelijk/nieuw/", views.round_create, name="round_create"),
    path("schriftelijk/<int:pk>/", views.round_detail, name="round_detail"),
    path("schriftelijk/<int:pk>/sluiten/", views.round_close, name="round_close"),
    path("schriftelijk/stem/<str:token>/", views.round_vote_link, name="round_vote_link"),
]
