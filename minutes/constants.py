"""The states of minutes and the meeting document kind they are made as."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class MinutesStatus(models.TextChoices):
    DRAFT = "concept", _("Draft")
    SENT = "ter_commentaar", _("Sent for comments")
    ADOPTED = "vastgesteld", _("Adopted")


# The meeting document kind of the minutes (producers.py).
MINUTES = "verslag"
