"""The questions of council members, included at /vragen/. The pages need a login, except a
council member's personal link (checked by its signature) and the published answers."""

from django.urls import path

from vragen.views import (
    public_detail,
    public_list,
    question_answer_view,
    question_assign_view,
    question_create,
    question_detail,
    question_link,
    question_link_send_view,
    question_list,
    question_review_view,
)

app_name = "vragen"

# URL name → why anyone may open it without a login (tests/test_login_required.py reads it).
PUBLIC_URL_NAMES = {
    "question_link": "a council member's personal signed link; the view checks the signature",
    "public_list": "published answers only; the selector leaves out closed ones",
    "public_detail": "a published answer only; the selector leaves out closed ones",
}

urlpatterns = [
    path("", question_list, name="question_list"),
    path("nieuw/", question_create, name="question_create"),
    path("<int:pk>/", question_detail, name="question_detail"),
    path("<int:pk>/toewijzen/", question_assign_view, name="question_assign"),
    path("<int:pk>/antwoord/", question_answer_view, name="question_answer"),
    path("<int:pk>/beoordelen/", question_review_view, name="question_review"),
    path(
        "vraaglink/<int:registration_pk>/verstuur/",
        question_link_send_view,
        name="question_link_send",
    ),
    path("stel/<str:token>/", question_link, name="question_link"),
    path("openbaar/", public_list, name="public_list"),
    path("openbaar/<int:pk>/", public_detail, name="public_detail"),
]
