"""The balance figures (seats per sector and sub-region, chairs of central municipalities)
and the balance norms checked against them."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from gremia.constants import (
    SEAT_ROLES,
    MembershipRole,
    NormKind,
    Sector,
)
from gremia.models.registry import Body, Membership, Organisation, Subregion
from gremia.models.rules import BalanceNorm

from .common import _active_q, _sort_key, _today
from .registry import body_list_active

# --- balance ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Share:
    """`count` of `total` seats; the percentage is rounded to one decimal for display."""

    label: str
    count: int
    total: int

    @property
    def percentage(self) -> Decimal:
        if not self.total:
            return Decimal("0.0")
        value = Decimal(100 * self.count) / Decimal(self.total)
        return value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Balance:
    """Seats (chair and member roles) per triple-helix sector and per sub-region, and who
    holds the chairs: the report asks to keep the central municipalities from dominating
    the leading positions."""

    seats: int
    by_sector: list[Share]
    by_subregion: list[Share]
    chairs: int
    chairs_central: int

    @property
    def chairs_other(self) -> int:
        return self.chairs - self.chairs_central

    @property
    def chair_shares(self) -> list[Share]:
        return [
            Share(str(_("Central municipalities")), self.chairs_central, self.chairs),
            Share(str(_("Other organisations")), self.chairs_other, self.chairs),
        ]


# The fields a seat needs for the figures; one row per seat, no model instances.
_SEAT_FIELDS = (
    "body_id",
    "role",
    "organisation__sector",
    "organisation__subregion_id",
    "organisation__is_central_municipality",
)


def _seats(on: datetime.date) -> QuerySet:
    return (
        Membership.objects.current(on)
        .filter(_active_q(on, "body__"), role__in=SEAT_ROLES)
        .values_list(*_SEAT_FIELDS)
    )


def _balance(seats: list[tuple], subregions: list[Subregion]) -> Balance:
    total = len(seats)
    sectors: dict[str, int] = defaultdict(int)
    regions: dict[int | None, int] = defaultdict(int)
    chairs = chairs_central = 0
    for _body_id, role, sector, subregion_id, is_central in seats:
        sectors[sector] += 1
        regions[subregion_id] += 1
        if role == "voorzitter":
            chairs += 1
            chairs_central += bool(is_central)
    by_sector = [Share(str(sector.label), sectors[sector.value], total) for sector in Sector]
    by_subregion = [Share(region.name, regions[region.pk], total) for region in subregions]
    by_subregion.append(Share(str(_("Region-wide (no sub-region)")), regions[None], total))
    return Balance(
        seats=total,
        by_sector=by_sector,
        by_subregion=by_subregion,
        chairs=chairs,
        chairs_central=chairs_central,
    )


def body_balance(*, body: Body, on: datetime.date | None = None) -> Balance:
    """The balance figures of one body from its current seats; two queries."""
    on = _today(on)
    seats = list(_seats(on).filter(body=body))
    return _balance(seats, list(Subregion.objects.order_by("name")))


def body_balance_from_memberships(
    *, memberships: list[Membership], subregions: list[Subregion]
) -> Balance:
    """The same figures from already-loaded current memberships (the body page has them)."""
    seats = [
        (
            m.body_id,
            m.role,
            m.organisation.sector,
            m.organisation.subregion_id,
            m.organisation.is_central_municipality,
        )
        for m in memberships
        if m.role in SEAT_ROLES
    ]
    return _balance(seats, subregions)


def subregion_list() -> list[Subregion]:
    return list(Subregion.objects.order_by("name"))


def balance_overview(*, on: datetime.date | None = None) -> dict:
    """The figures for all active bodies together and per body; three queries."""
    on = _today(on)
    subregions = subregion_list()
    bodies = sorted(body_list_active(on=on), key=_sort_key)
    seats = list(_seats(on))
    per_body: dict[int, list[tuple]] = defaultdict(list)
    for seat in seats:
        per_body[seat[0]].append(seat)
    return {
        "total": _balance(seats, subregions),
        "bodies": [(body, _balance(per_body[body.pk], subregions)) for body in bodies],
    }


# --- balance norms -----------------------------------------------------------------------------


@dataclass(frozen=True)
class NormResult:
    """One norm checked against one body (or, for the chairs norm, one organisation)."""

    norm: BalanceNorm
    body: Body | None
    ok: bool
    message: str
    # The central municipality over its limit (chairs norm); the sectors above their target
    # beyond the tolerance (sector-shares norm). The membership warning reads them.
    organisation_id: int | None = None
    over: frozenset = frozenset()


def norm_list_active() -> list[BalanceNorm]:
    return list(BalanceNorm.objects.filter(active=True).select_related("body"))


def _subject_bodies(norm: BalanceNorm, bodies: list[Body]) -> list[Body]:
    return [body for body in bodies if norm.applies_to(body)]


def norm_check(
    *,
    norms: list[BalanceNorm],
    bodies: list[Body],
    seats: list[tuple],
    subregions: list[Subregion],
    organisations: dict[int, str],
) -> list[NormResult]:
    """Check `norms` against the current `seats` (rows of _SEAT_FIELDS plus the organisation
    id) of `bodies`. Pure: no queries, so the membership warning can check a seat that is
    only proposed."""
    per_body: dict[int, list[tuple]] = defaultdict(list)
    for seat in seats:
        per_body[seat[0]].append(seat)
    results = []
    for norm in norms:
        scope = _subject_bodies(norm, bodies)
        if norm.kind == NormKind.MAX_CHAIRS_CENTRAL:
            ids = {body.pk for body in scope}
            chairs: dict[int, int] = defaultdict(int)
            for body_id, role, _sector, _region, is_central, organisation_id in seats:
                if body_id in ids and role == MembershipRole.CHAIR and is_central:
                    chairs[organisation_id] += 1
            over = {pk: count for pk, count in chairs.items() if count > norm.limit}
            if not over:
                results.append(
                    NormResult(norm, None, True, str(_("No central municipality holds more.")))
                )
            for pk, count in sorted(over.items(), key=lambda item: organisations.get(item[0], "")):
                results.append(
                    NormResult(
                        norm,
                        None,
                        False,
                        str(_("%(organisation)s holds %(count)s chairs (at most %(limit)s)."))
                        % {
                            "organisation": organisations.get(pk, "?"),
                            "count": count,
                            "limit": norm.limit,
                        },
                        organisation_id=pk,
                    )
                )
        elif norm.kind == NormKind.EVERY_SUBREGION:
            for body in scope:
                present = {seat[3] for seat in per_body[body.pk]}
                missing = [region.name for region in subregions if region.pk not in present]
                if missing:
                    message = str(_("Missing: %(regions)s.")) % {"regions": ", ".join(missing)}
                else:
                    message = str(_("Every sub-region has a seat."))
                results.append(NormResult(norm, body, not missing, message))
        elif norm.kind == NormKind.SECTOR_SHARES:
            targets = {
                Sector.GOVERNMENT: norm.target_government,
                Sector.BUSINESS: norm.target_business,
                Sector.EDUCATION: norm.target_education,
            }
            for body in scope:
                body_seats = per_body[body.pk]
                total = len(body_seats)
                parts, ok, over = [], total > 0, set()
                for sector, target in targets.items():
                    count = sum(1 for seat in body_seats if seat[2] == sector)
                    share = Share(str(sector.label), count, total).percentage
                    ok = ok and abs(share - target) <= norm.tolerance
                    if share - target > norm.tolerance:
                        over.add(sector.value)
                    parts.append(
                        str(_("%(sector)s %(share)s%% (target %(target)s%%)"))
                        % {"sector": sector.label, "share": share, "target": target}
                    )
                results.append(NormResult(norm, body, ok, "; ".join(parts), over=frozenset(over)))
    return results


_NORM_SEAT_FIELDS = (*_SEAT_FIELDS, "organisation_id")


def _norm_inputs(on: datetime.date) -> dict:
    seats = list(
        Membership.objects.current(on)
        .filter(_active_q(on, "body__"), role__in=SEAT_ROLES)
        .values_list(*_NORM_SEAT_FIELDS)
    )
    organisations = dict(
        Organisation.objects.filter(is_central_municipality=True).values_list("pk", "name")
    )
    return {
        "norms": norm_list_active(),
        "bodies": sorted(body_list_active(on=on), key=_sort_key),
        "seats": seats,
        "subregions": subregion_list(),
        "organisations": organisations,
    }


def balance_norms_overview(*, on: datetime.date | None = None) -> dict:
    """Every active norm checked against the active bodies: {"regionwide": [...] (norms not
    about one body), "per_body": {body_id: [...]}, "bodies": [(body, [...])] in the map's
    order, "broken": n, "count": number of active norms}. Five queries."""
    inputs = _norm_inputs(_today(on))
    results = norm_check(**inputs)
    per_body: dict[int, list[NormResult]] = defaultdict(list)
    regionwide = []
    for result in results:
        if result.body is None:
            regionwide.append(result)
        else:
            per_body[result.body.pk].append(result)
    return {
        "regionwide": regionwide,
        "per_body": dict(per_body),
        "bodies": [(body, per_body[body.pk]) for body in inputs["bodies"] if body.pk in per_body],
        "broken": sum(1 for result in results if not result.ok),
        "count": len(inputs["norms"]),
    }


def norm_warnings_for_membership(
    *,
    body: Body,
    organisation: Organisation,
    role: str,
    on: datetime.date | None = None,
) -> list[str]:
    """What the beheerder is warned about before seating `organisation` at `body` in `role`:
    a chairs norm the new chair takes over its limit, a sector-shares norm of the body that
    the seat breaks or makes worse (its sector is above target). Empty for a role without a
    seat or a body that is not active. Five queries."""
    if role not in SEAT_ROLES:
        return []
    inputs = _norm_inputs(_today(on))
    if body.pk not in {active.pk for active in inputs["bodies"]}:
        return []
    broken_before = {
        (result.norm.pk, result.body.pk if result.body else result.organisation_id)
        for result in norm_check(**inputs)
        if not result.ok
    }
    seat = (
        body.pk,
        role,
        organisation.sector,
        organisation.subregion_id,
        organisation.is_central_municipality,
        organisation.pk,
    )
    if organisation.is_central_municipality:
        inputs["organisations"][organisation.pk] = organisation.name
    warnings = []
    for result in norm_check(**{**inputs, "seats": [*inputs["seats"], seat]}):
        if result.ok:
            continue
        if result.norm.kind == NormKind.MAX_CHAIRS_CENTRAL:
            relevant = role == MembershipRole.CHAIR and result.organisation_id == organisation.pk
        elif result.norm.kind == NormKind.SECTOR_SHARES:
            relevant = result.body.pk == body.pk and (
                (result.norm.pk, body.pk) not in broken_before or organisation.sector in result.over
            )
        else:
            relevant = False
        if relevant:
            scope = result.body.name if result.body else ""
            warnings.append(f"{result.norm.name}{f' ({scope})' if scope else ''}: {result.message}")
    return warnings
