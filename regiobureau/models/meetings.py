"""Meetings, their agenda items and each body's standard items; dossiers; calendar tokens."""

import secrets
import string
import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _gettext
from django.utils.translation import gettext_lazy as _

from nhn_portal.core.models import TimeStampedModel
from regiobureau.constants import (
    ACTION_LIST_TITLE,
    AGENDA_OUT_STATUSES,
    ItemPurpose,
    MeetingStatus,
    TemplatePlacement,
)


class Dossier(TimeStampedModel):
    """A topic followed across bodies and meetings, e.g. "Woondeal NHN"."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    description = models.TextField(_("description"), blank=True)
    theme = models.ForeignKey(
        "gremia.Theme",
        verbose_name=_("theme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="dossiers",
    )

    class Meta:
        verbose_name = _("dossier")
        verbose_name_plural = _("dossiers")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("regiobureau:dossier_detail", kwargs={"slug": self.slug})


class Meeting(TimeStampedModel):
    body = models.ForeignKey(
        "gremia.Body", verbose_name=_("body"), on_delete=models.PROTECT, related_name="meetings"
    )
    # A stable identifier for calendar feeds (RFC 5545 UID) that never changes with edits.
    uid = models.UUIDField(_("calendar id"), default=uuid.uuid4, unique=True, editable=False)
    title = models.CharField(_("title"), max_length=200, blank=True)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    location = models.CharField(_("place"), max_length=200, blank=True)
    online_url = models.URLField(_("online link"), blank=True)
    is_public = models.BooleanField(_("public meeting"), default=False)
    status = models.CharField(
        _("status"), max_length=30, choices=MeetingStatus.choices, default=MeetingStatus.DRAFT
    )
    cancel_reason = models.TextField(_("reason for cancellation"), blank=True)
    documents_deadline = models.DateField(_("deadline for documents"))
    agenda_published_at = models.DateTimeField(_("agenda published at"), null=True, blank=True)
    # Set once the members' e-mail about the published agenda went out (sent once per meeting).
    members_notified_at = models.DateTimeField(_("members notified at"), null=True, blank=True)
    # Optimistic locking of the agenda: every change to the meeting or its items bumps this,
    # and a form carrying an older number is refused (two secretaries never overwrite each other).
    agenda_version = models.PositiveIntegerField(_("agenda version"), default=1)

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")),
                name="meeting_ends_after_start",
                violation_error_message=_("The meeting must end after it starts."),
            ),
            models.CheckConstraint(
                condition=~Q(status=MeetingStatus.CANCELLED) | ~Q(cancel_reason=""),
                name="meeting_cancel_has_reason",
                violation_error_message=_("A cancelled meeting needs a reason."),
            ),
        ]
        indexes = [models.Index(fields=["body", "starts_at"])]

    def __str__(self):
        return self.display_title

    @property
    def display_title(self) -> str:
        """The title, or for a meeting without one "Gremium, 4 december 2026" (local date)."""
        if self.title:
            return self.title
        return _gettext("%(body)s, %(date)s") % {
            "body": self.body.name,
            "date": date_format(timezone.localtime(self.starts_at), "j F Y"),
        }

    def get_absolute_url(self):
        return reverse("regiobureau:meeting_detail", kwargs={"pk": self.pk})

    @property
    def is_cancelled(self) -> bool:
        return self.status == MeetingStatus.CANCELLED

    @property
    def is_held(self) -> bool:
        """Held and not yet completed: the time to record decisions and actions."""
        return self.status == MeetingStatus.HELD

    @property
    def agenda_is_out(self) -> bool:
        """The agenda was published (and the meeting may since have been held)."""
        return self.status in AGENDA_OUT_STATUSES

    @property
    def agenda_is_unpublished(self) -> bool:
        return self.status in (MeetingStatus.DRAFT, MeetingStatus.PLANNED)


class AgendaItem(TimeStampedModel):
    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="items"
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("main item"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="children",
    )
    position = models.PositiveIntegerField(_("position"))
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    purpose = models.CharField(
        _("purpose"), max_length=20, choices=ItemPurpose.choices, default=ItemPurpose.DISCUSSION
    )
    presenter = models.ForeignKey(
        "gremia.Person",
        verbose_name=_("presenter"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="presented_items",
    )
    planned_minutes = models.PositiveSmallIntegerField(_("planned minutes"), null=True, blank=True)
    is_public = models.BooleanField(_("public item"), default=True)
    dossier = models.ForeignKey(
        Dossier,
        verbose_name=_("dossier"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="agenda_items",
    )
    standard_key = models.CharField(_("standard item"), max_length=40, blank=True)

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["meeting", "position"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(parent=F("id")),
                name="agenda_item_not_own_parent",
                violation_error_message=_("An item cannot be its own main item."),
            ),
        ]
        indexes = [models.Index(fields=["meeting", "parent", "position"])]

    def __str__(self):
        return self.title

    @property
    def is_confidential(self) -> bool:
        return not self.is_public

    @property
    def stukken_confidential_by_default(self) -> bool:
        """A stuk added to a closed item (or a sub-item of one) or to an item of a closed
        meeting is confidential unless the secretary says otherwise."""
        if not self.is_public or not self.meeting.is_public:
            return True
        return self.parent is not None and not self.parent.is_public

    @property
    def is_action_list(self) -> bool:
        """The standard item under which open actions of earlier meetings appear."""
        return bool(self.standard_key) and self.title == ACTION_LIST_TITLE


class AgendaTemplateItem(TimeStampedModel):
    """A body's standard opening or closing item, copied into each new meeting."""

    body = models.ForeignKey(
        "gremia.Body",
        verbose_name=_("body"),
        on_delete=models.CASCADE,
        related_name="agenda_template_items",
    )
    placement = models.CharField(_("placement"), max_length=10, choices=TemplatePlacement.choices)
    position = models.PositiveIntegerField(_("position"))
    title = models.CharField(_("title"), max_length=300)
    purpose = models.CharField(_("purpose"), max_length=20, choices=ItemPurpose.choices)

    class Meta:
        verbose_name = _("standard agenda item")
        verbose_name_plural = _("standard agenda items")
        ordering = ["body", "placement", "position"]

    def __str__(self):
        return self.title


def _new_feed_token() -> str:
    alphabet = string.ascii_letters + string.digits
    return "".join(secrets.choice(alphabet) for _ in range(40))


class CalendarToken(TimeStampedModel):
    """The secret in a personal calendar feed URL; revoking replaces it."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="calendar_token",
    )
    token = models.CharField(_("token"), max_length=64, unique=True, default=_new_feed_token)

    class Meta:
        verbose_name = _("calendar token")
        verbose_name_plural = _("calendar tokens")

    def __str__(self):
        return f"{self.user}"
