"""The minutes (verslag) of a meeting: per agenda item a short account, written by
the secretariat, sent to the members for comments within a term and adopted at the body's
next meeting. Every save of an entry is kept as a revision (the version history)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from minutes.constants import MinutesStatus
from nhn_portal.core.models import TimeStampedModel
from regiobureau.models.meetings import AgendaItem, Meeting


class Minutes(TimeStampedModel):
    meeting = models.OneToOneField(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="minutes"
    )
    status = models.CharField(
        _("status"), max_length=20, choices=MinutesStatus.choices, default=MinutesStatus.DRAFT
    )
    comment_deadline = models.DateField(_("comments until"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    adopted_at = models.DateTimeField(_("adopted at"), null=True, blank=True)
    adopted_in = models.ForeignKey(
        Meeting,
        verbose_name=_("adopted in meeting"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="adopted_minutes",
    )

    class Meta:
        # The table kept its name when the model moved out of regiobureau.
        db_table = "regiobureau_minutes"
        verbose_name = _("minutes")
        verbose_name_plural = _("minutes")
        constraints = [
            models.CheckConstraint(
                condition=Q(status=MinutesStatus.DRAFT)
                | Q(comment_deadline__isnull=False, sent_at__isnull=False),
                name="minutes_sent_has_deadline",
                violation_error_message=_("Minutes sent for comments have a term."),
            ),
            models.CheckConstraint(
                condition=~Q(status=MinutesStatus.ADOPTED)
                | Q(adopted_at__isnull=False, adopted_in__isnull=False),
                name="minutes_adopted_has_meeting",
                violation_error_message=_("Adopted minutes name the meeting."),
            ),
        ]

    def __str__(self):
        return f"Verslag {self.meeting}"

    @property
    def is_draft(self) -> bool:
        return self.status == MinutesStatus.DRAFT

    @property
    def is_sent(self) -> bool:
        return self.status == MinutesStatus.SENT

    @property
    def is_adopted(self) -> bool:
        return self.status == MinutesStatus.ADOPTED


class MinutesEntry(TimeStampedModel):
    """The account of one agenda item; `version` guards against overwriting (optimistic
    locking, as the agenda editor's)."""

    minutes = models.ForeignKey(
        Minutes, verbose_name=_("minutes"), on_delete=models.CASCADE, related_name="entries"
    )
    item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("agenda item"),
        on_delete=models.CASCADE,
        related_name="minutes_entries",
    )
    text = models.TextField(_("account"), blank=True)
    version = models.PositiveIntegerField(_("version"), default=0)

    class Meta:
        # The table kept its name when the model moved out of regiobureau.
        db_table = "regiobureau_minutesentry"
        verbose_name = _("minutes entry")
        verbose_name_plural = _("minutes entries")
        ordering = ["item__position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["minutes", "item"], name="minutes_entry_one_per_item")
        ]

    def __str__(self):
        return f"{self.item}"


class MinutesRevision(models.Model):
    """One saved text of an entry: who, when, what (the version history)."""

    entry = models.ForeignKey(
        MinutesEntry, verbose_name=_("entry"), on_delete=models.CASCADE, related_name="revisions"
    )
    number = models.PositiveIntegerField(_("version"))
    text = models.TextField(_("account"), blank=True)
    # The status of the minutes when this text was saved (a change at adoption shows as such).
    status = models.CharField(_("status"), max_length=20, choices=MinutesStatus.choices)
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("saved by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    saved_at = models.DateTimeField(_("saved at"), auto_now_add=True)

    class Meta:
        # The table kept its name when the model moved out of regiobureau.
        db_table = "regiobureau_minutesrevision"
        verbose_name = _("minutes revision")
        verbose_name_plural = _("minutes revisions")
        ordering = ["entry", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["entry", "number"], name="minutes_revision_unique")
        ]

    def __str__(self):
        return f"{self.entry} v{self.number}"


class MinutesComment(TimeStampedModel):
    """A member's comment on the draft: on one entry, or on the whole (entry empty)."""

    minutes = models.ForeignKey(
        Minutes, verbose_name=_("minutes"), on_delete=models.CASCADE, related_name="comments"
    )
    entry = models.ForeignKey(
        MinutesEntry,
        verbose_name=_("entry"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="comments",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.PROTECT,
        related_name="minutes_comments",
    )
    text = models.TextField(_("comment"))

    class Meta:
        # The table kept its name when the model moved out of regiobureau.
        db_table = "regiobureau_minutescomment"
        verbose_name = _("minutes comment")
        verbose_name_plural = _("minutes comments")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.text[:80]
