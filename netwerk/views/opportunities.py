"""Opportunities with a clock (kansen) (netwerk): pages."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from netwerk import selectors
from netwerk.forms import (
    DecisionForm,
    OpportunityForm,
    StepDoneForm,
    StepForm,
)
from netwerk.services.opportunities import opportunity_create as opportunity_create_service
from netwerk.services.opportunities import opportunity_decide as opportunity_decide_service
from netwerk.services.opportunities import opportunity_step_add as opportunity_step_add_service
from netwerk.services.opportunities import opportunity_step_complete, opportunity_update
from netwerk.services.opportunities import (
    opportunity_step_remove as opportunity_step_remove_service,
)
from nhn_portal.core.forms import add_service_errors
from nhn_portal.core.http import confidential, error_text


@confidential()
def opportunity_list(request):
    today = timezone.localdate()
    open_opportunities = selectors.opportunities_for(user=request.user)
    routes = [
        selectors.opportunity_route(opportunity, today=today, steps=list(opportunity.steps.all()))
        for opportunity in open_opportunities
    ]
    return render(
        request,
        "netwerk/opportunity_list.html",
        {"routes": routes, "decided": selectors.opportunities_for(user=request.user, decided=True)},
    )


@confidential()
def opportunity_create(request):
    selectors.opportunities_for(user=request.user)  # 404 for anyone but the secretariat
    form = OpportunityForm(
        request.POST or None, initial={"signalled_on": timezone.localdate().isoformat()}
    )
    if request.method == "POST" and form.is_valid():
        try:
            opportunity = opportunity_create_service(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The opportunity was recorded. Now plan its route."))
            return redirect(opportunity)
    return render(
        request,
        "netwerk/opportunity_form.html",
        {"form": form},
        status=400 if form.errors else 200,
    )


FORM_FIELDS = (
    "title",
    "kind",
    "source",
    "description",
    "signalled_on",
    "deadline",
    "deciding_body",
)


@confidential("netwerk.opportunity")
def opportunity_edit(request, pk: int):
    """Correct an open opportunity (a decided one is history: the service refuses)."""
    opportunity = selectors.access_opportunity(user=request.user, pk=pk)
    initial = {name: getattr(opportunity, name) for name in FORM_FIELDS}
    form = OpportunityForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            opportunity_update(actor=request.user, opportunity=opportunity, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The opportunity was saved."))
            return redirect(opportunity)
    return render(
        request,
        "netwerk/opportunity_form.html",
        {"form": form, "opportunity": opportunity},
        status=400 if form.errors else 200,
    )


def _detail(request, opportunity, *, step_form=None, decision_form=None, status=200):
    route = selectors.opportunity_route(opportunity)
    return render(
        request,
        "netwerk/opportunity_detail.html",
        {
            "opportunity": opportunity,
            "route": route,
            "step_form": step_form or StepForm(),
            "done_form": StepDoneForm(initial={"done_on": timezone.localdate().isoformat()}),
            "decision_form": decision_form
            or DecisionForm(initial={"decided_on": timezone.localdate().isoformat()}),
        },
        status=status,
    )


@confidential("netwerk.opportunity")
def opportunity_detail(request, pk: int):
    opportunity = selectors.access_opportunity(user=request.user, pk=pk)
    return _detail(request, opportunity)


@require_POST
@confidential("netwerk.opportunity")
def opportunity_step_add(request, pk: int):
    opportunity = selectors.access_opportunity(user=request.user, pk=pk)
    form = StepForm(request.POST)
    if form.is_valid():
        try:
            opportunity_step_add_service(
                actor=request.user, opportunity=opportunity, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The step was added to the route."))
            return redirect(opportunity)
    return _detail(request, opportunity, step_form=form, status=400)


@require_POST
@confidential()
def opportunity_step_done(request, pk: int):
    step = selectors.access_opportunity_step(user=request.user, pk=pk)
    form = StepDoneForm(request.POST)
    if form.is_valid():
        try:
            opportunity_step_complete(
                actor=request.user, step=step, done_on=form.cleaned_data["done_on"]
            )
        except ValidationError as error:
            messages.error(request, error_text(error))
        else:
            messages.success(request, _("The step was marked as done."))
    else:
        messages.error(request, _("Enter the date the step was done."))
    return redirect(step.opportunity)


@require_POST
@confidential()
def opportunity_step_remove(request, pk: int):
    step = selectors.access_opportunity_step(user=request.user, pk=pk)
    try:
        opportunity_step_remove_service(actor=request.user, step=step)
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("The step was removed from the route."))
    return redirect(step.opportunity)


@require_POST
@confidential("netwerk.opportunity")
def opportunity_decide(request, pk: int):
    opportunity = selectors.access_opportunity(user=request.user, pk=pk)
    form = DecisionForm(request.POST)
    if form.is_valid():
        try:
            opportunity_decide_service(
                actor=request.user, opportunity=opportunity, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The decision was recorded."))
            return redirect(opportunity)
    return _detail(request, opportunity, decision_form=form, status=400)


@confidential()
def lead_times(request):
    return render(
        request,
        "netwerk/lead_times.html",
        {"rows": selectors.lead_time_overview(user=request.user)},
    )
