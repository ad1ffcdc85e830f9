"""Writes of the portal core: logins, and the audited saves behind every admin page.

The beheerder's admin (/beheer/) changes rows through `admin_object_save` / `_delete`, so a
change made there leaves the same audit record as one made through an app's service.
"""

from django.contrib.auth.models import Group
from django.db import models, transaction

from .audit import audit_record_create, model_changes
from .constants import AuditAction, Role
from .models import User


@transaction.atomic
def admin_object_save(*, actor, obj: models.Model, fields: list[str], before: dict | None) -> None:
    """Save a row edited in the admin, with an audit record of what changed.

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
def admin_object_delete(*, actor, obj: models.Model) -> None:
    """Delete a row from the admin, keeping an audit record of it."""
    audit_record_create(
        actor=actor, obj=obj, action=AuditAction.DELETE, verb=f"{obj._meta.model_name}_delete"
    )
    obj.delete()


@transaction.atomic
def admin_relations_changed(
    *, actor, obj: models.Model, field: str, before: list[str], after: list[str]
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
) -> User:
    """Create a login with its role groups; the password never enters the audit record."""
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
    return user


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


@transaction.atomic
def user_totp_activate(*, actor, user: User, secret: str) -> bool:
    """Give `user` an authenticator app (TOTP) with a known base32 `secret`, unless they have
    one (then False). Only the demo seed uses it: a real user scans a fresh secret on the
    MFA page. The secret is stored encrypted by allauth and never enters the audit record."""
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP

    if Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
        return False
    TOTP.activate(user, secret)
    audit_record_create(
        actor=actor, obj=user, action=AuditAction.UPDATE, verb="user_totp_activate", changes={}
    )
    return True
