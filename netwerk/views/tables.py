"""The related tables register (netwerk): pages."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from netwerk import selectors
from netwerk.forms import (
    AlignmentForm,
    RelatedTableForm,
)
from netwerk.services.tables import alignment_add as alignment_add_service
from netwerk.services.tables import related_table_create as related_table_create_service
from nhn_portal.core.access import is_secretariat, require_secretariat
from nhn_portal.core.forms import add_service_errors


def related_table_list(request, *, table_form=None, alignment_form=None):
    """The related tables register; the secretariat adds tables and alignments here."""
    forms_given = table_form or alignment_form
    return render(
        request,
        "netwerk/related_tables.html",
        {
            "tables": selectors.related_tables(),
            "can_edit": is_secretariat(request.user),
            "table_form": table_form or RelatedTableForm(),
            "alignment_form": alignment_form or AlignmentForm(),
        },
        status=400 if forms_given else 200,
    )


@require_POST
def related_table_create(request):
    require_secretariat(request.user)
    form = RelatedTableForm(request.POST)
    if form.is_valid():
        try:
            related_table_create_service(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The related table was added."))
            return redirect("netwerk:related_tables")
    return related_table_list(request, table_form=form)


@require_POST
def alignment_add(request):
    require_secretariat(request.user)
    form = AlignmentForm(request.POST)
    if form.is_valid():
        try:
            alignment_add_service(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The alignment was added."))
            return redirect("netwerk:related_tables")
    return related_table_list(request, alignment_form=form)
