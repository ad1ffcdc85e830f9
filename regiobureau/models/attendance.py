"""The presentielijst of a meeting: one row per seat (a membership that holds a
seat on the meeting's day), with the member's registration beforehand and the presence the
secretariat records; a substitute is a person of the organisation the member represents."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from nhn_portal.core.models import TimeStampedModel
from regiobureau.constants import PRESENT_STATES, Presence, Registration
from regiobureau.models.meetings import Meeting


class Attendance(TimeStampedModel):
    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="attendances"
    )
    membership = models.ForeignKey(
        "gremia.Membership",
        verbose_name=_("seat"),
        on_delete=models.PROTECT,
        related_name="attendances",
    )
    registration = models.CharField(
        _("registration"), max_length=20, choices=Registration.choices, blank=True
    )
    presence = models.CharField(_("presence"), max_length=20, choices=Presence.choices, blank=True)
    substitute = models.ForeignKey(
        "gremia.Person",
        verbose_name=_("substitute"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="substitutions",
    )
    # Set once the "please register" reminder went out (once per member per meeting).
    reminded_at = models.DateTimeField(_("reminded at"), null=True, blank=True)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendances")
        ordering = ["meeting", "membership__person__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "membership"], name="attendance_one_per_seat"
            ),
        ]

    def __str__(self):
        return f"{self.meeting}: {self.membership.person}"

    @property
    def is_present(self) -> bool:
        return self.presence in PRESENT_STATES

    def clean(self):
        # The presence, once recorded, says who came; before that the registration.
        needs_substitute = self.presence == Presence.SUBSTITUTED or (
            not self.presence and self.registration == Registration.SUBSTITUTE
        )
        if needs_substitute and self.substitute_id is None:
            raise ValidationError({"substitute": _("Name the substitute.")}, code="no_substitute")
        if not needs_substitute and self.substitute_id is not None:
            self.substitute = None
        if self.substitute_id is not None:
            if self.substitute_id == self.membership.person_id:
                raise ValidationError(
                    {"substitute": _("A member cannot stand in for themselves.")},
                    code="self_substitute",
                )
            if self.substitute.organisation_id != self.membership.organisation_id:
                raise ValidationError(
                    {
                        "substitute": _(
                            "A substitute must be a person of the same organisation "
                            "(%(organisation)s)."
                        )
                        % {"organisation": self.membership.organisation}
                    },
                    code="foreign_substitute",
                )
