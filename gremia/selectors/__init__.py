"""Reads of the registry, one module per part: `registry` (bodies, memberships, the governance
map, organisations, persons, themes, mail addresses), `balance` (the balance figures and
norms), `rules` (the rules of play and the cooperation agreement). Import them from here.

Every selector runs a fixed number of queries, whatever the number of bodies or members
(the page tests pin them). The registry is open to every logged-in user; nothing here is
confidential, so these selectors apply no visibility rule beyond "active" and "current".
"""

from .balance import (  # noqa: F401
    Balance,
    NormResult,
    Share,
    balance_norms_overview,
    balance_overview,
    body_balance,
    body_balance_from_memberships,
    norm_check,
    norm_list_active,
    norm_warnings_for_membership,
    subregion_list,
)
from .common import (  # noqa: F401
    KIND_ORDER,
)
from .registry import (  # noqa: F401
    MapNode,
    MapRow,
    body_get_detail,
    body_list_active,
    body_memberships,
    body_prepared_by,
    clerk_addresses,
    governance_map,
    member_addresses,
    organisation_get,
    organisation_list_by_subregion,
    organisation_member_addresses,
    organisation_memberships,
    person_address,
    person_for_user,
    person_get,
    person_memberships,
    theme_bodies,
    theme_get,
)
from .rules import (  # noqa: F401
    AGREEMENT_KINDS,
    agreement_overview,
    rules_current,
    rules_get,
    rules_overview,
    rules_versions,
)
