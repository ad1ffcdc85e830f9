"""The distribution dashboard (secretariat): letters × the 17 councils, grouped by sub-region,
on screen and as a CSV for a spreadsheet.
"""

from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from gremia.models.registry import Subregion
from nhn_portal.core.access import require_secretariat
from nhn_portal.core.http import confidential
from nhn_portal.core.release import cached_fragment
from nhn_portal.core.spreadsheet import csv_writer
from raden.constants import DeliveryStatus
from raden.forms import (
    DashboardFilterForm,
)
from raden.selectors.discussions import discussion_counts_by_letter
from raden.selectors.letters import dashboard_version, distribution_dashboard
from raden.selectors.offices import linking_pins

DASHBOARD = "raden/dashboard.html"
MATRIX = "raden/_dashboard_matrix.html"
# The cached matrix lives this long at most; a write it shows changes its key.
DASHBOARD_SECONDS = 60 * 60


def _dashboard_data(request):
    form = DashboardFilterForm(request.GET or None)
    days = form.cleaned_data.get("days") if form.is_valid() else None
    return form, distribution_dashboard(user=request.user, not_confirmed_days=days)


def _matrix(request, days: int | None) -> str:
    """The linking pins and the matrix of letters × councils (with `days`: only the letters
    not confirmed that long), rendered."""
    data = distribution_dashboard(user=request.user, not_confirmed_days=days)
    # "besproken in 11 van de 17 raden": councils that recorded an outcome, per letter.
    discussed = discussion_counts_by_letter(row.letter.pk for row in data.rows)
    for row in data.rows:
        row.discussed = discussed.get(row.letter.pk, 0)
    context = {"dashboard": data, "DeliveryStatus": DeliveryStatus}
    return render_to_string(MATRIX, {**context, "linking_pins": _pins_in_order(data)})


@confidential()
def dashboard(request):
    """Letters × the 17 councils, grouped by sub-region, status and since when per cell. The
    unfiltered matrix is the same for the whole secretariat until a write it shows, so it comes
    from the cache (dashboard_version); a filtered one compares with the present moment and is
    made fresh."""
    require_secretariat(request.user)
    form = DashboardFilterForm(request.GET or None)
    days = form.cleaned_data.get("days") if form.is_valid() else None
    if days is None:
        key = f"dashboard:{get_language()}:{dashboard_version()}"
        matrix = cached_fragment(key, lambda: _matrix(request, None), DASHBOARD_SECONDS)
    else:
        matrix = _matrix(request, days)
    context = {"form": form, "days": days, "matrix": mark_safe(matrix)}  # noqa: S308 - ours
    return render(request, DASHBOARD, context)


def _pins_in_order(data):
    """The sub-region offices in the dashboard's column order: the linking pins."""
    pins = linking_pins()
    return [
        (subregion, pins[subregion.pk])
        for subregion, _towns in data.subregions
        if subregion is not None and subregion.pk in pins
    ]


@confidential()
def dashboard_csv(request):
    """The same matrix, one row per letter × council, for a spreadsheet."""
    require_secretariat(request.user)
    _form, data = _dashboard_data(request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        'attachment; filename="verspreiding-raadsinformatiebrieven.csv"'
    )
    response.write("\ufeff")  # so spreadsheet programs read the file as UTF-8
    # Cells that would start a formula are neutralised (CSV formula injection).
    writer = csv_writer(response, delimiter=";")
    writer.writerow(
        [
            "brief",
            "versie",
            "verzonden",
            "basisregio",
            "gemeente",
            "status",
            "sinds",
            "raadsvergadering",
            "link",
            "voorkeur raad",
        ]
    )
    for row in data.rows:
        for subregion, cells in row.groups:
            for cell in cells:
                delivery = cell.delivery
                writer.writerow(
                    [
                        row.letter.title,
                        row.letter.version,
                        _csv_time(row.letter.issued_at),
                        subregion.name if isinstance(subregion, Subregion) else "",
                        cell.municipality.name,
                        delivery.get_status_display() if delivery else "",
                        _csv_time(delivery.status_changed_at) if delivery else "",
                        delivery.council_date.isoformat()
                        if delivery and delivery.council_date
                        else "",
                        delivery.council_link if delivery else "",
                        _preference_text(cell.municipality),
                    ]
                )
    return response


def _preference_text(municipality) -> str:
    preference = getattr(municipality, "preference", None)
    return preference.get_preference_display() if preference else ""


def _csv_time(value) -> str:
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if value else ""
