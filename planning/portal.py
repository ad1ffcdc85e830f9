"""The forward agenda in the main navigation; on a meeting's page the way to the stukken handed
in by the bodies that prepare it."""

from django.utils.translation import gettext_lazy as _

from nhn_portal.core.access import is_secretariat
from nhn_portal.core.portal import (
    MEETINGS,
    NavItem,
    Panel,
    in_namespace,
    register_nav_item,
    register_panel,
    register_todo,
)
from planning.selectors import hand_in_lines, open_for_proposals, preparing_bodies

register_nav_item(
    NavItem(
        key="planning",
        label=_("Forward agenda"),
        url_name="planning:planning",
        order=55,
        current=in_namespace("planning", "planning"),
        group=MEETINGS,
    )
)

register_nav_item(
    NavItem(
        key="meeting_series",
        label=_("Meeting series"),
        url_name="planning:series_list",
        order=56,
        current=in_namespace("planning", "series_list", "series_create", "series_detail"),
        visible=is_secretariat,
        group=MEETINGS,
    )
)


def meeting_proposals(request, *, meeting, can_manage: bool) -> dict:
    """A member of a preparing body may hand in a stuk while the meeting is open for it."""
    return {
        "can_hand_in": bool(preparing_bodies(user=request.user, meeting=meeting))
        and open_for_proposals(meeting)
    }


register_panel(
    Panel(
        page="meeting",
        name="proposals",
        template="planning/_meeting_proposals.html",
        context=meeting_proposals,
        order=20,
        slot="links",
    )
)


# The overview's to-do line: a civil servant's hand-in for the body her working group prepares.
register_todo("planning_hand_in", hand_in_lines, order=25)
