"""Who works with the questions of council members: a griffie asks and follows her own
council's questions only; the regiobureau's secretariat routes, answers and reviews them all."""

from nhn_portal.core.access import is_secretariat
from raden.permissions import griffie_municipality

__all__ = ["can_use_questions", "can_ask_for", "griffie_municipality", "is_secretariat"]


def can_use_questions(user) -> bool:
    return is_secretariat(user) or griffie_municipality(user) is not None


def can_ask_for(user, municipality) -> bool:
    """A griffie for her own council; the secretariat records a question for any council
    (one that came in by mail or telephone)."""
    if is_secretariat(user):
        return True
    own = griffie_municipality(user)
    return own is not None and own.pk == municipality.pk
