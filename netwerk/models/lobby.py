"""The public-affairs agenda: lobby dossiers, their contacts and key external moments."""

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from gremia.models.registry import Body, Person
from netwerk.constants import (
    Arena,
)
from nhn_portal.core.models import TimeStampedModel


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
