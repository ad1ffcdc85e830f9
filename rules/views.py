"""Adopting a draft of the rules of play by a stuurgroep decision: the secretariat
picks the decision; the version is adopted and the decision linked to it."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from gremia.selectors.rules import rules_get
from nhn_portal.core.access import require_secretariat
from nhn_portal.core.forms import add_service_errors
from nhn_portal.core.http import confidential
from rules.forms import RulesAdoptForm
from rules.services import rules_of_play_adopt_by_decision


@confidential()
def rules_adopt(request, pk: int):
    require_secretariat(request.user)
    rules = rules_get(user=request.user, pk=pk)
    if rules is None or not rules.is_draft:
        raise Http404
    form = RulesAdoptForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            rules_of_play_adopt_by_decision(
                actor=request.user, rules=rules, decision=form.cleaned_data["decision"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The rules of play were adopted."))
            return redirect(rules)
    return render(
        request,
        "rules/rules_adopt.html",
        {"rules": rules, "form": form},
        status=400 if form.errors else 200,
    )
