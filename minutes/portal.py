"""The minutes in the portal frame: "Verslagen" in the main navigation; on a meeting's page
the link to its minutes and, under the standard item "Verslag vorige vergadering", to the
previous meeting's; in the archive a link per meeting whose minutes the viewer may read."""

from django.utils.translation import gettext_lazy as _

from minutes.permissions import can_read_minutes
from minutes.selectors import minutes_for, minutes_meeting_ids, previous_minutes_for
from nhn_portal.core.portal import (
    MEETINGS,
    NavItem,
    Panel,
    in_namespace,
    register_nav_item,
    register_panel,
)
from regiobureau.constants import MINUTES_ITEM_TITLE

register_nav_item(
    NavItem(
        key="minutes",
        label=_("Minutes"),
        url_name="minutes:minutes_list",
        order=37,
        current=in_namespace(
            "minutes", "minutes_list", "minutes_detail", "minutes_edit", "minutes_history"
        ),
        public=True,
        group=MEETINGS,
    )
)


def meeting_minutes(request, *, meeting, can_manage: bool) -> dict:
    """This meeting's minutes and the previous meeting's, as far as the reader may read them."""
    minutes = minutes_for(meeting)
    return {
        "minutes_readable": (can_manage and meeting.agenda_is_out)
        or can_read_minutes(request.user, meeting, minutes),
        "previous_minutes": previous_minutes_for(user=request.user, meeting=meeting),
        "MINUTES_ITEM_TITLE": MINUTES_ITEM_TITLE,
    }


def archive_minutes(request, *, meetings) -> dict:
    """The archived meetings whose minutes the viewer may read, in one query."""
    return {
        "minutes_ids": minutes_meeting_ids(
            user=request.user, meeting_ids=[meeting.pk for meeting in meetings]
        )
    }


register_panel(
    Panel(
        page="meeting",
        name="minutes",
        template="minutes/_meeting_links.html",
        context=meeting_minutes,
        order=10,
        slot="links",
    )
)
# The same context feeds the line under the standard item (slot "item", inside each row).
register_panel(
    Panel(
        page="meeting",
        name="previous_minutes",
        template="minutes/_meeting_item.html",
        context=lambda request, **objects: {},
        slot="item",
    )
)
register_panel(
    Panel(
        page="archive",
        name="minutes",
        template="minutes/_archive_link.html",
        context=archive_minutes,
        slot="meeting",
    )
)
