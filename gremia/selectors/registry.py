"""Reads of the registry: bodies, memberships, the governance map, organisations, persons,
themes and the addresses mail goes to."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet

from gremia.constants import (
    Line,
    MembershipRole,
)
from gremia.models.registry import Body, Membership, Organisation, Person, Subregion, Theme
from nhn_portal.core.constants import Role
from nhn_portal.core.models import User

from .common import _active_q, _sort_key, _today

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


def clerk_addresses(*, organisation_id: int) -> list[str]:
    """The mail addresses of the active griffie logins of one municipality; one query."""
    emails = User.objects.filter(
        is_active=True, groups__name=Role.CLERK.value, person__organisation_id=organisation_id
    ).values_list("email", flat=True)
    return sorted(set(emails) - {""})
