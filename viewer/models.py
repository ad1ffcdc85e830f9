"""A reader's personal note on one page of a stuk's version or of a generated PDF.

A note is private: only its owner ever reads, changes, deletes or exports it (the selectors
filter on the owner; there is no admin for it). Its text is never copied into the audit trail,
which records only that a note on a page was made, changed or deleted."""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from nhn_portal.core.models import GeneratedDocument, TimeStampedModel
from regiobureau.models.documents import DocumentVersion

NOTE_MAX_LENGTH = 5000


class PageNote(TimeStampedModel):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    # Exactly one of the two: the version of a stuk that was read, or a generated PDF.
    document_version = models.ForeignKey(
        DocumentVersion,
        verbose_name=_("document version"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    generated_document = models.ForeignKey(
        GeneratedDocument,
        verbose_name=_("generated document"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    page = models.PositiveIntegerField(_("page"), validators=[MinValueValidator(1)])
    text = models.TextField(_("text of the note"), max_length=NOTE_MAX_LENGTH)

    class Meta:
        verbose_name = _("personal note")
        verbose_name_plural = _("personal notes")
        ordering = ["page", "created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(document_version__isnull=False, generated_document__isnull=True)
                    | models.Q(document_version__isnull=True, generated_document__isnull=False)
                ),
                name="page_note_one_target",
            ),
            models.CheckConstraint(condition=models.Q(page__gte=1), name="page_note_page_positive"),
        ]
        indexes = [
            models.Index(fields=["owner", "document_version"], name="page_note_owner_version"),
            models.Index(fields=["owner", "generated_document"], name="page_note_owner_generated"),
        ]

    def __str__(self):
        # Never the text: this is what the audit trail keeps (object_repr).
        return f"{_('Personal note')} p. {self.page}"
