"""Who may see and do what in the netwerk app.

Opportunities are the regiobureau's working stock: the secretariat (secretaries and the
beheerder) sees and changes them; anyone else gets a 404, as for any page not theirs.

Lobby dossiers are confidential by default: the secretariat, the dossier's lobbyist and the
bestuurders who carry it read it; nobody else, whatever the dossier's flag. Only a published
summary of a dossier that is not confidential is public (selectors.public_lobby_summaries).
"""

from nhn_portal.core.access import is_secretariat
from nhn_portal.core.constants import Role

__all__ = ["can_use_opportunities", "can_use_public_affairs", "can_read_lobby_dossier"]


def can_use_opportunities(user) -> bool:
    return is_secretariat(user)


def can_use_public_affairs(user) -> bool:
    """The agenda's pages: the secretariat and the bestuurders (who see the dossiers they
    carry). By role alone, no query."""
    if not getattr(user, "is_authenticated", False):
        return False
    return is_secretariat(user) or Role.ADMINISTRATOR.value in user.role_names


def person_id(user) -> int | None:
    person = getattr(user, "person", None) if getattr(user, "is_authenticated", False) else None
    return person.pk if person is not None else None


def can_read_lobby_dossier(user, dossier) -> bool:
    if is_secretariat(user):
        return True
    own = person_id(user)
    if own is None:
        return False
    return dossier.lobbyist_id == own or dossier.carriers.filter(pk=own).exists()


def can_read_spanner_page(user, spanner) -> bool:
    """The boundary spanner's page and reports: the spanner and the secretariat."""
    if is_secretariat(user):
        return True
    return person_id(user) is not None and spanner.person_id == person_id(user)
