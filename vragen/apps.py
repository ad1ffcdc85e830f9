from django.apps import AppConfig


class VragenConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "vragen"
    verbose_name = "Vragen van raadsleden"
