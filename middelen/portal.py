"""The cost key in the organisation menu, for those who may see it."""

from django.utils.translation import gettext_lazy as _

from middelen.selectors import can_see_cost_key, core_message_current
from nhn_portal.core.portal import ORGANISATION, NavItem, in_namespace, register_nav_item
from nhn_portal.core.story import register_core_message_provider

register_nav_item(
    NavItem(
        key="cost_key",
        label=_("Cost key"),
        url_name="middelen:cost_key_current",
        order=28,
        visible=can_see_cost_key,
        current=in_namespace("middelen", "cost_key", "cost_key_current"),
        group=ORGANISATION,
    )
)

register_core_message_provider(core_message_current)
