"""The code of conduct's ambassadors: named per body or per sub-region. The code itself (core
values, ways of working) is part of the versioned rules of play (`models.rules`)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gremia.models.registry import Body, Person, Subregion
from nhn_portal.core.models import TimeStampedModel


class ConductAmbassadorQuerySet(models.QuerySet):
    def current(self, on=None):
        on = on or timezone.localdate()
        return self.filter(Q(end__isnull=True) | Q(end__gte=on), start__lte=on)


class ConductAmbassador(TimeStampedModel):
    """A person who carries the code of conduct at one body or in one sub-region: they raise
    it when the ways of working slip and collect what the evaluation should know."""

    person = models.ForeignKey(
        Person,
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="conduct_ambassador_roles",
    )
    body = models.ForeignKey(
        Body,
        verbose_name=_("body"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="conduct_ambassadors",
    )
    subregion = models.ForeignKey(
        Subregion,
        verbose_name=_("sub-region"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="conduct_ambassadors",
    )
    start = models.DateField(_("start"), default=timezone.localdate)
    end = models.DateField(_("end"), null=True, blank=True)

    objects = ConductAmbassadorQuerySet.as_manager()

    class Meta:
        verbose_name = _("code of conduct ambassador")
        verbose_name_plural = _("code of conduct ambassadors")
        ordering = ["body__name", "subregion__name", "person__name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(body__isnull=True, subregion__isnull=False)
                | Q(body__isnull=False, subregion__isnull=True),
                name="ambassador_for_a_body_or_a_subregion",
                violation_error_message=_("An ambassador is named for a body or a sub-region."),
            ),
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gte=models.F("start")),
                name="ambassador_end_not_before_start",
                violation_error_message=_("The end date cannot be before the start date."),
            ),
        ]

    def __str__(self):
        return f"{self.person} ({self.body or self.subregion})"

    def clean(self):
        if bool(self.body_id) == bool(self.subregion_id):
            raise ValidationError(_("An ambassador is named for a body or a sub-region."))
