import secrets
import string
import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from nhn_portal.core.models import TimeStampedModel

from .constants import (
    AnnotationStatus,
    Confidentiality,
    ItemPurpose,
    MeetingStatus,
    TemplatePlacement,
)


class Dossier(TimeStampedModel):
    """A topic followed across bodies and meetings, e.g. "Woondeal NHN"."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    description = models.TextField(_("description"), blank=True)
    theme = models.ForeignKey(
        "platforms.Theme",
        verbose_name=_("theme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="dossiers",
    )

    class Meta:
        verbose_name = _("dossier")
        verbose_name_plural = _("dossiers")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("regiobureau:dossier_detail", kwargs={"slug": self.slug})


class Meeting(TimeStampedModel):
    body = models.ForeignKey(
        "gremia.Body", verbose_name=_("body"), on_delete=models.PROTECT, related_name="meetings"
    )
    # A stable identifier for calendar feeds (RFC 5545 UID) that never changes with edits.
    uid = models.UUIDField(_("calendar id"), default=uuid.uuid4, unique=True, editable=False)
    title = models.CharField(_("title"), max_length=200, blank=True)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    location = models.CharField(_("place"), max_length=200, blank=True)
    online_url = models.URLField(_("online link"), blank=True)
    is_public = models.BooleanField(_("public meeting"), default=False)
    status = models.CharField(
        _("status"), max_length=30, choices=MeetingStatus.choices, default=MeetingStatus.DRAFT
    )
    cancel_reason = models.TextField(_("reason for cancellation"), blank=True)
    documents_deadline = models.DateField(_("deadline for documents"))
    agenda_published_at = models.DateTimeField(_("agenda published at"), null=True, blank=True)
    # Optimistic locking of the agenda: every change to the meeting or its items bumps this,
    # and a form carrying an older number is refused (two secretaries never overwrite each other).
    agenda_version = models.PositiveIntegerField(_("agenda version"), default=1)

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")),
                name="meeting_ends_after_start",
                violation_error_message=_("The meeting must end after it starts."),
            ),
            models.CheckConstraint(
                condition=~Q(status=MeetingStatus.CANCELLED) | ~Q(cancel_reason=""),
                name="meeting_cancel_has_reason",
                violation_error_message=_("A cancelled meeting needs a reason."),
            ),
        ]
        indexes = [models.Index(fields=["body", "starts_at"])]

    def __str__(self):
        return self.title or f"{self.body} {self.starts_at:%d-%m-%Y}"

    def get_absolute_url(self):
        return reverse("regiobureau:meeting_detail", kwargs={"pk": self.pk})

    @property
    def is_cancelled(self) -> bool:
        return self.status == MeetingStatus.CANCELLED


class AgendaItem(TimeStampedModel):
    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="items"
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("main item"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="children",
    )
    position = models.PositiveIntegerField(_("position"))
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    purpose = models.CharField(
        _("purpose"), max_length=20, choices=ItemPurpose.choices, default=ItemPurpose.DISCUSSION
    )
    presenter = models.ForeignKey(
        "gremia.Person",
        verbose_name=_("presenter"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="presented_items",
    )
    planned_minutes = models.PositiveSmallIntegerField(_("planned minutes"), null=True, blank=True)
    is_public = models.BooleanField(_("public item"), default=True)
    dossier = models.ForeignKey(
        Dossier,
        verbose_name=_("dossier"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="agenda_items",
    )
    standard_key = models.CharField(_("standard item"), max_length=40, blank=True)

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["meeting", "position"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(parent=F("id")),
                name="agenda_item_not_own_parent",
                violation_error_message=_("An item cannot be its own main item."),
            ),
        ]
        indexes = [models.Index(fields=["meeting", "parent", "position"])]

    def __str__(self):
        return self.title

    @property
    def is_confidential(self) -> bool:
        return not self.is_public


class AgendaTemplateItem(TimeStampedModel):
    """A body's standard opening or closing item, copied into each new meeting."""

    body = models.ForeignKey(
        "gremia.Body",
        verbose_name=_("body"),
        on_delete=models.CASCADE,
        related_name="agenda_template_items",
    )
    placement = models.CharField(_("placement"), max_length=10, choices=TemplatePlacement.choices)
    position = models.PositiveIntegerField(_("position"))
    title = models.CharField(_("title"), max_length=300)
    purpose = models.CharField(_("purpose"), max_length=20, choices=ItemPurpose.choices)

    class Meta:
        verbose_name = _("standard agenda item")
        verbose_name_plural = _("standard agenda items")
        ordering = ["body", "placement", "position"]

    def __str__(self):
        return self.title


def document_upload_to(instance, filename):
    # Generated names only: the uploader's file name is kept in the database, never on disk.
    return f"stukken/{instance.document_id}/{uuid.uuid4().hex}"


class Document(TimeStampedModel):
    """A stuk attached to an agenda item; readers always get the newest version."""

    agenda_item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("agenda item"),
        on_delete=models.CASCADE,
        related_name="documents",
    )
    title = models.CharField(_("title"), max_length=300)
    confidentiality = models.CharField(
        _("confidentiality"),
        max_length=20,
        choices=Confidentiality.choices,
        default=Confidentiality.PUBLIC,
    )
    current_version = models.ForeignKey(
        "DocumentVersion",
        verbose_name=_("current version"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["agenda_item", "title"]

    def __str__(self):
        return self.title

    @property
    def is_confidential(self) -> bool:
        return self.confidentiality == Confidentiality.CONFIDENTIAL


class DocumentVersion(models.Model):
    document = models.ForeignKey(
        Document, verbose_name=_("document"), on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveIntegerField(_("version"))
    file = models.FileField(_("file"), upload_to=document_upload_to, max_length=300)
    original_name = models.CharField(_("original file name"), max_length=255)
    content_type = models.CharField(_("content type"), max_length=150)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    arrived_late = models.BooleanField(_("arrived after the deadline"), default=False)

    class Meta:
        verbose_name = _("document version")
        verbose_name_plural = _("document versions")
        ordering = ["document", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["document", "number"], name="document_version_unique")
        ]

    def __str__(self):
        return f"{self.document} v{self.number}"


class Annotation(TimeStampedModel):
    """The regiobureau's annotation of an agenda item: what it is about and what to do."""

    agenda_item = models.OneToOneField(
        AgendaItem,
        verbose_name=_("agenda item"),
        on_delete=models.CASCADE,
        related_name="annotation",
    )
    background = models.TextField(_("background"), blank=True)
    core_message = models.TextField(_("core message"), blank=True)
    proposal = models.TextField(_("proposal or advice"), blank=True)
    discussion_points = models.TextField(_("points for discussion"), blank=True)
    relation_to_bodies = models.TextField(_("relation to other bodies"), blank=True)
    meaning_for_subregions = models.TextField(_("meaning for the sub-regions"), blank=True)
    communication = models.TextField(_("communication to executives and councils"), blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=AnnotationStatus.choices,
        default=AnnotationStatus.DRAFT,
    )
    version = models.PositiveIntegerField(_("version"), default=0)

    class Meta:
        verbose_name = _("annotation")
        verbose_name_plural = _("annotations")

    def __str__(self):
        return f"Annotatie bij {self.agenda_item}"


class AnnotationVersion(models.Model):
    """Every saved state of an annotation, for the diff between versions."""

    annotation = models.ForeignKey(
        Annotation, verbose_name=_("annotation"), on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveIntegerField(_("version"))
    content = models.JSONField(_("content"))
    status = models.CharField(_("status"), max_length=20, choices=AnnotationStatus.choices)
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("saved by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    saved_at = models.DateTimeField(_("saved at"), auto_now_add=True)

    class Meta:
        verbose_name = _("annotation version")
        verbose_name_plural = _("annotation versions")
        ordering = ["annotation", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["annotation", "number"], name="annotation_version_unique"
            )
        ]

    def __str__(self):
        return f"{self.annotation} v{self.number}"


class AnnotationComment(TimeStampedModel):
    annotation = models.ForeignKey(
        Annotation, verbose_name=_("annotation"), on_delete=models.CASCADE, related_name="comments"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.PROTECT,
        related_name="annotation_comments",
    )
    text = models.TextField(_("comment"))
    is_resolved = models.BooleanField(_("resolved"), default=False)

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at"]

    def __str__(self):
        return f"{self.author}: {self.text[:40]}"


class ReadMark(models.Model):
    """A bestuurder's "gelezen" mark on an agenda item."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="read_marks",
    )
    agenda_item = models.ForeignKey(
        AgendaItem, verbose_name=_("agenda item"), on_delete=models.CASCADE, related_name="+"
    )
    read_at = models.DateTimeField(_("read at"), auto_now_add=True)

    class Meta:
        verbose_name = _("read mark")
        verbose_name_plural = _("read marks")
        constraints = [
            models.UniqueConstraint(fields=["user", "agenda_item"], name="read_mark_unique")
        ]

    def __str__(self):
        return f"{self.user} – {self.agenda_item}"


def _new_feed_token() -> str:
    alphabet = string.ascii_letters + string.digits
    return "".join(secrets.choice(alphabet) for _ in range(40))


class CalendarToken(TimeStampedModel):
    """The secret in a personal calendar feed URL; revoking replaces it."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="calendar_token",
    )
    token = models.CharField(_("token"), max_length=64, unique=True, default=_new_feed_token)

    class Meta:
        verbose_name = _("calendar token")
        verbose_name_plural = _("calendar tokens")

    def __str__(self):
        return f"{self.user}"
