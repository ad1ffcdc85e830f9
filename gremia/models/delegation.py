"""A bestuurder's assistant: read access to her meetings (Delegation)."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from nhn_portal.core.models import TimeStampedModel


class Delegation(TimeStampedModel):
    """A bestuurder lets a named assistant read her meetings, the confidential content
    included, until she revokes it. Read access only: the assistant sees the meetings of the
    bodies the principal currently sits on (regiobureau.permissions.delegated_body_ids), never
    acts as a member. Revoking keeps the row as the record (revoked_at)."""

    principal = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("on behalf of"),
        on_delete=models.CASCADE,
        related_name="delegations_given",
    )
    assistant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assistant"),
        on_delete=models.CASCADE,
        related_name="delegations_received",
    )
    granted_at = models.DateTimeField(_("granted at"), default=timezone.now)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    class Meta:
        verbose_name = _("delegation")
        verbose_name_plural = _("delegations")
        ordering = ["-granted_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(principal=F("assistant")),
                name="delegation_not_to_oneself",
                violation_error_message=_("You cannot give read access to yourself."),
            ),
            models.UniqueConstraint(
                fields=["principal", "assistant"],
                condition=Q(revoked_at__isnull=True),
                name="delegation_one_active_per_assistant",
                violation_error_message=_("This assistant already has read access."),
            ),
        ]

    def __str__(self):
        return f"{self.assistant} ← {self.principal}"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None
