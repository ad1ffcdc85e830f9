"""Access helpers the regiobureau's workbench views share: the secretariat's meeting and item.

The generic plumbing (htmx, error text, the version guard, downloads) is in nhn_portal.core.
"""

from nhn_portal.core.access import require_secretariat
from regiobureau.models.meetings import AgendaItem, Meeting
from regiobureau.selectors.agenda import access_agenda_item
from regiobureau.selectors.meetings import access_meeting


def secretariat_meeting(request, pk: int) -> Meeting:
    require_secretariat(request.user)
    return access_meeting(user=request.user, pk=pk)


def secretariat_item(request, pk: int) -> AgendaItem:
    require_secretariat(request.user)
    return access_agenda_item(user=request.user, pk=pk)
