from django.conf import settings
from django.utils.functional import SimpleLazyObject

from .constants import Role
from .csrf import request_token
from .heartbeat import stall_for
from .portal import menu_html


def portal(request):
    """The signed-in user's roles for the header, the main navigation for this user, and (read
    only by the pages that show it) since when the background work stands still."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {
            "user_roles": [],
            "navigation_html": SimpleLazyObject(lambda: menu_html(request)),
            "csrf_token": SimpleLazyObject(lambda: request_token(request)),
            # The session policy, shown on the login page.
            "session_idle_minutes": settings.SESSION_IDLE_TIMEOUT // 60,
            "session_max_hours": settings.SESSION_COOKIE_AGE // 3600,
        }
    codes = set(user.role_names)
    if user.is_superuser:
        codes.add(Role.MANAGER.value)
    return {
        "user_roles": [role.label for role in Role if role.value in codes],
        # The menu in groups, with the to-do counts last computed for this user (no query);
        # made only by a page that shows it (base.html), not by an htmx partial.
        "navigation_html": SimpleLazyObject(lambda: menu_html(request)),
        # Django's token (its built-in processor's), masked once per request.
        "csrf_token": SimpleLazyObject(lambda: request_token(request)),
        "background_stall": stall_for(user),
    }
