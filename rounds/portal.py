"""The written rounds in the main navigation."""

from django.utils.translation import gettext_lazy as _

from nhn_portal.core.portal import MEETINGS, NavItem, in_namespace, register_nav_item, register_todo
from rounds.selectors import rounds_closing, rounds_to_vote

register_nav_item(
    NavItem(
        key="written_rounds",
        label=_("Written rounds"),
        url_name="rounds:round_list",
        order=65,
        current=in_namespace("rounds", "round_list", "round_create", "round_detail"),
        group=MEETINGS,
    )
)

# The overview's to-do lines: a member's rounds to vote in, the secretary's rounds closing.
register_todo("rounds_to_vote", rounds_to_vote, order=40)
register_todo("rounds_closing", rounds_closing, order=40)
