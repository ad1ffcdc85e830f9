"""The registry's places in the portal frame: the Bodies and Balance entries of the main
navigation, and the overview's registry panel (the registry pages, one's own memberships)."""

from django.utils.translation import gettext_lazy as _

from gremia.permissions import can_delegate
from gremia.selectors.registry import person_for_user, person_memberships
from nhn_portal.core.portal import (
    ORGANISATION,
    WORK,
    NavItem,
    Panel,
    in_namespace,
    register_nav_item,
    register_panel,
)


def _bodies_current(match) -> bool:
    if match is None:
        return False
    if match.namespace == "platforms":
        return match.url_name == "theme_detail"
    return match.namespace == "gremia" and match.url_name not in {
        "balance",
        *RULES_PAGES,
        *DELEGATION_PAGES,
    }


register_nav_item(
    NavItem(
        key="bodies",
        # "Bestuurskaart", what the page is; "Gremia" is the public list of bodies.
        label=_("Governance map"),
        url_name="gremia:governance_map",
        order=10,
        current=_bodies_current,
        group=ORGANISATION,
    )
)
# The rules of play and the cooperation agreement, for every signed-in user.
RULES_PAGES = ("rules_list", "rules_detail", "rules_edit", "agreement")
register_nav_item(
    NavItem(
        key="rules",
        label=_("Rules of play"),
        url_name="gremia:rules_list",
        order=25,
        current=lambda match: (
            match is not None
            and (
                (match.namespace == "gremia" and match.url_name in RULES_PAGES)
                or (match.namespace == "regiobureau" and match.url_name == "rules_adopt")
            )
        ),
        group=ORGANISATION,
    )
)
register_nav_item(
    NavItem(
        key="balance",
        label=_("Balance"),
        url_name="gremia:balance",
        order=20,
        current=in_namespace("gremia", "balance"),
        group=ORGANISATION,
    )
)


# A bestuurder's assistants, who read her meetings (gremia's Delegation).
DELEGATION_PAGES = ("delegations", "delegation_revoke")
register_nav_item(
    NavItem(
        key="delegations",
        label=_("My assistants"),
        url_name="gremia:delegations",
        order=40,
        visible=can_delegate,
        current=in_namespace("gremia", *DELEGATION_PAGES),
        group=WORK,
    )
)


def overview_registry(request) -> dict:
    """The signed-in person (the page's greeting uses it) and their current memberships."""
    person = person_for_user(user=request.user)
    memberships = person_memberships(person=person)["current"] if person else []
    return {"person": person, "memberships": memberships}


register_panel(
    Panel(
        page="overview",
        name="registry",
        template="gremia/_overview_registry.html",
        context=overview_registry,
        order=900,
        slot="registry",
    )
)
