"""Checks run before a decision is adopted, registered by the apps above this floor.

regiobureau records decisions but does not know what a higher app may require first: a
consultation of the councils (consultaties) must not be overtaken by the final decision before
its deadline unless the reason for the haste ("spoed") is recorded on the decision. Such an app
registers a check here from its `portal` module; `decision_record` runs every check when the
outcome is "adopted", inside its transaction. A check raises ValidationError to refuse.
"""

import datetime
from collections.abc import Callable

# check(*, item, urgency_reason: str, decided_on: date) -> None; raises ValidationError.
AdoptionCheck = Callable[..., None]

_checks: dict[str, AdoptionCheck] = {}


def register_adoption_check(name: str, check: AdoptionCheck) -> None:
    """Register (or replace, so a module imported twice does not add it twice) a check."""
    _checks[name] = check


def run_adoption_checks(*, item, urgency_reason: str, decided_on: datetime.date) -> None:
    for name in sorted(_checks):
        _checks[name](item=item, urgency_reason=urgency_reason, decided_on=decided_on)
