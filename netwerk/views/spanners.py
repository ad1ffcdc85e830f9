"""Boundary spanners per sub-region (netwerk): pages."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from netwerk import selectors
from netwerk.constants import SPANNER_REPORT
from netwerk.forms import (
    SpannerForm,
)
from netwerk.services.spanners import boundary_spanner_set
from nhn_portal.core.access import is_manager, is_secretariat
from nhn_portal.core.forms import add_service_errors
from nhn_portal.core.http import confidential, error_text, file_response
from nhn_portal.core.production.selectors import access_generated_document, production_entries
from nhn_portal.core.production.services import document_generation_request


@confidential()
def spanner_list(request, *, form=None):
    """The boundary spanners per sub-region; the beheerder names them here. A spanner who is
    not of the secretariat goes straight to their own page."""
    spanners = list(selectors.spanners_for(user=request.user))
    if not is_secretariat(request.user):
        if len(spanners) == 1:
            return redirect(spanners[0])
        raise Http404
    return render(
        request,
        "netwerk/spanner_list.html",
        {
            "spanners": spanners,
            "can_set": is_manager(request.user),
            "form": form or SpannerForm(),
        },
        status=400 if form else 200,
    )


@require_POST
@confidential()
def spanner_set(request):
    if not is_manager(request.user):
        raise Http404
    form = SpannerForm(request.POST)
    if form.is_valid():
        try:
            boundary_spanner_set(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The boundary spanner was set."))
            return redirect("netwerk:spanner_list")
    return spanner_list(request, form=form)


@confidential("netwerk.boundaryspanner")
def spanner_detail(request, pk: int):
    spanner = selectors.access_spanner(user=request.user, pk=pk)
    today = timezone.localdate()
    start = today.replace(day=1)
    _first, next_month = selectors.month_bounds(f"{start:%Y-%m}")
    _second, end = selectors.month_bounds(f"{next_month:%Y-%m}")
    return render(
        request,
        "netwerk/spanner_detail.html",
        {
            "spanner": spanner,
            "overview": selectors.spanner_overview(
                user=request.user, spanner=spanner, start=today, end=end
            ),
            "reports": production_entries(subject=spanner),
        },
    )


@require_POST
@confidential("netwerk.boundaryspanner")
def spanner_report_request(request, pk: int):
    spanner = selectors.access_spanner(user=request.user, pk=pk)
    try:
        document_generation_request(
            actor=request.user,
            subject=spanner,
            kind=SPANNER_REPORT,
            audience=request.POST.get("month", ""),
        )
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("The PDF is being made. Reload the page to see its status."))
    return redirect(spanner)


@confidential("netwerk.boundaryspanner")
def spanner_report_download(request, pk: int, month: str):
    spanner = selectors.access_spanner(user=request.user, pk=pk)
    document = access_generated_document(
        user=request.user, subject=spanner, kind=SPANNER_REPORT, audience=month
    )
    return file_response(
        document.file,
        filename=f"maandrapport-{spanner.subregion.slug}-{month}.pdf",
        content_type="application/pdf",
        confidential=True,
    )
