"""Stukken and their versions (every upload kept, with its SHA-256)."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from nhn_portal.core.models import TimeStampedModel
from regiobureau.constants import Confidentiality
from regiobureau.models.meetings import AgendaItem


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
    # The text of the file for the search index, extracted by a task after upload.
    text = models.TextField(_("extracted text"), blank=True, editable=False)
    text_extracted_at = models.DateTimeField(_("text extracted at"), null=True, blank=True)
    # The archival copy (PDF/A-2b) published beside the original, made by a task after upload
    # (regiobureau.services.archival); empty until made, or when the file is not a PDF.
    archival_file = models.FileField(
        _("archival copy (PDF/A)"), upload_to=document_upload_to, max_length=300, blank=True
    )
    archived_at = models.DateTimeField(_("archival copy made at"), null=True, blank=True)

    class Meta:
        verbose_name = _("document version")
        verbose_name_plural = _("document versions")
        ordering = ["document", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["document", "number"], name="document_version_unique")
        ]

    def __str__(self):
        return f"{self.document} v{self.number}"
