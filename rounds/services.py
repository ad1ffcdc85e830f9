"""Writes of the schriftelijke ronde: the secretariat puts a proposal to the seats
of a body with a deadline; each member answers once, in the portal or through a signed
one-time link; at the deadline the round closes itself, its outcome follows the body's
decision rule and becomes a decision of the body's next meeting."""

import datetime

from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gremia.constants import SEAT_ROLES, DecisionRule
from gremia.models.registry import Body, Membership, Person
from gremia.selectors.registry import person_address
from nhn_portal.core.audit import audit_record_create, audited_create, audited_update
from nhn_portal.core.constants import AuditAction
from nhn_portal.core.mail import send_templated_mail, site_link
from nhn_portal.core.tasking import enqueue_on_commit
from regiobureau.constants import DecisionOutcome, ItemPurpose, MeetingStatus, VoteChoice
from regiobureau.models.decisions import Decision, Vote
from regiobureau.models.meetings import Meeting
from regiobureau.services.agenda import agenda_item_create
from regiobureau.services.decisions import outcome_from_votes
from rounds.constants import ROUND_ITEM_TITLE, ROUND_REMINDER_HOURS, RoundStatus
from rounds.models import RoundVote, WrittenRound

INVITE_TASK = "regiobureau.tasks.written_round_invite"
TOKEN_SALT = "regiobureau.written-round.vote"  # noqa: S105 -- a signing salt, not a secret


# ---- The signed one-time link -------------------------------------------------------------


def round_token(*, written_round: WrittenRound, person: Person) -> str:
    """A link token for this member and this round only; it stops working at the deadline and
    once the member has answered."""
    return signing.TimestampSigner(salt=TOKEN_SALT).sign(f"{written_round.pk}:{person.pk}")


def round_link(*, written_round: WrittenRound, person: Person) -> str:
    from django.urls import reverse

    token = round_token(written_round=written_round, person=person)
    return site_link(reverse("rounds:round_vote_link", kwargs={"token": token}))


def round_from_token(token: str) -> tuple[WrittenRound, Person]:
    """The round and member a link is for; a Dutch refusal for a forged or broken link."""
    try:
        value = signing.TimestampSigner(salt=TOKEN_SALT).unsign(token)
        round_id, person_id = (int(part) for part in value.split(":"))
        written_round = WrittenRound.objects.select_related("body").get(pk=round_id)
        person = Person.objects.get(pk=person_id)
    except (signing.BadSignature, ValueError, WrittenRound.DoesNotExist, Person.DoesNotExist):
        raise ValidationError(
            _("This link is not valid. Answer through the portal."), code="bad_link"
        ) from None
    return written_round, person


# ---- Seats --------------------------------------------------------------------------------


def round_seats(body_id: int, on: datetime.date | None = None):
    return (
        Membership.objects.current(on or timezone.localdate())
        .filter(body_id=body_id, role__in=SEAT_ROLES)
        .select_related("person__user")
        .order_by("person__name")
    )


# ---- Opening, answering -------------------------------------------------------------------


@transaction.atomic
def written_round_open(
    *, actor, body: Body, title: str, proposal: str, deadline: datetime.datetime
) -> WrittenRound:
    """Put a proposal to the seats of `body` until `deadline`; the members get their link."""
    if deadline <= timezone.now():
        raise ValidationError({"deadline": _("The deadline must lie in the future.")})
    if not round_seats(body.pk).exists():
        raise ValidationError(_("This body has no members to put a proposal to."))
    written_round = WrittenRound(
        body=body,
        title=(title or "").strip(),
        proposal=(proposal or "").strip(),
        deadline=deadline,
        rule=body.decision_rule,
        created_by=actor,
    )
    audited_create(
        actor=actor,
        obj=written_round,
        verb="written_round_open",
        changes={"deadline": deadline.isoformat(), "rule": written_round.rule},
    )
    enqueue_on_commit(INVITE_TASK, written_round.pk)
    return written_round


@transaction.atomic
def written_round_vote(
    *,
    actor,
    written_round: WrittenRound,
    member: Person,
    choice: str,
    remark: str = "",
    through_link: bool = False,
) -> RoundVote:
    """Record one member's answer; refused after the deadline, after closing, for someone
    without a seat, and a second time (a link is single use)."""
    written_round = WrittenRound.objects.select_for_update().get(pk=written_round.pk)
    if written_round.status != RoundStatus.OPEN or written_round.deadline <= timezone.now():
        raise ValidationError(
            _("The term of this written round has passed; your answer was not recorded."),
            code="closed",
        )
    if choice not in VoteChoice.values:
        raise ValidationError({"choice": _("Answer agree, disagree or abstain.")})
    if not round_seats(written_round.body_id).filter(person=member).exists():
        raise ValidationError(
            _("Only members of the body answer in its written round."), code="not_a_member"
        )
    if RoundVote.objects.filter(round=written_round, member=member).exists():
        raise ValidationError(
            _("An answer has already been given for you; it cannot be given twice."),
            code="used",
        )
    vote = RoundVote(
        round=written_round,
        member=member,
        choice=choice,
        remark=(remark or "").strip(),
        through_link=through_link,
    )
    vote.full_clean()
    vote.save()
    audit_record_create(
        actor=actor,
        obj=written_round,
        action=AuditAction.UPDATE,
        verb="written_round_vote",
        changes={"member": member.pk, "choice": choice, "through_link": through_link},
    )
    return vote


# ---- Closing ------------------------------------------------------------------------------


def round_outcome(*, rule: str, votes: dict[int, str], seats: int, quorum: bool) -> str:
    """The outcome of a written round under the body's rule: with a quorum rule more than half
    of the seats must answer; by majority the votes cast decide (none: not adopted); by
    consensus or unanimity a single "disagree" stops it."""
    if quorum and len(votes) * 2 <= seats:
        return DecisionOutcome.NO_QUORUM
    effective = DecisionRule.MAJORITY if rule == DecisionRule.MAJORITY else DecisionRule.UNANIMITY
    return outcome_from_votes(rule=effective, votes=votes) or DecisionOutcome.REJECTED


@transaction.atomic
def written_round_close(
    *, actor, round_id: int, force: bool = False, meeting: Meeting | None = None
) -> WrittenRound:
    """Close the round at its deadline (or earlier with `force`, when every seat answered),
    fix the outcome and make it a decision of the body's next meeting when there is one."""
    written_round = WrittenRound.objects.select_for_update().select_related("body").get(pk=round_id)
    if written_round.status == RoundStatus.CLOSED:
        return written_round
    seats = round_seats(written_round.body_id).count()
    votes = dict(written_round.votes.values_list("member_id", "choice"))
    if written_round.deadline > timezone.now() and not (force and len(votes) >= seats):
        raise ValidationError(
            _("A written round closes at its deadline, or when every member has answered."),
            code="not_due",
        )
    outcome = round_outcome(
        rule=written_round.rule,
        votes=votes,
        seats=seats,
        quorum=written_round.body.quorum_required,
    )
    audited_update(
        actor=actor,
        obj=written_round,
        verb="written_round_close",
        clean=False,
        recorded=["status", "outcome"],
        status=RoundStatus.CLOSED,
        outcome=outcome,
        closed_at=timezone.now(),
    )
    _attach(actor, written_round, votes, meeting=meeting)
    return written_round


def next_meeting_for_round(written_round: WrittenRound) -> Meeting | None:
    return (
        Meeting.objects.filter(body_id=written_round.body_id, starts_at__gt=timezone.now())
        .exclude(status__in=[MeetingStatus.CANCELLED, MeetingStatus.CLOSED])
        .order_by("starts_at")
        .first()
    )


def _attach(
    actor, written_round: WrittenRound, votes: dict[int, str], meeting: Meeting | None = None
) -> Decision | None:
    """The outcome as a decision ("besluit uit schriftelijke ronde") under the standard item
    of the body's next meeting (or `meeting`, a meeting of the same body still open);
    without a next meeting the secretariat attaches it later."""
    if written_round.decision_id is not None:
        return written_round.decision
    if meeting is not None and (
        meeting.body_id != written_round.body_id
        or meeting.status in (MeetingStatus.CANCELLED, MeetingStatus.CLOSED)
    ):
        raise ValidationError(
            _("The outcome goes to a meeting of the same body that is still open."),
            code="wrong_meeting",
        )
    meeting = meeting or next_meeting_for_round(written_round)
    if meeting is None:
        return None
    item = meeting.items.filter(title=ROUND_ITEM_TITLE, parent__isnull=True).first()
    if item is None:
        item = agenda_item_create(
            actor=actor,
            meeting=meeting,
            expected_version=None,
            title=ROUND_ITEM_TITLE,
            purpose=ItemPurpose.INFORMATION,
        )
    decision = Decision(
        item=item,
        text=(
            f"Besluit uit schriftelijke ronde (gesloten "
            f"{timezone.localtime(written_round.closed_at):%d-%m-%Y}): "
            f"{written_round.title}. {written_round.proposal}"
        ),
        outcome=written_round.outcome,
        rule=written_round.rule,
    )
    decision.full_clean()
    decision.save()
    if written_round.outcome != DecisionOutcome.NO_QUORUM:
        Vote.objects.bulk_create(
            Vote(decision=decision, member_id=person_id, choice=choice)
            for person_id, choice in sorted(votes.items())
        )
    audit_record_create(
        actor=actor,
        obj=decision,
        action=AuditAction.CREATE,
        verb="written_round_decision",
        changes={"written_round": written_round.pk, "outcome": written_round.outcome},
    )
    WrittenRound.objects.filter(pk=written_round.pk).update(decision=decision)
    written_round.decision = decision
    return decision


@transaction.atomic
def written_round_attach(*, actor, written_round: WrittenRound) -> Decision:
    """Make a closed round's outcome a decision of the next meeting, planned since it closed."""
    written_round = WrittenRound.objects.select_for_update().get(pk=written_round.pk)
    if written_round.status != RoundStatus.CLOSED:
        raise ValidationError(_("The written round is still open."), code="open")
    votes = dict(written_round.votes.values_list("member_id", "choice"))
    decision = _attach(actor, written_round, votes)
    if decision is None:
        raise ValidationError(
            _("Plan the next meeting of this body first."), code="no_next_meeting"
        )
    return decision


def written_rounds_close_due(*, now: datetime.datetime | None = None) -> int:
    """Close every open round whose deadline has passed (the beat calls it)."""
    now = now or timezone.now()
    due = list(
        WrittenRound.objects.filter(status=RoundStatus.OPEN, deadline__lte=now).values_list(
            "pk", flat=True
        )
    )
    for round_id in due:
        written_round_close(actor=None, round_id=round_id)
    return len(due)


# ---- Mail ---------------------------------------------------------------------------------


def _mail_members(written_round: WrittenRound, template: str, *, skip_answered: bool) -> int:
    answered = set(written_round.votes.values_list("member_id", flat=True))
    sent = 0
    for membership in round_seats(written_round.body_id):
        person = membership.person
        address = person_address(person)
        if not address or (skip_answered and person.pk in answered):
            continue
        sent += send_templated_mail(
            template=template,
            context={
                "round": written_round,
                "person": person,
                "link": round_link(written_round=written_round, person=person),
                "portal_link": site_link(written_round.get_absolute_url()),
            },
            recipients=[address],
        )
    return sent


def written_round_invite(*, round_id: int) -> int:
    """Mail each member their personal link (once per round)."""
    written_round = WrittenRound.objects.select_related("body").get(pk=round_id)
    if written_round.invited_at is not None or written_round.status != RoundStatus.OPEN:
        return 0
    sent = _mail_members(written_round, "rounds/email/round_invite", skip_answered=True)
    _stamp(written_round, "invited_at", "written_round_invited")
    return sent


def written_rounds_remind(*, now: datetime.datetime | None = None) -> int:
    """A day before the deadline, members who have not answered get a reminder (once)."""
    now = now or timezone.now()
    sent = 0
    rounds = WrittenRound.objects.filter(
        status=RoundStatus.OPEN,
        reminded_at__isnull=True,
        deadline__gt=now,
        deadline__lte=now + datetime.timedelta(hours=ROUND_REMINDER_HOURS),
    ).select_related("body")
    for written_round in rounds:
        sent += _mail_members(written_round, "rounds/email/round_reminder", skip_answered=True)
        _stamp(written_round, "reminded_at", "written_round_reminded")
    return sent


@transaction.atomic
def _stamp(written_round: WrittenRound, field: str, verb: str) -> None:
    from nhn_portal.core.audit import timestamp_once

    timestamp_once(model=WrittenRound, pk=written_round.pk, field=field, verb=verb, changes={})
