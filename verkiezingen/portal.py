"""What the elections add to lower floors' pages: the seats still open after an election on
gremia's balance page."""

from nhn_portal.core.access import is_secretariat
from nhn_portal.core.portal import Panel, register_panel

from .selectors import open_seats_overview


def balance_open_seats(request) -> dict:
    """Per election whose successors are not all recorded: seats reopened and still open
    (counts only; the secretariat gets the link to record successors)."""
    return {
        "election_seats": open_seats_overview(),
        "election_seats_link": is_secretariat(request.user),
    }


register_panel(
    Panel(
        page="balance",
        name="election_open_seats",
        template="verkiezingen/_balance_open_seats.html",
        context=balance_open_seats,
        order=40,
    )
)
