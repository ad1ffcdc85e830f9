"""The related tables register: the tables outside the cooperation where its topics are also
decided, and how the cooperation aligns with them."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from gremia.models.registry import Body, Person
from nhn_portal.core.models import TimeStampedModel


class RelatedTable(TimeStampedModel):
    """A programme organisation or table beside NHN (Energieregio/RES NHN, RPAnhn, NHN Gezond,
    Ontwikkelbedrijf NHN, the Regio Deal foundation): the ring around the base model."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    purpose = models.TextField(_("purpose"))
    contact = models.CharField(
        _("contact"),
        max_length=200,
        blank=True,
        help_text=_("A general contact point of the organisation; no private data."),
    )
    body = models.ForeignKey(
        Body,
        verbose_name=_("NHN body it touches"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="related_tables",
    )
    theme = models.ForeignKey(
        "gremia.Theme",
        verbose_name=_("theme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="related_tables",
    )
    meeting_rhythm = models.CharField(_("meeting rhythm"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("related table")
        verbose_name_plural = _("related tables")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Alignment(TimeStampedModel):
    """An "afstemming" appointment: who from NHN attends what at a related table."""

    table = models.ForeignKey(
        RelatedTable,
        verbose_name=_("related table"),
        on_delete=models.CASCADE,
        related_name="alignments",
    )
    attends = models.CharField(_("attends"), max_length=200)
    attendee = models.ForeignKey(
        Person,
        verbose_name=_("person from NHN"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="alignments",
    )
    attendee_role = models.CharField(_("role from NHN"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("alignment")
        verbose_name_plural = _("alignments")
        ordering = ["table", "attends"]

    def __str__(self):
        return f"{self.table}: {self.attends}"

    def clean(self):
        if self.attendee_id is None and not self.attendee_role.strip():
            raise ValidationError(
                {"attendee_role": _("Name the person or the role that attends from NHN.")}
            )
