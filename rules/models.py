"""The stuurgroep decision that adopted a version of the rules of play.

The rules themselves are registry data (gremia.RulesOfPlay); the link to the decision lives
here, on the floor of the decisions, because gremia may not point upwards.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from nhn_portal.core.models import TimeStampedModel
from regiobureau.models.decisions import Decision


class RulesAdoption(TimeStampedModel):
    rules = models.OneToOneField(
        "gremia.RulesOfPlay",
        verbose_name=_("rules of play"),
        on_delete=models.PROTECT,
        related_name="adoption",
    )
    decision = models.ForeignKey(
        Decision,
        verbose_name=_("decision"),
        on_delete=models.PROTECT,
        related_name="rules_adoptions",
    )

    class Meta:
        verbose_name = _("adoption of rules of play")
        verbose_name_plural = _("adoptions of rules of play")
        # The table kept its name when the model moved out of regiobureau.
        db_table = "regiobureau_rulesadoption"

    def __str__(self):
        return f"{self.rules} ← {self.decision}"
