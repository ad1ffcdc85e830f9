"""Writes to the registry. Each service validates, saves and audits in one transaction."""

import datetime

from django.db import transaction

from nhn_portal.core import services as core_services
from nhn_portal.core.audit import audit_record_create, audited_update
from nhn_portal.core.constants import AuditAction, Role
from nhn_portal.core.models import User

from .constants import BodyKind, DecisionRule, OrganisationKind, PersonFunction, Sector
from .models import Body, Membership, Organisation, Person, Subregion, Theme

MEMBERSHIP_FIELDS = ["person", "body", "role", "organisation", "start", "end"]
BODY_FIELDS = [
    "name",
    "short_name",
    "slug",
    "kind",
    "theme",
    "prepares",
    "purpose",
    "established_on",
    "dissolved_on",
    "decision_rule",
    "quorum_required",
    "public_by_default",
    "meeting_frequency",
    "chair_role",
    "council_involvement",
    "evaluation",
]


@transaction.atomic
def membership_create(
    *,
    actor,
    person: Person,
    body: Body,
    organisation: Organisation,
    role: str,
    start: datetime.date,
    end: datetime.date | None = None,
) -> Membership:
    """Seat a person at a body; refuses end-before-start, duplicates and dissolved bodies."""
    membership = Membership(
        person=person, body=body, organisation=organisation, role=role, start=start, end=end
    )
    membership.full_clean()
    membership.save()
    audit_record_create(
        actor=actor, obj=membership, action=AuditAction.CREATE, verb="membership_create"
    )
    return membership


@transaction.atomic
def membership_end(*, actor, membership: Membership, end: datetime.date) -> Membership:
    """Close a membership on `end`; it then shows under past members."""
    return audited_update(actor=actor, obj=membership, verb="membership_end", end=end)


@transaction.atomic
def body_dissolve(*, actor, body: Body, on: datetime.date) -> Body:
    """Dissolve a body (a stuurgroep decision); its open memberships end that day."""
    audited_update(actor=actor, obj=body, verb="body_dissolve", dissolved_on=on)
    for membership in body.memberships.filter(end__isnull=True).select_for_update():
        membership_end(actor=actor, membership=membership, end=max(on, membership.start))
    return body


# The rules of play a body keeps as data (DESIGN.md): changed by a stuurgroep decision.
BODY_RULE_FIELDS = [
    "decision_rule",
    "quorum_required",
    "public_by_default",
    "meeting_frequency",
    "chair_role",
    "council_involvement",
    "evaluation",
]


@transaction.atomic
def body_rules_update(*, actor, body: Body, **rules) -> Body:
    """Change a body's rules of play (decision rule, openness, chair's role, …)."""
    unknown = set(rules) - set(BODY_RULE_FIELDS)
    if unknown:
        raise TypeError(f"body_rules_update does not change {sorted(unknown)}")
    return audited_update(actor=actor, obj=body, verb="body_rules_update", **rules)


# Creation services used by `load_nhn` (actor=None: the system) and usable by any later view.


@transaction.atomic
def subregion_create(*, actor, name: str, slug: str, description: str = "") -> Subregion:
    """Create a basisregio."""
    subregion = Subregion(name=name, slug=slug, description=description)
    subregion.full_clean()
    subregion.save()
    audit_record_create(
        actor=actor, obj=subregion, action=AuditAction.CREATE, verb="subregion_create"
    )
    return subregion


@transaction.atomic
def organisation_create(
    *,
    actor,
    name: str,
    slug: str,
    kind: OrganisationKind | str,
    sector: Sector | str = Sector.GOVERNMENT,
    subregion: Subregion | None = None,
    is_central_municipality: bool = False,
    website: str = "",
) -> Organisation:
    """Create an organisation (municipality, province, office, triple-helix partner, …)."""
    organisation = Organisation(
        name=name,
        slug=slug,
        kind=kind,
        sector=sector,
        subregion=subregion,
        is_central_municipality=is_central_municipality,
        website=website,
    )
    organisation.full_clean()
    organisation.save()
    audit_record_create(
        actor=actor, obj=organisation, action=AuditAction.CREATE, verb="organisation_create"
    )
    return organisation


@transaction.atomic
def theme_create(*, actor, name: str, slug: str, description: str = "") -> Theme:
    """Create a policy theme (registry data: bodies and dossiers point at it)."""
    theme = Theme(name=name, slug=slug, description=description)
    theme.full_clean()
    theme.save()
    audit_record_create(actor=actor, obj=theme, action=AuditAction.CREATE, verb="theme_create")
    return theme


@transaction.atomic
def body_create(
    *,
    actor,
    name: str,
    slug: str,
    kind: BodyKind | str,
    short_name: str = "",
    theme: Theme | None = None,
    prepares: Body | None = None,
    purpose: str = "",
    established_on: datetime.date | None = None,
    decision_rule: DecisionRule | str = DecisionRule.CONSENSUS,
    quorum_required: bool = False,
    public_by_default: bool = False,
    meeting_frequency: str = "",
    chair_role: str = "",
    council_involvement: str = "",
    evaluation: str = "",
) -> Body:
    """Set up a body (gremium) with its rules of play; refuses a circle of preparation."""
    body = Body(
        name=name,
        slug=slug,
        kind=kind,
        short_name=short_name,
        theme=theme,
        prepares=prepares,
        purpose=purpose,
        decision_rule=decision_rule,
        quorum_required=quorum_required,
        public_by_default=public_by_default,
        meeting_frequency=meeting_frequency,
        chair_role=chair_role,
        council_involvement=council_involvement,
        evaluation=evaluation,
    )
    if established_on is not None:
        body.established_on = established_on
    body.full_clean()
    body.save()
    audit_record_create(actor=actor, obj=body, action=AuditAction.CREATE, verb="body_create")
    return body


@transaction.atomic
def person_create(
    *,
    actor,
    name: str,
    function: PersonFunction | str = PersonFunction.OTHER,
    organisation: Organisation | None = None,
    email: str = "",
    user: User | None = None,
) -> Person:
    """Register a person; the login (`user`) is optional."""
    person = Person(name=name, function=function, organisation=organisation, email=email, user=user)
    person.full_clean()
    person.save()
    audit_record_create(actor=actor, obj=person, action=AuditAction.CREATE, verb="person_create")
    return person


@transaction.atomic
def person_user_create(
    *,
    actor,
    person: Person,
    email: str,
    password: str | None,
    roles: list[Role] | tuple[Role, ...] = (),
    first_name: str = "",
    last_name: str = "",
    is_staff: bool = False,
    is_superuser: bool = False,
) -> User:
    """Give a registry person a login with its role groups (core.services.user_create), and
    link the two; a person who has a login already keeps it."""
    user = core_services.user_create(
        actor=actor,
        email=email,
        password=password,
        roles=roles,
        first_name=first_name,
        last_name=last_name,
        is_staff=is_staff,
        is_superuser=is_superuser,
    )
    if person.user_id is None:
        audited_update(actor=actor, obj=person, verb="person_link_user", user=user)
    return user
