from django.urls import path

from middelen import views

app_name = "middelen"

PUBLIC_URL_NAMES = {
    "core_message": "het verhaal van NHN: the adopted core message, for everyone",
    "core_message_pdf": "the adopted core message as a PDF (404 while none is adopted)",
}

urlpatterns = [
    path("kostenverdeling/", views.cost_key_current, name="cost_key_current"),
    path("kostenverdeling/nieuw/", views.cost_key_new, name="cost_key_new"),
    path("kostenverdeling/<int:year>/", views.cost_key, name="cost_key"),
    path("kostenverdeling/<int:year>/csv/", views.cost_key_csv, name="cost_key_csv"),
    path("kostenverdeling/<int:year>/xlsx/", views.cost_key_xlsx, name="cost_key_xlsx"),
    path("kostenverdeling/<int:year>/vaststellen/", views.cost_key_adopt, name="cost_key_adopt"),
    path("kernboodschap/", views.core_message, name="core_message"),
    path("kernboodschap/nieuw/", views.core_message_create, name="core_message_create"),
    path(
        "kernboodschap/<int:version>/vaststellen/",
        views.core_message_adopt,
        name="core_message_adopt",
    ),
    path("kernboodschap/pdf/", views.core_message_pdf, name="core_message_pdf"),
]
