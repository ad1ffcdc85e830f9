"""Small helpers the regiobureau views share: access for the secretariat, htmx responses."""

from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.cache import patch_vary_headers

from regiobureau import permissions, selectors
from regiobureau.models import AgendaItem, Meeting


def vary_on_htmx(response):
    """Pages that answer htmx with a partial must not share a cache entry with the page."""
    patch_vary_headers(response, ["HX-Request"])
    return response


def require_secretariat(user) -> None:
    # 404 rather than 403: a non-secretary learns nothing about what exists.
    if not permissions.can_manage_meetings(user):
        raise Http404


def secretariat_meeting(request, pk: int) -> Meeting:
    require_secretariat(request.user)
    return selectors.access_meeting(user=request.user, pk=pk)


def secretariat_item(request, pk: int) -> AgendaItem:
    require_secretariat(request.user)
    return selectors.access_agenda_item(user=request.user, pk=pk)


def error_text(error: ValidationError) -> str:
    """A service's ValidationError as one sentence (or several) for a message."""
    return " ".join(str(m) for m in error.messages)


def posted_version(request, name: str = "agenda_version") -> int:
    """The version a form was loaded with; a missing or unreadable one counts as stale (0),
    so a form without the guard can never overwrite someone else's change."""
    raw = request.POST.get(name)
    try:
        return int(raw)
    except (TypeError, ValueError):
        return 0
