"""Writes for decisions, the besluitenlijst and action items (issue 5).

Kept apart from services.py (meetings, agendas, stukken), which is already long; the same rules
apply: keyword-only, validated, audited in the same transaction.
"""

import datetime
from collections import Counter
from collections.abc import Mapping

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from gremia.constants import DecisionRule, MembershipRole
from gremia.models import Membership, Organisation, Person
from nhn_portal.core.audit import audit_record_create, model_changes, snapshot
from nhn_portal.core.constants import AuditAction

from .constants import (
    VOTED_OUTCOMES,
    ActionStatus,
    DecisionListStatus,
    DecisionOutcome,
    MeetingStatus,
    VoteChoice,
)
from .models import ActionItem, AgendaItem, Decision, DecisionList, Meeting, Vote

# Who may vote: the seats at the table and a substitute standing in for one.
VOTING_ROLES = (MembershipRole.CHAIR, MembershipRole.MEMBER, MembershipRole.SUBSTITUTE)


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
) -> Decision:
    """Record a decision on `item` under the body's current decision rule.

    `votes` maps a member's Person id to voor/tegen/onthouding; under the majority rule the
    outcome follows from them (and a given outcome must agree).
    """
    meeting = Meeting.objects.select_related("body").get(pk=item.meeting_id)
    _check_decision_open(meeting)
    votes = dict(votes or {})
    rule = meeting.body.decision_rule
    result = _validate_outcome(rule=rule, outcome=outcome, votes=votes)
    _check_voters(meeting, set(votes))
    decision = Decision(item=item, text=(text or "").strip(), outcome=result, rule=rule)
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
        changes={"outcome": result, "rule": rule, "votes": dict(Counter(votes.values()))},
    )
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
    decision.delete()


def next_meeting_of_body(meeting: Meeting) -> Meeting | None:
    """The body's next meeting after `meeting` that is not cancelled."""
    return (
        Meeting.objects.filter(body_id=meeting.body_id, starts_at__gt=meeting.starts_at)
        .exclude(status=MeetingStatus.CANCELLED)
        .order_by("starts_at", "pk")
        .first()
    )


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
    decision_list.status = DecisionListStatus.ADOPTED
    decision_list.adopted_at = timezone.now()
    decision_list.adopted_in = at_meeting
    decision_list.full_clean()
    decision_list.save(update_fields=["status", "adopted_at", "adopted_in", "updated_at"])
    meeting.status = MeetingStatus.CLOSED
    meeting.save(update_fields=["status", "updated_at"])
    audit_record_create(
        actor=actor,
        obj=decision_list,
        action=AuditAction.UPDATE,
        verb="decision_list_adopt",
        changes={"status": [DecisionListStatus.DRAFT, DecisionListStatus.ADOPTED]},
    )
    audit_record_create(
        actor=actor,
        obj=meeting,
        action=AuditAction.UPDATE,
        verb="meeting_set_status",
        changes={"status": [MeetingStatus.HELD, MeetingStatus.CLOSED]},
    )
    return decision_list


ACTION_FIELDS = ["description", "deadline", "owner_person", "owner_organisation", "status"]


@transaction.atomic
def action_item_create(
    *,
    actor,
    meeting: Meeting,
    description: str,
    deadline: datetime.date,
    owner_person: Person | None = None,
    owner_organisation: Organisation | None = None,
    item: AgendaItem | None = None,
) -> ActionItem:
    """Give someone (a person, or an organisation) something to do by `deadline`."""
    if item is not None and item.meeting_id != meeting.pk:
        raise ValidationError({"origin_item": _("The item belongs to another meeting.")})
    action = ActionItem(
        description=(description or "").strip(),
        deadline=deadline,
        owner_person=owner_person,
        owner_organisation=owner_organisation,
        origin_meeting=meeting,
        origin_item=item,
    )
    action.full_clean()
    action.save()
    audit_record_create(
        actor=actor, obj=action, action=AuditAction.CREATE, verb="action_item_create"
    )
    return action


@transaction.atomic
def action_item_set_status(*, actor, action: ActionItem, status: str) -> ActionItem:
    """Mark an action done or lapsed (or open again)."""
    if status not in ActionStatus.values:
        raise ValidationError({"status": _("Choose a status.")})
    before = snapshot(action, ["status"])
    action.status = status
    action.closed_at = None if status == ActionStatus.OPEN else timezone.now()
    action.full_clean()
    action.save(update_fields=["status", "closed_at", "updated_at"])
    audit_record_create(
        actor=actor,
        obj=action,
        action=AuditAction.UPDATE,
        verb="action_item_set_status",
        changes=model_changes(before, action, ["status"]),
    )
    return action


def _owner_addresses(action: ActionItem) -> list[str]:
    """A person's login address (or registered e-mail); for an organisation, the people of it
    who sit on the body the action came from."""
    if action.owner_person_id:
        person = action.owner_person
        address = person.user.email if person.user_id else person.email
        return [address] if address else []
    people = (
        Membership.objects.current()
        .filter(body_id=action.origin_meeting.body_id, organisation_id=action.owner_organisation_id)
        .select_related("person__user")
    )
    return sorted(
        {(m.person.user.email if m.person.user_id else m.person.email) for m in people} - {""}
    )


def action_overdue_remind(*, today: datetime.date | None = None) -> int:
    """Send one e-mail per owner listing all their overdue open actions; actions reminded
    today are skipped, so a second run the same day sends nothing. Returns mails sent."""
    today = today or timezone.localdate()
    overdue = list(
        ActionItem.objects.filter(status=ActionStatus.OPEN, deadline__lt=today)
        .filter(Q(reminded_on__isnull=True) | Q(reminded_on__lt=today))
        .select_related(
            "owner_person__user", "owner_organisation", "origin_meeting__body", "origin_item"
        )
        .order_by("deadline", "pk")
    )
    groups: dict[tuple[str, int], list[ActionItem]] = {}
    for action in overdue:
        key = (
            ("person", action.owner_person_id)
            if action.owner_person_id
            else (
                "organisation",
                action.owner_organisation_id,
            )
        )
        groups.setdefault(key, []).append(action)
    link = settings.SITE_URL.rstrip("/") + reverse("regiobureau:my_actions")
    sent = 0
    for actions in groups.values():
        with transaction.atomic():
            # Claim the actions for today first: a parallel run finds nothing left to claim.
            claimed = ActionItem.objects.filter(
                pk__in=[a.pk for a in actions], status=ActionStatus.OPEN
            ).filter(Q(reminded_on__isnull=True) | Q(reminded_on__lt=today))
            if claimed.update(reminded_on=today) == 0:
                continue
            recipients = set()
            for action in actions:
                recipients.update(_owner_addresses(action))
            if not recipients:
                continue
            with translation.override("nl"):
                context = {"owner": actions[0].owner, "actions": actions, "link": link}
                subject = render_to_string("regiobureau/email/actions_overdue_subject.txt", context)
                body = render_to_string("regiobureau/email/actions_overdue_body.txt", context)
            EmailMessage(
                " ".join(subject.split()),
                body,
                settings.DEFAULT_FROM_EMAIL,
                sorted(recipients),
            ).send(fail_silently=False)
            sent += 1
    return sent
