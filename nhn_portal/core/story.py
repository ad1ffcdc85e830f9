"""The adopted core message ("het verhaal van NHN") for apps that may not import its owner.

middelen keeps the core message; verkiezingen (its sibling) puts it in the induction pack.
Siblings never import each other, so middelen registers a provider here, on the lowest floor,
and readers ask `adopted_core_message()`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

_provider: Callable[[], Any] | None = None


def register_core_message_provider(provider: Callable[[], Any]) -> None:
    """`provider()` returns the adopted core message (with text, version, adopted_on) or None."""
    global _provider
    _provider = provider


def adopted_core_message() -> Any:
    """The latest adopted core message, or None (also when no app provides one)."""
    return _provider() if _provider is not None else None
