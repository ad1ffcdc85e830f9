"""The netwerk app's place in the portal frame: the navigation entry for opportunities."""

from django.utils.translation import gettext_lazy as _

from nhn_portal.core.portal import NavItem, in_namespace, register_nav_item

from .permissions import can_use_opportunities

register_nav_item(
    NavItem(
        key="opportunities",
        label=_("Opportunities"),
        url_name="netwerk:opportunity_list",
        order=75,
        visible=can_use_opportunities,
        current=in_namespace("netwerk"),
    )
)
