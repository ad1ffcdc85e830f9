from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GremiaConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "gremia"
    verbose_name = _("Registry")
