"""The written round's states and its fixed titles and times."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class RoundStatus(models.TextChoices):
    OPEN = "open", _("Open")
    CLOSED = "gesloten", _("Closed")


# The agenda item of the next meeting under which decisions from written rounds are listed.
ROUND_ITEM_TITLE = "Besluiten uit schriftelijke ronde"
# Hours before the deadline that members who have not answered get a reminder.
ROUND_REMINDER_HOURS = 24
