"""Writes for decisions and the besluitenlijst: recorded under the body's decision
rule (votes under majority or unanimity), adopted at the body's next meeting.
"""

from collections import Counter
from collections.abc import Mapping

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gremia.constants import DecisionRule
from gremia.models.registry import Membership, Person
from nhn_portal.core.audit import audit_record_create, audited_update
from nhn_portal.core.constants import AuditAction
from nhn_portal.core.production.services import document_generation_request
from nhn_portal.core.search import search_entries_refresh, search_entries_remove
from regiobureau.adoption import run_adoption_checks
from regiobureau.constants import (
    DECISION_LIST,
    MEMBERS,
    PUBLIC,
    VOTED_OUTCOMES,
    VOTING_ROLES,
    DecisionListStatus,
    DecisionOutcome,
    MeetingStatus,
    VoteChoice,
)
from regiobureau.models.decisions import Decision, DecisionList, Vote
from regiobureau.models.meetings import AgendaItem, Meeting
from regiobureau.selectors.actions import actions_from_meeting
from regiobureau.selectors.attendance import attendance_summary
from regiobureau.selectors.decisions import decisions_for_meeting, everything_for_members
from regiobureau.selectors.meetings import next_meeting_of_body


def outcome_from_votes(*, rule: str, votes: Mapping[int, str]) -> str | None:
    """The outcome the votes give under `rule`, or None when they decide nothing.

    Majority: adopted when more votes for than against (abstentions are not votes cast).
    Unanimity: adopted when nobody votes against and someone votes for.
    """
    count = Counter(votes.values())
    cast = count[VoteChoice.FOR] + count[VoteChoice.AGAINST]
    if rule == DecisionRule.MAJORITY:
        if not cast:
            return None
        if count[VoteChoice.FOR] > count[VoteChoice.AGAINST]:
            return DecisionOutcome.ADOPTED
        return DecisionOutcome.REJECTED
    if rule == DecisionRule.UNANIMITY and votes:
        if count[VoteChoice.AGAINST]:
            return DecisionOutcome.REJECTED
        return DecisionOutcome.ADOPTED if count[VoteChoice.FOR] else None
    return None


def _check_voters(meeting: Meeting, person_ids: set[int]) -> None:
    """Only members with a seat (or their substitute) on the meeting's day may vote."""
    if not person_ids:
        return
    day = timezone.localtime(meeting.starts_at).date()
    seated = set(
        Membership.objects.current(day)
        .filter(body_id=meeting.body_id, person_id__in=person_ids, role__in=VOTING_ROLES)
        .values_list("person_id", flat=True)
    )
    if person_ids - seated:
        names = ", ".join(
            Person.objects.filter(pk__in=person_ids - seated)
            .order_by("name")
            .values_list("name", flat=True)
        )
        raise ValidationError(
            {
                "votes": _("Only members of the body can vote; not a member: %(names)s.")
                % {"names": names}
            },
            code="not_a_member",
        )


def _lacks_quorum(meeting: Meeting, attendance, outcome: str | None) -> bool:
    """Whether the body's quorum rule stops a decision being taken. Postponing or
    noting needs no quorum; a body with a quorum rule records the attendance first."""
    if not meeting.body.quorum_required:
        return False
    if outcome is not None and outcome not in VOTED_OUTCOMES:
        return False
    if not attendance.recorded:
        raise ValidationError(
            _("This body needs a quorum: record the attendance before the decisions."),
            code="attendance_missing",
        )
    return not attendance.quorum_reached


def _check_present(attendance, person_ids: set[int]) -> None:
    """Once attendance is recorded only the seats present vote (a substitute for the member)."""
    if not attendance.recorded or not person_ids:
        return
    present = {seat.person.pk for seat in attendance.present}
    if person_ids - present:
        names = ", ".join(
            Person.objects.filter(pk__in=person_ids - present)
            .order_by("name")
            .values_list("name", flat=True)
        )
        raise ValidationError(
            {
                "votes": _("Only members present can vote; not present: %(names)s.")
                % {"names": names}
            },
            code="not_present",
        )


def _check_decision_open(meeting: Meeting) -> None:
    if meeting.status != MeetingStatus.HELD:
        raise ValidationError(
            _(
                "Decisions are recorded after the meeting was held, and before its decision "
                "list is adopted."
            ),
            code="meeting_not_held",
        )


def _validate_outcome(*, rule: str, outcome: str | None, votes: Mapping[int, str]) -> str:
    if outcome is not None and outcome not in DecisionOutcome.values:
        raise ValidationError({"outcome": _("Choose an outcome.")}, code="bad_outcome")
    if any(choice not in VoteChoice.values for choice in votes.values()):
        raise ValidationError({"votes": _("A vote is for, against or an abstention.")})
    if rule == DecisionRule.CONSENSUS and votes:
        raise ValidationError(
            {"votes": _("This body decides by consensus; no votes are recorded.")},
            code="consensus_no_votes",
        )
    if votes and outcome is not None and outcome not in VOTED_OUTCOMES:
        raise ValidationError(
            {"votes": _("Votes are only recorded for a decision that was adopted or rejected.")},
            code="votes_without_vote",
        )
    computed = outcome_from_votes(rule=rule, votes=votes)
    if rule == DecisionRule.MAJORITY and (outcome is None or outcome in VOTED_OUTCOMES):
        if computed is None:
            raise ValidationError(
                {"votes": _("This body decides by majority: record the votes of the members.")},
                code="majority_needs_votes",
            )
        if outcome is not None and outcome != computed:
            raise ValidationError(
                {
                    "outcome": _(
                        "The votes give “%(computed)s”, not “%(outcome)s”: a majority of the "
                        "votes cast decides."
                    )
                    % {
                        "computed": DecisionOutcome(computed).label,
                        "outcome": DecisionOutcome(outcome).label,
                    }
                },
                code="outcome_mismatch",
            )
        return computed
    if (
        rule == DecisionRule.UNANIMITY
        and outcome == DecisionOutcome.ADOPTED
        and computed == DecisionOutcome.REJECTED
    ):
        raise ValidationError(
            {"outcome": _("This body decides unanimously: a vote against means no adoption.")},
            code="unanimity_broken",
        )
    result = outcome or computed
    if result is None:
        raise ValidationError({"outcome": _("Choose an outcome.")}, code="no_outcome")
    return result


@transaction.atomic
def decision_record(
    *,
    actor,
    item: AgendaItem,
    text: str,
    outcome: str | None = None,
    votes: Mapping[int, str] | None = None,
    urgency_reason: str = "",
) -> Decision:
    """Record a decision on `item` under the body's current decision rule.

    `votes` maps a member's Person id to voor/tegen/onthouding; under the majority rule the
    outcome follows from them (and a given outcome must agree). An adopted decision passes
    the checks registered by higher apps first (regiobureau/adoption.py); `urgency_reason`
    is the recorded reason for adopting it before a deadline it should have waited for.
    """
    urgency_reason = (urgency_reason or "").strip()
    meeting = Meeting.objects.select_related("body").get(pk=item.meeting_id)
    _check_decision_open(meeting)
    votes = dict(votes or {})
    rule = meeting.body.decision_rule
    attendance = attendance_summary(meeting)
    if outcome == DecisionOutcome.NO_QUORUM:
        raise ValidationError(
            {"outcome": _("“No quorum” follows from the attendance; it is not chosen.")},
            code="no_quorum_chosen",
        )
    if _lacks_quorum(meeting, attendance, outcome):
        # Too few seats present: nothing is decided and no votes are recorded.
        result, votes = DecisionOutcome.NO_QUORUM, {}
    else:
        result = _validate_outcome(rule=rule, outcome=outcome, votes=votes)
        _check_voters(meeting, set(votes))
        _check_present(attendance, set(votes))
    if result == DecisionOutcome.ADOPTED:
        run_adoption_checks(
            item=item, urgency_reason=urgency_reason, decided_on=timezone.localdate()
        )
    decision = Decision(
        item=item,
        text=(text or "").strip(),
        outcome=result,
        rule=rule,
        seats_present=len(attendance.present) if attendance.recorded else None,
        seats_total=attendance.total if attendance.recorded else None,
        urgency_reason=urgency_reason,
    )
    decision.full_clean()
    decision.save()
    Vote.objects.bulk_create(
        Vote(decision=decision, member_id=person_id, choice=choice)
        for person_id, choice in sorted(votes.items())
    )
    DecisionList.objects.get_or_create(meeting=meeting)
    audit_record_create(
        actor=actor,
        obj=decision,
        action=AuditAction.CREATE,
        verb="decision_record",
        changes={
            "outcome": result,
            "rule": rule,
            "votes": dict(Counter(votes.values())),
            "seats_present": decision.seats_present,
            "seats_total": decision.seats_total,
            "urgency_reason": urgency_reason,
        },
    )
    search_entries_refresh(objects=[decision])
    return decision


@transaction.atomic
def decision_delete(*, actor, decision: Decision) -> None:
    """Remove a decision recorded in error, while the decision list is still a draft."""
    meeting = decision.item.meeting
    _check_decision_open(meeting)
    if decision.council_letter_items.exists():
        raise ValidationError(
            _("This decision is reported in a council letter and cannot be removed."),
            code="in_letter",
        )
    audit_record_create(
        actor=actor, obj=decision, action=AuditAction.DELETE, verb="decision_delete"
    )
    search_entries_remove(model=Decision, ids=[decision.pk])
    decision.delete()


@transaction.atomic
def decision_list_adopt(*, actor, meeting: Meeting, at_meeting: Meeting) -> DecisionList:
    """Adopt the besluitenlijst of `meeting` at the body's next meeting; the meeting is then
    completed (afgerond) and its decisions are final."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    decision_list, _created = DecisionList.objects.select_for_update().get_or_create(
        meeting=meeting
    )
    if decision_list.status == DecisionListStatus.ADOPTED:
        raise ValidationError(_("This decision list has already been adopted."), code="adopted")
    if meeting.status != MeetingStatus.HELD:
        raise ValidationError(
            _("Only the decision list of a meeting that was held can be adopted."),
            code="meeting_not_held",
        )
    expected = next_meeting_of_body(meeting)
    if expected is None or expected.pk != at_meeting.pk:
        raise ValidationError(
            _("A decision list is adopted at the next meeting of the same body."),
            code="not_next_meeting",
        )
    audited_update(
        actor=actor,
        obj=decision_list,
        verb="decision_list_adopt",
        recorded=["status"],
        status=DecisionListStatus.ADOPTED,
        adopted_at=timezone.now(),
        adopted_in=at_meeting,
    )
    audited_update(
        actor=actor,
        obj=meeting,
        verb="meeting_set_status",
        clean=False,
        status=MeetingStatus.CLOSED,
    )
    # Adopted, the decisions get their public pages: the search hits point there now.
    search_entries_refresh(objects=list(Decision.objects.filter(item__meeting=meeting)))
    decision_list_pdfs_request(actor=actor, meeting=meeting)
    return decision_list


def decision_list_pdfs_request(*, actor, meeting: Meeting) -> list:
    """Request the besluitenlijst PDFs in the caller's transaction (the jobs are rows, an
    outbox): the members' version when anything was recorded, the public one when a visitor
    would see a decision or action in it (the producer refuses an empty list)."""
    jobs = []
    decisions, actions = everything_for_members(meeting)
    if decisions or actions:
        jobs.append(
            document_generation_request(
                actor=actor, subject=meeting, kind=DECISION_LIST, audience=MEMBERS
            )
        )
    visitor = AnonymousUser()
    if decisions_for_meeting(user=visitor, meeting=meeting) or actions_from_meeting(
        user=visitor, meeting=meeting
    ):
        jobs.append(
            document_generation_request(
                actor=actor, subject=meeting, kind=DECISION_LIST, audience=PUBLIC
            )
        )
    return jobs
