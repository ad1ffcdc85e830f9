"""Rules of play (spelregels) and the cooperation agreement (issue 13, part 4).

Everyone signed in reads the adopted versions and the agreement's status; the secretariat
drafts versions and records the colleges' adoptions. A draft is the secretariat's: 404 for
anyone else. Adoption is by a stuurgroep decision, on regiobureau's floor
(regiobureau:rules_adopt); its panel on the version's page names the decision.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gremia import services
from gremia.selectors.rules import (
    agreement_overview,
    rules_current,
    rules_get,
    rules_overview,
    rules_versions,
)
from nhn_portal.core.access import is_secretariat, require_secretariat
from nhn_portal.core.forms import add_service_errors
from nhn_portal.core.http import confidential
from nhn_portal.core.portal import page_panels

from .constants import RULES_QUESTIONS
from .forms import AgreementAdoptionForm, RulesForm, RulesScopeForm
from .views import rules_answers


def rules_list(request, *, form=None):
    can_edit = is_secretariat(request.user)
    return render(
        request,
        "gremia/rules_list.html",
        {
            "overview": rules_overview(user=request.user),
            "can_edit": can_edit,
            "form": (form or RulesScopeForm()) if can_edit else None,
        },
        status=400 if form else 200,
    )


@require_POST
def rules_create(request):
    require_secretariat(request.user)
    form = RulesScopeForm(request.POST)
    if form.is_valid():
        try:
            rules = services.rules_of_play_draft_create(
                actor=request.user, body=form.cleaned_data["body"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("A draft version was started."))
            return redirect("gremia:rules_edit", pk=rules.pk)
    return rules_list(request, form=form)


@confidential(when_marked=True)
def rules_detail(request, pk: int):
    rules = rules_get(user=request.user, pk=pk)
    if rules is None:
        raise Http404
    slots, panels = page_panels("rules", request, rules=rules)
    response = render(
        request,
        "gremia/rules_detail.html",
        {
            "rules": rules,
            "answers": rules_answers(rules),
            "versions": rules_versions(user=request.user, body=rules.body),
            "can_edit": is_secretariat(request.user),
            "slots": slots,
            **panels,
        },
    )
    # A draft is the secretariat's working copy: not kept by a browser or proxy.
    response.confidential = rules.is_draft
    return response


@confidential()
def rules_edit(request, pk: int):
    require_secretariat(request.user)
    rules = rules_get(user=request.user, pk=pk)
    if rules is None or not rules.is_draft:
        raise Http404
    initial = {name: getattr(rules, name) for name, _label, _question in RULES_QUESTIONS}
    form = RulesForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.rules_of_play_update(actor=request.user, rules=rules, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The draft was saved."))
            return redirect(rules)
    return render(
        request,
        "gremia/rules_form.html",
        {"rules": rules, "form": form},
        status=400 if form.errors else 200,
    )


def agreement(request, *, form=None):
    can_edit = is_secretariat(request.user)
    return render(
        request,
        "gremia/agreement.html",
        {
            "overview": agreement_overview(),
            "nhn_rules": rules_current(body=None),
            "can_edit": can_edit,
            "form": (form or AgreementAdoptionForm()) if can_edit else None,
        },
        status=400 if form else 200,
    )


@require_POST
def agreement_record(request):
    require_secretariat(request.user)
    form = AgreementAdoptionForm(request.POST)
    if form.is_valid():
        try:
            services.agreement_adoption_record(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The adoption was recorded."))
            return redirect("gremia:agreement")
    return agreement(request, form=form)
