"""Who may see and do what in the netwerk app.

Opportunities are the regiobureau's working stock: the secretariat (secretaries and the
beheerder) sees and changes them; anyone else gets a 404, as for any page not theirs.
"""

from nhn_portal.core.access import is_secretariat

__all__ = ["can_use_opportunities"]


def can_use_opportunities(user) -> bool:
    return is_secretariat(user)
