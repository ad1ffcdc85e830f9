from django.apps import AppConfig


class NetwerkConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "netwerk"
    verbose_name = "Netwerk"
