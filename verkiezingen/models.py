"""An election and the successions it brings: the seat a political office holder held at a
body until the installation, and who took it over."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from gremia.models.registry import Membership
from nhn_portal.core.models import TimeStampedModel

from .constants import ElectionKind


class Election(TimeStampedModel):
    kind = models.CharField(_("kind"), max_length=30, choices=ElectionKind.choices)
    held_on = models.DateField(_("election day"))
    installed_on = models.DateField(
        _("installation"),
        help_text=_("The day the new councils, states or boards and their executives start."),
    )

    class Meta:
        verbose_name = _("election")
        verbose_name_plural = _("elections")
        ordering = ["-held_on", "kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "held_on"],
                name="election_one_per_kind_and_day",
                violation_error_message=_("This election is already registered."),
            ),
            models.CheckConstraint(
                condition=models.Q(installed_on__gte=models.F("held_on")),
                name="election_installed_after_held",
                violation_error_message=_("The installation cannot be before the election."),
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.held_on:%Y}"

    def get_absolute_url(self):
        return reverse("verkiezingen:election_detail", kwargs={"pk": self.pk})


class Succession(TimeStampedModel):
    """The successor of one reopened seat: the old membership ends the day before the new
    one starts. The induction pack (a PDF of the pipeline) has this as its subject."""

    election = models.ForeignKey(
        Election,
        verbose_name=_("election"),
        on_delete=models.PROTECT,
        related_name="successions",
    )
    previous = models.OneToOneField(
        Membership,
        verbose_name=_("previous membership"),
        on_delete=models.PROTECT,
        related_name="succeeded_by",
    )
    membership = models.OneToOneField(
        Membership,
        verbose_name=_("new membership"),
        on_delete=models.PROTECT,
        related_name="succession",
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("succession")
        verbose_name_plural = _("successions")
        ordering = ["election", "membership__body__name"]

    def __str__(self):
        return f"{self.membership.person} ← {self.previous.person} ({self.membership.body})"
