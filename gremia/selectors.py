"""Reads of the registry: bodies, memberships, the governance map and the balance figures.

Every selector runs a fixed number of queries, whatever the number of bodies or members
(the page tests pin them). The registry is open to every logged-in user; nothing here is
confidential, so these selectors apply no visibility rule beyond "active" and "current".
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from nhn_portal.core.access import is_secretariat
from nhn_portal.core.constants import Role
from nhn_portal.core.models import User

from .constants import (
    SEAT_ROLES,
    BodyKind,
    Line,
    MembershipRole,
    NormKind,
    OrganisationKind,
    RulesStatus,
    Sector,
)
from .models import (
    AgreementAdoption,
    BalanceNorm,
    Body,
    Membership,
    Organisation,
    Person,
    RulesOfPlay,
    Subregion,
    Theme,
)

# The order in which the administrative bodies appear on the governance map: the base model
# of the report reads from the stuurgroep down to the informal and council gatherings.
KIND_ORDER = {
    BodyKind.STEERING_GROUP: 0,
    BodyKind.BOARD: 1,
    BodyKind.PLATFORM: 1,
    BodyKind.REGIONAL_MEETING: 2,
    BodyKind.COUNCIL_GATHERING: 3,
    BodyKind.PRINCIPALS: 4,
    BodyKind.DIRECTORS: 5,
    BodyKind.WORKING_GROUP: 6,
}


def _today(on: datetime.date | None) -> datetime.date:
    return on or timezone.localdate()


def _active_q(on: datetime.date, prefix: str = "") -> Q:
    """Established and not (yet) dissolved on `on`."""
    return Q(**{f"{prefix}established_on__lte": on}) & (
        Q(**{f"{prefix}dissolved_on__isnull": True}) | Q(**{f"{prefix}dissolved_on__gt": on})
    )


def _sort_key(body: Body) -> tuple:
    return (KIND_ORDER.get(body.kind, 9), body.theme.name if body.theme else "", body.name)


# --- bodies -----------------------------------------------------------------------------------


def body_list_active(*, on: datetime.date | None = None) -> QuerySet[Body]:
    """Bodies established and not dissolved on `on` (today), with theme and prepared body."""
    return Body.objects.filter(_active_q(_today(on))).select_related("theme", "prepares")


def body_get_detail(*, slug: str) -> Body | None:
    """One body by slug (dissolved ones too: their page stays readable), or None."""
    return Body.objects.select_related("theme", "prepares").filter(slug=slug).first()


def body_prepared_by(*, body: Body, on: datetime.date | None = None) -> list[Body]:
    """The active bodies that prepare `body`'s meetings."""
    bodies = body_list_active(on=on).filter(prepares=body)
    return sorted(bodies, key=_sort_key)


def body_memberships(*, body: Body, on: datetime.date | None = None) -> dict[str, list]:
    """{"current": [...], "past": [...]} memberships of `body`, chairs first; one query."""
    on = _today(on)
    memberships = (
        Membership.objects.filter(body=body)
        .select_related("person", "organisation", "organisation__subregion")
        .order_by("role", "person__name", "-start")
    )
    current, past = [], []
    for membership in memberships:
        if membership.end is not None and membership.end < on:
            past.append(membership)
        elif membership.start <= on:
            current.append(membership)
    role_order = {role: index for index, role in enumerate(_ROLE_ORDER)}
    current.sort(key=lambda m: (role_order.get(m.role, 9), m.person.name))
    past.sort(key=lambda m: m.end, reverse=True)
    return {"current": current, "past": past}


# Chairs first, then members, substitutes, the secretary and advisers.
_ROLE_ORDER = [
    MembershipRole.CHAIR,
    MembershipRole.MEMBER,
    MembershipRole.SUBSTITUTE,
    MembershipRole.SECRETARY,
    MembershipRole.ADVISER,
]


# --- governance map ---------------------------------------------------------------------------


@dataclass
class MapNode:
    """A body on the governance map with the civil-service bodies that prepare it."""

    body: Body
    prepares: Body | None
    preparers: list[MapNode] = field(default_factory=list)


@dataclass
class MapRow:
    """One row of the map: an administrative body and its civil-service preparation chain."""

    node: MapNode
    civil_service: list[MapNode]


def governance_map(*, on: datetime.date | None = None) -> dict:
    """The active structure as rows: each administrative body with the civil-service chain
    that prepares it. Bodies prepared by nothing on the civil side still get a row; civil
    bodies that prepare no active administrative body are listed apart. One query."""
    on = _today(on)
    bodies = sorted(body_list_active(on=on), key=_sort_key)
    active_ids = {body.pk for body in bodies}
    nodes = {
        body.pk: MapNode(
            body=body,
            # A dissolved body is hidden, so it is not named as the one being prepared.
            prepares=body.prepares if body.prepares_id in active_ids else None,
        )
        for body in bodies
    }
    for body in bodies:
        if body.prepares_id in active_ids:
            nodes[body.prepares_id].preparers.append(nodes[body.pk])

    rows, placed = [], set()
    for body in bodies:
        if body.line != Line.ADMINISTRATIVE:
            continue
        civil = [node for node in nodes[body.pk].preparers if node.body.line == Line.CIVIL_SERVICE]
        rows.append(MapRow(node=nodes[body.pk], civil_service=civil))
        stack = list(civil)
        while stack:
            node = stack.pop()
            placed.add(node.body.pk)
            stack.extend(node.preparers)
    unattached = [
        nodes[body.pk]
        for body in bodies
        if body.line == Line.CIVIL_SERVICE
        and body.pk not in placed
        and (
            body.prepares_id not in nodes or nodes[body.prepares_id].body.line != Line.CIVIL_SERVICE
        )
    ]
    return {"rows": rows, "unattached": unattached, "count": len(bodies)}


# --- organisations and persons ----------------------------------------------------------------


def organisation_get(*, slug: str) -> Organisation | None:
    return Organisation.objects.select_related("subregion").filter(slug=slug).first()


def organisation_list_by_subregion(*, on: datetime.date | None = None) -> list[dict]:
    """Organisations grouped by sub-region (regionwide ones last), each with its number of
    current seats in active bodies. One query."""
    on = _today(on)
    current = (
        Q(memberships__start__lte=on)
        & (Q(memberships__end__isnull=True) | Q(memberships__end__gte=on))
        & _active_q(on, "memberships__body__")
    )
    organisations = (
        Organisation.objects.select_related("subregion")
        .annotate(current_memberships=Count("memberships", filter=current))
        .order_by("subregion__name", "name")
    )
    groups: dict[Subregion | None, list[Organisation]] = defaultdict(list)
    for organisation in organisations:
        groups[organisation.subregion].append(organisation)
    ordered = sorted(groups.items(), key=lambda item: (item[0] is None, str(item[0] or "")))
    return [{"subregion": subregion, "organisations": orgs} for subregion, orgs in ordered]


def organisation_memberships(
    *, organisation: Organisation, on: datetime.date | None = None
) -> list[Membership]:
    """Current memberships in active bodies in which `organisation` is represented."""
    on = _today(on)
    return list(
        Membership.objects.current(on)
        .filter(_active_q(on, "body__"), organisation=organisation)
        .select_related("person", "body", "organisation")
        .order_by("body__name", "role", "person__name")
    )


def person_get(*, pk: int) -> Person | None:
    return Person.objects.select_related("organisation").filter(pk=pk).first()


def person_for_user(*, user) -> Person | None:
    """The registry person behind a login, if any; looked up once per request (cached on the
    user object), however many panels and checks ask."""
    if not getattr(user, "is_authenticated", False):
        return None
    if not hasattr(user, "_registry_person"):
        user._registry_person = (
            Person.objects.select_related("organisation").filter(user=user).first()
        )
    return user._registry_person


def person_address(person: Person) -> str:
    """Where to mail a person: the login's address, else the registered one ("" if none)."""
    return person.user.email if person.user_id else person.email


def member_addresses(*, body_id: int, on: datetime.date | None = None) -> list[str]:
    """The mail addresses of everyone who currently sits on the body (any role); one query."""
    memberships = (
        Membership.objects.current(_today(on))
        .filter(body_id=body_id)
        .select_related("person__user")
    )
    return sorted({person_address(m.person) for m in memberships} - {""})


def organisation_member_addresses(
    *, body_id: int, organisation_id: int, on: datetime.date | None = None
) -> list[str]:
    """The mail addresses of the people of one organisation who sit on the body; one query."""
    memberships = (
        Membership.objects.current(_today(on))
        .filter(body_id=body_id, organisation_id=organisation_id)
        .select_related("person__user")
    )
    return sorted({person_address(m.person) for m in memberships} - {""})


def person_memberships(*, person: Person, on: datetime.date | None = None) -> dict[str, list]:
    """{"current": [...], "past": [...]} memberships of `person`; one query."""
    on = _today(on)
    memberships = (
        Membership.objects.filter(person=person)
        .select_related("body", "organisation")
        .order_by("body__name", "-start")
    )
    current, past = [], []
    for membership in memberships:
        if membership.end is not None and membership.end < on:
            past.append(membership)
        elif membership.start <= on:
            current.append(membership)
    return {"current": current, "past": past}


# --- themes -----------------------------------------------------------------------------------


def theme_get(*, slug: str) -> Theme | None:
    return Theme.objects.filter(slug=slug).first()


def theme_bodies(*, theme: Theme, on: datetime.date | None = None) -> list[Body]:
    """The active bodies working on `theme`, in the order of the governance map."""
    return sorted(body_list_active(on=on).filter(theme=theme), key=_sort_key)


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


def clerk_addresses(*, organisation_id: int) -> list[str]:
    """The mail addresses of the active griffie logins of one municipality; one query."""
    emails = User.objects.filter(
        is_active=True, groups__name=Role.CLERK.value, person__organisation_id=organisation_id
    ).values_list("email", flat=True)
    return sorted(set(emails) - {""})


# --- rules of play (issue 13) ------------------------------------------------------------------


def _rules_visible(user) -> Q:
    """Adopted and superseded versions are open to every logged-in user; drafts only to the
    secretariat, who write them."""
    if is_secretariat(user):
        return Q()
    return ~Q(status=RulesStatus.DRAFT)


def rules_get(*, user, pk: int) -> RulesOfPlay | None:
    """One version the user may see, or None."""
    return RulesOfPlay.objects.filter(_rules_visible(user), pk=pk).select_related("body").first()


def rules_current(*, body: Body | None) -> RulesOfPlay | None:
    """The adopted version of a body's (body None: the NHN-wide) rules of play, or None."""
    scope = RulesOfPlay.objects.filter(status=RulesStatus.ADOPTED)
    scope = scope.filter(body=body) if body else scope.filter(body__isnull=True)
    return scope.order_by("-version").first()


def rules_versions(*, user, body: Body | None) -> list[RulesOfPlay]:
    """Every version of one scope the user may see, newest first."""
    scope = RulesOfPlay.objects.filter(_rules_visible(user))
    scope = scope.filter(body=body) if body else scope.filter(body__isnull=True)
    return list(scope.select_related("body").order_by("-version"))


def rules_overview(*, user) -> dict:
    """The NHN-wide versions and, per body, its versions (newest first) that the user may
    see; active bodies without any version are listed as such. Two queries."""
    versions = list(
        RulesOfPlay.objects.filter(_rules_visible(user)).select_related("body").order_by("-version")
    )
    nhn = [rules for rules in versions if rules.body_id is None]
    per_body: dict[int, list[RulesOfPlay]] = defaultdict(list)
    for rules in versions:
        if rules.body_id is not None:
            per_body[rules.body_id].append(rules)
    bodies = sorted(body_list_active(), key=_sort_key)
    return {
        "nhn": nhn,
        "bodies": [(body, per_body.get(body.pk, [])) for body in bodies],
    }


# --- the cooperation agreement -----------------------------------------------------------------

AGREEMENT_KINDS = (
    OrganisationKind.MUNICIPALITY,
    OrganisationKind.PROVINCE,
    OrganisationKind.WATER_BOARD,
)


def agreement_overview() -> dict:
    """Every party to the samenwerkingsovereenkomst (municipalities, province, water board)
    with its adoption (None when nothing is recorded), and how many adopted; one query."""
    parties = list(
        Organisation.objects.filter(kind__in=AGREEMENT_KINDS)
        .select_related("subregion", "agreement_adoption")
        .order_by("kind", "subregion__name", "name")
    )
    rows = []
    for organisation in parties:
        try:
            adoption = organisation.agreement_adoption
        except AgreementAdoption.DoesNotExist:
            adoption = None
        rows.append((organisation, adoption))
    adopted = sum(1 for _organisation, adoption in rows if adoption and adoption.adopted)
    return {"rows": rows, "adopted": adopted, "total": len(rows)}


# --- balance norms (issue 13, part 7) ----------------------------------------------------------


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
