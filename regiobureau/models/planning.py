"""The forward agenda (jaarplanning, issue 10): which topic of which dossier is planned to come
to which table in which month, along the preparation chain, with the council letter moments;
an entry becomes an agenda item of that body's meeting with one click."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from nhn_portal.core.models import TimeStampedModel
from regiobureau.models.meetings import AgendaItem, Dossier


class PlannedTopic(TimeStampedModel):
    body = models.ForeignKey(
        "gremia.Body",
        verbose_name=_("body"),
        on_delete=models.PROTECT,
        related_name="planned_topics",
    )
    dossier = models.ForeignKey(
        Dossier,
        verbose_name=_("dossier"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="planned_topics",
    )
    month = models.DateField(_("month"), help_text=_("The first day of the month."))
    title = models.CharField(_("topic"), max_length=300)
    council_letter = models.BooleanField(_("council information letter moment"), default=False)
    note = models.TextField(_("note"), blank=True)
    agenda_item = models.OneToOneField(
        AgendaItem,
        verbose_name=_("agenda item"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="planned_topic",
    )

    class Meta:
        verbose_name = _("planned topic")
        verbose_name_plural = _("planned topics")
        ordering = ["month", "body__name", "pk"]
        indexes = [models.Index(fields=["month", "body"])]

    def __str__(self):
        return f"{self.title} ({self.body}, {self.month:%m-%Y})"

    def clean(self):
        if self.month is not None and self.month.day != 1:
            self.month = datetime.date(self.month.year, self.month.month, 1)
        if self.month is None:
            raise ValidationError({"month": _("Choose a month.")})
