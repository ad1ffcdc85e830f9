"""The questions of council members: their states and terms."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

# The region answers a council member's question within ten working days.
ANSWER_WORKING_DAYS = 10
# How long a council member's personal question link stays valid.
LINK_MAX_AGE_DAYS = 365


class QuestionStatus(models.TextChoices):
    ASKED = "asked", pgettext_lazy("question status", "asked")
    DRAFTED = "drafted", _("answer awaiting review")
    SENT = "sent", _("answered")
