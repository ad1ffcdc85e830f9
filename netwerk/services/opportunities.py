"""Opportunities with a clock (kansen) (netwerk): writes, each validated and audited
in one transaction."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from gremia.models.registry import Body
from netwerk.models.opportunities import Opportunity, OpportunityStep
from nhn_portal.core.audit import audit_record_create, audited_create, audited_update
from nhn_portal.core.constants import AuditAction


def _require_future_deadline(deadline: datetime.date, today: datetime.date) -> None:
    if deadline < today:
        raise ValidationError(
            {"deadline": _("The deadline is in the past: this opportunity can no longer be met.")},
            code="deadline_past",
        )


@transaction.atomic
def opportunity_create(
    *,
    actor,
    title: str,
    kind: str,
    deciding_body: Body,
    signalled_on: datetime.date,
    deadline: datetime.date,
    description: str = "",
    source: str = "",
    today: datetime.date | None = None,
) -> Opportunity:
    """Record a signal with its external deadline and the body that must decide."""
    today = today or timezone.localdate()
    _require_future_deadline(deadline, today)
    if signalled_on > today:
        raise ValidationError(
            {"signalled_on": _("A signal cannot be dated in the future.")}, code="signal_future"
        )
    opportunity = Opportunity(
        title=title.strip(),
        kind=kind,
        deciding_body=deciding_body,
        signalled_on=signalled_on,
        deadline=deadline,
        description=description,
        source=source,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    audited_create(
        actor=actor,
        obj=opportunity,
        verb="opportunity_create",
        changes={"deadline": deadline.isoformat(), "deciding_body": str(deciding_body)},
    )
    return opportunity


@transaction.atomic
def opportunity_update(
    *,
    actor,
    opportunity: Opportunity,
    title: str,
    kind: str,
    deciding_body: Body,
    signalled_on: datetime.date,
    deadline: datetime.date,
    description: str = "",
    source: str = "",
    today: datetime.date | None = None,
) -> Opportunity:
    """Correct what was recorded of an open opportunity. A decided one is history and stays
    as it was; a deadline moved into the past is refused as at creation (an unchanged past
    deadline may stay)."""
    today = today or timezone.localdate()
    opportunity = _locked(opportunity)
    if deadline != opportunity.deadline:
        _require_future_deadline(deadline, today)
    if signalled_on > today:
        raise ValidationError(
            {"signalled_on": _("A signal cannot be dated in the future.")}, code="signal_future"
        )
    return audited_update(
        actor=actor,
        obj=opportunity,
        verb="opportunity_update",
        title=title.strip(),
        kind=kind,
        deciding_body=deciding_body,
        signalled_on=signalled_on,
        deadline=deadline,
        description=description,
        source=source,
    )


def _locked(opportunity: Opportunity) -> Opportunity:
    locked = Opportunity.objects.select_for_update().get(pk=opportunity.pk)
    if locked.is_decided:
        raise ValidationError(
            _("This opportunity was decided; its route can no longer change."), code="decided"
        )
    return locked


@transaction.atomic
def opportunity_step_add(
    *, actor, opportunity: Opportunity, body: Body, planned_on: datetime.date
) -> OpportunityStep:
    """Add the next stop of the route. A body only once (a route that loops back is refused),
    and never planned before the step it follows."""
    opportunity = _locked(opportunity)
    steps = list(opportunity.steps.select_related("body"))
    if any(step.body_id == body.pk for step in steps):
        raise ValidationError(
            {"body": _("This body is already on the route: a route may not loop back.")},
            code="loop",
        )
    if steps and planned_on < steps[-1].planned_on:
        raise ValidationError(
            {
                "planned_on": _(
                    "A step cannot be planned before the step it follows (%(body)s, %(date)s)."
                )
                % {"body": steps[-1].body, "date": steps[-1].planned_on.strftime("%d-%m-%Y")}
            },
            code="order",
        )
    if planned_on < opportunity.signalled_on:
        raise ValidationError(
            {"planned_on": _("A step cannot be planned before the signal.")}, code="before_signal"
        )
    position = (opportunity.steps.aggregate(last=Max("position"))["last"] or 0) + 1
    step = OpportunityStep(
        opportunity=opportunity, position=position, body=body, planned_on=planned_on
    )
    step.full_clean()
    step.save()
    audit_record_create(
        actor=actor,
        obj=opportunity,
        action=AuditAction.UPDATE,
        verb="opportunity_step_add",
        changes={"step": [None, f"{position}. {body} {planned_on.isoformat()}"]},
    )
    return step


@transaction.atomic
def opportunity_step_remove(*, actor, step: OpportunityStep) -> None:
    """Take a stop off the route; the later steps move up."""
    opportunity = _locked(step.opportunity)
    step = OpportunityStep.objects.select_related("body").get(pk=step.pk)
    description = f"{step.position}. {step.body} {step.planned_on.isoformat()}"
    step.delete()
    for position, later in enumerate(opportunity.steps.order_by("position"), start=1):
        if later.position != position:
            later.position = position
            later.save(update_fields=["position", "updated_at"])
    audit_record_create(
        actor=actor,
        obj=opportunity,
        action=AuditAction.UPDATE,
        verb="opportunity_step_remove",
        changes={"step": [description, None]},
    )


@transaction.atomic
def opportunity_step_complete(
    *, actor, step: OpportunityStep, done_on: datetime.date, today: datetime.date | None = None
) -> OpportunityStep:
    """The body dealt with the opportunity on `done_on` (not in the future)."""
    today = today or timezone.localdate()
    _locked(step.opportunity)
    if done_on > today:
        raise ValidationError(
            {"done_on": _("A step cannot be done in the future.")}, code="done_future"
        )
    return audited_update(actor=actor, obj=step, verb="opportunity_step_complete", done_on=done_on)


@transaction.atomic
def opportunity_decide(
    *,
    actor,
    opportunity: Opportunity,
    decided_on: datetime.date,
    outcome: str,
    today: datetime.date | None = None,
) -> Opportunity:
    """Record the decision; the lead time signal → decision follows from it."""
    today = today or timezone.localdate()
    opportunity = _locked(opportunity)
    if decided_on > today:
        raise ValidationError(
            {"decided_on": _("A decision cannot be dated in the future.")}, code="decided_future"
        )
    if not outcome:
        raise ValidationError({"outcome": _("Choose the outcome.")}, code="outcome")
    return audited_update(
        actor=actor,
        obj=opportunity,
        verb="opportunity_decide",
        decided_on=decided_on,
        outcome=outcome,
    )
