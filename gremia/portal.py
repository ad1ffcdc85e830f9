"""The registry's places in the portal frame: the Bodies and Balance entries of the main
navigation, and the overview's registry panel (the registry pages, one's own memberships)."""

from django.utils.translation import gettext_lazy as _

from nhn_portal.core.portal import (
    NavItem,
    Panel,
    in_namespace,
    register_nav_item,
    register_panel,
)

from . import selectors


def _bodies_current(match) -> bool:
    if match is None:
        return False
    return (match.namespace == "gremia" and match.url_name != "balance") or (
        match.namespace == "platforms"
    )


register_nav_item(
    NavItem(
        key="bodies",
        label=_("Bodies"),
        url_name="gremia:governance_map",
        order=10,
        current=_bodies_current,
    )
)
register_nav_item(
    NavItem(
        key="balance",
        label=_("Balance"),
        url_name="gremia:balance",
        order=20,
        current=in_namespace("gremia", "balance"),
    )
)


def overview_registry(request) -> dict:
    """The signed-in person (the page's greeting uses it) and their current memberships."""
    person = selectors.person_for_user(user=request.user)
    memberships = selectors.person_memberships(person=person)["current"] if person else []
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
