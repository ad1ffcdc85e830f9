"""Writes to the registry. Each service validates, saves and audits in one transaction."""

import datetime

from django.contrib.auth.models import Group
from django.db import transaction

from nhn_portal.core.audit import audit_record_create, model_changes, snapshot
from nhn_portal.core.constants import AuditAction, Role
from nhn_portal.core.models import User
from platforms.models import Theme

from .constants import BodyKind, DecisionRule, OrganisationKind, PersonFunction, Sector
from .models import Body, Membership, Organisation, Person, Subregion

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
    before = snapshot(membership, ["end"])
    membership.end = end
    membership.full_clean()
    membership.save(update_fields=["end", "updated_at"])
    audit_record_create(
        actor=actor,
        obj=membership,
        action=AuditAction.UPDATE,
        verb="membership_end",
        changes=model_changes(before, membership, ["end"]),
    )
    return membership


@transaction.atomic
def body_dissolve(*, actor, body: Body, on: datetime.date) -> Body:
    """Dissolve a body (a stuurgroep decision); its open memberships end that day."""
    before = snapshot(body, ["dissolved_on"])
    body.dissolved_on = on
    body.full_clean()
    body.save(update_fields=["dissolved_on", "updated_at"])
    for membership in body.memberships.filter(end__isnull=True).select_for_update():
        membership_end(actor=actor, membership=membership, end=max(on, membership.start))
    audit_record_create(
        actor=actor,
        obj=body,
        action=AuditAction.UPDATE,
        verb="body_dissolve",
        changes=model_changes(before, body, ["dissolved_on"]),
    )
    return body


@transaction.atomic
def registry_object_save(*, actor, obj, fields: list[str], before: dict | None) -> None:
    """Save a registry object edited in the admin, with an audit record of what changed.

    The admin validates with `full_clean()` through its model form; this is the one place it
    writes, so admin edits are audited like every other change.
    """
    adding = obj._state.adding
    obj.save()
    audit_record_create(
        actor=actor,
        obj=obj,
        action=AuditAction.CREATE if adding else AuditAction.UPDATE,
        verb=f"{obj._meta.model_name}_{'create' if adding else 'update'}",
        changes={} if adding else model_changes(before or {}, obj, fields),
    )


@transaction.atomic
def registry_object_delete(*, actor, obj) -> None:
    """Delete a registry object from the admin, keeping an audit record of it."""
    audit_record_create(
        actor=actor, obj=obj, action=AuditAction.DELETE, verb=f"{obj._meta.model_name}_delete"
    )
    obj.delete()


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
    """Create a policy theme.

    Lives here until platforms grows its own services module; move it there then.
    """
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
def user_create(
    *,
    actor,
    email: str,
    password: str | None,
    roles: list[Role] | tuple[Role, ...] = (),
    first_name: str = "",
    last_name: str = "",
    is_staff: bool = False,
    is_superuser: bool = False,
    person: Person | None = None,
) -> User:
    """Create a login with its role groups, optionally linked to a registry person."""
    user = User(
        email=User.objects.normalize_email(email).lower(),
        first_name=first_name,
        last_name=last_name,
        is_staff=is_staff,
        is_superuser=is_superuser,
    )
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.full_clean()
    user.save()
    user.groups.set(Group.objects.filter(name__in=[Role(role).value for role in roles]))
    audit_record_create(
        actor=actor,
        obj=user,
        action=AuditAction.CREATE,
        verb="user_create",
        changes={"roles": sorted(Role(role).value for role in roles)},
    )
    if person is not None and person.user_id is None:
        before = snapshot(person, ["user"])
        person.user = user
        person.save(update_fields=["user", "updated_at"])
        audit_record_create(
            actor=actor,
            obj=person,
            action=AuditAction.UPDATE,
            verb="person_link_user",
            changes=model_changes(before, person, ["user"]),
        )
    return user


@transaction.atomic
def registry_object_relations_changed(
    *, actor, obj, field: str, before: list[str], after: list[str]
) -> None:
    """Audit a change of a many-to-many field made in the admin (e.g. a user's role groups)."""
    if sorted(before) == sorted(after):
        return
    audit_record_create(
        actor=actor,
        obj=obj,
        action=AuditAction.UPDATE,
        verb=f"{obj._meta.model_name}_update",
        changes={field: [sorted(before), sorted(after)]},
    )


@transaction.atomic
def user_password_change_record(*, actor, user: User) -> None:
    """Audit that a beheerder set a new password in the admin; never records the hash."""
    audit_record_create(
        actor=actor,
        obj=user,
        action=AuditAction.UPDATE,
        verb="user_password_change",
        changes={"password": ["***", "***"]},
    )
