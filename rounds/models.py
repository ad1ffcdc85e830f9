"""The schriftelijke ronde: an urgent proposal put to the members of a body between
meetings; each seat answers once (in the portal or through a signed one-time link) until the
deadline; the outcome follows the body's decision rule and becomes a decision of the body's
next meeting."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gremia.constants import DecisionRule
from nhn_portal.core.models import TimeStampedModel
from regiobureau.constants import DecisionOutcome, VoteChoice
from regiobureau.models.decisions import Decision
from rounds.constants import RoundStatus


class WrittenRound(TimeStampedModel):
    body = models.ForeignKey(
        "gremia.Body",
        verbose_name=_("body"),
        on_delete=models.PROTECT,
        related_name="written_rounds",
    )
    title = models.CharField(_("title"), max_length=300)
    proposal = models.TextField(_("proposal"))
    deadline = models.DateTimeField(_("deadline"))
    status = models.CharField(
        _("status"), max_length=20, choices=RoundStatus.choices, default=RoundStatus.OPEN
    )
    # Copied from the body when the round opens, like a decision's rule.
    rule = models.CharField(_("decision rule applied"), max_length=20, choices=DecisionRule.choices)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("put by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    outcome = models.CharField(
        _("outcome"), max_length=20, choices=DecisionOutcome.choices, blank=True
    )
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("reminded at"), null=True, blank=True)
    invited_at = models.DateTimeField(_("members invited at"), null=True, blank=True)
    decision = models.OneToOneField(
        Decision,
        verbose_name=_("decision"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="written_round",
    )

    class Meta:
        # The table kept its name when the model moved out of regiobureau.
        db_table = "regiobureau_writtenround"
        verbose_name = _("written round")
        verbose_name_plural = _("written rounds")
        ordering = ["-deadline", "pk"]
        indexes = [models.Index(fields=["status", "deadline"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("rounds:round_detail", kwargs={"pk": self.pk})

    @property
    def is_open(self) -> bool:
        return self.status == RoundStatus.OPEN and self.deadline > timezone.now()


class RoundVote(models.Model):
    """One seat's answer; one per member per round (a second answer is refused)."""

    round = models.ForeignKey(
        WrittenRound,
        verbose_name=_("written round"),
        on_delete=models.CASCADE,
        related_name="votes",
    )
    member = models.ForeignKey(
        "gremia.Person",
        verbose_name=_("member"),
        on_delete=models.PROTECT,
        related_name="round_votes",
    )
    choice = models.CharField(_("vote"), max_length=20, choices=VoteChoice.choices)
    remark = models.TextField(_("remark"), blank=True)
    cast_at = models.DateTimeField(_("cast at"), default=timezone.now)
    through_link = models.BooleanField(_("through the e-mail link"), default=False)

    class Meta:
        # The table kept its name when the model moved out of regiobureau.
        db_table = "regiobureau_roundvote"
        verbose_name = _("answer in a written round")
        verbose_name_plural = _("answers in a written round")
        ordering = ["round", "member__name"]
        constraints = [
            models.UniqueConstraint(fields=["round", "member"], name="round_vote_one_per_member")
        ]

    def __str__(self):
        return f"{self.member}: {self.get_choice_display()}"
