"""Who may see and change what in the registry.

The registry (bodies, members, organisations) is open to every logged-in user: the report's
first complaint is that nobody has an overview. Changes are made in the admin by the
functioneel beheerder. `access_*` return the object or raise NotFound.
"""

from gremia.models.registry import Body, Organisation, Person, Theme
from gremia.selectors.registry import body_get_detail, organisation_get, person_get, theme_get
from nhn_portal.core.access import NotFound, is_manager
from nhn_portal.core.constants import Role


def can_manage_registry(user) -> bool:
    """The functioneel beheerder edits the registry (in /beheer/)."""
    return is_manager(user)


def can_delegate(user) -> bool:
    """A bestuurder may give an assistant read access to her meetings."""
    return getattr(user, "is_authenticated", False) and user.has_role(Role.ADMINISTRATOR)


def access_body(*, user, slug: str) -> Body:
    body = body_get_detail(slug=slug)
    if body is None:
        raise NotFound
    return body


def access_organisation(*, user, slug: str) -> Organisation:
    organisation = organisation_get(slug=slug)
    if organisation is None:
        raise NotFound
    return organisation


def access_person(*, user, pk: int) -> Person:
    person = person_get(pk=pk)
    if person is None:
        raise NotFound
    return person


def access_theme(*, user, slug: str) -> Theme:
    theme = theme_get(slug=slug)
    if theme is None:
        raise NotFound
    return theme
