"""The cost key of a year: each partner's share, on a page and as a CSV file."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from middelen.selectors import cost_key_rows, cost_key_totals, cost_key_visible
from nhn_portal.core.spreadsheet import csv_writer


def _cents(cents: int) -> str:
    euros, rest = divmod(cents, 100)
    return f"{euros},{rest:02d}"


def _key_and_rows(request, year: int):
    key = cost_key_visible(request.user, year)
    if key is None:
        raise Http404
    rows = cost_key_rows(key)
    return key, rows, cost_key_totals(rows)


@login_required
def cost_key_current(request):
    """The cost key of this year (the menu's entry)."""
    return redirect("middelen:cost_key", year=timezone.localdate().year)


@login_required
def cost_key(request, year: int):
    key, rows, totals = _key_and_rows(request, year)
    return render(
        request,
        "middelen/cost_key.html",
        {"key": key, "rows": rows, "totals": totals},
    )


@login_required
def cost_key_csv(request, year: int):
    key, rows, totals = _key_and_rows(request, year)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="kostenverdeling-{key.year}.csv"'
    response.write("\ufeff")  # so spreadsheet programs read the file as UTF-8
    writer = csv_writer(response, delimiter=";")
    writer.writerow(
        [
            "partner",
            "inwoners",
            "vast deel",
            "per inwoner",
            "totaal",
            "percentage",
            "uren in natura",
        ]
    )
    for row in rows:
        writer.writerow(
            [
                row.partner.organisation.name,
                row.inhabitants,
                _cents(row.share.fixed_cents),
                _cents(row.share.variable_cents),
                _cents(row.share.total_cents),
                f"{row.share.percentage:.2f}".replace(".", ","),
                row.partner.in_kind_hours,
            ]
        )
    writer.writerow(
        [
            "totaal",
            totals["inhabitants"],
            "",
            "",
            _cents(totals["cents"]),
            f"{totals['percentage']:.2f}".replace(".", ","),
            totals["in_kind_hours"],
        ]
    )
    return response
