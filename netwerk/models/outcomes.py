"""The ledger of outcomes: what each sub-region gets. An entry (a Regio Deal project's euros,
a fund acquired, a decision's place-bound investment) has an amount, a year and the
municipalities it lands in; the euros are split over them by given weights, evenly, or, for an
entry of a whole sub-region, by inhabitants (selectors)."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from netwerk.constants import OutcomeKind
from nhn_portal.core.models import TimeStampedModel


class OutcomeEntry(TimeStampedModel):
    title = models.CharField(_("title"), max_length=300)
    kind = models.CharField(_("kind"), max_length=20, choices=OutcomeKind.choices)
    amount_cents = models.PositiveBigIntegerField(_("amount in cents"))
    year = models.PositiveSmallIntegerField(_("year"), validators=[MinValueValidator(2000)])
    subregion = models.ForeignKey(
        "gremia.Subregion",
        verbose_name=_("whole sub-region"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("For an entry of a whole sub-region: spread over its municipalities."),
    )
    project = models.ForeignKey(
        "netwerk.RegioDealProject",
        verbose_name=_("Regio Deal project"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="outcomes",
    )
    decision = models.ForeignKey(
        "regiobureau.Decision",
        verbose_name=_("decision"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    confidential = models.BooleanField(
        _("confidential"),
        default=False,
        help_text=_("A confidential entry stays off the public page."),
    )

    class Meta:
        verbose_name = _("outcome")
        verbose_name_plural = _("outcomes")
        ordering = ["-year", "title"]

    def __str__(self):
        return f"{self.title} ({self.year})"

    def get_absolute_url(self):
        return reverse("netwerk:outcome_edit", kwargs={"pk": self.pk})

    @property
    def amount(self) -> Decimal:
        return Decimal(self.amount_cents) / 100

    def clean(self):
        if self.kind == OutcomeKind.REGIO_DEAL and not self.project_id:
            raise ValidationError(
                {"project": _("A Regio Deal entry names its project.")}, code="project"
            )
        if self.kind == OutcomeKind.DECISION and not self.decision_id:
            raise ValidationError(
                {"decision": _("A decision entry names its decision.")}, code="decision"
            )


class OutcomeShare(models.Model):
    """A municipality an entry lands in, with its weight (empty: an even split)."""

    entry = models.ForeignKey(
        OutcomeEntry, verbose_name=_("outcome"), on_delete=models.CASCADE, related_name="shares"
    )
    municipality = models.ForeignKey(
        "gremia.Organisation",
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    weight = models.DecimalField(
        _("share (%)"), max_digits=5, decimal_places=2, null=True, blank=True
    )

    class Meta:
        verbose_name = _("share")
        verbose_name_plural = _("shares")
        ordering = ["entry", "municipality__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["entry", "municipality"], name="netwerk_outcome_share_once"
            )
        ]

    def __str__(self):
        return f"{self.entry}: {self.municipality}"
