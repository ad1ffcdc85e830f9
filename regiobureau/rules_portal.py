"""The stuurgroep decision shown on a rules-of-play page (gremia), filled from this floor."""

from nhn_portal.core.portal import Panel, register_panel
from regiobureau.models.rules import RulesAdoption


def rules_adoption(request, *, rules) -> dict:
    adoption = (
        RulesAdoption.objects.filter(rules=rules)
        .select_related("decision__item__meeting__body")
        .first()
    )
    return {"rules_adoption": adoption}


register_panel(
    Panel(
        page="rules",
        name="adoption",
        template="regiobureau/_rules_adoption.html",
        context=rules_adoption,
        order=10,
    )
)
