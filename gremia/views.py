"""Registry pages: the governance map, bodies, organisations, persons, the balance figures;
the rules of play (spelregels) and the cooperation agreement.

Thin views: access the object, call the selectors, render. Every page needs a login
(LoginRequiredMiddleware); query counts are pinned in tests/gremia/test_pages.py. Everyone
signed in reads the adopted rules of play and the agreement's status; the secretariat drafts
versions and records the colleges' adoptions. A draft is the secretariat's: 404 for anyone
else. Adoption is by a stuurgroep decision, in the rules app (rules:rules_adopt); its panel on
the version's page names the decision.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gremia import services
from gremia.selectors.balance import (
    balance_norms_overview,
    balance_overview,
    body_balance_from_memberships,
    subregion_list,
)
from gremia.selectors.conduct import conduct_ambassadors, conduct_answers
from gremia.selectors.delegation import (
    access_delegation,
    assistant_choices,
    delegations_given,
)
from gremia.selectors.registry import (
    body_memberships,
    body_prepared_by,
    organisation_list_by_subregion,
    organisation_memberships,
    person_memberships,
)
from gremia.selectors.registry import governance_map as governance_map_selector
from gremia.selectors.rules import (
    agreement_overview,
    rules_current,
    rules_get,
    rules_overview,
    rules_versions,
)
from nhn_portal.core.access import NotFound, is_secretariat, require_secretariat
from nhn_portal.core.forms import add_service_errors
from nhn_portal.core.http import confidential
from nhn_portal.core.portal import page_panels

from .constants import CONDUCT_QUESTIONS, RULES_QUESTIONS
from .forms import AgreementAdoptionForm, DelegationForm, RulesForm, RulesScopeForm
from .permissions import (
    access_body,
    access_organisation,
    access_person,
    can_delegate,
    can_manage_registry,
)


def governance_map(request):
    # Apps above add sections as "governance_map" panels (platforms: the scenarios decided).
    slots, panels = page_panels("governance_map", request)
    return render(
        request,
        "gremia/governance_map.html",
        {"map": governance_map_selector(), "slots": slots, **panels},
    )


def body_detail(request, slug):
    body = access_body(user=request.user, slug=slug)
    memberships = body_memberships(body=body)
    balance = body_balance_from_memberships(
        memberships=memberships["current"], subregions=subregion_list()
    )
    rules = rules_current(body=body)
    slots, panels = page_panels("rules", request, rules=rules) if rules else ({}, {})
    context = {
        "body": body,
        "rules": rules,
        "rules_answers": rules_answers(rules) if rules else [],
        "nhn_rules": rules_current(body=None),
        "slots": slots,
        **panels,
        "current_memberships": memberships["current"],
        "past_memberships": memberships["past"],
        "prepared_by": body_prepared_by(body=body),
        "balance": balance,
        "can_manage": can_manage_registry(request.user),
    }
    return render(request, "gremia/body_detail.html", context)


def organisation_list(request):
    groups = organisation_list_by_subregion()
    return render(request, "gremia/organisation_list.html", {"groups": groups})


def organisation_detail(request, slug):
    organisation = access_organisation(user=request.user, slug=slug)
    context = {
        "organisation": organisation,
        "memberships": organisation_memberships(organisation=organisation),
    }
    return render(request, "gremia/organisation_detail.html", context)


def person_detail(request, pk):
    person = access_person(user=request.user, pk=pk)
    memberships = person_memberships(person=person)
    context = {
        "person": person,
        "current_memberships": memberships["current"],
        "past_memberships": memberships["past"],
    }
    return render(request, "gremia/person_detail.html", context)


def rules_answers(rules) -> list[tuple]:
    """(label, question, answer) of the ten questions, in the report's order."""
    return [(label, question, getattr(rules, name)) for name, label, question in RULES_QUESTIONS]


def balance(request):
    # Apps above add sections as "balance" panels (raden: councils at the gatherings).
    slots, panels = page_panels("balance", request)
    context = {
        "overview": balance_overview(),
        "norms": balance_norms_overview(),
        "slots": slots,
        **panels,
    }
    return render(request, "gremia/balance.html", context)


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
            "conduct": conduct_answers(rules),
            "ambassadors": conduct_ambassadors(rules=rules),
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
    initial = {
        name: getattr(rules, name)
        for name, _label, _question in RULES_QUESTIONS + CONDUCT_QUESTIONS
    }
    initial |= {
        "consultation_term_weeks": rules.consultation_term_weeks,
        "consultation_required": rules.consultation_required,
        "outcome_max_deviation": rules.outcome_max_deviation,
    }
    form = RulesForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            # An empty term keeps the version's term.
            answers = {k: v for k, v in form.cleaned_data.items() if v is not None}
            services.rules_of_play_update(actor=request.user, rules=rules, **answers)
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


# ---- Delegation: a bestuurder's assistant ------------------------------------------------


def delegations(request):
    """The bestuurder's page: who may read her meetings; grant (POST) and revoke."""
    if not can_delegate(request.user):
        raise NotFound
    form = DelegationForm(request.POST or None, choices=assistant_choices(user=request.user))
    if request.method == "POST" and form.is_valid():
        try:
            delegation = services.delegation_grant(
                actor=request.user, assistant=form.cleaned_data["assistant"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("%(name)s can now read your meetings.") % {"name": delegation.assistant},
            )
            return redirect("gremia:delegations")
    return render(
        request,
        "gremia/delegations.html",
        {"form": form, "delegations": delegations_given(user=request.user)},
        status=422 if form.errors else 200,
    )


@require_POST
def delegation_revoke(request, pk: int):
    """End an assistant's read access; the page lists it as revoked."""
    if not can_delegate(request.user):
        raise NotFound
    delegation = access_delegation(user=request.user, pk=pk)
    services.delegation_revoke(actor=request.user, delegation=delegation)
    messages.success(
        request,
        _("%(name)s can no longer read your meetings.") % {"name": delegation.assistant},
    )
    return redirect("gremia:delegations")
