"""The evaluation after each meeting: a two-minute reflection by the members
who attended, anonymous per person, summarised per body per half year.

Anonymity is a property of the tables, not of the pages:

- `EvaluationAnswer` holds what was answered and the meeting, nothing else: no person, no
  user, no timestamps (a created_at would line up with the receipt's audit record), and a
  random UUID as key, so neither an id sequence nor a clock joins it to the one who answered.
- `EvaluationReceipt` says that a person answered for a meeting (the "separate token" that
  allows one answer per member per meeting); it is written in the same transaction as the
  answer and carries no timestamps or reference to the answer either.
- `EvaluationInvitation` records the invitation mail (once per member per meeting). It is a
  table of its own so that answering never updates a row that knows the person (an
  updated_at would date the answer).

What remains is the physical order of rows in the database files (SQLite's rowid, PostgreSQL's
ctid), which follows insertion order in both tables. Someone with direct access to the
database can also read the web server's request log, which dates every answer by user, so
that threat is out of reach of the data model; the portal, its admin, its exports and its
audit trail offer no way from an answer to a person. See docs/evaluation.md.
"""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from nhn_portal.core.models import TimeStampedModel
from regiobureau.models.meetings import AgendaItem, Meeting


class EvaluationScore(models.IntegerChoices):
    """A five-point scale for "was it useful" and "was every sub-region heard"."""

    NOT_AT_ALL = 1, _("Not at all")
    HARDLY = 2, _("Hardly")
    PARTLY = 3, _("Partly")
    MOSTLY = 4, _("Mostly")
    FULLY = 5, _("Fully")


class EvaluationPace(models.TextChoices):
    """The report's tension "versnellen vs. verbreden" (section 3A) as a recurring question."""

    ACCELERATE = "versnellen", _("Accelerate: push on")
    BALANCED = "in_balans", _("In balance")
    BROADEN = "verbreden", _("Broaden: take more partners along")


class EvaluationHalf(models.IntegerChoices):
    FIRST = 1, _("first half")
    SECOND = 2, _("second half")


class EvaluationAnswer(models.Model):
    """One member's reflection on one meeting, stored without the member (see above).

    Deliberately not a TimeStampedModel: a timestamp would undo the anonymity."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("meeting"),
        on_delete=models.CASCADE,
        related_name="evaluation_answers",
    )
    useful = models.PositiveSmallIntegerField(_("useful"), choices=EvaluationScore.choices)
    heard = models.PositiveSmallIntegerField(
        _("every sub-region heard"), choices=EvaluationScore.choices
    )
    pace = models.CharField(_("pace"), max_length=20, choices=EvaluationPace.choices)
    remark = models.TextField(_("remark"), max_length=1000, blank=True)

    class Meta:
        # The table kept its name when the model moved out of regiobureau.
        db_table = "regiobureau_evaluationanswer"
        verbose_name = _("evaluation answer")
        verbose_name_plural = _("evaluation answers")
        # No meaningful order: never by insertion.
        ordering = ["meeting", "id"]

    def __str__(self):
        return f"{self.meeting}: {self.pk}"


class EvaluationReceipt(models.Model):
    """That `person` answered the evaluation of `meeting`: one per person per meeting. It
    points at no answer and has no timestamps."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("meeting"),
        on_delete=models.CASCADE,
        related_name="evaluation_receipts",
    )
    person = models.ForeignKey(
        "gremia.Person",
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="evaluation_receipts",
    )

    class Meta:
        # The table kept its name when the model moved out of regiobureau.
        db_table = "regiobureau_evaluationreceipt"
        verbose_name = _("evaluation receipt")
        verbose_name_plural = _("evaluation receipts")
        ordering = ["meeting", "person__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "person"], name="evaluation_one_answer_per_person"
            ),
        ]

    def __str__(self):
        return f"{self.meeting}: {self.person}"


class EvaluationInvitation(TimeStampedModel):
    """The invitation mail to evaluate a meeting went to `person` (once per meeting)."""

    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("meeting"),
        on_delete=models.CASCADE,
        related_name="evaluation_invitations",
    )
    person = models.ForeignKey(
        "gremia.Person",
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="evaluation_invitations",
    )

    class Meta:
        # The table kept its name when the model moved out of regiobureau.
        db_table = "regiobureau_evaluationinvitation"
        verbose_name = _("evaluation invitation")
        verbose_name_plural = _("evaluation invitations")
        ordering = ["meeting", "person__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "person"], name="evaluation_one_invitation_per_person"
            ),
        ]

    def __str__(self):
        return f"{self.meeting}: {self.person}"


class EvaluationSummary(TimeStampedModel):
    """The half-year summary of a body's evaluations: the subject of its PDF and the record
    of the stuurgroep agenda item it was put on."""

    body = models.ForeignKey(
        "gremia.Body",
        verbose_name=_("body"),
        on_delete=models.PROTECT,
        related_name="evaluation_summaries",
    )
    year = models.PositiveSmallIntegerField(_("year"))
    half = models.PositiveSmallIntegerField(_("half year"), choices=EvaluationHalf.choices)
    agenda_item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("agenda item"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="evaluation_summaries",
    )

    class Meta:
        # The table kept its name when the model moved out of regiobureau.
        db_table = "regiobureau_evaluationsummary"
        verbose_name = _("evaluation summary")
        verbose_name_plural = _("evaluation summaries")
        ordering = ["body__name", "-year", "-half"]
        constraints = [
            models.UniqueConstraint(
                fields=["body", "year", "half"], name="evaluation_summary_per_half_year"
            ),
        ]

    def __str__(self):
        return f"{self.body} {self.period}"

    @property
    def period(self) -> str:
        """The audience code of its PDF and the URL's part: "2026-h1"."""
        return f"{self.year}-h{self.half}"
