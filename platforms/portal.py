"""The growth scenarios in the beheerder's navigation."""

from django.utils.translation import gettext_lazy as _

from nhn_portal.core.access import is_manager
from nhn_portal.core.portal import MANAGEMENT, NavItem, in_namespace, register_nav_item

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
