"""The registry: themes, sub-regions, organisations, people, bodies and their memberships."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from gremia.constants import (
    CIVIL_SERVICE_KINDS,
    BodyKind,
    DecisionRule,
    Line,
    MembershipRole,
    OrganisationKind,
    PersonFunction,
    Sector,
)
from nhn_portal.core.models import TimeStampedModel


class Theme(TimeStampedModel):
    """A policy theme a platform works on (Wonen, Mobiliteit, Economie, later Energie, …).

    Registry data like a body's kind: it classifies bodies and dossiers. (Until the
    architecture issue it lived in `platforms`, which keeps the theme pages.)
    """

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Subregion(TimeStampedModel):
    """A basisregio: Kop van Noord-Holland, West-Friesland, Regio Alkmaar."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("sub-region")
        verbose_name_plural = _("sub-regions")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Organisation(TimeStampedModel):
    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=30, choices=OrganisationKind.choices)
    sector = models.CharField(
        _("triple-helix sector"), max_length=20, choices=Sector.choices, default=Sector.GOVERNMENT
    )
    subregion = models.ForeignKey(
        Subregion,
        verbose_name=_("sub-region"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="organisations",
    )
    is_central_municipality = models.BooleanField(_("central municipality"), default=False)
    website = models.URLField(_("website"), blank=True)
    # The organisation's identifier in the government's TOOI register (municipality, province,
    # water board), as DiWoo names a publisher: e.g. .../tooi/id/gemeente/gm0361.
    tooi_uri = models.URLField(
        _("TOOI identifier"),
        blank=True,
        help_text=_("For example https://identifier.overheid.nl/tooi/id/gemeente/gm0361."),
    )

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(is_central_municipality=False) | Q(kind=OrganisationKind.MUNICIPALITY),
                name="organisation_central_is_municipality",
                violation_error_message=_("Only a municipality can be a central municipality."),
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("gremia:organisation_detail", kwargs={"slug": self.slug})


class Person(TimeStampedModel):
    name = models.CharField(_("name"), max_length=200)
    function = models.CharField(
        _("function"), max_length=30, choices=PersonFunction.choices, default=PersonFunction.OTHER
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="people",
    )
    email = models.EmailField(_("e-mail address"), blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("login"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="person",
    )

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("persons")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("gremia:person_detail", kwargs={"pk": self.pk})


class Body(TimeStampedModel):
    """A gremium: a table at which the cooperation meets."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    short_name = models.CharField(_("short name"), max_length=60, blank=True)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=30, choices=BodyKind.choices)
    theme = models.ForeignKey(
        Theme,
        verbose_name=_("theme"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="bodies",
    )
    prepares = models.ForeignKey(
        "self",
        verbose_name=_("prepares"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="prepared_by",
        help_text=_("The body whose meetings this body prepares."),
    )
    purpose = models.TextField(_("purpose"), blank=True)
    established_on = models.DateField(_("established on"), default=timezone.localdate)
    dissolved_on = models.DateField(_("dissolved on"), null=True, blank=True)
    # Rules of play (spelregels), as data so the stuurgroep can change them without code.
    decision_rule = models.CharField(
        _("decision rule"),
        max_length=20,
        choices=DecisionRule.choices,
        default=DecisionRule.CONSENSUS,
    )
    # When set, a decision needs more than half of the seats present (a substitute
    # counts for the member); otherwise it is recorded as "geen quorum".
    quorum_required = models.BooleanField(_("quorum required"), default=False)
    public_by_default = models.BooleanField(_("meetings public by default"), default=False)
    meeting_frequency = models.CharField(_("meeting frequency"), max_length=100, blank=True)
    chair_role = models.TextField(_("role of the chair"), blank=True)
    council_involvement = models.TextField(_("how councils are involved"), blank=True)
    evaluation = models.CharField(_("evaluation moment"), max_length=200, blank=True)
    # The Woo publisher of the body's documents: the government organisation that carries its
    # secretariat, set by the beheerder (empty: the portal's DIWOO_PUBLISHER_* setting).
    woo_publisher = models.ForeignKey(
        Organisation,
        verbose_name=_("Woo publisher"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"tooi_uri__gt": ""},
        help_text=_(
            "The organisation that carries the secretariat of this body and publishes its "
            "documents under the Woo (needs a TOOI identifier)."
        ),
    )

    class Meta:
        verbose_name = _("body")
        verbose_name_plural = _("bodies")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(dissolved_on__isnull=True) | Q(dissolved_on__gte=F("established_on")),
                name="body_dissolved_after_established",
                violation_error_message=_("A body cannot be dissolved before it was established."),
            ),
            models.CheckConstraint(
                condition=~Q(prepares=F("id")),
                name="body_does_not_prepare_itself",
                violation_error_message=_("A body cannot prepare itself."),
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("gremia:body_detail", kwargs={"slug": self.slug})

    @property
    def line(self) -> Line:
        if self.kind in CIVIL_SERVICE_KINDS:
            return Line.CIVIL_SERVICE
        return Line.ADMINISTRATIVE

    def is_dissolved(self, on=None) -> bool:
        on = on or timezone.localdate()
        return self.dissolved_on is not None and self.dissolved_on <= on

    def clean(self):
        # Walk up the chain so a cycle (A prepares B prepares A) is refused, not only A→A.
        seen = {self.pk} if self.pk else set()
        current = self.prepares
        while current is not None:
            if current.pk in seen:
                raise ValidationError(
                    {"prepares": _("This would make a circle of bodies preparing each other.")}
                )
            seen.add(current.pk)
            current = current.prepares


class MembershipQuerySet(models.QuerySet):
    def current(self, on=None):
        on = on or timezone.localdate()
        return self.filter(Q(end__isnull=True) | Q(end__gte=on), start__lte=on)

    def past(self, on=None):
        on = on or timezone.localdate()
        return self.filter(end__lt=on)


class Membership(TimeStampedModel):
    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.PROTECT, related_name="memberships"
    )
    body = models.ForeignKey(
        Body, verbose_name=_("body"), on_delete=models.PROTECT, related_name="memberships"
    )
    role = models.CharField(
        _("role"), max_length=20, choices=MembershipRole.choices, default=MembershipRole.MEMBER
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("represents"),
        on_delete=models.PROTECT,
        related_name="memberships",
        help_text=_("The organisation this person represents at this table."),
    )
    start = models.DateField(_("start"), default=timezone.localdate)
    end = models.DateField(_("end"), null=True, blank=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["body__name", "role", "person__name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gte=F("start")),
                name="membership_end_not_before_start",
                violation_error_message=_("The end date cannot be before the start date."),
            ),
            models.UniqueConstraint(
                fields=["person", "body", "role"],
                condition=Q(end__isnull=True),
                name="membership_one_open_per_person_body_role",
                violation_error_message=_(
                    "This person already has an open membership of this body in this role."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.person} – {self.body} ({self.get_role_display()})"

    @property
    def is_chair(self) -> bool:
        return self.role == MembershipRole.CHAIR

    def clean(self):
        body = self.body if self.body_id else None
        if body is None or body.dissolved_on is None:
            return
        if (self._state.adding and body.is_dissolved()) or self.start > body.dissolved_on:
            raise ValidationError(
                {
                    "body": _("%(body)s was dissolved on %(date)s and takes no new memberships.")
                    % {"body": body, "date": date_format(body.dissolved_on, "j F Y")}
                }
            )


# --- Rules of play ------------------------------------------------------------------------------
