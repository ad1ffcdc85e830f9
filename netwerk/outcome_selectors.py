"""The ledger of outcomes read: entries spread over the municipalities they land in, summed
per sub-region and year, in euros and euros per inhabitant, and the balance against the norm
in the rules of play. The public reads only entries that are not confidential."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import QuerySet

from gremia.constants import OrganisationKind
from gremia.models.registry import Organisation, Subregion
from gremia.selectors.rules import rules_current
from middelen.models import Population
from netwerk.models.outcomes import OutcomeEntry
from nhn_portal.core.access import is_secretariat

CENT = Decimal("0.01")
POINT = Decimal("0.1")


def spread(amount: Decimal, weights: dict[int, Decimal]) -> dict[int, Decimal]:
    """`amount` over the keys in proportion to their weights (all zero or none: evenly).
    Pure; the parts add up to `amount` exactly (the last key takes the rounding rest)."""
    if not weights:
        return {}
    total = sum(weights.values(), Decimal(0))
    if total <= 0:
        weights = dict.fromkeys(weights, Decimal(1))
        total = Decimal(len(weights))
    keys = sorted(weights)
    parts: dict[int, Decimal] = {}
    for key in keys[:-1]:
        parts[key] = (amount * weights[key] / total).quantize(CENT, rounding=ROUND_HALF_UP)
    parts[keys[-1]] = amount - sum(parts.values(), Decimal(0))
    return parts


def inhabitants_per_municipality() -> dict[int, int]:
    """The newest CBS figure of every municipality (middelen's dated reference data)."""
    figures: dict[int, int] = {}
    rows = Population.objects.filter(organisation__kind=OrganisationKind.MUNICIPALITY).order_by(
        "organisation_id", "-date"
    )
    for organisation_id, inhabitants in rows.values_list("organisation_id", "inhabitants"):
        figures.setdefault(organisation_id, inhabitants)
    return figures


def entry_parts(
    entry: OutcomeEntry,
    *,
    inhabitants: dict[int, int],
    members: dict[int, list[int]],
) -> dict[int, Decimal]:
    """{municipality id: euros} of one entry: the given weights, or an even split over the
    named municipalities, or (a whole sub-region) by inhabitants, or (a Regio Deal project
    without places of its own) evenly over the project's municipalities."""
    shares = list(entry.shares.all())
    if shares:
        if all(share.weight is not None for share in shares):
            weights = {share.municipality_id: share.weight for share in shares}
        else:
            weights = {share.municipality_id: Decimal(1) for share in shares}
    elif entry.subregion_id:
        weights = {
            pk: Decimal(inhabitants.get(pk, 0)) for pk in members.get(entry.subregion_id, [])
        }
    elif entry.project_id:
        weights = {m.pk: Decimal(1) for m in entry.project.municipalities.all()}
    else:
        weights = {}
    return spread(entry.amount, weights)


def outcome_entries(*, public: bool) -> QuerySet:
    entries = OutcomeEntry.objects.select_related("subregion", "project").prefetch_related(
        "shares__municipality", "project__municipalities"
    )
    return entries.filter(confidential=False) if public else entries


def outcome_entries_for(*, user) -> list[OutcomeEntry]:
    """The secretariat's list: every entry, confidential ones included."""
    if not is_secretariat(user):
        return []
    return list(outcome_entries(public=False).select_related("decision__item"))


@dataclass(frozen=True)
class RegionRow:
    subregion: Subregion
    inhabitants: int
    per_year: dict[int, Decimal]  # euros
    total: Decimal

    def per_inhabitant(self, euros: Decimal) -> Decimal:
        if not self.inhabitants:
            return Decimal("0.00")
        return (euros / self.inhabitants).quantize(CENT, rounding=ROUND_HALF_UP)

    @property
    def years(self) -> list[tuple[int, Decimal, Decimal]]:
        return [
            (year, eur, self.per_inhabitant(eur)) for year, eur in sorted(self.per_year.items())
        ]

    @property
    def total_per_inhabitant(self) -> Decimal:
        return self.per_inhabitant(self.total)


def percentages(parts: list, whole) -> list[Decimal]:
    """Each part as a percentage of `whole` to one decimal, adding up to exactly 100.0 (the
    largest remainders get the rounding's tenths; ties go to the first)."""
    if not whole:
        return [Decimal("0.0") for _part in parts]
    exact = [Decimal(1000) * Decimal(part) / Decimal(whole) for part in parts]  # in tenths
    tenths = [int(value) for value in exact]
    rest = 1000 - sum(tenths)
    order = sorted(range(len(parts)), key=lambda i: (-(exact[i] - tenths[i]), i))
    for i in order[:rest]:
        tenths[i] += 1
    return [(Decimal(value) / 10).quantize(POINT) for value in tenths]


@dataclass(frozen=True)
class Balance:
    subregion: Subregion
    euro_share: Decimal  # % of all euros
    inhabitant_share: Decimal  # % of all inhabitants
    deviation: Decimal  # percentage points, euro share minus inhabitant share


def outcome_overview(*, public: bool = True) -> dict:
    """{"rows": [RegionRow] per sub-region, "years": [...], "total": euros, "balance":
    [Balance]}: every entry (public: the non-confidential ones) spread over its
    municipalities and summed per sub-region and year."""
    subregions = list(Subregion.objects.order_by("name"))
    inhabitants = inhabitants_per_municipality()
    members: dict[int, list[int]] = defaultdict(list)
    region_of: dict[int, int] = {}
    for pk, region_id in Organisation.objects.filter(
        kind=OrganisationKind.MUNICIPALITY, subregion__isnull=False
    ).values_list("pk", "subregion_id"):
        members[region_id].append(pk)
        region_of[pk] = region_id
    sums: dict[int, dict[int, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
    years: set[int] = set()
    for entry in outcome_entries(public=public):
        years.add(entry.year)
        for municipality_id, euros in entry_parts(
            entry, inhabitants=inhabitants, members=members
        ).items():
            region_id = region_of.get(municipality_id)
            if region_id is not None:
                sums[region_id][entry.year] += euros
    rows = []
    for region in subregions:
        per_year = {year: sums[region.pk].get(year, Decimal("0.00")) for year in sorted(years)}
        rows.append(
            RegionRow(
                subregion=region,
                inhabitants=sum(inhabitants.get(pk, 0) for pk in members[region.pk]),
                per_year=per_year,
                total=sum(per_year.values(), Decimal("0.00")),
            )
        )
    total = sum((row.total for row in rows), Decimal("0.00"))
    people = sum(row.inhabitants for row in rows)
    balance = []
    euro_shares = percentages([row.total for row in rows], total)
    inhabitant_shares = percentages([row.inhabitants for row in rows], people)
    for row, euro_share, inhabitant_share in zip(rows, euro_shares, inhabitant_shares, strict=True):
        balance.append(
            Balance(row.subregion, euro_share, inhabitant_share, euro_share - inhabitant_share)
        )
    return {
        "rows": rows,
        "years": sorted(years),
        "total": total,
        "inhabitants": people,
        "balance": balance,
    }


def outcome_balance_warnings(*, user) -> dict:
    """The norm of the adopted NHN-wide rules of play (None when not set) and the sub-regions
    whose share of the euros differs more from their share of the inhabitants. Confidential
    entries count only for the secretariat."""
    rules = rules_current(body=None)
    norm = rules.outcome_max_deviation if rules is not None else None
    overview = outcome_overview(public=not is_secretariat(user))
    over = []
    if norm is not None and overview["total"]:
        over = [b for b in overview["balance"] if abs(b.deviation) > norm]
    return {"norm": norm, "balance": overview["balance"], "over": over, "total": overview["total"]}
