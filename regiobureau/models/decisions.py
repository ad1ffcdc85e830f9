"""Decisions with their votes, the besluitenlijst and action items."""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gremia.constants import DecisionRule
from nhn_portal.core.models import TimeStampedModel
from regiobureau.constants import (
    OUTCOME_DUTCH,
    ActionStatus,
    DecisionListStatus,
    DecisionOutcome,
    VoteChoice,
)
from regiobureau.models.meetings import AgendaItem, Meeting


class Decision(TimeStampedModel):
    """A besluit taken on an agenda item, with the body's decision rule at that moment."""

    item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("agenda item"),
        on_delete=models.PROTECT,
        related_name="decisions",
    )
    text = models.TextField(_("decision"))
    outcome = models.CharField(_("outcome"), max_length=20, choices=DecisionOutcome.choices)
    # Copied from the body when the decision is recorded: a later change of the rules of play
    # must not rewrite how an earlier decision was taken.
    rule = models.CharField(_("decision rule applied"), max_length=20, choices=DecisionRule.choices)
    # The presentielijst when the decision was taken: seats present (a substitute
    # counts for the member) out of all seats; empty when no attendance was recorded.
    seats_present = models.PositiveSmallIntegerField(_("seats present"), null=True, blank=True)
    seats_total = models.PositiveSmallIntegerField(_("seats"), null=True, blank=True)
    # Why it was adopted before a deadline it should have waited for (a consultation of the
    # councils, regiobureau/adoption.py): "spoed", recorded on the decision itself.
    urgency_reason = models.TextField(_("reason for deciding before the deadline"), blank=True)

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["item__meeting", "item__position", "pk"]

    def __str__(self):
        return f"{self.item}: {self.get_outcome_display()}"

    @property
    def outcome_dutch(self) -> str:
        return OUTCOME_DUTCH.get(self.outcome, self.outcome)


class Vote(models.Model):
    """How one member present voted on a decision taken by majority."""

    decision = models.ForeignKey(
        Decision, verbose_name=_("decision"), on_delete=models.CASCADE, related_name="votes"
    )
    member = models.ForeignKey(
        "gremia.Person", verbose_name=_("member"), on_delete=models.PROTECT, related_name="votes"
    )
    choice = models.CharField(_("vote"), max_length=20, choices=VoteChoice.choices)

    class Meta:
        verbose_name = _("vote")
        verbose_name_plural = _("votes")
        ordering = ["decision", "member__name"]
        constraints = [
            models.UniqueConstraint(fields=["decision", "member"], name="vote_one_per_member")
        ]

    def __str__(self):
        return f"{self.member}: {self.get_choice_display()}"


class DecisionList(TimeStampedModel):
    """The besluitenlijst of a meeting: concept after it, vastgesteld at the next meeting."""

    meeting = models.OneToOneField(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="decision_list"
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=DecisionListStatus.choices,
        default=DecisionListStatus.DRAFT,
    )
    adopted_at = models.DateTimeField(_("adopted at"), null=True, blank=True)
    adopted_in = models.ForeignKey(
        Meeting,
        verbose_name=_("adopted in meeting"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="adopted_decision_lists",
    )

    class Meta:
        verbose_name = _("decision list")
        verbose_name_plural = _("decision lists")
        constraints = [
            models.CheckConstraint(
                condition=Q(status=DecisionListStatus.DRAFT)
                | Q(adopted_at__isnull=False, adopted_in__isnull=False),
                name="decision_list_adopted_has_meeting",
                violation_error_message=_("An adopted decision list names the meeting."),
            ),
        ]

    def __str__(self):
        return f"Besluitenlijst {self.meeting}"

    @property
    def is_adopted(self) -> bool:
        return self.status == DecisionListStatus.ADOPTED


class ActionItem(TimeStampedModel):
    """An actiepunt: who does what by when, from which meeting; open ones return on the
    agenda of the body's next meeting until they are done or lapse."""

    description = models.TextField(_("description"))
    owner_person = models.ForeignKey(
        "gremia.Person",
        verbose_name=_("owner (person)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="action_items",
    )
    owner_organisation = models.ForeignKey(
        "gremia.Organisation",
        verbose_name=_("owner (organisation)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="action_items",
    )
    deadline = models.DateField(_("deadline"))
    status = models.CharField(
        _("status"), max_length=20, choices=ActionStatus.choices, default=ActionStatus.OPEN
    )
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    origin_meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("origin meeting"),
        on_delete=models.PROTECT,
        related_name="action_items",
    )
    origin_item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("origin agenda item"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="action_items",
    )
    # The day the overdue reminder went out; the daily task skips actions reminded today.
    reminded_on = models.DateField(_("last reminded on"), null=True, blank=True)

    class Meta:
        verbose_name = _("action item")
        verbose_name_plural = _("action items")
        ordering = ["deadline", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(owner_person__isnull=False, owner_organisation__isnull=True)
                | Q(owner_person__isnull=True, owner_organisation__isnull=False),
                name="action_item_exactly_one_owner",
                violation_error_message=_(
                    "An action has exactly one owner: a person or an organisation."
                ),
            ),
        ]
        indexes = [models.Index(fields=["status", "deadline"])]

    def __str__(self):
        return self.description[:80]

    @property
    def is_open(self) -> bool:
        return self.status == ActionStatus.OPEN

    @property
    def owner(self):
        return self.owner_person or self.owner_organisation

    def is_overdue(self, today=None) -> bool:
        today = today or timezone.localdate()
        return self.status == ActionStatus.OPEN and self.deadline < today
