"""The platforms app keeps the theme pages (a theme, gremia.Theme, is registry data) and the
growth scenarios; what it stores itself is the record of each scenario applied, with the
stuurgroep decision that adopted it (docs/architecture.md)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from nhn_portal.core.models import TimeStampedModel


class ScenarioAdoption(TimeStampedModel):
    """A growth scenario applied on the strength of a stuurgroep decision.

    The decision lives in regiobureau, a floor above; it is kept by its id with a copy of its
    label and date (platforms/adoption.py resolves the link through regiobureau's hook)."""

    scenario = models.CharField(_("scenario"), max_length=60)
    decision_id = models.PositiveBigIntegerField(_("adopting decision"))
    decision_label = models.CharField(_("decision"), max_length=300)
    decided_on = models.DateField(_("decided on"))
    applied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("applied by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    changes = models.PositiveIntegerField(_("changes"), default=0)

    class Meta:
        verbose_name = _("scenario adoption")
        verbose_name_plural = _("scenario adoptions")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.scenario}: {self.decision_label}"
