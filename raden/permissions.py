"""Who sees which council letters.

A griffie is bound to one municipality through its Person (`user.person.organisation`, a
gemeente) and sees only that council's copies; the regiobureau's secretariat sees them all.
"""

from gremia.constants import OrganisationKind
from gremia.models.registry import Organisation, Person
from nhn_portal.core.access import is_secretariat
from nhn_portal.core.constants import Role

__all__ = ["griffie_municipality", "is_griffie", "is_secretariat", "can_use_council_letters"]


def griffie_municipality(user) -> Organisation | None:
    """The municipality whose council this griffie serves, or None (cached per request)."""
    if not user.is_authenticated or Role.CLERK.value not in user.role_names:
        return None
    if not hasattr(user, "_griffie_municipality"):
        person = (
            Person.objects.filter(user=user, organisation__kind=OrganisationKind.MUNICIPALITY)
            .select_related("organisation__subregion")
            .first()
        )
        user._griffie_municipality = person.organisation if person else None
    return user._griffie_municipality


def is_griffie(user) -> bool:
    return griffie_municipality(user) is not None


def can_use_council_letters(user) -> bool:
    return is_secretariat(user) or is_griffie(user)


def can_use_gatherings(user) -> bool:
    """The council gatherings' pages: the secretariat plans them and records attendance, a
    griffie invites its own council and sees its council's registrations."""
    return is_secretariat(user) or is_griffie(user)


def subregion_office(user) -> Organisation | None:
    """The sub-region office the user works for (its boundary spanner, set in
    netwerk, is a person of that office), which reads the summaries and collegebrieven of its
    sub-region; None for anyone else (cached per request)."""
    if not user.is_authenticated:
        return None
    if not hasattr(user, "_subregion_office"):
        person = (
            Person.objects.filter(
                user=user,
                organisation__kind=OrganisationKind.SUBREGIONAL_OFFICE,
                organisation__subregion__isnull=False,
            )
            .select_related("organisation__subregion")
            .first()
        )
        user._subregion_office = person.organisation if person else None
    return user._subregion_office
