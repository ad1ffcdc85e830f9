"""Which decisions may adopt a growth scenario, asked of the floor that keeps decisions.

Decisions live in regiobureau, above platforms; regiobureau registers a source here (its
`portal` module), so applying a scenario can require the stuurgroep decision without
platforms importing upward."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class AdoptingDecision:
    pk: int
    label: str
    decided_on: datetime.date
    url: str


@dataclass(frozen=True)
class _Source:
    choices: Callable[[], list[AdoptingDecision]]
    get: Callable[[int], AdoptingDecision | None]


_source: _Source | None = None


def register_decision_source(
    *,
    choices: Callable[[], list[AdoptingDecision]],
    get: Callable[[int], AdoptingDecision | None],
) -> None:
    """`choices()`: the adopted stuurgroep decisions, newest first; `get(pk)`: that decision
    if it is one of them, else None."""
    global _source
    _source = _Source(choices=choices, get=get)


def decision_choices() -> list[AdoptingDecision]:
    return _source.choices() if _source else []


def decision_get(pk: int) -> AdoptingDecision | None:
    return _source.get(pk) if _source else None
