"""Boundary spanners per sub-region (netwerk): writes, each validated and audited
in one transaction."""

from django.db import transaction

from netwerk.models import (
    BoundarySpanner,
)
from nhn_portal.core.audit import audit_record_create, audited_update
from nhn_portal.core.constants import AuditAction


@transaction.atomic
def boundary_spanner_set(*, actor, subregion, person) -> BoundarySpanner:
    """The beheerder names the sub-region's boundary spanner (replacing an earlier one)."""
    spanner = BoundarySpanner.objects.select_for_update().filter(subregion=subregion).first()
    if spanner is None:
        spanner = BoundarySpanner(subregion=subregion, person=person)
        spanner.full_clean()
        spanner.save()
        audit_record_create(
            actor=actor, obj=spanner, action=AuditAction.CREATE, verb="boundary_spanner_set"
        )
        return spanner
    return audited_update(actor=actor, obj=spanner, verb="boundary_spanner_set", person=person)
