"""The elections: the secretariat's pages and the new member's personal link."""

from django.urls import path

from . import views

app_name = "verkiezingen"

PUBLIC_URL_NAMES = {
    "induction_pack": "the new member's signed personal link to the induction pack; the "
    "signature is the key",
}

urlpatterns = [
    path("", views.election_list, name="election_list"),
    path("nieuw/", views.election_create, name="election_create"),
    path("<int:pk>/", views.election_detail, name="election_detail"),
    path("<int:pk>/opvolger/", views.successor_record, name="successor_record"),
    path(
        "introductiepakket/<int:pk>/",
        views.induction_pack_download,
        name="induction_pack_download",
    ),
    path("pakket/<str:token>/", views.induction_pack, name="induction_pack"),
]
