from django.apps import AppConfig


class VerkiezingenConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "verkiezingen"
