"""Reference and demo data, asked of each app in floor order (`manage.py load_nhn`).

An app registers its loaders in its `seeds` module with `register_seed`; the command finds the
modules, runs every app's reference loader (in INSTALLED_APPS order, which is the floor order),
then, with --demo, every demo loader. So the registry (gremia) loads without knowing that
meetings (regiobureau) or council letters (raden) exist, as the PDF producers do.

Loaders are idempotent: they create what is missing and count what they found in the report.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from django.apps import apps
from django.utils.module_loading import autodiscover_modules


@dataclass
class LoadReport:
    """What a load created and what it found already present, per category."""

    created: Counter = field(default_factory=Counter)
    present: Counter = field(default_factory=Counter)
    skipped: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def count(self, category: str, *, created: bool) -> None:
        (self.created if created else self.present)[category] += 1

    def note(self, text: str) -> None:
        self.notes.append(text)

    @property
    def anything_created(self) -> bool:
        return self.created.total() > 0

    def lines(self) -> list[str]:
        categories = list(dict.fromkeys([*self.created, *self.present]))
        lines = [
            f"{category}: {self.created[category]} aangemaakt; {self.present[category]} al aanwezig"
            for category in categories
        ]
        lines += [f"overgeslagen: {reason}" for reason in self.skipped]
        lines += self.notes
        return lines


Loader = Callable[[LoadReport], object]


@dataclass(frozen=True)
class Seed:
    app_label: str
    reference: Loader | None = None
    demo: Loader | None = None


_SEEDS: dict[str, Seed] = {}


def register_seed(*, app_label: str, reference: Loader | None = None, demo: Loader | None = None):
    """Offer an app's reference loader and/or demo loader to `load_nhn`."""
    _SEEDS[app_label] = Seed(app_label, reference, demo)


def registered_seeds() -> list[Seed]:
    """Every app's seed, in the order of INSTALLED_APPS (lower floors first)."""
    autodiscover_modules("seeds")
    order = {config.label: index for index, config in enumerate(apps.get_app_configs())}
    return sorted(_SEEDS.values(), key=lambda seed: order.get(seed.app_label, len(order)))
