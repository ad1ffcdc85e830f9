"""The growth scenarios in the beheerder's navigation, and the scenarios decided on the
governance map."""

from django.utils.translation import gettext_lazy as _

from nhn_portal.core.access import is_manager
from nhn_portal.core.portal import (
    MANAGEMENT,
    NavItem,
    Panel,
    in_namespace,
    register_nav_item,
    register_panel,
)
from platforms.scenarios import scenario_adoptions

register_nav_item(
    NavItem(
        key="growth_scenarios",
        label=_("Growth scenarios"),
        url_name="platforms:scenario_list",
        order=80,
        visible=is_manager,
        current=in_namespace("platforms", "scenario_list", "scenario_detail"),
        end=True,
        group=MANAGEMENT,
    )
)


def _scenario_history(request, **objects) -> dict:
    return {"scenario_adoptions": scenario_adoptions()}


# The governance map's history: which growth scenarios were applied, by which decision.
register_panel(
    Panel(
        page="governance_map",
        name="scenario_history",
        template="platforms/_governance_map_history.html",
        context=_scenario_history,
    )
)
