"""Writes for action items: agreed at a meeting, done or lapsed; the daily
reminder of overdue ones.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from gremia.models.registry import Organisation, Person
from gremia.selectors.registry import organisation_member_addresses, person_address
from nhn_portal.core.audit import audited_create, audited_update
from nhn_portal.core.mail import send_templated_mail, site_link
from regiobureau.constants import ActionStatus
from regiobureau.models.decisions import ActionItem
from regiobureau.models.meetings import AgendaItem, Meeting

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
    audited_create(actor=actor, obj=action, verb="action_item_create")
    return action


@transaction.atomic
def action_item_set_status(*, actor, action: ActionItem, status: str) -> ActionItem:
    """Mark an action done or lapsed (or open again)."""
    if status not in ActionStatus.values:
        raise ValidationError({"status": _("Choose a status.")})
    return audited_update(
        actor=actor,
        obj=action,
        verb="action_item_set_status",
        recorded=["status"],
        status=status,
        closed_at=None if status == ActionStatus.OPEN else timezone.now(),
    )


def _owner_addresses(action: ActionItem) -> list[str]:
    """A person's login address (or registered e-mail); for an organisation, the people of it
    who sit on the body the action came from."""
    if action.owner_person_id:
        address = person_address(action.owner_person)
        return [address] if address else []
    return organisation_member_addresses(
        body_id=action.origin_meeting.body_id, organisation_id=action.owner_organisation_id
    )


def action_overdue_remind(*, today: datetime.date | None = None) -> int:
    """Send each owner one e-mail listing all their overdue open actions (for an organisation,
    one to each of its people at the body); actions reminded today are skipped, so a second
    run the same day sends nothing. Returns the number of mails sent."""
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
    link = site_link(reverse("regiobureau:my_actions"))
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
            sent += send_templated_mail(
                template="regiobureau/email/actions_overdue",
                context={"owner": actions[0].owner, "actions": actions, "link": link},
                recipients=recipients,
            )
    return sent
