"""Choices of a consultation of the councils (wensen en bedenkingen on a draft decision)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

# Reminders to a griffie that has not responded, in working days before the deadline.
REMINDER_DAYS = (14, 3)
# When the rules of play say nothing: eight weeks, the usual zienswijze term.
DEFAULT_TERM_WEEKS = 8
REACTIENOTA = "reactienota"


class ConsultationStatus(models.TextChoices):
    OPEN = "open", _("open for responses")
    CLOSED = "closed", _("closed")


class ResponseStatus(models.TextChoices):
    ASKED = "asked", _("asked")
    SCHEDULED = "scheduled", _("on the agenda")
    RESPONDED = "responded", _("response adopted")
    NO_WISHES = "no_wishes", _("no wishes or objections")
    NOT_DEALT = "not_dealt", _("not dealt with")


# The outcomes a griffie records; "asked" and "scheduled" are steps before one.
OUTCOMES = (ResponseStatus.RESPONDED, ResponseStatus.NO_WISHES, ResponseStatus.NOT_DEALT)


class AgendaBody(models.TextChoices):
    COMMITTEE = "committee", _("committee")
    COUNCIL = "council", _("council")


class Effect(models.TextChoices):
    ADOPTED = "overgenomen", _("taken over")
    PARTLY = "deels", _("partly taken over")
    NOT = "niet", _("not taken over, because …")


class NotaStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    REVIEW = "review", _("awaiting review")
    ADOPTED = "adopted", _("adopted")
