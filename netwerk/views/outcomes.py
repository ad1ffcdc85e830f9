"""What each sub-region gets: the public page (euros and euros per inhabitant per sub-region
and year, as a chart with its table, and a CSV) and the secretariat's ledger screens."""

from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from netwerk import outcome_selectors as selectors
from netwerk.models.outcomes import OutcomeEntry
from netwerk.outcome_forms import OutcomeForm
from netwerk.services.outcomes import outcome_entry_create, outcome_entry_update
from nhn_portal.core.access import require_secretariat
from nhn_portal.core.forms import add_service_errors
from nhn_portal.core.http import confidential
from nhn_portal.core.spreadsheet import csv_writer

# The chart's geometry (SVG user units) and the patterns that tell the sub-regions apart
# without colour (the legend names them, each bar carries its value).
WIDTH, HEIGHT, TOP, BOTTOM, LEFT = 720, 320, 30, 50, 20
PATTERNS = ["outcome-fill-1", "outcome-fill-2", "outcome-fill-3", "outcome-fill-4"]


def _euros(value: Decimal) -> str:
    """Dutch notation without cents: € 1.234.567."""
    whole = f"{value.quantize(Decimal(1)):,}".replace(",", ".")
    return f"€ {whole}"


def _chart(overview: dict) -> dict:
    """Bars of euros per inhabitant: one group per year, one bar per sub-region."""
    rows, years = overview["rows"], overview["years"]
    values = [row.per_inhabitant(eur) for row in rows for eur in row.per_year.values()]
    top = max(values, default=Decimal(0)) or Decimal(1)
    plot = HEIGHT - TOP - BOTTOM
    group = (WIDTH - 2 * LEFT) / max(len(years), 1)
    bar = group * 0.8 / max(len(rows), 1)
    groups = []
    for index, year in enumerate(years):
        x0 = LEFT + index * group + group * 0.1
        bars = []
        for number, row in enumerate(rows):
            value = row.per_inhabitant(row.per_year[year])
            height = float(value / top) * plot
            x = x0 + number * bar
            bars.append(
                {
                    "x": round(x, 1),
                    "y": round(TOP + plot - height, 1),
                    "width": round(bar - 4, 1),
                    "height": round(height, 1),
                    "label_x": round(x + (bar - 4) / 2, 1),
                    "label_y": round(TOP + plot - height - 6, 1),
                    "value": value,
                    "pattern": PATTERNS[number % len(PATTERNS)],
                    "region": row.subregion.name,
                }
            )
        groups.append({"year": year, "x": round(x0 + group * 0.4, 1), "bars": bars})
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "axis_y": TOP + plot,
        "year_y": TOP + plot + 22,
        "groups": groups,
        "legend": [
            {"region": row.subregion.name, "pattern": PATTERNS[n % len(PATTERNS)], "y": 0}
            for n, row in enumerate(rows)
        ],
    }


@login_not_required
def outcomes_public(request):
    """Wat elke regio krijgt: only entries that are not confidential."""
    overview = selectors.outcome_overview(public=True)
    return render(
        request,
        "netwerk/outcomes_public.html",
        {"overview": overview, "chart": _chart(overview)},
    )


@login_not_required
def outcomes_public_csv(request):
    overview = selectors.outcome_overview(public=True)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="wat-elke-regio-krijgt.csv"'
    response.write("\ufeff")  # so spreadsheet programs read the file as UTF-8
    writer = csv_writer(response, delimiter=";")
    writer.writerow(["subregio", "jaar", "euro", "inwoners", "euro per inwoner"])
    for row in overview["rows"]:
        for year, euros, per_inhabitant in row.years:
            writer.writerow(
                [
                    row.subregion.name,
                    year,
                    f"{euros:.2f}".replace(".", ","),
                    row.inhabitants,
                    f"{per_inhabitant:.2f}".replace(".", ","),
                ]
            )
    return response


@confidential()
def outcome_list(request, *, form=None):
    require_secretariat(request.user)
    return render(
        request,
        "netwerk/outcome_list.html",
        {
            "entries": selectors.outcome_entries_for(user=request.user),
            "form": form or OutcomeForm(),
            "warnings": selectors.outcome_balance_warnings(user=request.user),
        },
        status=400 if form else 200,
    )


def _values(form: OutcomeForm) -> dict:
    data = dict(form.cleaned_data)
    return data


@require_POST
@confidential()
def outcome_create(request):
    require_secretariat(request.user)
    form = OutcomeForm(request.POST)
    if form.is_valid():
        try:
            outcome_entry_create(actor=request.user, **_values(form))
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The entry was added to the ledger."))
            return redirect("netwerk:outcome_list")
    return outcome_list(request, form=form)


@confidential()
def outcome_edit(request, pk: int):
    require_secretariat(request.user)
    entry = OutcomeEntry.objects.filter(pk=pk).prefetch_related("shares__municipality").first()
    if entry is None:
        raise Http404
    initial = {
        "title": entry.title,
        "kind": entry.kind,
        "amount": entry.amount,
        "year": entry.year,
        "project": entry.project_id,
        "decision": entry.decision_id,
        "subregion": entry.subregion_id,
        "shares": OutcomeForm.shares_text(entry),
        "confidential": entry.confidential,
    }
    form = OutcomeForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            outcome_entry_update(actor=request.user, entry=entry, **_values(form))
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The entry was saved."))
            return redirect("netwerk:outcome_list")
    return render(
        request,
        "netwerk/outcome_form.html",
        {"entry": entry, "form": form},
        status=400 if form.errors else 200,
    )
