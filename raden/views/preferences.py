"""How each council wants to be informed: the griffie records its own council's
preference; the secretariat sees all of them (and beside each letter's copies)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from nhn_portal.core.forms import add_service_errors
from raden import permissions
from raden.forms import PreferenceForm
from raden.selectors.preferences import access_preference, preference_rows
from raden.services.preferences import council_preference_set


def preference_edit(request):
    """Griffie: its council's preference. Secretariat: the overview of all councils."""
    if permissions.is_secretariat(request.user) and not permissions.is_griffie(request.user):
        return render(
            request,
            "raden/preference_list.html",
            {"rows": preference_rows(user=request.user)},
        )
    municipality, preference = access_preference(user=request.user)
    initial = {"preference": preference.preference, "note": preference.note} if preference else None
    form = PreferenceForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            council_preference_set(
                actor=request.user, municipality=municipality, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Your council's preference has been recorded."))
            return redirect("raden:preference")
    return render(
        request,
        "raden/preference_form.html",
        {"form": form, "municipality": municipality, "preference": preference},
        status=422 if form.is_bound and form.errors else 200,
    )
