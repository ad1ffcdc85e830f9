from django.apps import AppConfig


class RadenConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "raden"
