"""Writes to the registry. Each service validates, saves and audits in one transaction."""

import datetime

from django.db import transaction

from nhn_portal.core.audit import audit_record_create, model_changes, snapshot
from nhn_portal.core.constants import AuditAction

from .models import Body, Membership, Organisation, Person

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
