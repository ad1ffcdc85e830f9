"""How each council wants to be informed, recorded by its griffie."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from nhn_portal.core.models import TimeStampedModel
from raden.constants import PREFERENCE_SHORT, InformationPreference


class CouncilPreference(TimeStampedModel):
    municipality = models.OneToOneField(
        "gremia.Organisation",
        verbose_name=_("municipality"),
        on_delete=models.CASCADE,
        related_name="council_preference",
    )
    preference = models.CharField(
        _("how the council wants to be informed"),
        max_length=30,
        choices=InformationPreference.choices,
        default=InformationPreference.LETTER,
    )
    note = models.TextField(_("note"), blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("council preference")
        verbose_name_plural = _("council preferences")
        ordering = ["municipality__name"]

    def __str__(self):
        return f"{self.municipality}: {self.get_preference_display()}"

    @property
    def wants_digest(self) -> bool:
        return self.preference == InformationPreference.DIGEST

    @property
    def wants_presentation(self) -> bool:
        return self.preference == InformationPreference.LETTER_AND_COMMITTEE

    @property
    def short_label(self) -> str:
        return str(PREFERENCE_SHORT.get(self.preference, ""))
