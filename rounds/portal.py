"""The written rounds in the main navigation."""

from django.utils.translation import gettext_lazy as _

from nhn_portal.core.portal import NavItem, in_namespace, register_nav_item

register_nav_item(
    NavItem(
        key="written_rounds",
        label=_("Written rounds"),
        url_name="rounds:round_list",
        order=65,
        current=in_namespace("rounds", "round_list", "round_create", "round_detail"),
    )
)
