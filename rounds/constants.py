"""The written round's states and its fixed titles and times."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class RoundStatus(models.TextChoices):
    OPEN = "open", _("Open")
    # "Closed" alone is a closed (besloten) meeting; a round that ended is "gesloten".
    CLOSED = "gesloten", pgettext_lazy("written round", "Closed")


# The agenda item of the next meeting under which decisions from written rounds are listed.
ROUND_ITEM_TITLE = "Besluiten uit schriftelijke ronde"
# Hours before the deadline that members who have not answered get a reminder.
ROUND_REMINDER_HOURS = 24
