"""Writes to the registry. Each service validates, saves and audits in one transaction."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from gremia.models.conduct import ConductAmbassador
from gremia.models.delegation import Delegation
from gremia.models.registry import Body, Membership, Organisation, Person, Subregion, Theme
from gremia.models.rules import AgreementAdoption, BalanceNorm, RulesOfPlay
from nhn_portal.core import services as core_services
from nhn_portal.core.audit import audited_create, audited_update
from nhn_portal.core.constants import Role
from nhn_portal.core.models import User

from .constants import (
    RULES_CONSULTATION_FIELDS,
    RULES_VERSIONED_FIELDS,
    BodyKind,
    DecisionRule,
    NormKind,
    OrganisationKind,
    PersonFunction,
    RulesStatus,
    Sector,
)

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
    audited_create(actor=actor, obj=membership, verb="membership_create")
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


@transaction.atomic
def delegation_grant(*, actor, assistant: User) -> Delegation:
    """The actor (a bestuurder) gives `assistant` read access to her meetings, confidential
    content included; refused for oneself, an inactive login and an assistant who has it."""
    if not assistant.is_active:
        raise ValidationError({"assistant": _("This login is not active.")})
    delegation = Delegation(principal=actor, assistant=assistant, granted_at=timezone.now())
    audited_create(
        actor=actor,
        obj=delegation,
        verb="delegation_grant",
        changes={"assistant": assistant.pk},
    )
    return delegation


@transaction.atomic
def delegation_revoke(*, actor, delegation: Delegation) -> Delegation:
    """End an assistant's read access at once; the row stays as the record."""
    delegation = Delegation.objects.select_for_update().get(pk=delegation.pk)
    if delegation.revoked_at is not None:
        return delegation
    return audited_update(
        actor=actor,
        obj=delegation,
        verb="delegation_revoke",
        clean=False,
        revoked_at=timezone.now(),
    )


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
    audited_create(actor=actor, obj=subregion, verb="subregion_create")
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
    tooi_uri: str = "",
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
        tooi_uri=tooi_uri,
    )
    audited_create(actor=actor, obj=organisation, verb="organisation_create")
    return organisation


@transaction.atomic
def organisation_tooi_set(*, actor, organisation: Organisation, tooi_uri: str) -> Organisation:
    """Record the organisation's identifier in the TOOI register (its Woo publisher name)."""
    return audited_update(
        actor=actor, obj=organisation, verb="organisation_tooi_set", tooi_uri=tooi_uri
    )


@transaction.atomic
def body_woo_publisher_set(*, actor, body: Body, publisher: Organisation | None) -> Body:
    """Name the organisation that carries the body's secretariat and publishes its documents
    under the Woo; it needs a TOOI identifier, since that is how DiWoo names a publisher."""
    if publisher is not None and not publisher.tooi_uri:
        raise ValidationError(
            {"woo_publisher": _("The Woo publisher needs a TOOI identifier; record it first.")}
        )
    return audited_update(
        actor=actor, obj=body, verb="body_woo_publisher_set", clean=False, woo_publisher=publisher
    )


@transaction.atomic
def theme_create(*, actor, name: str, slug: str, description: str = "") -> Theme:
    """Create a policy theme (registry data: bodies and dossiers point at it)."""
    theme = Theme(name=name, slug=slug, description=description)
    audited_create(actor=actor, obj=theme, verb="theme_create")
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
    audited_create(actor=actor, obj=body, verb="body_create")
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
    audited_create(actor=actor, obj=person, verb="person_create")
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


@transaction.atomic
def body_prepares_set(*, actor, body: Body, prepares: Body | None) -> Body:
    """Point a body at the body whose meetings it prepares (a growth scenario re-draws the
    lines); refuses a circle."""
    return audited_update(actor=actor, obj=body, verb="body_prepares_set", prepares=prepares)


# --- Rules of play ------------------------------------------------------------------------------


def _rules_scope(body: Body | None):
    return RulesOfPlay.objects.filter(body=body) if body else RulesOfPlay.objects.filter(body=None)


@transaction.atomic
def rules_of_play_draft_create(*, actor, body: Body | None, **answers) -> RulesOfPlay:
    """Start a new version of a body's (or the NHN-wide) rules of play as a draft. Unanswered
    questions are copied from the newest version, so a draft changes only what it names; one
    draft at a time."""
    unknown = set(answers) - set(RULES_VERSIONED_FIELDS) - set(RULES_CONSULTATION_FIELDS)
    if unknown:
        raise TypeError(f"rules_of_play_draft_create does not set {sorted(unknown)}")
    scope = _rules_scope(body).select_for_update(of=("self",))
    if scope.filter(status=RulesStatus.DRAFT).exists():
        raise ValidationError(_("There is already a draft version; change that one."))
    latest = scope.order_by("-version").first()
    values = {name: getattr(latest, name) if latest else "" for name in RULES_VERSIONED_FIELDS}
    if latest:
        values |= {name: getattr(latest, name) for name in RULES_CONSULTATION_FIELDS}
    values.update(answers)
    number = (scope.aggregate(top=Max("version"))["top"] or 0) + 1
    rules = RulesOfPlay(body=body, version=number, status=RulesStatus.DRAFT, **values)
    audited_create(actor=actor, obj=rules, verb="rules_of_play_draft_create")
    return rules


@transaction.atomic
def rules_of_play_update(*, actor, rules: RulesOfPlay, **answers) -> RulesOfPlay:
    """Change the answers of a draft; an adopted version is never rewritten."""
    unknown = set(answers) - set(RULES_VERSIONED_FIELDS) - set(RULES_CONSULTATION_FIELDS)
    if unknown:
        raise TypeError(f"rules_of_play_update does not change {sorted(unknown)}")
    rules = RulesOfPlay.objects.select_for_update(of=("self",)).get(pk=rules.pk)
    if not rules.is_draft:
        raise ValidationError(_("An adopted version cannot be changed; start a new version."))
    return audited_update(actor=actor, obj=rules, verb="rules_of_play_update", **answers)


@transaction.atomic
def rules_of_play_adopt(*, actor, rules: RulesOfPlay, on: datetime.date) -> RulesOfPlay:
    """Adopt a draft on `on` (called by regiobureau's adoption by a stuurgroep decision); the
    version adopted before it is superseded and stays readable."""
    rules = RulesOfPlay.objects.select_for_update(of=("self",)).get(pk=rules.pk)
    if not rules.is_draft:
        raise ValidationError(_("Only a draft version can be adopted."))
    earlier = _rules_scope(rules.body).filter(status=RulesStatus.ADOPTED).exclude(pk=rules.pk)
    for old in earlier.select_for_update(of=("self",)):
        audited_update(
            actor=actor, obj=old, verb="rules_of_play_supersede", status=RulesStatus.SUPERSEDED
        )
    return audited_update(
        actor=actor,
        obj=rules,
        verb="rules_of_play_adopt",
        status=RulesStatus.ADOPTED,
        adopted_on=on,
    )


# --- The cooperation agreement ------------------------------------------------------------------

AGREEMENT_PARTIES = (
    OrganisationKind.MUNICIPALITY,
    OrganisationKind.PROVINCE,
    OrganisationKind.WATER_BOARD,
)


@transaction.atomic
def agreement_adoption_record(
    *,
    actor,
    organisation: Organisation,
    adopted_on: datetime.date | None,
    reference: str = "",
) -> AgreementAdoption:
    """Record whether (a date) or not (None) a partner's college adopted the cooperation
    agreement, with an optional reference to its decision."""
    if organisation.kind not in AGREEMENT_PARTIES:
        raise ValidationError(
            _("Only municipalities, the province and the water board sign the agreement.")
        )
    adoption = AgreementAdoption.objects.select_for_update(of=("self",)).filter(
        organisation=organisation
    )
    existing = adoption.first()
    if existing is not None:
        return audited_update(
            actor=actor,
            obj=existing,
            verb="agreement_adoption_record",
            adopted_on=adopted_on,
            reference=reference,
        )
    created = AgreementAdoption(
        organisation=organisation, adopted_on=adopted_on, reference=reference
    )
    audited_create(actor=actor, obj=created, verb="agreement_adoption_record")
    return created


# --- Balance norms ------------------------------------------------------------------------------


@transaction.atomic
def balance_norm_create(
    *,
    actor,
    name: str,
    kind: NormKind | str,
    body: Body | None = None,
    body_kind: str = "",
    limit: int = 1,
    targets: tuple[int, int, int] = (0, 0, 0),
    tolerance: int = 10,
) -> BalanceNorm:
    """Add a balance norm; `targets` are the government, business and education shares (%)."""
    government, business, education = targets
    norm = BalanceNorm(
        name=name,
        kind=kind,
        body=body,
        body_kind=body_kind,
        limit=limit,
        target_government=government,
        target_business=business,
        target_education=education,
        tolerance=tolerance,
    )
    audited_create(actor=actor, obj=norm, verb="balance_norm_create")
    return norm


# --- The code of conduct's ambassadors ----------------------------------------------------------


@transaction.atomic
def conduct_ambassador_name(
    *,
    actor,
    person: Person,
    body: Body | None = None,
    subregion: Subregion | None = None,
    start: datetime.date | None = None,
):
    """Name an ambassador of the code of conduct for a body or a sub-region."""
    ambassador = ConductAmbassador(
        person=person, body=body, subregion=subregion, start=start or timezone.localdate()
    )
    audited_create(actor=actor, obj=ambassador, verb="conduct_ambassador_name")
    return ambassador


@transaction.atomic
def conduct_ambassador_end(*, actor, ambassador, end: datetime.date | None = None):
    """End an ambassador's role (kept for the history)."""
    return audited_update(
        actor=actor,
        obj=ambassador,
        verb="conduct_ambassador_end",
        end=end or timezone.localdate(),
    )
