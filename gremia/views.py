"""Registry pages: the governance map, bodies, organisations, persons, the balance figures.

Thin views: access the object, call the selectors, render. Every page needs a login
(LoginRequiredMiddleware); query counts are pinned in tests/gremia/test_pages.py.
"""

from django.shortcuts import render

from gremia.selectors.balance import (
    balance_norms_overview,
    balance_overview,
    body_balance_from_memberships,
    subregion_list,
)
from gremia.selectors.registry import (
    body_memberships,
    body_prepared_by,
    organisation_list_by_subregion,
    organisation_memberships,
    person_memberships,
)
from gremia.selectors.registry import governance_map as governance_map_selector
from gremia.selectors.rules import rules_current
from nhn_portal.core.portal import page_panels

from .constants import RULES_QUESTIONS
from .permissions import access_body, access_organisation, access_person, can_manage_registry


def governance_map(request):
    return render(request, "gremia/governance_map.html", {"map": governance_map_selector()})


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
