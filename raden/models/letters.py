"""Council information letters (raadsinformatiebrieven) and their delivery to each council.

One letter per meeting version; issuing it makes one delivery per municipality, each with its
own PDF ("Aan de gemeenteraad van <gemeente>") and its own trail: made available, downloaded,
receipt confirmed, scheduled in council or noted.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from nhn_portal.core.models import TimeStampedModel
from raden.constants import (
    Addressee,
    DeliveryStatus,
    LetterStatus,
    RenderStatus,
    delivery_audience,
)


class CouncilLetter(TimeStampedModel):
    meeting = models.ForeignKey(
        "regiobureau.Meeting",
        verbose_name=_("meeting"),
        on_delete=models.PROTECT,
        related_name="council_letters",
    )
    title = models.CharField(_("title"), max_length=300)
    intro = models.TextField(_("introduction"), blank=True)
    contact_person = models.ForeignKey(
        "gremia.Person",
        verbose_name=_("contact person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=LetterStatus.choices, default=LetterStatus.DRAFT
    )
    version = models.PositiveIntegerField(_("version"), default=1)
    # A correction is a new letter ("herziene versie") pointing at the one it replaces; the
    # old one and its deliveries stay as they were, so the record shows what councils got.
    supersedes = models.OneToOneField(
        "self",
        verbose_name=_("corrects"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="superseded_by",
    )
    adopted_at = models.DateTimeField(_("adopted at"), null=True, blank=True)
    issued_at = models.DateTimeField(_("issued at"), null=True, blank=True)
    # The companion "collegebrief" to the 17 colleges and the summary for the
    # sub-region offices; each, when written, goes out with the letter as its own copies.
    college_text = models.TextField(_("collegebrief for the colleges"), blank=True)
    subregion_summary = models.TextField(_("summary for the sub-region offices"), blank=True)

    class Meta:
        verbose_name = _("council information letter")
        verbose_name_plural = _("council information letters")
        ordering = ["-issued_at", "-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(supersedes__isnull=True) | Q(version__gt=1),
                name="council_letter_correction_is_later_version",
                violation_error_message=_("A correction is version 2 or later."),
            ),
        ]

    def __str__(self):
        if self.version > 1:
            return f"{self.title} (herziene versie {self.version})"
        return self.title

    def get_absolute_url(self):
        return reverse("raden:letter_detail", kwargs={"pk": self.pk})

    @property
    def is_revision(self) -> bool:
        return self.supersedes_id is not None

    @property
    def is_draft(self) -> bool:
        return self.status == LetterStatus.DRAFT

    @property
    def is_adopted(self) -> bool:
        """Adopted and not yet issued."""
        return self.status == LetterStatus.ADOPTED


class CouncilLetterItem(models.Model):
    """One decision (or agenda item) reported to the councils, in words for council members."""

    letter = models.ForeignKey(
        CouncilLetter, verbose_name=_("letter"), on_delete=models.CASCADE, related_name="items"
    )
    position = models.PositiveIntegerField(_("position"), default=1)
    decision = models.ForeignKey(
        "regiobureau.Decision",
        verbose_name=_("decision"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="council_letter_items",
    )
    agenda_item = models.ForeignKey(
        "regiobureau.AgendaItem",
        verbose_name=_("agenda item"),
        on_delete=models.PROTECT,
        related_name="council_letter_items",
    )
    text = models.TextField(_("text for council members"))

    class Meta:
        verbose_name = _("letter item")
        verbose_name_plural = _("letter items")
        ordering = ["letter", "position", "pk"]

    def __str__(self):
        return f"{self.letter}: {self.agenda_item}"


class CouncilLetterSubregionParagraph(models.Model):
    """A paragraph only the councils of one sub-region read."""

    letter = models.ForeignKey(
        CouncilLetter,
        verbose_name=_("letter"),
        on_delete=models.CASCADE,
        related_name="subregion_paragraphs",
    )
    subregion = models.ForeignKey(
        "gremia.Subregion", verbose_name=_("sub-region"), on_delete=models.PROTECT, related_name="+"
    )
    text = models.TextField(_("text"))

    class Meta:
        verbose_name = _("sub-region paragraph")
        verbose_name_plural = _("sub-region paragraphs")
        ordering = ["letter", "subregion__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["letter", "subregion"], name="letter_one_paragraph_per_subregion"
            )
        ]

    def __str__(self):
        return f"{self.letter}: {self.subregion}"


def delivery_pdf_upload_to(instance, filename):
    # Only referenced by migration 0001 (the PDF now lives in the document pipeline).
    return f"raadsinformatiebrieven/{instance.letter_id}/{instance.municipality_id}.pdf"


class CouncilLetterDelivery(TimeStampedModel):
    """One council's copy of a letter: its PDF and how far the griffie has got with it. Also
    a college's copy (the collegebrief) or a sub-region office's (the summary),
    through the same pipeline; `municipality` is then the college's municipality or the
    sub-region office."""

    letter = models.ForeignKey(
        CouncilLetter,
        verbose_name=_("letter"),
        on_delete=models.PROTECT,
        related_name="deliveries",
    )
    municipality = models.ForeignKey(
        "gremia.Organisation",
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        related_name="council_letter_deliveries",
    )
    addressee = models.CharField(
        _("addressee"), max_length=20, choices=Addressee.choices, default=Addressee.COUNCIL
    )
    status = models.CharField(
        _("status"),
        max_length=30,
        choices=DeliveryStatus.choices,
        default=DeliveryStatus.PENDING,
    )
    status_changed_at = models.DateTimeField(_("status since"), null=True, blank=True)
    # One timestamp (and who) per step, so the dashboard and the audit agree on "since when".
    available_at = models.DateTimeField(_("made available at"), null=True, blank=True)
    downloaded_at = models.DateTimeField(_("first downloaded at"), null=True, blank=True)
    downloaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("downloaded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    received_at = models.DateTimeField(_("receipt confirmed at"), null=True, blank=True)
    received_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("receipt confirmed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    scheduled_at = models.DateTimeField(_("scheduled at"), null=True, blank=True)
    council_date = models.DateField(_("council meeting date"), null=True, blank=True)
    council_link = models.URLField(_("link to the council's system"), blank=True)
    noted_at = models.DateTimeField(_("noted at"), null=True, blank=True)
    # Set once the griffie's e-mail went out, so a redelivered task does not mail again.
    notified_at = models.DateTimeField(_("griffie notified at"), null=True, blank=True)
    # The PDF of this council's copy comes from the document pipeline: one job per
    # municipality (kind "raadsinformatiebrief", audience = the municipality's slug). The
    # render status mirrors the latest job, so the dashboard needs no join to the jobs.
    render_status = models.CharField(
        _("PDF status"), max_length=20, choices=RenderStatus.choices, default=RenderStatus.QUEUED
    )
    render_error = models.TextField(_("PDF error"), blank=True)
    render_attempts = models.PositiveSmallIntegerField(_("PDF attempts"), default=0)
    job = models.ForeignKey(
        "core.GenerationJob",
        verbose_name=_("generation job"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    document = models.ForeignKey(
        "core.GeneratedDocument",
        verbose_name=_("PDF"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("delivery to a council")
        verbose_name_plural = _("deliveries to councils")
        ordering = ["letter", "municipality__subregion__name", "municipality__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["letter", "municipality", "addressee"],
                name="delivery_one_per_letter_addressee",
            ),
            # Nothing is made available to a council that did not render.
            models.CheckConstraint(
                condition=Q(status=DeliveryStatus.PENDING) | Q(render_status=RenderStatus.DONE),
                name="delivery_available_only_when_rendered",
                violation_error_message=_("A letter is only made available once its PDF exists."),
            ),
        ]
        indexes = [models.Index(fields=["municipality", "status"])]

    def __str__(self):
        return f"{self.letter} – {self.municipality}"

    def get_absolute_url(self):
        return reverse("raden:delivery_detail", kwargs={"pk": self.pk})

    @property
    def is_council_copy(self) -> bool:
        return self.addressee == Addressee.COUNCIL

    @property
    def audience(self) -> str:
        return delivery_audience(self.addressee, self.municipality.slug)

    @property
    def is_noted(self) -> bool:
        return self.status == DeliveryStatus.NOTED

    @property
    def is_scheduled(self) -> bool:
        return self.status == DeliveryStatus.SCHEDULED

    @property
    def pdf_is_ready(self) -> bool:
        return self.render_status == RenderStatus.DONE

    @property
    def pdf_failed(self) -> bool:
        return self.render_status == RenderStatus.FAILED
