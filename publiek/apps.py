from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PubliekConfig(AppConfig):
    """The outward floor: the public portal for councils and residents."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "publiek"
    verbose_name = _("Public portal")
