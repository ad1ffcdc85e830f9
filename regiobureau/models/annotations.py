"""The regiobureau's annotations, their versions and the members' comments and read marks."""

import copy

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from nhn_portal.core.models import TimeStampedModel
from regiobureau.constants import ANNOTATION_FIELDS, AnnotationStatus, ReviewOutcome
from regiobureau.models.meetings import AgendaItem


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
    # The text as last adopted: what members read while a new draft is written.
    adopted_content = models.JSONField(_("adopted text"), null=True, blank=True)
    adopted_number = models.PositiveIntegerField(_("adopted version"), null=True, blank=True)
    adopted_at = models.DateTimeField(_("adopted at"), null=True, blank=True)

    class Meta:
        verbose_name = _("annotation")
        verbose_name_plural = _("annotations")

    def __str__(self):
        return f"Annotatie bij {self.agenda_item}"

    @property
    def is_adopted(self) -> bool:
        return self.status == AnnotationStatus.ADOPTED

    # Set on the copy `for_members` returns while a new draft is being written.
    new_version_pending = False

    def for_members(self) -> "Annotation | None":
        """The annotation as the members read it: the adopted text, or the text the
        secretariat sent them ter review; while a new draft is written after an adoption, the
        adopted text with `new_version_pending`; nothing for a concept never adopted."""
        if self.status in (AnnotationStatus.ADOPTED, AnnotationStatus.IN_REVIEW):
            return self
        if self.adopted_content is None:
            return None
        view = copy.copy(self)
        for name in ANNOTATION_FIELDS:
            setattr(view, name, self.adopted_content.get(name, ""))
        view.status = AnnotationStatus.ADOPTED
        view.new_version_pending = True
        return view

    def content(self) -> dict[str, str]:
        return {name: getattr(self, name) for name in ANNOTATION_FIELDS}


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


class AnnotationReview(models.Model):
    """A request to one reviewer to read an annotation sent ter review (four eyes): she
    adopts it or sends it back with a comment; the other open requests of that round lapse.
    The rows are the annotation's review history: who asked whom, when, and what came of it."""

    annotation = models.ForeignKey(
        Annotation, verbose_name=_("annotation"), on_delete=models.CASCADE, related_name="reviews"
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewer"),
        on_delete=models.PROTECT,
        related_name="annotation_reviews",
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    due_on = models.DateField(_("review before"))
    # The version sent ter review: what the reviewer was asked to read.
    version = models.PositiveIntegerField(_("version"))
    notified_at = models.DateTimeField(_("reviewer notified at"), null=True, blank=True)
    author_notified_at = models.DateTimeField(_("author notified at"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    outcome = models.CharField(
        _("outcome"), max_length=20, choices=ReviewOutcome.choices, blank=True, default=""
    )
    comment = models.TextField(_("comment"), blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("annotation review")
        verbose_name_plural = _("annotation reviews")
        ordering = ["annotation", "requested_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["annotation", "reviewer"],
                condition=models.Q(decided_at__isnull=True),
                name="annotation_review_one_open_per_reviewer",
            )
        ]

    def __str__(self):
        return f"{self.annotation} – {self.reviewer}"

    @property
    def is_open(self) -> bool:
        return self.decided_at is None
