"""The one way to write an audit record; services call it inside their transaction."""

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction

from .constants import AuditAction
from .models import AuditRecord


def audit_record_create(
    *,
    actor: Any,
    obj: models.Model,
    action: AuditAction,
    verb: str,
    changes: dict[str, Any] | None = None,
) -> AuditRecord:
    """Record that `actor` did `verb` to `obj`; must run in the caller's transaction."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("audit_record_create must run inside the service's transaction")
    return AuditRecord.objects.create(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        action=action,
        verb=verb,
        content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
        object_id=str(obj.pk),
        object_repr=str(obj)[:300],
        changes=changes or {},
    )


def model_changes(old: dict[str, Any], new: models.Model, fields: list[str]) -> dict[str, Any]:
    """The fields whose value differs between a snapshot and the saved instance, as text."""
    diff = {}
    for name in fields:
        before, after = old.get(name), getattr(new, name)
        if before != after:
            diff[name] = [_text(before), _text(after)]
    return diff


def snapshot(obj: models.Model, fields: list[str]) -> dict[str, Any]:
    return {name: getattr(obj, name) for name in fields}


def _text(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)
