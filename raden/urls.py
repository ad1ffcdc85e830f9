"""Council letters: the griffie portal, composing and issuing, the distribution dashboard.

Included at /raden/. Every page needs a login; a griffie sees only its own council's letters
(selectors.access_delivery), everything else is for the regiobureau's secretariat.
"""

from django.urls import path

from .views import dashboard, griffie, letters

app_name = "raden"

urlpatterns = [
    # Griffie portal (and the secretariat's list of letters)
    path("", griffie.letter_index, name="index"),
    path("brieven/<int:pk>/", griffie.delivery_detail, name="delivery_detail"),
    path("brieven/<int:pk>/download/", griffie.delivery_download, name="delivery_download"),
    path("brieven/<int:pk>/ontvangst/", griffie.delivery_confirm, name="delivery_confirm"),
    path("brieven/<int:pk>/geagendeerd/", griffie.delivery_schedule, name="delivery_schedule"),
    path("brieven/<int:pk>/kennisname/", griffie.delivery_take_note, name="delivery_take_note"),
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
]
