"""Reads of delegations: a bestuurder's assistants (her page to grant and revoke), the
principals an assistant reads for, and the logins she may choose as an assistant.

What a delegation opens is decided where meeting visibility is decided
(regiobureau.permissions.delegated_body_ids); these selectors only list the rows.
"""

from django.db.models import QuerySet

from gremia.models.delegation import Delegation
from gremia.models.registry import Person
from nhn_portal.core.access import NotFound
from nhn_portal.core.models import User


def delegations_given(*, user) -> list[Delegation]:
    """The principal's delegations, the active ones first, each with its assistant."""
    rows = Delegation.objects.filter(principal=user).select_related("assistant")
    return sorted(rows, key=lambda d: (d.revoked_at is not None, -d.granted_at.timestamp()))


def access_delegation(*, user, pk: int, for_update: bool = False) -> Delegation:
    """One of the principal's own delegations, or NotFound (someone else's too)."""
    qs = Delegation.objects.filter(principal=user, pk=pk).select_related("assistant")
    if for_update:
        qs = qs.select_for_update(of=("self",))
    delegation = qs.first()
    if delegation is None:
        raise NotFound
    return delegation


def delegations_received(*, user) -> list[Delegation]:
    """The active delegations to `user`, with the principal's name (her registry person's,
    or her login's) as `principal_name`."""
    if not getattr(user, "is_authenticated", False):
        return []
    rows = list(
        Delegation.objects.filter(assistant=user, revoked_at__isnull=True).select_related(
            "principal"
        )
    )
    names = dict(
        Person.objects.filter(user_id__in=[d.principal_id for d in rows]).values_list(
            "user_id", "name"
        )
    )
    for delegation in rows:
        delegation.principal_name = names.get(delegation.principal_id) or str(delegation.principal)
    return sorted(rows, key=lambda d: d.principal_name)


def assistant_choices(*, user) -> QuerySet[User]:
    """The active logins a principal may name as her assistant: everyone but herself."""
    return (
        User.objects.filter(is_active=True)
        .exclude(pk=user.pk)
        .order_by("last_name", "first_name", "email")
    )
