"""The meeting archive: past meetings per body and per year, as the viewer may see
them (the calendar shows only the coming ones)."""

from django.db.models import QuerySet
from django.db.models.functions import ExtractYear
from django.utils import timezone

from regiobureau.models.meetings import Meeting
from regiobureau.selectors.meetings import meeting_queryset_visible


def meeting_list_past(*, user, body=None, year: int | None = None) -> QuerySet[Meeting]:
    """Meetings that have ended, newest first, grouped by the page per body."""
    qs = meeting_queryset_visible(user).filter(ends_at__lt=timezone.now())
    if body is not None:
        qs = qs.filter(body=body)
    if year is not None:
        qs = qs.filter(starts_at__year=year)
    return qs.order_by("body__name", "-starts_at")


def archive_years(*, user) -> list[int]:
    """The years that have past meetings the user may see, newest first (one query)."""
    return list(
        meeting_queryset_visible(user)
        .filter(ends_at__lt=timezone.now())
        .annotate(year=ExtractYear("starts_at"))
        .order_by("-year")
        .values_list("year", flat=True)
        .distinct()
    )
