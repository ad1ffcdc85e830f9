"""The minutes (verslag) of a meeting: writing, comments, adoption and history.

Included at /vergaderingen/ beside the meeting core."""

from django.urls import path

from minutes import views

app_name = "minutes"

# URL name → why anyone may open it without a login (tests/test_login_required.py reads it).
PUBLIC_URL_NAMES = {
    "minutes_list": "adopted minutes of public meetings for anyone; the selectors filter",
    "minutes_detail": "adopted minutes of a public meeting (closed items as placeholders)",
}

urlpatterns = [
    path("verslagen/", views.minutes_list, name="minutes_list"),
    path("<int:pk>/verslag/", views.minutes_detail, name="minutes_detail"),
    path("<int:pk>/verslag/schrijven/", views.minutes_edit, name="minutes_edit"),
    path("<int:pk>/verslag/versturen/", views.minutes_send, name="minutes_send"),
    path("<int:pk>/verslag/reageren/", views.minutes_comment, name="minutes_comment"),
    path("<int:pk>/verslag/vaststellen/", views.minutes_adopt, name="minutes_adopt"),
    path("<int:pk>/verslag/versies/", views.minutes_history, name="minutes_history"),
    path("agendapunten/<int:pk>/verslag/", views.minutes_entry_save, name="minutes_entry_save"),
]
