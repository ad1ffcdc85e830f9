"""The Regio Deal showcase: projects, reviewed by a second person, with their pictures."""

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from netwerk.constants import (
    ProgrammeLine,
    ProjectStatus,
    ReviewState,
)
from nhn_portal.core.models import TimeStampedModel


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
