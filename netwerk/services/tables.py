"""The related tables register (netwerk): writes, each validated and audited
in one transaction."""

from django.db import transaction

from gremia.models.registry import Body
from netwerk.models.tables import Alignment, RelatedTable
from nhn_portal.core.audit import audit_record_create, audited_create
from nhn_portal.core.constants import AuditAction


@transaction.atomic
def related_table_create(
    *,
    actor,
    name: str,
    purpose: str,
    contact: str = "",
    body: Body | None = None,
    theme=None,
    meeting_rhythm: str = "",
) -> RelatedTable:
    table = RelatedTable(
        name=name.strip(),
        purpose=purpose.strip(),
        contact=contact.strip(),
        body=body,
        theme=theme,
        meeting_rhythm=meeting_rhythm.strip(),
    )
    audited_create(actor=actor, obj=table, verb="related_table_create")
    return table


@transaction.atomic
def alignment_add(
    *, actor, table: RelatedTable, attends: str, attendee=None, attendee_role: str = ""
) -> Alignment:
    """Who from NHN attends what at a related table: a person or at least a role."""
    alignment = Alignment(
        table=table, attends=attends.strip(), attendee=attendee, attendee_role=attendee_role.strip()
    )
    alignment.full_clean()
    alignment.save()
    audit_record_create(
        actor=actor,
        obj=table,
        action=AuditAction.UPDATE,
        verb="alignment_add",
        changes={"alignment": [None, str(alignment)]},
    )
    return alignment
