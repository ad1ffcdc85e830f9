from django.apps import AppConfig


class MiddelenConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "middelen"
