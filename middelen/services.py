"""Writing the cost key and the core message; every change is audited in its transaction."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from gremia.constants import BodyKind
from gremia.models.registry import Organisation
from middelen.constants import CORE_MESSAGE_AUDIENCE, CORE_MESSAGE_PDF
from middelen.models import CoreMessage, CostKeyPartner, CostKeyStatus, CostKeyYear, Population
from nhn_portal.core.audit import audited_create, audited_update
from nhn_portal.core.production.services import document_generation_request
from regiobureau.constants import DecisionOutcome
from regiobureau.models.decisions import Decision


def _adopting_decision(decision: Decision) -> tuple[Decision, datetime.date]:
    """The decision, checked: an adopted decision of the stuurgroep; and the meeting's day."""
    decision = Decision.objects.select_related("item__meeting__body").get(pk=decision.pk)
    meeting = decision.item.meeting
    if meeting.body.kind != BodyKind.STEERING_GROUP:
        raise ValidationError({"decision": _("Only a decision of the stuurgroep adopts this.")})
    if decision.outcome != DecisionOutcome.ADOPTED:
        raise ValidationError({"decision": _("The decision was not adopted.")})
    return decision, timezone.localdate(meeting.starts_at)


@transaction.atomic
def population_record(
    *, actor, organisation: Organisation, date: datetime.date, inhabitants: int, source: str
) -> Population:
    population = Population(
        organisation=organisation, date=date, inhabitants=inhabitants, source=source
    )
    return audited_create(actor=actor, obj=population, verb="population_record")


@transaction.atomic
def cost_key_year_create(
    *,
    actor,
    year: int,
    budget_cents: int,
    fixed_part_cents: int,
    population_date: datetime.date,
    partners: list[tuple[Organisation, int]],
) -> CostKeyYear:
    """A draft cost key for `year` (the next version of that year) with its partners and
    their in-kind hours."""
    if fixed_part_cents * len(partners) > budget_cents:
        raise ValidationError({"fixed_part_cents": _("The fixed parts exceed the budget.")})
    last = CostKeyYear.objects.filter(year=year).aggregate(v=Max("version"))["v"] or 0
    key = audited_create(
        actor=actor,
        obj=CostKeyYear(
            year=year,
            version=last + 1,
            budget_cents=budget_cents,
            fixed_part_cents=fixed_part_cents,
            population_date=population_date,
        ),
        verb="cost_key_year_create",
    )
    for organisation, hours in partners:
        audited_create(
            actor=actor,
            obj=CostKeyPartner(year=key, organisation=organisation, in_kind_hours=hours),
            verb="cost_key_partner_create",
        )
    return key


@transaction.atomic
def cost_key_year_adopt(*, actor, key: CostKeyYear, decision: Decision) -> CostKeyYear:
    """Adopt a draft cost key by an adopted stuurgroep decision, on the day of the meeting."""
    key = CostKeyYear.objects.select_for_update().get(pk=key.pk)
    if key.status != CostKeyStatus.DRAFT:
        raise ValidationError(_("Only a draft cost key can be adopted."))
    decision, on = _adopting_decision(decision)
    return audited_update(
        actor=actor,
        obj=key,
        verb="cost_key_year_adopt",
        status=CostKeyStatus.ADOPTED,
        decision=decision,
        adopted_on=on,
    )


@transaction.atomic
def core_message_create(*, actor, text: str) -> CoreMessage:
    """A draft of the next version of the core message."""
    last = CoreMessage.objects.aggregate(v=Max("version"))["v"] or 0
    return audited_create(
        actor=actor, obj=CoreMessage(version=last + 1, text=text), verb="core_message_create"
    )


@transaction.atomic
def core_message_adopt(*, actor, message: CoreMessage, decision: Decision) -> CoreMessage:
    """Adopt a draft of the core message by an adopted stuurgroep decision."""
    message = CoreMessage.objects.select_for_update().get(pk=message.pk)
    if message.adopted_on is not None:
        raise ValidationError(_("This version is already adopted."))
    decision, on = _adopting_decision(decision)
    message = audited_update(
        actor=actor, obj=message, verb="core_message_adopt", decision=decision, adopted_on=on
    )
    # The adopted message is also published as a PDF (made by the pipeline after the commit).
    document_generation_request(
        actor=actor, subject=message, kind=CORE_MESSAGE_PDF, audience=CORE_MESSAGE_AUDIENCE
    )
    return message
