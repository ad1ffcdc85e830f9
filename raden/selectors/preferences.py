"""How each council wants to be informed: every municipality with its preference;
a griffie edits only its own, the secretariat reads them all (shown beside the letters)."""

from gremia.models.registry import Organisation
from nhn_portal.core.access import NotFound
from raden import permissions
from raden.models.preferences import CouncilPreference

from .letters import municipalities


def preferences_by_municipality() -> dict[int, CouncilPreference]:
    """{municipality id: preference} of the councils that recorded one (one query)."""
    return {
        preference.municipality_id: preference
        for preference in CouncilPreference.objects.select_related("updated_by")
    }


def preference_for(municipality: Organisation) -> CouncilPreference | None:
    return CouncilPreference.objects.filter(municipality=municipality).first()


def access_preference(*, user) -> tuple[Organisation, CouncilPreference | None]:
    """The griffie's own council and its preference; anyone else 404."""
    municipality = permissions.griffie_municipality(user)
    if municipality is None:
        raise NotFound
    return municipality, preference_for(municipality)


def preference_rows(*, user) -> list[tuple[Organisation, CouncilPreference | None]]:
    """Secretariat: every municipality with its preference (or None: not recorded)."""
    if not permissions.is_secretariat(user):
        raise NotFound
    by_town = preferences_by_municipality()
    return [(town, by_town.get(town.pk)) for town in municipalities()]
