"""On a rules-of-play page (gremia) the stuurgroep decision that adopted the version."""

from nhn_portal.core.portal import Panel, register_panel
from rules.models import RulesAdoption


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
        template="rules/_rules_adoption.html",
        context=rules_adoption,
        order=10,
    )
)
