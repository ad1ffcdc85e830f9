"""The one way to write an audit record; services call it inside their transaction."""

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils import timezone

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


@transaction.atomic
def timestamp_once(
    *, model: type[models.Model], pk: int, field: str, verb: str, changes: dict[str, Any]
) -> bool:
    """Set the timestamp `field` of one row to now, with a system audit record, unless it was
    set before (then False). The row lock makes two workers agree on who set it."""
    obj = model.objects.select_for_update().get(pk=pk)
    if getattr(obj, field) is not None:
        return False
    setattr(obj, field, timezone.now())
    obj.save(update_fields=[field, "updated_at"])
    audit_record_create(actor=None, obj=obj, action=AuditAction.UPDATE, verb=verb, changes=changes)
    return True


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
