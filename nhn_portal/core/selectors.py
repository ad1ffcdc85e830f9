"""Reads of core data that is confidential: the audit trail, for the beheerder only."""

import datetime

from django.db.models import QuerySet

from nhn_portal.core.access import NotFound

from .access import is_manager
from .models import AuditRecord


def audit_records(
    *,
    user,
    actor: str = "",
    action: str = "",
    content_type_id: int | None = None,
    since: datetime.date | None = None,
    until: datetime.date | None = None,
) -> QuerySet[AuditRecord]:
    """The audit trail filtered, newest first; a 404 for anyone but the beheerder."""
    if not is_manager(user):
        raise NotFound
    records = AuditRecord.objects.select_related("actor", "content_type")
    if actor:
        records = records.filter(actor__email__icontains=actor)
    if action:
        records = records.filter(action=action)
    if content_type_id:
        records = records.filter(content_type_id=content_type_id)
    if since:
        records = records.filter(created_at__date__gte=since)
    if until:
        records = records.filter(created_at__date__lte=until)
    return records.order_by("-created_at", "-id")
