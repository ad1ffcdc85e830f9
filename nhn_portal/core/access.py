"""The portal's roles as predicates: the building blocks of every app's permissions.

Roles are Django groups (constants.Role, seeded by a data migration); `user.role_names` reads
them once per request. An app's own `permissions.py` combines these with its data-dependent
rules (membership of a body, the griffie's municipality) and its `access_<entity>` functions.
"""

from .constants import Role


class NotFound(Exception):
    """Missing or not allowed, one error for both, raised by `access_<entity>` selectors and
    permission checks, which know no HTTP; the view layer answers 404 (core.middleware), so an
    id tells nobody whether it exists."""


def found(queryset, **lookups):
    """The one row `lookups` name (a primary key) in `queryset`, or NotFound. Unordered, not
    `filter().first()`: first() orders by the model's ordering, and compiling that order (for
    an agenda item a join to its meeting, ordered by date) cost more than the query itself
    (issue 26: 1.06 ms against 0.66 ms for an item with its meeting, body and parent). Not
    `get()` either, which the N+1 check (zeal) takes for a loop when one page calls this twice."""
    rows = list(queryset.filter(**lookups).order_by()[:1])
    if not rows:
        raise NotFound
    return rows[0]


def is_manager(user) -> bool:
    """The functioneel beheerder (or a superuser): users, organisations, bodies, memberships."""
    return bool(
        getattr(user, "is_authenticated", False)
        and (user.is_superuser or Role.MANAGER.value in user.role_names)
    )


def is_secretariat(user) -> bool:
    """Secretaries and beheerders run the meetings and see everything."""
    if not getattr(user, "is_authenticated", False):
        return False
    return user.is_superuser or bool(user.role_names & {Role.SECRETARY, Role.MANAGER})


def require_secretariat(user) -> None:
    """Not found rather than forbidden for anyone else: a non-secretary learns nothing about
    what exists."""
    if not is_secretariat(user):
        raise NotFound
