"""The code of conduct: its answers in a version of the rules of play and its ambassadors.
Ambassadors are public registry data, like a body's members (names and roles only)."""

from gremia.constants import CONDUCT_QUESTIONS
from gremia.models.conduct import ConductAmbassador
from gremia.models.rules import RulesOfPlay


def conduct_answers(rules: RulesOfPlay) -> list[tuple]:
    """(label, question, answer) of the code of conduct in this version."""
    return [(label, question, getattr(rules, name)) for name, label, question in CONDUCT_QUESTIONS]


def conduct_ambassadors(*, rules: RulesOfPlay | None = None) -> list[ConductAmbassador]:
    """The current ambassadors: for a body's rules that body's, for the NHN-wide rules (or
    None) every body's and every sub-region's. One query."""
    qs = ConductAmbassador.objects.current().select_related(
        "person__organisation", "body", "subregion"
    )
    if rules is not None and rules.body_id:
        qs = qs.filter(body_id=rules.body_id)
    return list(qs.order_by("subregion__name", "body__name", "person__name"))
