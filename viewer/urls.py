"""Reading stukken and generated PDFs in the browser, with personal notes.

Included at /vergaderingen/ beside the meeting core; nothing here is public."""

from django.urls import path

from viewer import views

app_name = "viewer"

urlpatterns = [
    path("stukken/<int:pk>/lezen/", views.document_read, name="document_read"),
    path(
        "stukken/<int:pk>/lezen/notities/",
        views.document_note_create,
        name="document_note_create",
    ),
    path("pdf/<int:pk>/lezen/", views.generated_read, name="generated_read"),
    path("pdf/<int:pk>/bestand/", views.generated_file, name="generated_file"),
    path(
        "pdf/<int:pk>/lezen/notities/",
        views.generated_note_create,
        name="generated_note_create",
    ),
    path("notities/<int:pk>/wijzigen/", views.note_update, name="note_update"),
    path("notities/<int:pk>/verwijderen/", views.note_delete, name="note_delete"),
    path("<int:pk>/notities.md", views.notes_export, name="notes_export"),
]
