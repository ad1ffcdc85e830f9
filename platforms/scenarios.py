"""The report's two growth scenarios as data (report section 5.3 and 5.4),
and the one service that plans and applies either of them.

A scenario is a `Scenario` value: themes, bodies (in the reference data's own shape), lines to
re-draw ("prepares"), seats to give an organisation, members to carry over to a successor,
bodies to dissolve and norms to add. `scenario_plan` compares it with the registry and lists
only what is missing; `scenario_apply` carries that list out through gremia's audited
services in one transaction. What exists is skipped, so a scenario applied twice changes
nothing the second time; a dissolved body is never deleted and keeps its history. No code path
belongs to one scenario: a new scenario is a new entry in SCENARIOS.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gremia import services as registry
from gremia.constants import BodyKind, MembershipRole, NormKind, PersonFunction
from gremia.models.registry import Body, Membership, Organisation, Person, Theme
from gremia.models.rules import BalanceNorm
from gremia.reference import (
    BASE_MODEL_ESTABLISHED_ON,
    STEERING_GROUP,
    _directors,
    _platform,
    _working_group,
)
from nhn_portal.core.audit import audited_create
from platforms.adoption import decision_choices, decision_get
from platforms.models import ScenarioAdoption

PROVINCE = "provincie-noord-holland"
HHNK = "hoogheemraadschap-hollands-noorderkwartier"


@dataclass(frozen=True)
class Seat:
    """An organisation at a table: seated through a representative person of that
    organisation (found by name, or registered); the beheerder can put the real person in."""

    body: str
    organisation: str
    person: str
    function: str
    role: str = MembershipRole.MEMBER


@dataclass(frozen=True)
class Scenario:
    key: str
    title: Any
    summary: Any
    themes: list[tuple[str, str, str]] = field(default_factory=list)
    bodies: list[dict] = field(default_factory=list)
    prepares: list[tuple[str, str]] = field(default_factory=list)  # (body, prepares)
    carry_over: list[tuple[str, str]] = field(default_factory=list)  # (from body, to body)
    seats: list[Seat] = field(default_factory=list)
    dissolve: list[str] = field(default_factory=list)
    norms: list[dict] = field(default_factory=list)


NEW_THEMES = [
    (
        "energie",
        "Energie",
        "De energietransitie: de Regionale Energiestrategie (RES) van gemeenten, provincie en "
        "waterschap, netcongestie en energie-infrastructuur.",
    ),
    (
        "ontwikkelperspectief",
        "Ontwikkelperspectief",
        "Het Ontwikkelperspectief NHN: grens- en domeinoverstijgende opgaven van provincie, "
        "gemeenten en waterschappen, met een investerings- en uitvoeringsagenda.",
    ),
    (
        "arbeidsmarkt",
        "Arbeidsmarkt",
        "De regionale arbeidsmarkt, met het Regionaal Platform Arbeidsmarktbeleid (RPA nhn) "
        "onder de paraplu van de NHN-samenwerking.",
    ),
]
_NEW = [(slug, name) for slug, name, _description in NEW_THEMES]


def _representative(organisation: str, name: str, function: str, bodies: list[str]) -> list:
    return [Seat(body, organisation, name, function) for body in bodies]


SCENARIOS: dict[str, Scenario] = {
    scenario.key: scenario
    for scenario in [
        Scenario(
            key="thematische-verbreding",
            title=gettext_lazy("Growth scenario 1: thematic broadening"),
            summary=gettext_lazy(
                "Three new platforms (Energie, Ontwikkelperspectief, Arbeidsmarkt), each with a "
                "directors' meeting and a working group that prepare it; the province joins "
                "all three, the water board (HHNK) the energy/RES and Ontwikkelperspectief tables."
            ),
            themes=NEW_THEMES,
            bodies=[
                *[_platform(slug, name) for slug, name in _NEW],
                *[_directors(slug, name) for slug, name in _NEW],
                *[_working_group(slug, name) for slug, name in _NEW],
            ],
            seats=[
                # Part 8: the water board at the tables where the report says it takes part.
                *_representative(
                    HHNK,
                    "Vertegenwoordiger Hoogheemraadschap Hollands Noorderkwartier",
                    PersonFunction.BOARD_MEMBER,
                    ["platform-energie", "platform-ontwikkelperspectief"],
                ),
                *_representative(
                    PROVINCE,
                    "Vertegenwoordiger Provincie Noord-Holland",
                    PersonFunction.DEPUTY,
                    ["platform-energie", "platform-ontwikkelperspectief", "platform-arbeidsmarkt"],
                ),
            ],
        ),
        Scenario(
            key="economic-board",
            title=gettext_lazy("Growth scenario 2: Economic Board"),
            summary=gettext_lazy(
                "The Platform Economie becomes an Economic Board NHN with a composition target "
                "of one third government, business and education each; its current members "
                "move to the board, its preparing bodies prepare the board, the platform is "
                "dissolved and keeps its history."
            ),
            bodies=[
                {
                    "slug": "economic-board-nhn",
                    "name": "Economic Board NHN",
                    "short_name": "Economic Board",
                    "kind": BodyKind.BOARD,
                    "theme": "economie",
                    "prepares": STEERING_GROUP,
                    "purpose": (
                        "Strategisch samenwerkingsorgaan waarin bedrijfsleven, "
                        "kennisinstellingen en overheden samenwerken aan de economische "
                        "ontwikkeling van Noord-Holland Noord: denktank en aanjager van "
                        "innovaties, investeringen en beleidsinitiatieven."
                    ),
                    "composition": "1/3 overheid, 1/3 bedrijfsleven en 1/3 onderwijs.",
                },
            ],
            prepares=[("directeurenoverleg-economie", "economic-board-nhn")],
            carry_over=[("platform-economie", "economic-board-nhn")],
            dissolve=["platform-economie"],
            norms=[
                {
                    "name": "Economic Board: een derde overheid, bedrijfsleven en onderwijs",
                    "kind": NormKind.SECTOR_SHARES,
                    "body": "economic-board-nhn",
                    "targets": (33, 33, 33),
                    "tolerance": 10,
                },
            ],
        ),
    ]
}


@dataclass(frozen=True)
class Step:
    """One change the scenario makes: `kind` (theme, body, prepares, seat, carry_over,
    dissolve, norm), a Dutch sentence for the preview, and what the apply needs."""

    kind: str
    text: str
    data: dict


def scenario_get(key: str) -> Scenario | None:
    return SCENARIOS.get(key)


def _composition(spec: dict) -> dict:
    spec = dict(spec)
    composition = spec.pop("composition", "")
    if composition:
        spec["purpose"] = f"{spec.get('purpose', '')}\n\nSamenstelling: {composition}".strip()
    return spec


def scenario_plan(scenario: Scenario, *, on: datetime.date | None = None) -> list[Step]:
    """What applying `scenario` on `on` would change, in the order it would change it; empty
    when it has been applied already."""
    on = on or timezone.localdate()
    steps: list[Step] = []
    themes = set(Theme.objects.values_list("slug", flat=True))
    bodies = {body.slug: body for body in Body.objects.select_related("prepares")}
    for slug, name, _description in scenario.themes:
        if slug not in themes:
            steps.append(
                Step("theme", _("Create the theme %(name)s") % {"name": name}, {"slug": slug})
            )
    planned = set()
    for spec in scenario.bodies:
        if spec["slug"] in bodies:
            continue
        planned.add(spec["slug"])
        text = _("Create %(name)s (%(kind)s)") % {
            "name": spec["name"],
            "kind": BodyKind(spec["kind"]).label,
        }
        if spec.get("prepares"):
            prepared = bodies.get(spec["prepares"])
            text += ", " + _("prepares %(body)s") % {
                "body": prepared.name if prepared else spec["prepares"]
            }
        steps.append(Step("body", text, {"spec": spec}))
    for slug, target in scenario.prepares:
        body = bodies.get(slug)
        if body is None or (body.prepares and body.prepares.slug == target):
            continue
        target_name = bodies[target].name if target in bodies else _named(scenario, target)
        steps.append(
            Step(
                "prepares",
                _("%(body)s prepares %(target)s from now on")
                % {"body": body.name, "target": target_name},
                {"body": slug, "target": target},
            )
        )
    for source, target in scenario.carry_over:
        if source not in bodies or bodies[source].is_dissolved(on):
            continue
        members = (
            Membership.objects.current(on)
            .filter(body__slug=source)
            .select_related("person", "organisation")
        )
        held = set(
            Membership.objects.filter(body__slug=target, end__isnull=True).values_list(
                "person_id", "role"
            )
        )
        for membership in members:
            if (membership.person_id, membership.role) in held:
                continue
            steps.append(
                Step(
                    "carry_over",
                    _("%(person)s (%(role)s) moves from %(source)s to %(target)s")
                    % {
                        "person": membership.person.name,
                        "role": membership.get_role_display(),
                        "source": bodies[source].name,
                        "target": _named(scenario, target, bodies),
                    },
                    {"membership": membership.pk, "target": target},
                )
            )
    organisations = {
        organisation.slug: organisation
        for organisation in Organisation.objects.filter(
            slug__in={seat.organisation for seat in scenario.seats}
        )
    }
    seated = set(
        Membership.objects.filter(
            organisation__slug__in=organisations, end__isnull=True
        ).values_list("body__slug", "organisation__slug", "role")
    )
    for seat in scenario.seats:
        organisation = organisations.get(seat.organisation)
        if organisation is None or (seat.body, seat.organisation, seat.role) in seated:
            continue
        steps.append(
            Step(
                "seat",
                _("%(organisation)s takes a seat at %(body)s")
                % {"organisation": organisation.name, "body": _named(scenario, seat.body, bodies)},
                {"seat": seat},
            )
        )
    for slug in scenario.dissolve:
        body = bodies.get(slug)
        if body is not None and body.dissolved_on is None:
            steps.append(
                Step(
                    "dissolve",
                    _("Dissolve %(body)s on %(date)s; its history stays")
                    % {"body": body.name, "date": on.strftime("%d-%m-%Y")},
                    {"body": slug},
                )
            )
    names = set(BalanceNorm.objects.values_list("name", flat=True))
    for norm in scenario.norms:
        if norm["name"] not in names:
            steps.append(Step("norm", _("Add the norm %(name)s") % {"name": norm["name"]}, norm))
    return steps


def _named(scenario: Scenario, slug: str, bodies: dict | None = None) -> str:
    if bodies and slug in bodies:
        return bodies[slug].name
    for spec in scenario.bodies:
        if spec["slug"] == slug:
            return spec["name"]
    return slug


@transaction.atomic
def scenario_apply(*, actor, scenario: Scenario, on: datetime.date | None = None) -> list[Step]:
    """Carry out the plan of `scenario` through the registry's audited services; returns the
    steps taken (none when it had been applied already). A fixed number of reads, whatever
    the number of steps: what a step needs is looked up in what was loaded or made before."""
    on = on or timezone.localdate()
    steps = scenario_plan(scenario, on=on)
    if not steps:
        return steps
    descriptions = {slug: (name, description) for slug, name, description in scenario.themes}
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    bodies = {body.slug: body for body in Body.objects.all()}
    carried = {
        membership.pk: membership
        for membership in Membership.objects.filter(
            pk__in=[step.data["membership"] for step in steps if step.kind == "carry_over"]
        ).select_related("person", "organisation")
    }
    organisations = {
        organisation.slug: organisation
        for organisation in Organisation.objects.filter(
            slug__in={seat.organisation for seat in scenario.seats}
        )
    }
    persons = {
        (person.name, person.organisation_id): person
        for person in Person.objects.filter(name__in={seat.person for seat in scenario.seats})
    }
    for step in steps:
        if step.kind == "theme":
            name, description = descriptions[step.data["slug"]]
            themes[step.data["slug"]] = registry.theme_create(
                actor=actor, name=name, slug=step.data["slug"], description=description
            )
        elif step.kind == "body":
            spec = _composition(step.data["spec"])
            theme = spec.pop("theme", None)
            prepares = spec.pop("prepares", None)
            bodies[spec["slug"]] = registry.body_create(
                actor=actor,
                theme=themes[theme] if theme else None,
                prepares=bodies.get(prepares) if prepares else None,
                established_on=max(on, BASE_MODEL_ESTABLISHED_ON),
                **spec,
            )
        elif step.kind == "prepares":
            registry.body_prepares_set(
                actor=actor,
                body=bodies[step.data["body"]],
                prepares=bodies[step.data["target"]],
            )
        elif step.kind == "carry_over":
            old = carried[step.data["membership"]]
            registry.membership_create(
                actor=actor,
                person=old.person,
                body=bodies[step.data["target"]],
                organisation=old.organisation,
                role=old.role,
                start=on,
            )
        elif step.kind == "seat":
            seat = step.data["seat"]
            organisation = organisations[seat.organisation]
            key = (seat.person, organisation.pk)
            if key not in persons:
                persons[key] = registry.person_create(
                    actor=actor, name=seat.person, function=seat.function, organisation=organisation
                )
            registry.membership_create(
                actor=actor,
                person=persons[key],
                body=bodies[seat.body],
                organisation=organisation,
                role=seat.role,
                start=on,
            )
        elif step.kind == "dissolve":
            registry.body_dissolve(actor=actor, body=bodies[step.data["body"]], on=on)
        elif step.kind == "norm":
            norm = dict(step.data)
            body = norm.pop("body", None)
            registry.balance_norm_create(actor=actor, body=bodies[body] if body else None, **norm)
    return steps


@transaction.atomic
def scenario_adopt(
    *, actor, scenario: Scenario, decision_id: int | None, on: datetime.date | None = None
) -> list[Step]:
    """Apply `scenario` as the stuurgroep decided it: refused without an adopted stuurgroep
    decision; the application is recorded (audited) with that decision, so the scenario page
    and the governance map link it. Returns the steps taken."""
    decision = decision_get(decision_id) if decision_id else None
    if decision is None:
        raise ValidationError(
            {
                "decision": _(
                    "Choose the adopted stuurgroep decision that adopts this scenario: a growth "
                    "scenario is applied only as the stuurgroep decided it."
                )
            }
        )
    steps = scenario_apply(actor=actor, scenario=scenario, on=on)
    if steps:
        audited_create(
            actor=actor,
            obj=ScenarioAdoption(
                scenario=scenario.key,
                decision_id=decision.pk,
                decision_label=decision.label[:300],
                decided_on=decision.decided_on,
                applied_by=actor if getattr(actor, "is_authenticated", False) else None,
                changes=len(steps),
            ),
            verb="scenario_adopt",
        )
    return steps


def scenario_adoptions(scenario: Scenario | None = None) -> list[ScenarioAdoption]:
    """The scenarios applied, newest first, each with its decision's link (None when the
    decision is no longer offered): one query, and one more for the links when any."""
    adoptions = ScenarioAdoption.objects.all()
    if scenario is not None:
        adoptions = adoptions.filter(scenario=scenario.key)
    adoptions = list(adoptions)
    links = {d.pk: d.url for d in decision_choices()} if adoptions else {}
    for adoption in adoptions:
        adoption.decision_url = links.get(adoption.decision_id)
        found = SCENARIOS.get(adoption.scenario)
        adoption.scenario_title = found.title if found else adoption.scenario
    return adoptions


__all__ = [
    "SCENARIOS",
    "Scenario",
    "Seat",
    "Step",
    "scenario_adopt",
    "scenario_adoptions",
    "scenario_apply",
    "scenario_get",
    "scenario_plan",
]
