"""Council gatherings: a meeting of the raadsbijeenkomsten body with what a council
member needs to know (kind, programme, capacity, materials afterwards), and the council
members' registrations made without an account, through a signed personal link.

A gathering is a regiobureau Meeting plus this data (one-to-one), so its date, place, online
link, agenda and status stay the meeting's and the calendars show it like every meeting.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from nhn_portal.core.models import TimeStampedModel
from raden.constants import GatheringKind, RegistrationStatus


class Gathering(TimeStampedModel):
    meeting = models.OneToOneField(
        "regiobureau.Meeting",
        verbose_name=_("meeting"),
        on_delete=models.PROTECT,
        related_name="gathering",
    )
    kind = models.CharField(_("kind of gathering"), max_length=30, choices=GatheringKind.choices)
    programme = models.TextField(_("programme"), blank=True)
    # None: no limit. Beyond it, a registration goes on the waiting list.
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True)
    materials = models.TextField(
        _("materials afterwards"),
        blank=True,
        help_text=_("Presentations, links and a report; shown to registered council members."),
    )

    class Meta:
        verbose_name = _("council gathering")
        verbose_name_plural = _("council gatherings")
        ordering = ["meeting__starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(capacity__isnull=True) | Q(capacity__gt=0),
                name="gathering_capacity_positive",
                violation_error_message=_("The capacity is at least one seat."),
            )
        ]

    def __str__(self):
        return str(self.meeting)

    def get_absolute_url(self):
        return reverse("raden:gathering_detail", kwargs={"pk": self.pk})


class GatheringRegistration(TimeStampedModel):
    """One council member at one gathering: at most one per e-mail address per gathering."""

    gathering = models.ForeignKey(
        Gathering,
        verbose_name=_("gathering"),
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail address"))
    municipality = models.ForeignKey(
        "gremia.Organisation",
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        related_name="gathering_registrations",
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=RegistrationStatus.choices,
        default=RegistrationStatus.REGISTERED,
    )
    registered_at = models.DateTimeField(_("registered at"))
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    promoted_at = models.DateTimeField(
        _("moved up from the waiting list at"), null=True, blank=True
    )
    attendance_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("attendance recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("registration for a council gathering")
        verbose_name_plural = _("registrations for council gatherings")
        ordering = ["gathering", "registered_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["gathering", "email"], name="gathering_one_registration_per_email"
            )
        ]
        indexes = [models.Index(fields=["gathering", "status"])]

    def __str__(self):
        return f"{self.name} ({self.gathering})"

    @property
    def holds_seat(self) -> bool:
        return self.status in (RegistrationStatus.REGISTERED, RegistrationStatus.ATTENDED)
