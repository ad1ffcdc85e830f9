"""The boundary spanners: one per sub-region, the day they work for the region."""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from gremia.models.registry import Person
from netwerk.constants import Workday
from nhn_portal.core.models import TimeStampedModel


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
    # The day of the week they work for the region (0 = Monday), when agreed.
    workday = models.PositiveSmallIntegerField(
        _("day for the region"), choices=Workday.choices, null=True, blank=True
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
