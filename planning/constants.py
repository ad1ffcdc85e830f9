"""States of a stuk handed in by a preparing body."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ProposalStatus(models.TextChoices):
    PROPOSED = "aangeleverd", _("Handed in")
    ACCEPTED = "geaccepteerd", _("Accepted")
    RETURNED = "teruggestuurd", _("Returned")
