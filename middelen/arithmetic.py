"""Sharing a budget between partners to the exact cent (largest-remainder rounding)."""

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction


def largest_remainder(total: int, weights: list[Fraction]) -> list[int]:
    """Split the whole number `total` in proportion to `weights` so that the parts add up
    to `total` exactly: floor every share, then give the units left over to the largest
    remainders (ties to the earlier position)."""
    weight_sum = sum(weights, Fraction(0))
    if not weights:
        return []
    if weight_sum == 0:
        weights = [Fraction(1)] * len(weights)
        weight_sum = Fraction(len(weights))
    exact = [Fraction(total) * w / weight_sum for w in weights]
    parts = [int(e.numerator // e.denominator) for e in exact]
    left = total - sum(parts)
    order = sorted(range(len(exact)), key=lambda i: (-(exact[i] - parts[i]), i))
    for i in order[:left]:
        parts[i] += 1
    return parts


@dataclass(frozen=True)
class Share:
    key: object
    fixed_cents: int
    variable_cents: int
    percentage: Decimal

    @property
    def total_cents(self) -> int:
        return self.fixed_cents + self.variable_cents


def cost_shares(
    *, budget_cents: int, fixed_part_cents: int, inhabitants: list[tuple[object, int]]
) -> list[Share]:
    """Every partner pays the fixed part; the rest of the budget is shared per inhabitant
    (partners without inhabitants, such as the province and the water board, pay only the
    fixed part). Amounts add up to the budget to the cent, percentages to exactly 100.00."""
    count = len(inhabitants)
    if count == 0:
        return []
    fixed_total = fixed_part_cents * count
    if fixed_total > budget_cents:
        raise ValueError("The fixed parts exceed the budget.")
    variable = largest_remainder(budget_cents - fixed_total, [Fraction(n) for _, n in inhabitants])
    totals = [fixed_part_cents + v for v in variable]
    # Percentages in hundredths of a percent, 10,000 in all.
    hundredths = largest_remainder(10_000, [Fraction(t) for t in totals])
    return [
        Share(
            key=key,
            fixed_cents=fixed_part_cents,
            variable_cents=v,
            percentage=Decimal(h) / 100,
        )
        for (key, _), v, h in zip(inhabitants, variable, hundredths, strict=True)
    ]
