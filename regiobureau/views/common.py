"""Access helpers the regiobureau's workbench views share: the secretariat's meeting and item.

The generic plumbing (htmx, error text, the version guard, downloads) is in nhn_portal.core.
"""

from nhn_portal.core.access import require_secretariat
from regiobureau import selectors
from regiobureau.models import AgendaItem, Meeting


def secretariat_meeting(request, pk: int) -> Meeting:
    require_secretariat(request.user)
    return selectors.access_meeting(user=request.user, pk=pk)


def secretariat_item(request, pk: int) -> AgendaItem:
    require_secretariat(request.user)
    return selectors.access_agenda_item(user=request.user, pk=pk)
