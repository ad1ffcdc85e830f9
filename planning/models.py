"""The planning app's data: the forward agenda (jaarplanning) — which topic of which dossier is
planned to come to which table in which month, along the preparation chain, becoming an agenda
item with one click — and the stukken a preparing body (werkgroep → directeurenoverleg,
opdrachtgeversoverleg → stuurgroep) hands in for a coming meeting of the body it prepares,
which the secretariat accepts as a stuk of the meeting or returns with a remark."""

import datetime
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from nhn_portal.core.models import TimeStampedModel
from planning.constants import ProposalStatus
from regiobureau.models.documents import Document
from regiobureau.models.meetings import AgendaItem, Dossier, Meeting


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
        # The table kept its name when the model moved out of regiobureau.
        db_table = "regiobureau_plannedtopic"
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


def proposal_upload_to(instance, filename):
    # Generated names only, as for stukken: the uploader's name stays in the database.
    return f"aangeleverd/{instance.meeting_id}/{uuid.uuid4().hex}"


class ProposedDocument(TimeStampedModel):
    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="proposals"
    )
    from_body = models.ForeignKey(
        "gremia.Body",
        verbose_name=_("from body"),
        on_delete=models.PROTECT,
        related_name="proposals_made",
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("handed in by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    title = models.CharField(_("title"), max_length=300)
    item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("for agenda item"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposals",
    )
    item_title = models.CharField(_("proposed agenda item"), max_length=300, blank=True)
    file = models.FileField(_("file"), upload_to=proposal_upload_to, max_length=300)
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("content type"), max_length=120)
    arrived_late = models.BooleanField(_("handed in after the deadline"), default=False)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ProposalStatus.choices,
        default=ProposalStatus.PROPOSED,
    )
    remark = models.TextField(_("remark of the secretariat"), blank=True)
    document = models.OneToOneField(
        Document,
        verbose_name=_("stuk"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposal",
    )

    class Meta:
        # The table kept its name when the model moved out of regiobureau.
        db_table = "regiobureau_proposeddocument"
        verbose_name = _("handed-in stuk")
        verbose_name_plural = _("handed-in stukken")
        ordering = ["meeting", "-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status=ProposalStatus.RETURNED) | ~Q(remark=""),
                name="proposal_returned_has_remark",
                violation_error_message=_("Say why the stuk is returned."),
            ),
        ]

    def __str__(self):
        return self.title


class MeetingSeries(TimeStampedModel):
    """A recurring series of a body's meetings ("elke zes weken op donderdag"): planned at
    once, each meeting with its own deadline, and each changed or cancelled one by one
    afterwards on its own page. The series keeps which meetings it made."""

    body = models.ForeignKey(
        "gremia.Body",
        verbose_name=_("body"),
        on_delete=models.PROTECT,
        related_name="meeting_series",
    )
    title = models.CharField(_("title"), max_length=200, blank=True)
    first_date = models.DateField(_("first meeting"))
    interval_weeks = models.PositiveSmallIntegerField(_("every how many weeks"))
    count = models.PositiveSmallIntegerField(_("number of meetings"))
    start_time = models.TimeField(_("start time"))
    end_time = models.TimeField(_("end time"))
    location = models.CharField(_("place"), max_length=200, blank=True)
    meetings = models.ManyToManyField(
        Meeting, verbose_name=_("meetings"), blank=True, related_name="series"
    )

    class Meta:
        verbose_name = _("meeting series")
        verbose_name_plural = _("meeting series")
        ordering = ["-first_date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(interval_weeks__gte=1, interval_weeks__lte=52),
                name="meeting_series_interval_1_to_52_weeks",
                violation_error_message=_("Choose an interval of 1 to 52 weeks."),
            ),
            models.CheckConstraint(
                condition=Q(count__gte=1, count__lte=26),
                name="meeting_series_1_to_26_meetings",
                violation_error_message=_("A series has 1 to 26 meetings."),
            ),
        ]

    def __str__(self):
        return self.title or f"{self.body}"

    def get_absolute_url(self):
        return reverse("planning:series_detail", kwargs={"pk": self.pk})

    def dates(self) -> list[datetime.date]:
        """The planned days: every `interval_weeks` from the first (before working days)."""
        step = datetime.timedelta(weeks=self.interval_weeks)
        return [self.first_date + index * step for index in range(self.count)]
