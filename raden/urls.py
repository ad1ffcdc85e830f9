"""Council letters: the griffie portal, composing and issuing, the distribution dashboard.

Included at /raden/. Every page needs a login; a griffie sees only its own council's letters
(selectors.access_delivery), everything else is for the regiobureau's secretariat.
"""

from django.urls import path

from .views import dashboard, gatherings, griffie, letters, offices, preferences, registration

app_name = "raden"

# A council member has no account; these pages are reached only through a signed
# link (the griffie's invitation, or the member's personal link) and show nothing without it.
PUBLIC_URL_NAMES = {
    "gathering_invitation": "a griffie's signed invitation link: the gathering and a form",
    "registration_link": "a council member's signed personal link to their own registration",
    "registration_register": "registering through the personal link (POST)",
    "registration_cancel": "cancelling through the personal link (POST)",
}

urlpatterns = [
    # Griffie portal (and the secretariat's list of letters)
    path("", griffie.letter_index, name="index"),
    path("brieven/<int:pk>/", griffie.delivery_detail, name="delivery_detail"),
    path("brieven/<int:pk>/download/", griffie.delivery_download, name="delivery_download"),
    path("brieven/<int:pk>/ontvangst/", griffie.delivery_confirm, name="delivery_confirm"),
    path("brieven/<int:pk>/geagendeerd/", griffie.delivery_schedule, name="delivery_schedule"),
    path("brieven/<int:pk>/kennisname/", griffie.delivery_take_note, name="delivery_take_note"),
    path(
        "brieven/<int:pk>/behandeling/",
        griffie.delivery_discussion_add,
        name="delivery_discussion_add",
    ),
    path(
        "brieven/<int:pk>/motie/<int:discussion_pk>/",
        griffie.delivery_motion,
        name="delivery_motion",
    ),
    path("brieven/<int:pk>/opnieuw-maken/", griffie.delivery_retry, name="delivery_retry"),
    # Distribution dashboard (secretariat)
    path("verspreiding/", dashboard.dashboard, name="dashboard"),
    path("verspreiding.csv", dashboard.dashboard_csv, name="dashboard_csv"),
    # Composing and issuing (secretariat)
    path("vergadering/<int:meeting_pk>/nieuw/", letters.letter_create, name="letter_create"),
    path("raadsinformatiebrieven/<int:pk>/", letters.letter_detail, name="letter_detail"),
    path(
        "raadsinformatiebrieven/<int:pk>/punten/", letters.letter_item_add, name="letter_item_add"
    ),
    path(
        "raadsinformatiebrieven/punten/<int:pk>/verwijderen/",
        letters.letter_item_remove,
        name="letter_item_remove",
    ),
    path(
        "raadsinformatiebrieven/<int:pk>/basisregio/",
        letters.letter_paragraph,
        name="letter_paragraph",
    ),
    path("raadsinformatiebrieven/<int:pk>/vaststellen/", letters.letter_adopt, name="letter_adopt"),
    path("raadsinformatiebrieven/<int:pk>/verzenden/", letters.letter_issue, name="letter_issue"),
    path("raadsinformatiebrieven/<int:pk>/herzien/", letters.letter_correct, name="letter_correct"),
    # Council gatherings: secretariat and griffies
    path("bijeenkomsten/", gatherings.gathering_list, name="gathering_list"),
    path("bijeenkomsten/nieuw/", gatherings.gathering_create, name="gathering_create"),
    path("bijeenkomsten/<int:pk>/", gatherings.gathering_detail, name="gathering_detail"),
    path("bijeenkomsten/<int:pk>/bewerken/", gatherings.gathering_edit, name="gathering_edit"),
    path(
        "bijeenkomsten/<int:pk>/uitnodigen/", gatherings.gathering_invite, name="gathering_invite"
    ),
    path(
        "bijeenkomsten/aanmeldingen/<int:pk>/aanwezig/",
        gatherings.registration_attendance,
        name="registration_attendance",
    ),
    # ... and the council members' signed links (no account)
    path(
        "bijeenkomsten/uitnodiging/<str:token>/",
        registration.gathering_invitation,
        name="gathering_invitation",
    ),
    path("aanmelding/<str:token>/", registration.registration_link, name="registration_link"),
    path(
        "aanmelding/<str:token>/aanmelden/",
        registration.registration_register,
        name="registration_register",
    ),
    path(
        "aanmelding/<str:token>/afmelden/",
        registration.registration_cancel,
        name="registration_cancel",
    ),
    # How each council wants to be informed
    path("voorkeur/", preferences.preference_edit, name="preference"),
    # Collegebrieven and sub-region summaries for the sub-region office
    path("basisregio/", offices.office_copies, name="office_copies"),
    path(
        "basisregio/<int:pk>/download/",
        offices.office_copy_download,
        name="office_copy_download",
    ),
]
