"""The public portal, included at /openbaar/. Every page is public by design: it
shows only what an anonymous visitor may see (publiek.selectors)."""

from django.urls import path

from . import feeds, views

app_name = "publiek"

# URL name → why anyone may open it without a login (tests/test_login_required.py reads it).
PUBLIC_URL_NAMES = {
    "body_list": "the public list of the region's bodies",
    "body_detail": "a body with its public office holders (no e-mail or phone)",
    "meeting_archive": "a body's meetings of one year, as a visitor may see them",
    "decision_detail": "an adopted decision on a public item; the selector gives 404 otherwise",
    "letter_list": "issued council letters, public as sent to the councils",
    "letter_detail": "one issued council letter as sent; receipts stay internal",
    "search": "the one search box; results filtered by the reader's visibility",
    "council_feed": "Atom feed per council: issued letters and public meetings",
    "council_calendar": "iCal per council: public meetings of the bodies it sits on",
}

urlpatterns = [
    path("zoeken/", views.search_page, name="search"),
    path("gemeenten/<slug:slug>/feed.atom", feeds.council_atom_feed, name="council_feed"),
    path(
        "gemeenten/<slug:slug>/vergaderingen.ics", feeds.council_calendar, name="council_calendar"
    ),
    path("gremia/", views.body_list, name="body_list"),
    path("gremia/<slug:slug>/", views.body_detail, name="body_detail"),
    path("gremia/<slug:slug>/archief/<int:year>/", views.meeting_archive, name="meeting_archive"),
    path("besluiten/<int:pk>/", views.decision_detail, name="decision_detail"),
    path("raadsinformatiebrieven/", views.letter_list, name="letter_list"),
    path("raadsinformatiebrieven/<int:pk>/", views.letter_detail, name="letter_detail"),
]
