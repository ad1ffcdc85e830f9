"""Adopting a version of the rules of play by a stuurgroep decision."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gremia import services as registry
from gremia.constants import BodyKind
from gremia.models.rules import RulesOfPlay
from nhn_portal.core.audit import audited_create
from regiobureau.constants import DecisionOutcome
from regiobureau.models.decisions import Decision
from rules.models import RulesAdoption


@transaction.atomic
def rules_of_play_adopt_by_decision(
    *, actor, rules: RulesOfPlay, decision: Decision
) -> RulesAdoption:
    """Adopt a draft of the rules of play by an adopted decision of the stuurgroep: the
    version is adopted on the day of the meeting and the decision is recorded beside it."""
    decision = Decision.objects.select_related("item__meeting__body").get(pk=decision.pk)
    meeting = decision.item.meeting
    if meeting.body.kind != BodyKind.STEERING_GROUP:
        raise ValidationError({"decision": _("Only a decision of the stuurgroep adopts rules.")})
    if decision.outcome != DecisionOutcome.ADOPTED:
        raise ValidationError({"decision": _("The decision was not adopted.")})
    registry.rules_of_play_adopt(actor=actor, rules=rules, on=timezone.localdate(meeting.starts_at))
    adoption = RulesAdoption(rules=rules, decision=decision)
    audited_create(actor=actor, obj=adoption, verb="rules_of_play_adopt_by_decision")
    return adoption
