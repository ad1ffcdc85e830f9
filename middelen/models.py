"""The means of the regiobureau: the yearly cost key and the core message."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from gremia.models.registry import Organisation
from nhn_portal.core.models import TimeStampedModel
from regiobureau.models.decisions import Decision


class Population(TimeStampedModel):
    """Inhabitants of a partner on a date, as dated reference data with its source."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="populations",
    )
    date = models.DateField(_("reference date"))
    inhabitants = models.PositiveIntegerField(_("inhabitants"))
    source = models.CharField(_("source"), max_length=200)

    class Meta:
        verbose_name = _("population")
        verbose_name_plural = _("populations")
        ordering = ["organisation__name", "-date"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "date"], name="middelen_population_once_per_date"
            )
        ]

    def __str__(self):
        return f"{self.organisation}: {self.inhabitants} ({self.date})"


class CostKeyStatus(models.TextChoices):
    DRAFT = "concept", _("Draft")
    ADOPTED = "vastgesteld", _("Adopted")


class CostKeyYear(TimeStampedModel):
    """The regiobureau's budget for one year and how the partners share it."""

    year = models.PositiveSmallIntegerField(_("year"))
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    status = models.CharField(
        _("status"), max_length=20, choices=CostKeyStatus.choices, default=CostKeyStatus.DRAFT
    )
    budget_cents = models.PositiveBigIntegerField(_("budget in cents"))
    fixed_part_cents = models.PositiveBigIntegerField(_("fixed part per partner in cents"))
    population_date = models.DateField(_("population reference date"))
    decision = models.ForeignKey(
        Decision,
        verbose_name=_("adopting decision"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    adopted_on = models.DateField(_("adopted on"), null=True, blank=True)

    class Meta:
        verbose_name = _("cost key year")
        verbose_name_plural = _("cost key years")
        ordering = ["-year", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["year", "version"], name="middelen_costkey_version")
        ]

    def __str__(self):
        return f"{self.year} v{self.version}"


class CostKeyPartner(models.Model):
    """One partner in a year's cost key, with its in-kind hours."""

    year = models.ForeignKey(
        CostKeyYear, verbose_name=_("year"), on_delete=models.CASCADE, related_name="partners"
    )
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.PROTECT, related_name="+"
    )
    in_kind_hours = models.PositiveIntegerField(_("in-kind hours"), default=0)

    class Meta:
        verbose_name = _("cost key partner")
        verbose_name_plural = _("cost key partners")
        ordering = ["organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["year", "organisation"], name="middelen_costkey_partner_once"
            )
        ]

    def __str__(self):
        return f"{self.year}: {self.organisation}"


class CoreMessage(TimeStampedModel):
    """The short core message ("het verhaal van NHN"), versioned; adopted by the stuurgroep."""

    version = models.PositiveSmallIntegerField(_("version"), unique=True)
    text = models.TextField(_("text"))
    decision = models.ForeignKey(
        Decision,
        verbose_name=_("adopting decision"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    adopted_on = models.DateField(_("adopted on"), null=True, blank=True)

    class Meta:
        verbose_name = _("core message")
        verbose_name_plural = _("core messages")
        ordering = ["-version"]

    def __str__(self):
        return f"v{self.version}"
