from django.db import models
from django.utils.translation import gettext_lazy as _


class OpportunityKind(models.TextChoices):
    CALL = "oproep", _("Call for proposals")
    POLICY_WINDOW = "beleidsvenster", _("Policy window")
    SUBSIDY_ROUND = "subsidieronde", _("Subsidy round")
    OTHER = "overig", _("Other")


class OpportunityOutcome(models.TextChoices):
    SUBMITTED = "ingediend", _("Submitted")
    DECLINED = "afgezien", _("Decided not to take part")
    MISSED = "gemist", _("Deadline missed")


class Arena(models.TextChoices):
    NATIONAL = "rijk", _("National government (The Hague)")
    EU = "eu", _("European Union (Brussels)")
