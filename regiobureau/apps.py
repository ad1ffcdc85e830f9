from django.apps import AppConfig


class RegiobureauConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "regiobureau"
