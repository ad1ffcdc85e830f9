from django.db import models
from django.utils.translation import gettext_lazy as _

from nhn_portal.core.models import TimeStampedModel


class Theme(TimeStampedModel):
    """A policy theme a platform works on (Wonen, Mobiliteit, Economie, later Energie, …)."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["name"]

    def __str__(self):
        return self.name
