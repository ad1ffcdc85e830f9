"""Opportunities with a clock ("kansen"): a signal (a call, a policy window, a subsidy round)
with an external deadline and the body that must decide; its route is the ordered steps
(werkgroep → directeurenoverleg → platform → stuurgroep) with a planned date each. When the
decision is recorded, the lead time signal → decision is kept for the overview per year and
body."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from gremia.models.registry import Body
from netwerk.constants import (
    OpportunityKind,
    OpportunityOutcome,
)
from nhn_portal.core.models import TimeStampedModel


class Opportunity(TimeStampedModel):
    title = models.CharField(_("title"), max_length=300)
    kind = models.CharField(_("kind"), max_length=30, choices=OpportunityKind.choices)
    description = models.TextField(_("description"), blank=True)
    source = models.CharField(
        _("source"),
        max_length=300,
        blank=True,
        help_text=_("Where the signal came from, e.g. the ministry or fund that opened the call."),
    )
    signalled_on = models.DateField(_("signalled on"))
    deadline = models.DateField(_("external deadline"))
    deciding_body = models.ForeignKey(
        Body,
        verbose_name=_("deciding body"),
        on_delete=models.PROTECT,
        related_name="opportunities",
    )
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    outcome = models.CharField(
        _("outcome"), max_length=20, choices=OpportunityOutcome.choices, blank=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("opportunity")
        verbose_name_plural = _("opportunities")
        ordering = ["deadline", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(deadline__gte=F("signalled_on")),
                name="opportunity_deadline_after_signal",
                violation_error_message=_("The deadline cannot be before the signal."),
            ),
            models.CheckConstraint(
                condition=Q(decided_on__isnull=True) | Q(decided_on__gte=F("signalled_on")),
                name="opportunity_decided_after_signal",
                violation_error_message=_("The decision cannot be before the signal."),
            ),
            models.CheckConstraint(
                condition=(Q(decided_on__isnull=True) & Q(outcome=""))
                | (Q(decided_on__isnull=False) & ~Q(outcome="")),
                name="opportunity_decision_has_outcome",
                violation_error_message=_("A decision needs both a date and an outcome."),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("netwerk:opportunity_detail", kwargs={"pk": self.pk})

    @property
    def is_decided(self) -> bool:
        return self.decided_on is not None

    @property
    def lead_time_days(self) -> int | None:
        """Days from signal to decision, once decided."""
        if self.decided_on is None:
            return None
        return (self.decided_on - self.signalled_on).days


class OpportunityStep(TimeStampedModel):
    """One stop of the route to a decision: a body and the date it is planned to deal with it."""

    opportunity = models.ForeignKey(
        Opportunity,
        verbose_name=_("opportunity"),
        on_delete=models.CASCADE,
        related_name="steps",
    )
    position = models.PositiveSmallIntegerField(_("position"))
    body = models.ForeignKey(
        Body, verbose_name=_("body"), on_delete=models.PROTECT, related_name="opportunity_steps"
    )
    planned_on = models.DateField(_("planned on"))
    done_on = models.DateField(_("done on"), null=True, blank=True)

    class Meta:
        verbose_name = _("step")
        verbose_name_plural = _("steps")
        ordering = ["opportunity", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["opportunity", "position"], name="opportunity_step_position_unique"
            ),
            models.UniqueConstraint(
                fields=["opportunity", "body"],
                name="opportunity_step_body_once",
                violation_error_message=_(
                    "This body is already on the route: a route may not loop back."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.position}. {self.body}"

    def clean(self):
        if self.done_on and self.opportunity_id and self.done_on < self.opportunity.signalled_on:
            raise ValidationError(
                {"done_on": _("A step cannot be done before the opportunity was signalled.")}
            )
