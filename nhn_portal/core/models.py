import uuid

import pgtrigger
from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager, Group
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchVectorField
from django.db import connections, models
from django.utils.translation import gettext_lazy as _

from .constants import AuditAction, GenerationStatus, Role
from .stamps import RowsQuery


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A login. Who the person is (function, organisation) lives on gremia.Person."""

    username = None
    email = models.EmailField(_("e-mail address"), unique=True)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["email"]

    def __str__(self):
        return self.get_full_name() or self.email

    @property
    def role_names(self) -> set[str]:
        """The user's role codes; cached per instance (one query per request at most)."""
        if not hasattr(self, "_role_names"):
            self._role_names = {
                name for (name,) in _ROLE_NAMES.rows(self.pk, using=self._state.db or "default")
            }
        return self._role_names

    def has_role(self, role: Role) -> bool:
        return self.is_authenticated and role.value in self.role_names


# User.role_names' query, compiled once (nhn_portal.core.stamps): it runs on every request.
_ROLE_NAMES = RowsQuery(
    lambda user_id: Group.objects.filter(user=user_id).order_by().values_list("name")
)


def actor_set_null(collector, field, sub_objs, using):
    """on_delete of an audit record's actor. On PostgreSQL the database sets it NULL itself
    (ON DELETE SET NULL, migration core 0009), acting as the table's owner: the application's
    role may not update audit rows at all. Elsewhere (SQLite) Django does it, as SET_NULL."""
    if connections[using].vendor != "postgresql":
        models.SET_NULL(collector, field, sub_objs, using)


class AuditRecord(models.Model):
    """Who changed or read what, when, from where. Written by services in the same transaction
    as the change, and by `core.http.confidential` views for reads and refused attempts.

    Rows cannot be changed or deleted. On PostgreSQL triggers refuse UPDATE, DELETE and
    TRUNCATE, and the application's database role may only INSERT and SELECT them
    (`manage.py db_app_role`). The one update allowed is the database's own SET NULL of
    `actor` when a login is deleted."""

    created_at = models.DateTimeField(_("at"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=actor_set_null,
        related_name="+",
    )
    action = models.CharField(_("action"), max_length=40, choices=AuditAction.choices)
    verb = models.CharField(_("what happened"), max_length=100)
    content_type = models.ForeignKey(
        ContentType, verbose_name=_("object type"), on_delete=models.PROTECT
    )
    object_id = models.CharField(_("object id"), max_length=64)
    object_repr = models.CharField(_("object"), max_length=300)
    changes = models.JSONField(_("changes"), default=dict, blank=True)
    client_address = models.GenericIPAddressField(_("client address"), null=True, blank=True)

    class Meta:
        verbose_name = _("audit record")
        verbose_name_plural = _("audit records")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["content_type", "object_id"])]
        triggers = [
            pgtrigger.Protect(name="audit_record_no_delete", operation=pgtrigger.Delete),
            # TRUNCATE fires no row trigger: a statement-level one refuses it, also for the
            # table's owner (the migrations' role). Not for a superuser, who could drop the
            # trigger anyway: Django's test runner empties every table that way.
            pgtrigger.Trigger(
                name="audit_record_no_truncate",
                operation=pgtrigger.Truncate,
                level=pgtrigger.Statement,
                when=pgtrigger.Before,
                func=(
                    "IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN "
                    "RAISE EXCEPTION 'pgtrigger: Cannot truncate the % table', TG_TABLE_NAME; "
                    "END IF; RETURN NULL;"
                ),
            ),
            pgtrigger.Protect(
                name="audit_record_no_update",
                operation=pgtrigger.Update,
                # Refused unless the only change is the actor becoming NULL (SET NULL).
                condition=pgtrigger.Condition(
                    "NEW.actor_id IS NOT NULL OR "
                    "(OLD.id, OLD.created_at, OLD.action, OLD.verb, OLD.content_type_id, "
                    "OLD.object_id, OLD.object_repr, OLD.changes, OLD.client_address) "
                    "IS DISTINCT FROM "
                    "(NEW.id, NEW.created_at, NEW.action, NEW.verb, NEW.content_type_id, "
                    "NEW.object_id, NEW.object_repr, NEW.changes, NEW.client_address)"
                ),
            ),
        ]

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.verb}: {self.object_repr}"


def generated_document_upload_to(instance, filename):
    # Generated names only: the download name comes from the database, never from the disk.
    return f"pdf/{instance.kind}/{uuid.uuid4().hex}.pdf"


class GeneratedDocument(TimeStampedModel):
    """One stored version of a produced PDF: of a subject (a meeting, a council
    letter), a kind ("agenda", "raadsinformatiebrief") and an audience ("openbaar", "leden",
    a municipality). Versions are never deleted; a changed source adds the next number."""

    content_type = models.ForeignKey(
        ContentType, verbose_name=_("subject type"), on_delete=models.PROTECT, related_name="+"
    )
    object_id = models.PositiveBigIntegerField(_("subject id"))
    subject = GenericForeignKey("content_type", "object_id")
    # Plain strings, no choices: other apps register kinds and audiences without a migration.
    kind = models.CharField(_("kind of document"), max_length=40)
    audience = models.CharField(_("audience"), max_length=60)
    version = models.PositiveIntegerField(_("version"))
    title = models.CharField(_("title"), max_length=300)
    confidential = models.BooleanField(_("confidential"), default=False)
    file = models.FileField(_("file"), upload_to=generated_document_upload_to, max_length=300)
    filename = models.CharField(_("download file name"), max_length=200)
    content_hash = models.CharField(_("SHA-256 of the HTML"), max_length=64)
    sha256 = models.CharField(_("SHA-256 of the file"), max_length=64)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    pages = models.PositiveIntegerField(_("pages"))
    # Set when what the document shows may no longer be shown (an item or stuk became
    # confidential, the meeting closed): from then on only the secretariat can download it.
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)

    class Meta:
        verbose_name = _("generated document")
        verbose_name_plural = _("generated documents")
        ordering = ["content_type", "object_id", "kind", "audience", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "kind", "audience", "version"],
                name="generated_document_version_unique",
            )
        ]

    def __str__(self):
        return f"{self.title} v{self.version}"


class GenerationJob(TimeStampedModel):
    """A request to produce a document, as the worker moves it from wachtrij to klaar or
    mislukt. A job that reuses an unchanged earlier file points at that version."""

    content_type = models.ForeignKey(
        ContentType, verbose_name=_("subject type"), on_delete=models.PROTECT, related_name="+"
    )
    object_id = models.PositiveBigIntegerField(_("subject id"))
    subject = GenericForeignKey("content_type", "object_id")
    kind = models.CharField(_("kind of document"), max_length=40)
    audience = models.CharField(_("audience"), max_length=60)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=GenerationStatus.choices,
        default=GenerationStatus.QUEUED,
    )
    failure_reason = models.TextField(_("reason for failure"), blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    requested_at = models.DateTimeField(_("requested at"))
    # Null while no broker accepted the message (Redis down): the sweep enqueues it later.
    enqueued_at = models.DateTimeField(_("handed to the queue at"), null=True, blank=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    task_id = models.CharField(_("Celery task id"), max_length=64, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    content_hash = models.CharField(_("SHA-256 of the HTML"), max_length=64, blank=True)
    document = models.ForeignKey(
        GeneratedDocument,
        verbose_name=_("document"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="jobs",
    )
    reused = models.BooleanField(_("reused an unchanged earlier file"), default=False)

    class Meta:
        verbose_name = _("document generation job")
        verbose_name_plural = _("document generation jobs")
        ordering = ["-requested_at", "-id"]
        indexes = [
            models.Index(fields=["content_type", "object_id", "kind", "audience"]),
            models.Index(fields=["status", "requested_at"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status=GenerationStatus.DONE)
                | models.Q(document__isnull=False),
                name="generation_job_done_has_document",
                violation_error_message=_("A finished job points at its document."),
            ),
        ]

    def __str__(self):
        return f"{self.kind}/{self.audience} #{self.pk} ({self.status})"

    @property
    def is_pending(self) -> bool:
        return self.status in (GenerationStatus.QUEUED, GenerationStatus.RUNNING)

    @property
    def is_queued(self) -> bool:
        return self.status == GenerationStatus.QUEUED

    @property
    def is_running(self) -> bool:
        return self.status == GenerationStatus.RUNNING

    @property
    def is_done(self) -> bool:
        return self.status == GenerationStatus.DONE

    @property
    def is_failed(self) -> bool:
        return self.status == GenerationStatus.FAILED


class OutboxMessage(TimeStampedModel):
    """A task a service asked for (`tasking.enqueue_on_commit`), written in the service's own
    transaction: handed to the broker after the commit, and by the beat's
    `outbox_sweep` when the broker was down then. `sent_at` is set once a broker accepted it,
    so nothing is handed over twice; the task id stays the same on every attempt."""

    task_name = models.CharField(_("task"), max_length=200)
    args = models.JSONField(_("arguments"), default=list, blank=True)
    task_id = models.CharField(_("Celery task id"), max_length=64, unique=True)
    sent_at = models.DateTimeField(_("handed to the queue at"), null=True, blank=True)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        verbose_name = _("queued task")
        verbose_name_plural = _("queued tasks")
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["sent_at", "created_at"])]

    def __str__(self):
        return f"{self.task_name}{tuple(self.args)} ({'sent' if self.sent_at else 'pending'})"


class SearchEntry(models.Model):
    """One searchable thing (a meeting, an agenda item, a stuk, a decision, a council letter)
    as the search index holds it: derived data, written only by
    `core.search.search_entries_refresh` from the services that change the thing.

    `visibility` and `body_id` carry the owning app's rule in a form a query can filter
    (`core.search.visible_entries`): "public" for anyone, "members" for the secretariat and
    the members of the body `body_id`, "secretariat" for the secretariat only.
    """

    class Visibility(models.TextChoices):
        PUBLIC = "public", _("Public")
        MEMBERS = "members", _("Members of the body")
        SECRETARIAT = "secretariat", _("Secretariat")

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    kind = models.CharField(_("kind"), max_length=30)
    title = models.CharField(_("title"), max_length=500)
    text = models.TextField(_("text"), blank=True)
    url = models.CharField(_("address"), max_length=500)
    date = models.DateTimeField(_("date"), null=True, blank=True)
    body_id = models.PositiveBigIntegerField(_("body"), null=True, blank=True)
    body_name = models.CharField(_("body"), max_length=200, blank=True)
    theme_name = models.CharField(_("theme"), max_length=100, blank=True)
    dossier_name = models.CharField(_("dossier"), max_length=200, blank=True)
    visibility = models.CharField(_("visibility"), max_length=20, choices=Visibility.choices)
    # The weighted tsvector of title (A) and text (B) on PostgreSQL; NULL on SQLite.
    search_vector = SearchVectorField(null=True, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="search_entry_unique_object"
            )
        ]
        indexes = [models.Index(fields=["visibility", "body_id"], name="search_entry_visible")]

    def __str__(self):
        return f"{self.kind}: {self.title}"


class Heartbeat(TimeStampedModel):
    """The last sign of life of the background work: the beat asks a worker to write it every
    half minute (`heartbeat.heartbeat_record`), so a page can say since when PDFs, letters and
    mail have been waiting when it stops. Bookkeeping of the machinery, like an outbox row's
    `sent_at`, not a change made by anybody: written without an audit record."""

    name = models.CharField(_("name"), max_length=40, unique=True)
    beat_at = models.DateTimeField(_("last sign of life"))

    class Meta:
        verbose_name = _("heartbeat")
        verbose_name_plural = _("heartbeats")

    def __str__(self):
        return f"{self.name} {self.beat_at:%Y-%m-%d %H:%M:%S}"


class LoginThrottle(TimeStampedModel):
    """Failed password logins of one account (the address as typed, lower-cased), from any
    client address: after LOGIN_DELAY_AFTER of them each next attempt waits twice as long
    (`nhn_portal.core.logins`). A successful login ends the count."""

    account = models.CharField(_("e-mail address"), max_length=254, unique=True)
    failures = models.PositiveIntegerField(_("failed logins in a row"), default=0)
    last_failure_at = models.DateTimeField(_("last failed login at"), null=True, blank=True)

    class Meta:
        verbose_name = _("login delay")
        verbose_name_plural = _("login delays")

    def __str__(self):
        return f"{self.account}: {self.failures}"
