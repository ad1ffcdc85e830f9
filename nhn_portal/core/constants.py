from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    """The portal's roles; each is a Django group seeded by a data migration."""

    SECRETARY = "secretaris", _("Regiobureau secretary")
    ADMINISTRATOR = "bestuurder", _("Administrator")
    CIVIL_SERVANT = "ambtenaar", _("Civil servant")
    CLERK = "griffie", _("Council clerk")
    MANAGER = "beheerder", _("Application manager")


class AuditAction(models.TextChoices):
    CREATE = "create", _("created")
    UPDATE = "update", _("changed")
    DELETE = "delete", _("deleted")
    READ = "read", _("read")
    DENIED = "denied", _("refused")


class GenerationStatus(models.TextChoices):
    """States of a document generation job; the codes are the UI's Dutch words."""

    QUEUED = "wachtrij", _("Queued")
    RUNNING = "bezig", _("In progress")
    DONE = "klaar", _("Ready")
    FAILED = "mislukt", _("Failed")
