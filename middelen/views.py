"""The cost key of a year: each partner's share, on a page and as a CSV or XLSX file; the
secretariat drafts a version and records the stuurgroep decision that adopts it. The core
message: public when adopted, on a page and as a PDF."""

from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required, login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from middelen import selectors, services
from middelen.constants import CORE_MESSAGE_AUDIENCE, CORE_MESSAGE_PDF
from middelen.forms import (
    DEFAULT_POPULATION_DATE,
    AdoptForm,
    CoreMessageForm,
    CostKeyForm,
    euros_to_cents,
)
from middelen.models import CoreMessage, CostKeyStatus
from middelen.selectors import cost_key_rows, cost_key_totals, cost_key_visible
from nhn_portal.core.access import is_secretariat, require_secretariat
from nhn_portal.core.forms import add_service_errors
from nhn_portal.core.http import confidential, file_response
from nhn_portal.core.production.selectors import access_generated_document
from nhn_portal.core.spreadsheet import XLSX_CONTENT_TYPE, csv_writer, xlsx_bytes

EXPORT_HEADER = (
    "partner",
    "inwoners",
    "vast deel",
    "per inwoner",
    "totaal",
    "percentage",
    "uren in natura",
)


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


def _cost_key_page(request, year: int, *, adopt_form=None, status=200):
    key, rows, totals = _key_and_rows(request, year)
    secretariat = is_secretariat(request.user)
    return render(
        request,
        "middelen/cost_key.html",
        {
            "key": key,
            "rows": rows,
            "totals": totals,
            "secretariat": secretariat,
            "versions": selectors.cost_key_versions(request.user, year),
            "adopt_form": (
                (adopt_form or AdoptForm())
                if secretariat and key.status == CostKeyStatus.DRAFT
                else None
            ),
        },
        status=status,
    )


@login_required
def cost_key(request, year: int):
    return _cost_key_page(request, year)


@login_required
def cost_key_csv(request, year: int):
    key, rows, totals = _key_and_rows(request, year)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="kostenverdeling-{key.year}.csv"'
    response.write("\ufeff")  # so spreadsheet programs read the file as UTF-8
    writer = csv_writer(response, delimiter=";")
    writer.writerow(EXPORT_HEADER)
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


# ---- The secretariat: a new cost key, its adoption; the XLSX export ------------------------


@confidential()
def cost_key_new(request):
    """The secretariat drafts a year's cost key (the next version of that year)."""
    require_secretariat(request.user)
    form = CostKeyForm(
        request.POST if request.method == "POST" else None,
        initial={"year": timezone.localdate().year + 1, "population_date": DEFAULT_POPULATION_DATE},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            key = services.cost_key_year_create(
                actor=request.user,
                year=data["year"],
                budget_cents=euros_to_cents(data["budget"]),
                fixed_part_cents=euros_to_cents(data["fixed_part"]),
                population_date=data["population_date"],
                partners=form.partner_hours(),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Version %(version)d of the cost key %(year)d was saved as a draft.")
                % {"version": key.version, "year": key.year},
            )
            return redirect("middelen:cost_key", year=key.year)
    return render(
        request,
        "middelen/cost_key_form.html",
        {"form": form},
        status=400 if form.is_bound else 200,
    )


@require_POST
@confidential()
def cost_key_adopt(request, year: int):
    """The secretariat records the stuurgroep decision that adopts the year's draft."""
    require_secretariat(request.user)
    key = selectors.cost_key_for_secretariat(year=year)
    if key is None:
        raise Http404
    form = AdoptForm(request.POST)
    if form.is_valid():
        try:
            services.cost_key_year_adopt(
                actor=request.user, key=key, decision=form.cleaned_data["decision"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The cost key was adopted."))
            return redirect("middelen:cost_key", year=year)
    return _cost_key_page(request, year, adopt_form=form, status=400)


@login_required
def cost_key_xlsx(request, year: int):
    key, rows, totals = _key_and_rows(request, year)
    table = [list(EXPORT_HEADER)]
    for row in rows:
        table.append(
            [
                row.partner.organisation.name,
                row.inhabitants,
                Decimal(row.share.fixed_cents) / 100,
                Decimal(row.share.variable_cents) / 100,
                Decimal(row.share.total_cents) / 100,
                row.share.percentage,
                row.partner.in_kind_hours,
            ]
        )
    table.append(
        [
            "totaal",
            totals["inhabitants"],
            None,
            None,
            Decimal(totals["cents"]) / 100,
            totals["percentage"],
            totals["in_kind_hours"],
        ]
    )
    response = HttpResponse(xlsx_bytes(table, sheet=f"Kostenverdeling {key.year}"))
    response["Content-Type"] = XLSX_CONTENT_TYPE
    response["Content-Disposition"] = f'attachment; filename="kostenverdeling-{key.year}.xlsx"'
    return response


# ---- The core message ----------------------------------------------------------------------


@login_not_required
def core_message(request, *, form=None, adopt_form=None, status=200):
    """Het verhaal van NHN: the adopted version for everybody, with its history; drafts and
    the forms to write and adopt a version for the secretariat."""
    secretariat = is_secretariat(request.user)
    versions = selectors.core_message_versions(request.user)
    return render(
        request,
        "middelen/core_message.html",
        {
            "versions": versions,
            "latest_draft": next((v for v in versions if v.adopted_on is None), None),
            "current": selectors.core_message_current(),
            "secretariat": secretariat,
            "form": (form or CoreMessageForm()) if secretariat else None,
            "adopt_form": (adopt_form or AdoptForm()) if secretariat else None,
        },
        status=status,
    )


@require_POST
@confidential()
def core_message_create(request):
    require_secretariat(request.user)
    form = CoreMessageForm(request.POST)
    if form.is_valid():
        message = services.core_message_create(actor=request.user, text=form.cleaned_data["text"])
        messages.success(
            request,
            _("Version %(version)d of the core message was saved as a draft.")
            % {"version": message.version},
        )
        return redirect("middelen:core_message")
    return core_message(request, form=form, status=400)


@require_POST
@confidential()
def core_message_adopt(request, version: int):
    require_secretariat(request.user)
    message = CoreMessage.objects.filter(version=version).first()
    if message is None:
        raise Http404
    form = AdoptForm(request.POST)
    if form.is_valid():
        try:
            services.core_message_adopt(
                actor=request.user, message=message, decision=form.cleaned_data["decision"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The core message was adopted."))
            return redirect("middelen:core_message")
    return core_message(request, adopt_form=form, status=400)


@login_not_required
def core_message_pdf(request):
    """The adopted core message as a PDF (made by the pipeline when it was adopted)."""
    message = selectors.core_message_current()
    if message is None:
        raise Http404
    document = access_generated_document(
        user=request.user, subject=message, kind=CORE_MESSAGE_PDF, audience=CORE_MESSAGE_AUDIENCE
    )
    return file_response(
        document.file,
        filename=f"het-verhaal-van-nhn-v{message.version}.pdf",
        content_type="application/pdf",
        confidential=False,
    )
