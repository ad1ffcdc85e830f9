"""The one way to write an audit record; services call it inside their transaction.

`audited_update` is the one way a service changes fields of an existing row: set, validate,
save only those fields, and record what changed, in the caller's transaction.
"""

from collections.abc import Callable, Iterable
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils import timezone

from .constants import AuditAction
from .models import AuditRecord
from .portal import todo_counts_changed
from .stamps import ObjectQuery


def audit_record_create(
    *,
    actor: Any,
    obj: models.Model,
    action: AuditAction,
    verb: str,
    changes: dict[str, Any] | None = None,
    client_address: str | None = None,
) -> AuditRecord:
    """Record that `actor` did `verb` to `obj`; must run in the caller's transaction."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("audit_record_create must run inside the service's transaction")
    # A state change: the remembered to-do lines and counts are stale. Bumped now, not on
    # commit (callers count their on-commit hand-overs); a rollback only costs a recount. A
    # request of the same user that computes its lines between this and the commit keeps
    # the old ones for TODO_LINES_SECONDS at most.
    todo_counts_changed()
    return AuditRecord.objects.create(
        client_address=client_address,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        action=action,
        verb=verb,
        content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
        object_id=str(obj.pk),
        object_repr=str(obj)[:300],
        changes=changes or {},
    )


def audit_records_create(
    *,
    actor: Any,
    objects: Iterable[models.Model],
    action: AuditAction,
    verb: str,
    changes: Callable[[models.Model], dict[str, Any]] | None = None,
) -> list[AuditRecord]:
    """One audit record per object in a single INSERT, for a service that changes many rows
    at once; must run in the caller's transaction like `audit_record_create`."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("audit_records_create must run inside the service's transaction")
    who = actor if getattr(actor, "is_authenticated", False) else None
    todo_counts_changed()
    return AuditRecord.objects.bulk_create(
        AuditRecord(
            actor=who,
            action=action,
            verb=verb,
            content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
            object_id=str(obj.pk),
            object_repr=str(obj)[:300],
            changes=(changes(obj) if changes else None) or {},
        )
        for obj in objects
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


def audited_create(
    *,
    actor: Any,
    obj: models.Model,
    verb: str,
    changes: dict[str, Any] | None = None,
    clean: bool = True,
) -> models.Model:
    """Validate `obj` (`full_clean`, unless `clean=False` for a row whose rules the service
    checked itself), save it and write a CREATE audit record. Must run inside the service's
    transaction."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("audited_create must run inside the service's transaction")
    if clean:
        obj.full_clean()
    obj.save()
    audit_record_create(actor=actor, obj=obj, action=AuditAction.CREATE, verb=verb, changes=changes)
    return obj


def audited_update(
    *,
    actor: Any,
    obj: models.Model,
    verb: str,
    clean: bool = True,
    clean_exclude: Iterable[str] = (),
    before_save: Callable[[], None] | None = None,
    recorded: Iterable[str] | None = None,
    **values: Any,
) -> models.Model:
    """Set `values` on `obj`, validate (`full_clean`, unless `clean=False` for a change whose
    rule the service checked itself), call `before_save` (e.g. claim the next agenda version),
    save only those fields, and write an UPDATE audit record with the before/after of the
    `recorded` fields (default: all of `values`). Must run inside the service's transaction."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("audited_update must run inside the service's transaction")
    names = list(values)
    recorded = list(names if recorded is None else recorded)
    before = snapshot(obj, recorded)
    for name, value in values.items():
        setattr(obj, name, value)
    if clean:
        obj.full_clean(exclude=list(clean_exclude) or None)
    if before_save is not None:
        before_save()
    update_fields = [*names]
    if any(field.name == "updated_at" for field in obj._meta.concrete_fields):
        update_fields.append("updated_at")
    obj.save(update_fields=update_fields)
    audit_record_create(
        actor=actor,
        obj=obj,
        action=AuditAction.UPDATE,
        verb=verb,
        changes=model_changes(before, obj, recorded),
    )
    return obj


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


# audit_read's look-up of the object it names, per model, compiled once (core.stamps): it
# runs on every confidential page.
_NAMED: dict[str, ObjectQuery] = {}


def _object_named(model, object_id: Any) -> models.Model | None:
    if not isinstance(object_id, int):  # (ids from URLs are integers; anything else: the ORM)
        return model._default_manager.filter(pk=object_id).first()
    query = _NAMED.get(model._meta.label)
    if query is None:
        query = _NAMED[model._meta.label] = ObjectQuery(
            lambda pk: model._default_manager.filter(pk=pk).order_by()
        )
    return query.first(object_id)


@transaction.atomic
def audit_read(
    *, request, subject: str, object_id: Any, ok: bool, client_address: str | None
) -> AuditRecord:
    """Record that the request's user opened (`ok`) or was refused (not `ok`) the confidential
    `subject` ("app_label.model") with id `object_id`, from `client_address`. A refused id
    may not exist, so the record names the id rather than the object."""
    from django.apps import apps

    model = apps.get_model(subject)
    obj = _object_named(model, object_id) if ok else None
    user = getattr(request, "user", None)
    return AuditRecord.objects.create(
        actor=user if getattr(user, "is_authenticated", False) else None,
        action=AuditAction.READ if ok else AuditAction.DENIED,
        verb=(
            f"{request.method} {request.path}"[:100]
            if ok
            else f"refused: {request.method} {request.path}"[:100]
        ),
        content_type=ContentType.objects.get_for_model(model, for_concrete_model=False),
        object_id=str(object_id)[:64],
        object_repr=(str(obj) if obj is not None else f"{model._meta.verbose_name} {object_id}")[
            :300
        ],
        client_address=client_address,
    )
