import secrets
import string
import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gremia.constants import DecisionRule
from nhn_portal.core.models import TimeStampedModel

from .constants import (
    OUTCOME_DUTCH,
    ActionStatus,
    AnnotationStatus,
    Confidentiality,
    DecisionListStatus,
    DecisionOutcome,
    ItemPurpose,
    MeetingStatus,
    TemplatePlacement,
    VoteChoice,
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
    # Set once the members' e-mail about the published agenda went out (sent once per meeting).
    members_notified_at = models.DateTimeField(_("members notified at"), null=True, blank=True)
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


# --- Decisions and actions (issue 5) --------------------------------------------------------


class Decision(TimeStampedModel):
    """A besluit taken on an agenda item, with the body's decision rule at that moment."""

    item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("agenda item"),
        on_delete=models.PROTECT,
        related_name="decisions",
    )
    text = models.TextField(_("decision"))
    outcome = models.CharField(_("outcome"), max_length=20, choices=DecisionOutcome.choices)
    # Copied from the body when the decision is recorded: a later change of the rules of play
    # must not rewrite how an earlier decision was taken.
    rule = models.CharField(_("decision rule applied"), max_length=20, choices=DecisionRule.choices)

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["item__meeting", "item__position", "pk"]

    def __str__(self):
        return f"{self.item}: {self.get_outcome_display()}"

    @property
    def outcome_dutch(self) -> str:
        return OUTCOME_DUTCH.get(self.outcome, self.outcome)


class Vote(models.Model):
    """How one member present voted on a decision taken by majority."""

    decision = models.ForeignKey(
        Decision, verbose_name=_("decision"), on_delete=models.CASCADE, related_name="votes"
    )
    member = models.ForeignKey(
        "gremia.Person", verbose_name=_("member"), on_delete=models.PROTECT, related_name="votes"
    )
    choice = models.CharField(_("vote"), max_length=20, choices=VoteChoice.choices)

    class Meta:
        verbose_name = _("vote")
        verbose_name_plural = _("votes")
        ordering = ["decision", "member__name"]
        constraints = [
            models.UniqueConstraint(fields=["decision", "member"], name="vote_one_per_member")
        ]

    def __str__(self):
        return f"{self.member}: {self.get_choice_display()}"


class DecisionList(TimeStampedModel):
    """The besluitenlijst of a meeting: concept after it, vastgesteld at the next meeting."""

    meeting = models.OneToOneField(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="decision_list"
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=DecisionListStatus.choices,
        default=DecisionListStatus.DRAFT,
    )
    adopted_at = models.DateTimeField(_("adopted at"), null=True, blank=True)
    adopted_in = models.ForeignKey(
        Meeting,
        verbose_name=_("adopted in meeting"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="adopted_decision_lists",
    )

    class Meta:
        verbose_name = _("decision list")
        verbose_name_plural = _("decision lists")
        constraints = [
            models.CheckConstraint(
                condition=Q(status=DecisionListStatus.DRAFT)
                | Q(adopted_at__isnull=False, adopted_in__isnull=False),
                name="decision_list_adopted_has_meeting",
                violation_error_message=_("An adopted decision list names the meeting."),
            ),
        ]

    def __str__(self):
        return f"Besluitenlijst {self.meeting}"


class ActionItem(TimeStampedModel):
    """An actiepunt: who does what by when, from which meeting; open ones return on the
    agenda of the body's next meeting until they are done or lapse."""

    description = models.TextField(_("description"))
    owner_person = models.ForeignKey(
        "gremia.Person",
        verbose_name=_("owner (person)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="action_items",
    )
    owner_organisation = models.ForeignKey(
        "gremia.Organisation",
        verbose_name=_("owner (organisation)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="action_items",
    )
    deadline = models.DateField(_("deadline"))
    status = models.CharField(
        _("status"), max_length=20, choices=ActionStatus.choices, default=ActionStatus.OPEN
    )
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    origin_meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("origin meeting"),
        on_delete=models.PROTECT,
        related_name="action_items",
    )
    origin_item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("origin agenda item"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="action_items",
    )
    # The day the overdue reminder went out; the daily task skips actions reminded today.
    reminded_on = models.DateField(_("last reminded on"), null=True, blank=True)

    class Meta:
        verbose_name = _("action item")
        verbose_name_plural = _("action items")
        ordering = ["deadline", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(owner_person__isnull=False, owner_organisation__isnull=True)
                | Q(owner_person__isnull=True, owner_organisation__isnull=False),
                name="action_item_exactly_one_owner",
                violation_error_message=_(
                    "An action has exactly one owner: a person or an organisation."
                ),
            ),
        ]
        indexes = [models.Index(fields=["status", "deadline"])]

    def __str__(self):
        return self.description[:80]

    @property
    def owner(self):
        return self.owner_person or self.owner_organisation

    def is_overdue(self, today=None) -> bool:
        today = today or timezone.localdate()
        return self.status == ActionStatus.OPEN and self.deadline < today
