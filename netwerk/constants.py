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


class ProgrammeLine(models.TextChoices):
    LEARNING = "beter_leren", "Beter Leren"
    LIVING = "beter_leven", "Beter Leven"
    WORKING = "beter_werken", "Beter Werken"


class ProjectStatus(models.TextChoices):
    PREPARING = "voorbereiding", _("In preparation")
    RUNNING = "uitvoering", _("Running")
    COMPLETED = "afgerond", _("Completed")


class ReviewState(models.TextChoices):
    DRAFT = "concept", _("Draft")
    SUBMITTED = "ter_beoordeling", _("Submitted for review")
    APPROVED = "goedgekeurd", _("Approved")


# The Regio Deal Noord-Holland Noord as the report describes it: its own foundation and
# programme organisation, not part of NHN governance.
REGIO_DEAL = {
    "name": "Regio Deal Noord-Holland Noord",
    "start_year": 2025,
    "end_year": 2029,
    "total_million": "65",
    "national_million": "32,5",
}

# Uploaded pictures: at most this many bytes, resized to at most this many pixels a side.
IMAGE_MAX_BYTES = 5 * 1024 * 1024
IMAGE_MAX_SIDE = 1600


# The document pipeline's kind for the boundary spanner's monthly report; audience "YYYY-MM".
SPANNER_REPORT = "grensverkenner_maandrapport"


class Workday(models.IntegerChoices):
    """The day of the week a boundary spanner works for the region."""

    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")


class OutcomeKind(models.TextChoices):
    """What an entry in the ledger of outcomes is (what each sub-region gets)."""

    REGIO_DEAL = "regio_deal", _("Regio Deal project")
    EU = "eu", _("EU fund")
    MIRT = "mirt", _("MIRT")
    WOONDEAL = "woondeal", _("Woondeal")
    NPVR = "npvr", _("NPVR")
    NATIONAL = "nationaal", _("Other national fund")
    DECISION = "besluit", _("Decision with a place-bound investment")
