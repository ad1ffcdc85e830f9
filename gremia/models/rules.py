"""The rules of play, the cooperation agreement's adoption and the balance norms."""

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from gremia.constants import (
    BodyKind,
    NormKind,
    RulesStatus,
)
from gremia.models.registry import Body, Organisation
from nhn_portal.core.models import TimeStampedModel


class RulesOfPlay(TimeStampedModel):
    """One version of a spelregelnotitie: the report's ten questions answered for one body, or
    for the whole NHN cooperation (body empty). Drafted by the secretariat and adopted by a
    stuurgroep decision (the link to the decision lives on regiobureau's floor)."""

    body = models.ForeignKey(
        Body,
        verbose_name=_("body"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="rules_versions",
        help_text=_("Empty: the NHN-wide rules of play."),
    )
    version = models.PositiveSmallIntegerField(_("version"))
    status = models.CharField(
        _("status"), max_length=20, choices=RulesStatus.choices, default=RulesStatus.DRAFT
    )
    adopted_on = models.DateField(_("adopted on"), null=True, blank=True)
    mandate = models.TextField(_("mandate"), blank=True)
    decision_making = models.TextField(_("decision making"), blank=True)
    disagreement = models.TextField(_("disagreement"), blank=True)
    exit = models.TextField(_("stepping out"), blank=True)
    openness = models.TextField(_("public or confidential"), blank=True)
    council_involvement = models.TextField(_("how councils are involved"), blank=True)
    accountability = models.TextField(_("accountability and reporting"), blank=True)
    evaluation = models.TextField(_("evaluation rhythm"), blank=True)
    chair_role = models.TextField(_("role of the chair"), blank=True)
    costs = models.TextField(_("costs"), blank=True)
    # The code of conduct, adopted and versioned with the rules (CONDUCT_QUESTIONS).
    core_values = models.TextField(_("core values"), blank=True)
    ways_of_working = models.TextField(_("ways of working"), blank=True)
    # How the councils are consulted on this body's draft decisions (wensen en bedenkingen).
    consultation_term_weeks = models.PositiveSmallIntegerField(
        _("consultation term in weeks"), default=8
    )
    consultation_required = models.BooleanField(
        _("decisions need a consultation of the councils"), default=False
    )
    # The balance of outcomes (what each sub-region gets): the most, in percentage points, a
    # sub-region's share of the euros may differ from its share of the inhabitants.
    outcome_max_deviation = models.PositiveSmallIntegerField(
        _("maximum deviation of a sub-region's share of the euros (percentage points)"),
        null=True,
        blank=True,
    )

    class Meta:
        verbose_name = _("rules of play")
        verbose_name_plural = _("rules of play")
        ordering = ["body__name", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["body", "version"],
                name="rules_one_version_number_per_body",
                violation_error_message=_("This body already has a version with this number."),
            ),
            models.UniqueConstraint(
                fields=["version"],
                condition=Q(body__isnull=True),
                name="rules_one_version_number_nhn_wide",
                violation_error_message=_("The NHN-wide rules already have this version."),
            ),
            models.CheckConstraint(
                condition=Q(status=RulesStatus.DRAFT) | Q(adopted_on__isnull=False),
                name="rules_adopted_has_date",
                violation_error_message=_("An adopted version needs its adoption date."),
            ),
        ]

    def __str__(self):
        scope = self.body.name if self.body_id else _("NHN-wide")
        return f"{_('Rules of play')} {scope} v{self.version}"

    def get_absolute_url(self):
        return reverse("gremia:rules_detail", kwargs={"pk": self.pk})

    @property
    def is_draft(self) -> bool:
        return self.status == RulesStatus.DRAFT


class AgreementAdoption(TimeStampedModel):
    """Whether and when a partner's college (or the province's GS, the water board's DB)
    adopted the samenwerkingsovereenkomst NHN; one row per organisation."""

    organisation = models.OneToOneField(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="agreement_adoption",
    )
    adopted_on = models.DateField(_("adopted on"), null=True, blank=True)
    reference = models.CharField(_("decision reference"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("adoption of the cooperation agreement")
        verbose_name_plural = _("adoptions of the cooperation agreement")
        ordering = ["organisation__name"]

    def __str__(self):
        return f"{self.organisation}: {self.adopted_on or '–'}"

    @property
    def adopted(self) -> bool:
        return self.adopted_on is not None


class BalanceNorm(TimeStampedModel):
    """A configurable norm the balance page checks every body against.

    MAX_CHAIRS_CENTRAL: `limit` chairs at most per central municipality over the bodies in
    scope. EVERY_SUBREGION: every sub-region holds a seat at each body in scope. SECTOR_SHARES:
    the seats per sector against the targets (percentages), within `tolerance` points.
    Scope: one `body`, else every active body of `body_kind`, else every active body."""

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=30, choices=NormKind.choices)
    body = models.ForeignKey(
        Body,
        verbose_name=_("body"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="norms",
    )
    body_kind = models.CharField(
        _("kind of body"), max_length=30, choices=BodyKind.choices, blank=True
    )
    limit = models.PositiveSmallIntegerField(_("at most"), default=1)
    target_government = models.PositiveSmallIntegerField(_("target government (%)"), default=0)
    target_business = models.PositiveSmallIntegerField(_("target business (%)"), default=0)
    target_education = models.PositiveSmallIntegerField(_("target education (%)"), default=0)
    tolerance = models.PositiveSmallIntegerField(_("tolerance (percentage points)"), default=10)
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("balance norm")
        verbose_name_plural = _("balance norms")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(kind=NormKind.SECTOR_SHARES)
                | Q(
                    target_government__lte=100,
                    target_business__lte=100,
                    target_education__lte=100,
                ),
                name="norm_targets_are_percentages",
                violation_error_message=_("A target is a percentage from 0 to 100."),
            ),
        ]

    def __str__(self):
        return self.name

    def applies_to(self, body: Body) -> bool:
        if self.body_id:
            return self.body_id == body.pk
        return not self.body_kind or self.body_kind == body.kind


# --- Delegation ---------------------------------------------------------------------------------
