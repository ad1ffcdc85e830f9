"""A consultation of the councils on a draft decision, each council's response, the
reactienota that answers them, and the councils' recess periods that a deadline should avoid.

The draft is an agenda item of the stuurgroep or a platform (regiobureau); the letter that
puts the question to the councils is an ordinary council letter of raden, so every council
gets its own PDF, its griffie a mail and a to-do line, exactly like any other letter.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from consultaties.constants import (
    AgendaBody,
    ConsultationStatus,
    Effect,
    NotaStatus,
    ResponseStatus,
)
from nhn_portal.core.models import TimeStampedModel


class Consultation(TimeStampedModel):
    agenda_item = models.ForeignKey(
        "regiobureau.AgendaItem",
        verbose_name=_("draft decision"),
        on_delete=models.PROTECT,
        related_name="consultations",
    )
    title = models.CharField(_("title"), max_length=300)
    question = models.TextField(_("question to the councils"))
    # Empty: all councils of the region were asked.
    subregions = models.ManyToManyField(
        "gremia.Subregion", verbose_name=_("sub-regions asked"), blank=True, related_name="+"
    )
    opened_on = models.DateField(_("opened on"))
    deadline = models.DateField(_("deadline"))
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ConsultationStatus.choices,
        default=ConsultationStatus.OPEN,
    )
    letter = models.ForeignKey(
        "raden.CouncilLetter",
        verbose_name=_("letter to the councils"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # The reactienota: drafted by the secretariat, approved by a second person (four eyes).
    nota_status = models.CharField(
        _("reactienota"), max_length=20, choices=NotaStatus.choices, default=NotaStatus.DRAFT
    )
    nota_author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reactienota written by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    nota_reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reactienota reviewed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    nota_adopted_at = models.DateTimeField(_("reactienota adopted at"), null=True, blank=True)
    final_decision = models.OneToOneField(
        "regiobureau.Decision",
        verbose_name=_("final decision"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="consultation",
    )
    urgency_reason = models.TextField(_("reason for deciding before the deadline"), blank=True)
    # The reactienota with the final decision, to every council as a council letter.
    final_letter = models.ForeignKey(
        "raden.CouncilLetter",
        verbose_name=_("letter with the final decision"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("consultation of the councils")
        verbose_name_plural = _("consultations of the councils")
        ordering = ["-opened_on", "-pk"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("consultaties:detail", kwargs={"pk": self.pk})

    @property
    def is_open(self) -> bool:
        return self.status == ConsultationStatus.OPEN

    @property
    def nota_is_adopted(self) -> bool:
        return self.nota_status == NotaStatus.ADOPTED


def response_upload_to(instance, filename):
    return f"consultaties/{instance.consultation_id}/{instance.municipality_id}/{filename}"


class CouncilResponse(TimeStampedModel):
    """One council's part: agenda date, outcome, and the secretariat's answer to it."""

    consultation = models.ForeignKey(
        Consultation,
        verbose_name=_("consultation"),
        on_delete=models.CASCADE,
        related_name="responses",
    )
    municipality = models.ForeignKey(
        "gremia.Organisation",
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        related_name="consultation_responses",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ResponseStatus.choices, default=ResponseStatus.ASKED
    )
    # The optimistic lock: every change raises it; a form loaded with an older one is refused.
    version = models.PositiveIntegerField(_("version"), default=1)
    agenda_body = models.CharField(
        _("on the agenda of"), max_length=20, choices=AgendaBody.choices, blank=True
    )
    agenda_date = models.DateField(_("agenda date"), null=True, blank=True)
    outcome_date = models.DateField(_("adopted on"), null=True, blank=True)
    text = models.TextField(_("response of the council"), blank=True)
    stuk = models.FileField(
        _("council decision or motion"), upload_to=response_upload_to, blank=True
    )
    recorded_at = models.DateTimeField(_("recorded at"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    is_late = models.BooleanField(_("late"), default=False)
    reminded_days = models.JSONField(_("reminders sent (working days before)"), default=list)
    # The reactienota's answer to this response.
    summary = models.TextField(_("summary of the point"), blank=True)
    answer = models.TextField(_("answer"), blank=True)
    effect = models.CharField(_("effect"), max_length=20, choices=Effect.choices, blank=True)
    effect_reason = models.TextField(_("because"), blank=True)

    class Meta:
        verbose_name = _("council response")
        verbose_name_plural = _("council responses")
        ordering = ["consultation", "municipality__subregion__name", "municipality__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "municipality"], name="consultation_one_response_each"
            )
        ]

    def __str__(self):
        return f"{self.consultation} – {self.municipality}"

    @property
    def has_outcome(self) -> bool:
        return self.status in {
            ResponseStatus.RESPONDED,
            ResponseStatus.NO_WISHES,
            ResponseStatus.NOT_DEALT,
        }

    @property
    def needs_answer(self) -> bool:
        return self.status == ResponseStatus.RESPONDED


class CouncilRecess(TimeStampedModel):
    """A period a council does not meet (summer, Christmas), kept by its griffie."""

    municipality = models.ForeignKey(
        "gremia.Organisation",
        verbose_name=_("municipality"),
        on_delete=models.CASCADE,
        related_name="council_recesses",
    )
    label = models.CharField(_("name"), max_length=100)
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"))

    class Meta:
        verbose_name = _("council recess")
        verbose_name_plural = _("council recesses")
        ordering = ["municipality__name", "starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="recess_ends_after_start",
                violation_error_message=_("A recess ends on or after its first day."),
            )
        ]

    def __str__(self):
        return f"{self.municipality}: {self.label}"


def advice_upload_to(instance, filename):
    return f"consultaties/{instance.consultation_id}/raadswerkgroep/{filename}"


class WorkingGroupAdvice(TimeStampedModel):
    """The regional council working group's (raadswerkgroep NHN) advice on a consultation:
    its text, the date, the working group's meeting it was given at and optionally the advice
    as a stuk. Shown with the consultation: to the secretariat and the griffies, and to
    everyone once the consultation is public."""

    consultation = models.ForeignKey(
        Consultation,
        verbose_name=_("consultation"),
        on_delete=models.CASCADE,
        related_name="working_group_advice",
    )
    text = models.TextField(_("advice"))
    advised_on = models.DateField(_("date of the advice"))
    meeting = models.ForeignKey(
        "regiobureau.Meeting",
        verbose_name=_("meeting of the working group"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    stuk = models.FileField(_("advice as a document"), upload_to=advice_upload_to, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("advice of the council working group")
        verbose_name_plural = _("advice of the council working group")
        ordering = ["consultation", "advised_on", "pk"]

    def __str__(self):
        return f"{self.consultation} – {self.advised_on:%d-%m-%Y}"
