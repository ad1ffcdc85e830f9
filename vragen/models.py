"""A council member's question to the region: asked for one council (through its griffie or
a personal link from the gatherings register), routed to a named person at the regiobureau,
answered, reviewed by a second person and sent; public once sent unless a recorded reason
keeps the answer closed."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from nhn_portal.core.models import TimeStampedModel
from vragen.constants import QuestionStatus


class CouncilQuestion(TimeStampedModel):
    municipality = models.ForeignKey(
        "gremia.Organisation",
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        related_name="council_questions",
    )
    asker_name = models.CharField(_("council member"), max_length=200)
    asker_email = models.EmailField(_("e-mail address"), blank=True)
    # Who entered it: the griffie's account, or none when asked through a personal link.
    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("entered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    registration = models.ForeignKey(
        "raden.GatheringRegistration",
        verbose_name=_("registration for a council gathering"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    dossier = models.ForeignKey(
        "regiobureau.Dossier",
        verbose_name=_("dossier"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="council_questions",
    )
    subject = models.CharField(_("subject"), max_length=300)
    question = models.TextField(_("question"))
    asked_at = models.DateTimeField(_("asked at"))
    answer_due = models.DateField(_("answer due"))
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("answered by (regiobureau)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_council_questions",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=QuestionStatus.choices, default=QuestionStatus.ASKED
    )
    answer = models.TextField(_("answer"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("answer written by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    answered_at = models.DateTimeField(_("answer written at"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    # Blank: the answer is published once sent. Otherwise why it stays closed.
    closed_reason = models.TextField(_("reason not to publish"), blank=True)

    class Meta:
        verbose_name = _("question from a council member")
        verbose_name_plural = _("questions from council members")
        ordering = ["-asked_at", "-pk"]
        indexes = [models.Index(fields=["status", "answer_due"])]

    def __str__(self):
        return self.subject

    def get_absolute_url(self):
        return reverse("vragen:question_detail", kwargs={"pk": self.pk})

    @property
    def is_public(self) -> bool:
        return self.status == QuestionStatus.SENT and not self.closed_reason
