"""The regiobureau's outward work (issue 12): opportunities with a clock ("kansen") and the
public-affairs agenda (lobby dossiers, their contacts and key external moments).

An opportunity is a signal (a call, a policy window, a subsidy round) with an external
deadline and the body that must decide; its route is the ordered steps (werkgroep →
directeurenoverleg → platform → stuurgroep) with a planned date each. When the decision is
recorded, the lead time signal → decision is kept for the overview per year and body.
"""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from gremia.models import Body, Person
from nhn_portal.core.models import TimeStampedModel

from .constants import (
    Arena,
    OpportunityKind,
    OpportunityOutcome,
    ProgrammeLine,
    ProjectStatus,
    ReviewState,
)


class Opportunity(TimeStampedModel):
    title = models.CharField(_("title"), max_length=300)
    kind = models.CharField(_("kind"), max_length=30, choices=OpportunityKind.choices)
    description = models.TextField(_("description"), blank=True)
    source = models.CharField(
        _("source"),
        max_length=300,
        blank=True,
        help_text=_("Where the signal came from, e.g. the ministry or fund that opened the call."),
    )
    signalled_on = models.DateField(_("signalled on"))
    deadline = models.DateField(_("external deadline"))
    deciding_body = models.ForeignKey(
        Body,
        verbose_name=_("deciding body"),
        on_delete=models.PROTECT,
        related_name="opportunities",
    )
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    outcome = models.CharField(
        _("outcome"), max_length=20, choices=OpportunityOutcome.choices, blank=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("opportunity")
        verbose_name_plural = _("opportunities")
        ordering = ["deadline", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(deadline__gte=F("signalled_on")),
                name="opportunity_deadline_after_signal",
                violation_error_message=_("The deadline cannot be before the signal."),
            ),
            models.CheckConstraint(
                condition=Q(decided_on__isnull=True) | Q(decided_on__gte=F("signalled_on")),
                name="opportunity_decided_after_signal",
                violation_error_message=_("The decision cannot be before the signal."),
            ),
            models.CheckConstraint(
                condition=(Q(decided_on__isnull=True) & Q(outcome=""))
                | (Q(decided_on__isnull=False) & ~Q(outcome="")),
                name="opportunity_decision_has_outcome",
                violation_error_message=_("A decision needs both a date and an outcome."),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("netwerk:opportunity_detail", kwargs={"pk": self.pk})

    @property
    def is_decided(self) -> bool:
        return self.decided_on is not None

    @property
    def lead_time_days(self) -> int | None:
        """Days from signal to decision, once decided."""
        if self.decided_on is None:
            return None
        return (self.decided_on - self.signalled_on).days


class OpportunityStep(TimeStampedModel):
    """One stop of the route to a decision: a body and the date it is planned to deal with it."""

    opportunity = models.ForeignKey(
        Opportunity,
        verbose_name=_("opportunity"),
        on_delete=models.CASCADE,
        related_name="steps",
    )
    position = models.PositiveSmallIntegerField(_("position"))
    body = models.ForeignKey(
        Body, verbose_name=_("body"), on_delete=models.PROTECT, related_name="opportunity_steps"
    )
    planned_on = models.DateField(_("planned on"))
    done_on = models.DateField(_("done on"), null=True, blank=True)

    class Meta:
        verbose_name = _("step")
        verbose_name_plural = _("steps")
        ordering = ["opportunity", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["opportunity", "position"], name="opportunity_step_position_unique"
            ),
            models.UniqueConstraint(
                fields=["opportunity", "body"],
                name="opportunity_step_body_once",
                violation_error_message=_(
                    "This body is already on the route: a route may not loop back."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.position}. {self.body}"

    def clean(self):
        if self.done_on and self.opportunity_id and self.done_on < self.opportunity.signalled_on:
            raise ValidationError(
                {"done_on": _("A step cannot be done before the opportunity was signalled.")}
            )


class LobbyDossier(TimeStampedModel):
    """A public-affairs dossier towards The Hague or Brussels (MIRT, NOVEX, Woondeal, EU funds).

    Confidential by default: only the secretariat, the lobbyist and the bestuurders who carry
    it read it. A public summary is shown to everyone only once the dossier is not
    confidential and the summary was published."""

    title = models.CharField(_("title"), max_length=300, unique=True)
    arena = models.CharField(_("arena"), max_length=10, choices=Arena.choices)
    position = models.TextField(_("regional position"), blank=True)
    decisions = models.ManyToManyField(
        "regiobureau.Decision",
        verbose_name=_("decisions that set the position"),
        blank=True,
        related_name="lobby_dossiers",
    )
    carriers = models.ManyToManyField(
        Person,
        verbose_name=_("bestuurders who carry it"),
        blank=True,
        related_name="carried_lobby_dossiers",
    )
    lobbyist = models.ForeignKey(
        Person,
        verbose_name=_("lobbyist"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="lobby_dossiers",
    )
    confidential = models.BooleanField(_("confidential"), default=True)
    public_summary = models.TextField(_("public summary"), blank=True)
    summary_published_at = models.DateTimeField(_("summary published at"), null=True, blank=True)

    class Meta:
        verbose_name = _("lobby dossier")
        verbose_name_plural = _("lobby dossiers")
        ordering = ["title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(summary_published_at__isnull=True) | Q(confidential=False),
                name="lobby_dossier_public_summary_not_confidential",
                violation_error_message=_(
                    "A confidential dossier cannot have a published summary."
                ),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("netwerk:lobby_dossier_detail", kwargs={"pk": self.pk})

    @property
    def summary_is_public(self) -> bool:
        return not self.confidential and self.summary_published_at is not None


class LobbyContact(TimeStampedModel):
    """A contact at a ministry or in Brussels: organisation and role only, no private data."""

    dossier = models.ForeignKey(
        LobbyDossier, verbose_name=_("dossier"), on_delete=models.CASCADE, related_name="contacts"
    )
    organisation = models.CharField(_("organisation"), max_length=200)
    role = models.CharField(_("role"), max_length=200)

    class Meta:
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        ordering = ["organisation", "role"]

    def __str__(self):
        return f"{self.organisation} — {self.role}"


class ExternalMoment(TimeStampedModel):
    """A key external moment (the autumn MIRT consultation, a Tweede Kamer debate, a call
    closing) that the preparing body must meet before."""

    dossier = models.ForeignKey(
        LobbyDossier,
        verbose_name=_("dossier"),
        on_delete=models.CASCADE,
        related_name="external_moments",
    )
    title = models.CharField(_("title"), max_length=300)
    date = models.DateField(_("date"))
    preparing_body = models.ForeignKey(
        Body,
        verbose_name=_("preparing body"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="external_moments",
        help_text=_("The body that must meet about it beforehand."),
    )

    class Meta:
        verbose_name = _("external moment")
        verbose_name_plural = _("external moments")
        ordering = ["date", "title"]

    def __str__(self):
        return self.title


class RelatedTable(TimeStampedModel):
    """A programme organisation or table beside NHN (Energieregio/RES NHN, RPAnhn, NHN Gezond,
    Ontwikkelbedrijf NHN, the Regio Deal foundation): the ring around the base model."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    purpose = models.TextField(_("purpose"))
    contact = models.CharField(
        _("contact"),
        max_length=200,
        blank=True,
        help_text=_("A general contact point of the organisation; no private data."),
    )
    body = models.ForeignKey(
        Body,
        verbose_name=_("NHN body it touches"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="related_tables",
    )
    theme = models.ForeignKey(
        "gremia.Theme",
        verbose_name=_("theme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="related_tables",
    )
    meeting_rhythm = models.CharField(_("meeting rhythm"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("related table")
        verbose_name_plural = _("related tables")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Alignment(TimeStampedModel):
    """An "afstemming" appointment: who from NHN attends what at a related table."""

    table = models.ForeignKey(
        RelatedTable,
        verbose_name=_("related table"),
        on_delete=models.CASCADE,
        related_name="alignments",
    )
    attends = models.CharField(_("attends"), max_length=200)
    attendee = models.ForeignKey(
        Person,
        verbose_name=_("person from NHN"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="alignments",
    )
    attendee_role = models.CharField(_("role from NHN"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("alignment")
        verbose_name_plural = _("alignments")
        ordering = ["table", "attends"]

    def __str__(self):
        return f"{self.table}: {self.attends}"

    def clean(self):
        if self.attendee_id is None and not self.attendee_role.strip():
            raise ValidationError(
                {"attendee_role": _("Name the person or the role that attends from NHN.")}
            )


class RegioDealProject(TimeStampedModel):
    """A project of the Regio Deal NHN, shown publicly once a second person approved it."""

    title = models.CharField(_("title"), max_length=300, unique=True)
    line = models.CharField(_("programme line"), max_length=20, choices=ProgrammeLine.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=ProjectStatus.choices, default=ProjectStatus.PREPARING
    )
    summary = models.TextField(_("summary"))
    partners = models.TextField(_("partners"), blank=True)
    results = models.TextField(_("results"), blank=True)
    municipalities = models.ManyToManyField(
        "gremia.Organisation",
        verbose_name=_("municipalities involved"),
        blank=True,
        related_name="regio_deal_projects",
    )
    review_state = models.CharField(
        _("review"), max_length=20, choices=ReviewState.choices, default=ReviewState.DRAFT
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("Regio Deal project")
        verbose_name_plural = _("Regio Deal projects")
        ordering = ["line", "title"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("netwerk:project_detail", kwargs={"pk": self.pk})

    @property
    def is_public(self) -> bool:
        return self.review_state == ReviewState.APPROVED


def project_image_path(instance, filename: str) -> str:
    return f"regiodeal/{instance.project_id}/{uuid.uuid4().hex}.jpg"


class ProjectImage(TimeStampedModel):
    project = models.ForeignKey(
        RegioDealProject, verbose_name=_("project"), on_delete=models.CASCADE, related_name="images"
    )
    image = models.ImageField(_("picture"), upload_to=project_image_path)
    alt_text = models.CharField(_("alternative text"), max_length=300)
    width = models.PositiveIntegerField(_("width"))
    height = models.PositiveIntegerField(_("height"))

    class Meta:
        verbose_name = _("picture")
        verbose_name_plural = _("pictures")
        ordering = ["project", "pk"]

    def __str__(self):
        return self.alt_text


class BoundarySpanner(TimeStampedModel):
    """The boundary spanner of a sub-region: a person of that sub-region's office, set by the
    beheerder, about one day a week linking the regional tables with its colleges and councils."""

    subregion = models.OneToOneField(
        "gremia.Subregion",
        verbose_name=_("sub-region"),
        on_delete=models.CASCADE,
        related_name="boundary_spanner",
    )
    person = models.ForeignKey(
        Person,
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="boundary_spanner_roles",
    )

    class Meta:
        verbose_name = _("boundary spanner")
        verbose_name_plural = _("boundary spanners")
        ordering = ["subregion"]

    def __str__(self):
        return f"{self.person} ({self.subregion})"

    def get_absolute_url(self):
        return reverse("netwerk:spanner_detail", kwargs={"pk": self.pk})

    def clean(self):
        organisation = self.person.organisation if self.person_id else None
        if (
            organisation is None
            or organisation.kind != "subregionaal_bureau"
            or organisation.subregion_id != self.subregion_id
        ):
            raise ValidationError(
                {"person": _("The boundary spanner must work at this sub-region's office.")}
            )
