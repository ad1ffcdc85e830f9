"""The netwerk app's place in the portal frame: the navigation entry for opportunities."""

from django.utils.translation import gettext_lazy as _

from nhn_portal.core.access import is_secretariat
from nhn_portal.core.portal import (
    NETWORK,
    PUBLIC,
    NavItem,
    Panel,
    in_namespace,
    register_nav_item,
    register_panel,
)

from . import selectors
from .outcome_selectors import outcome_balance_warnings
from .permissions import can_use_opportunities, can_use_public_affairs

register_nav_item(
    NavItem(
        key="opportunities",
        label=_("Opportunities"),
        url_name="netwerk:opportunity_list",
        order=75,
        visible=can_use_opportunities,
        current=in_namespace(
            "netwerk", "opportunity_list", "opportunity_create", "opportunity_detail", "lead_times"
        ),
        group=NETWORK,
    )
)
register_nav_item(
    NavItem(
        key="public_affairs",
        label=_("Public affairs"),
        url_name="netwerk:lobby_dossier_list",
        order=76,
        visible=can_use_public_affairs,
        current=in_namespace(
            "netwerk",
            "lobby_dossier_list",
            "lobby_dossier_create",
            "lobby_dossier_detail",
            "external_calendar",
        ),
        group=NETWORK,
    )
)
register_nav_item(
    NavItem(
        key="public_affairs_public",
        label=_("Lobby agenda"),
        url_name="netwerk:public_affairs",
        order=77,
        public=True,
        visible=lambda user: not can_use_public_affairs(user),
        current=in_namespace("netwerk", "public_affairs"),
        group=PUBLIC,
    )
)
register_nav_item(
    NavItem(
        key="related_tables",
        label=_("Related tables"),
        url_name="netwerk:related_tables",
        order=78,
        current=in_namespace("netwerk", "related_tables"),
        group=NETWORK,
    )
)
# The public showcase for everyone; the project register (another kind of page, another
# label) for the secretariat.
register_nav_item(
    NavItem(
        key="regio_deal",
        label=_("Regio Deal"),
        url_name="netwerk:regio_deal",
        order=79,
        public=True,
        current=in_namespace("netwerk", "regio_deal"),
        group=PUBLIC,
    )
)
register_nav_item(
    NavItem(
        key="regio_deal_projects",
        label=_("Regio Deal projects"),
        url_name="netwerk:project_list",
        order=79,
        visible=can_use_opportunities,
        current=in_namespace("netwerk", "project_list", "project_detail"),
        group=NETWORK,
    )
)


# The secretariat finds the boundary spanners in the navigation (by role, no query: the frame's
# query budget is fixed); a boundary spanner finds their own page in a panel of the overview.
register_nav_item(
    NavItem(
        key="boundary_spanners",
        label=_("Boundary spanners"),
        url_name="netwerk:spanner_list",
        order=80,
        visible=can_use_opportunities,
        current=in_namespace("netwerk", "spanner_list", "spanner_detail"),
        group=NETWORK,
    )
)


def overview_spanner(request) -> dict:
    """A boundary spanner's own page on the overview (the secretariat has the navigation)."""
    user = request.user
    if not getattr(user, "is_authenticated", False) or can_use_opportunities(user):
        return {"own_spanner_roles": []}
    return {"own_spanner_roles": list(selectors.spanners_for(user=user))}


register_panel(
    Panel(
        page="overview",
        name="boundary_spanner",
        template="netwerk/_overview_spanner.html",
        context=overview_spanner,
        order=40,
        slot="status",
    )
)


# ---- What each sub-region gets ----------------------------------------------------------


def balance_outcomes(request) -> dict:
    """Gremia's balance page: each sub-region's share of the euros against its share of the
    inhabitants, with a warning past the norm of the rules of play."""
    return {
        "outcome_balance": outcome_balance_warnings(user=request.user),
        "outcome_balance_link": is_secretariat(request.user),
    }


register_panel(
    Panel(
        page="balance",
        name="outcome_balance",
        template="netwerk/_outcome_balance.html",
        context=balance_outcomes,
        order=30,
    )
)
register_nav_item(
    NavItem(
        key="outcomes_public",
        label=_("What each sub-region gets"),
        url_name="netwerk:outcomes_public",
        order=78,
        public=True,
        current=in_namespace("netwerk", "outcomes_public"),
        group=PUBLIC,
    )
)
register_nav_item(
    NavItem(
        key="outcome_ledger",
        label=_("Ledger of outcomes"),
        url_name="netwerk:outcome_list",
        order=79,
        visible=is_secretariat,
        current=in_namespace("netwerk", "outcome_list", "outcome_edit"),
        group=NETWORK,
    )
)
