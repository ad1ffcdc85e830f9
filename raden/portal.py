"""The council letters' places in the portal frame: the navigation entry for the griffies and
the secretariat, the overview's letters panel, and the dossier page's "councils informed"."""

from django.utils.translation import gettext_lazy as _

from nhn_portal.core.access import is_secretariat
from nhn_portal.core.constants import Role
from nhn_portal.core.portal import (
    COUNCILS,
    NavItem,
    Panel,
    in_namespace,
    register_nav_item,
    register_panel,
    register_todo,
)
from raden import permissions
from raden.selectors.gatherings import council_participation
from raden.selectors.letters import (
    council_letters_for_dossier,
    office_copies,
    unconfirmed_copy_count,
    unconfirmed_for_griffie,
)
from raden.selectors.offices import office_todo_lines
from raden.selectors.todo import gathering_lines, griffie_letter_lines, unconfirmed_letter_lines


def _uses_council_letters(user) -> bool:
    # By role alone (no query): the griffie's municipality is checked on the pages themselves.
    return Role.CLERK.value in user.role_names or is_secretariat(user)


def _is_griffie(user) -> bool:
    return Role.CLERK.value in user.role_names


# The raden pages that have their own navigation entry (gatherings, preferences).
_GATHERING_PAGES = ("gathering_list", "gathering_create", "gathering_detail", "gathering_edit")
_OTHER_PAGES = {*_GATHERING_PAGES, "preference", "office_copies"}
_DISTRIBUTION_PAGES = {"dashboard", "dashboard_csv"}

# One label, one kind of page: the griffie's letters received, the secretariat's distribution
# (the public list of letters is "Raadsinformatiebrieven", for everyone, under "Openbaar").
register_nav_item(
    NavItem(
        key="council_letters",
        label=_("Letters received"),
        url_name="raden:index",
        order=70,
        visible=_is_griffie,
        current=lambda match: (
            match is not None
            and match.namespace == "raden"
            and match.url_name not in _OTHER_PAGES
            and match.url_name not in _DISTRIBUTION_PAGES
        ),
        group=COUNCILS,
    )
)
register_nav_item(
    NavItem(
        key="council_letters_distribution",
        label=_("Letter distribution"),
        url_name="raden:dashboard",
        order=70,
        visible=is_secretariat,
        current=lambda match: (
            match is not None and match.namespace == "raden" and match.url_name not in _OTHER_PAGES
        ),
        group=COUNCILS,
    )
)


register_nav_item(
    NavItem(
        key="council_gatherings",
        label=_("Council gatherings"),
        url_name="raden:gathering_list",
        order=71,
        visible=_uses_council_letters,
        current=in_namespace("raden", *_GATHERING_PAGES),
        group=COUNCILS,
    )
)
register_nav_item(
    NavItem(
        key="council_preferences",
        label=_("Council preferences"),
        url_name="raden:preference",
        order=72,
        visible=_uses_council_letters,
        current=in_namespace("raden", "preference"),
        group=COUNCILS,
    )
)


def overview_letters(request) -> dict:
    """A griffie's letters still to confirm; for the secretariat, how many copies wait."""
    return {
        "griffie_letters": unconfirmed_for_griffie(user=request.user),
        "unconfirmed_copies": unconfirmed_copy_count(user=request.user),
    }


def dossier_letters(request, *, dossier) -> dict:
    """Which councils were informed about the dossier, as far as the reader may follow."""
    return {"council_letters": council_letters_for_dossier(user=request.user, dossier=dossier)}


def overview_office(request) -> dict:
    """A sub-region office's (boundary spanner's) way to its collegebrieven and
    summaries; nothing for anyone else."""
    if permissions.subregion_office(request.user) is None:
        return {"office_copies_office": None}
    office, copies = office_copies(user=request.user)
    return {"office_copies_office": office, "office_copies_count": len(copies)}


register_panel(
    Panel(
        page="overview",
        name="office_copies",
        template="raden/_overview_office.html",
        context=overview_office,
        order=35,
        slot="status",
    )
)


def balance_participation(request) -> dict:
    """Gremia's balance page: which councils take part in the council gatherings, which
    never do (counts per municipality; no names)."""
    return {"council_participation": council_participation()}


register_panel(
    Panel(
        page="balance",
        name="council_participation",
        template="raden/_balance_participation.html",
        context=balance_participation,
        order=50,
    )
)
register_panel(
    Panel(
        page="overview",
        name="council_letters",
        template="raden/_overview_letters.html",
        context=overview_letters,
        order=30,
        slot="status",
    )
)
register_panel(
    Panel(
        page="dossier",
        name="council_letters",
        template="raden/_dossier_letters.html",
        context=dossier_letters,
        order=10,
    )
)


# The overview's to-do lines: the griffie's letters and gatherings, the secretary's reminders.
register_todo("council_letters_griffie", griffie_letter_lines, order=50)
register_todo("council_gatherings", gathering_lines, order=55)
register_todo("council_letters_unconfirmed", unconfirmed_letter_lines, order=50)
register_todo("council_letters_subregion_office", office_todo_lines, order=52)
