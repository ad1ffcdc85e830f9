"""Who may do what with a consultation.

The secretariat opens it, sees the matrix and writes the reactienota; a griffie sees the
consultations her council was asked in and records only her own council's response (her
municipality is `raden.permissions.griffie_municipality`); a visitor sees a consultation
once its draft decision is public.
"""

from django.contrib.auth.models import AnonymousUser
from django.db.models import Q

from nhn_portal.core.access import is_secretariat
from raden.permissions import griffie_municipality
from regiobureau.constants import AGENDA_OUT_STATUSES
from regiobureau.permissions import can_see_item


def can_respond(user, response) -> bool:
    """Only the griffie of the response's own council (the secretariat corrects nothing
    for a council: a response is the council's word)."""
    town = griffie_municipality(user)
    return town is not None and town.pk == response.municipality_id


def can_edit_recess(user, municipality) -> bool:
    town = griffie_municipality(user)
    return is_secretariat(user) or (town is not None and town.pk == municipality.pk)


def is_public(consultation) -> bool:
    """Public once the draft decision is: its agenda item seen by an anonymous visitor."""
    item = consultation.agenda_item
    return can_see_item(AnonymousUser(), item, item.meeting)


def public_q(prefix: str = "") -> Q:
    """`is_public` as a query filter on consultations (reached through `prefix`): the draft's
    agenda is out, the meeting and the item (and its main item) are public."""
    item = f"{prefix}agenda_item__"
    return (
        Q(**{f"{item}meeting__status__in": list(AGENDA_OUT_STATUSES)})
        & Q(**{f"{item}meeting__is_public": True})
        & Q(**{f"{item}is_public": True})
        & (Q(**{f"{item}parent__isnull": True}) | Q(**{f"{item}parent__is_public": True}))
    )


def can_see(user, consultation) -> bool:
    if is_secretariat(user) or is_public(consultation):
        return True
    town = griffie_municipality(user)
    return town is not None and consultation.responses.filter(municipality=town).exists()
