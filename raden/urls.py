"""Council letters: the griffie portal, composing and issuing, the distribution dashboard.

Included at /raden/. Every page needs a login; a griffie sees only its own council's letters
(selectors.access_delivery), everything else is for the regiobureau's secretariat.
"""

from django.urls import path

from . import views

app_name = "raden"

urlpatterns = [
    # Griffie portal (and the secretariat's list of letters)
    path("", views.letter_index, name="index"),
    path("brieven/<int:pk>/", views.delivery_detail, name="delivery_detail"),
    path("brieven/<int:pk>/download/", views.delivery_download, name="delivery_download"),
    path("brieven/<int:pk>/ontvangst/", views.delivery_confirm, name="delivery_confirm"),
    path("brieven/<int:pk>/geagendeerd/", views.delivery_schedule, name="delivery_schedule"),
    path("brieven/<int:pk>/kennisname/", views.delivery_take_note, name="delivery_take_note"),
    path("brieven/<int:pk>/opnieuw-maken/", views.delivery_retry, name="delivery_retry"),
    # Distribution dashboard (secretariat)
    path("verspreiding/", views.dashboard, name="dashboard"),
    path("verspreiding.csv", views.dashboard_csv, name="dashboard_csv"),
    # Composing and issuing (secretariat)
    path("vergadering/<int:meeting_pk>/nieuw/", views.letter_create, name="letter_create"),
    path("raadsinformatiebrieven/<int:pk>/", views.letter_detail, name="letter_detail"),
    path("raadsinformatiebrieven/<int:pk>/punten/", views.letter_item_add, name="letter_item_add"),
    path(
        "raadsinformatiebrieven/punten/<int:pk>/verwijderen/",
        views.letter_item_remove,
        name="letter_item_remove",
    ),
    path(
        "raadsinformatiebrieven/<int:pk>/basisregio/",
        views.letter_paragraph,
        name="letter_paragraph",
    ),
    path("raadsinformatiebrieven/<int:pk>/vaststellen/", views.letter_adopt, name="letter_adopt"),
    path("raadsinformatiebrieven/<int:pk>/verzenden/", views.letter_issue, name="letter_issue"),
    path("raadsinformatiebrieven/<int:pk>/herzien/", views.letter_correct, name="letter_correct"),
]
