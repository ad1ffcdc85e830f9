"""Pages of the netwerk app. Opportunities with a clock: the list, one opportunity's route
with days left per step, and the lead-time overview (secretariat)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from nhn_portal.core import production
from nhn_portal.core.access import is_manager, is_secretariat, require_secretariat
from nhn_portal.core.forms import add_service_errors
from nhn_portal.core.http import confidential, error_text, file_response
from regiobureau.selectors import meeting_list_upcoming

from . import selectors, services
from .constants import REGIO_DEAL, SPANNER_REPORT
from .forms import (
    AlignmentForm,
    DecisionForm,
    ExternalMomentForm,
    LobbyContactForm,
    LobbyDossierForm,
    OpportunityForm,
    ProjectForm,
    ProjectImageForm,
    PublicSummaryForm,
    RelatedTableForm,
    SpannerForm,
    StepDoneForm,
    StepForm,
)


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
            opportunity = services.opportunity_create(actor=request.user, **form.cleaned_data)
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
            services.opportunity_step_add(
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
            services.opportunity_step_complete(
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
        services.opportunity_step_remove(actor=request.user, step=step)
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
            services.opportunity_decide(
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


# ---- Public-affairs agenda ------------------------------------------------------------------


@confidential()
def lobby_dossier_list(request):
    return render(
        request,
        "netwerk/lobby_dossier_list.html",
        {
            "dossiers": selectors.lobby_dossiers_for(user=request.user),
            "can_edit": is_secretariat(request.user),
        },
    )


@confidential()
def lobby_dossier_create(request):
    require_secretariat(request.user)
    form = LobbyDossierForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            dossier = services.lobby_dossier_create(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The lobby dossier was created; it is confidential."))
            return redirect(dossier)
    return render(
        request,
        "netwerk/lobby_dossier_form.html",
        {"form": form},
        status=400 if form.errors else 200,
    )


def _dossier_page(request, dossier, *, contact_form=None, moment_form=None, summary_form=None):
    can_edit = is_secretariat(request.user)
    forms_given = contact_form or moment_form or summary_form
    moments = [
        row
        for row in selectors.external_moments_for(user=request.user)
        if row.moment.dossier_id == dossier.pk
    ]
    return render(
        request,
        "netwerk/lobby_dossier_detail.html",
        {
            "dossier": dossier,
            "carriers": list(dossier.carriers.all()),
            "contacts": list(dossier.contacts.all()),
            "moments": moments,
            "decisions": selectors.dossier_decisions(user=request.user, dossier=dossier),
            "can_edit": can_edit,
            "contact_form": contact_form or LobbyContactForm(),
            "moment_form": moment_form or ExternalMomentForm(),
            "summary_form": summary_form
            or PublicSummaryForm(initial={"summary": dossier.public_summary}),
        },
        status=400 if forms_given else 200,
    )


@confidential("netwerk.lobbydossier")
def lobby_dossier_detail(request, pk: int):
    dossier = selectors.access_lobby_dossier(user=request.user, pk=pk)
    return _dossier_page(request, dossier)


def _editable_dossier(request, pk):
    require_secretariat(request.user)
    return selectors.access_lobby_dossier(user=request.user, pk=pk)


@require_POST
@confidential("netwerk.lobbydossier")
def lobby_contact_add(request, pk: int):
    dossier = _editable_dossier(request, pk)
    form = LobbyContactForm(request.POST)
    if form.is_valid():
        try:
            services.lobby_contact_add(actor=request.user, dossier=dossier, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The contact was added."))
            return redirect(dossier)
    return _dossier_page(request, dossier, contact_form=form)


@require_POST
@confidential("netwerk.lobbydossier")
def external_moment_add(request, pk: int):
    dossier = _editable_dossier(request, pk)
    form = ExternalMomentForm(request.POST)
    if form.is_valid():
        try:
            services.external_moment_add(actor=request.user, dossier=dossier, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The external moment was added."))
            return redirect(dossier)
    return _dossier_page(request, dossier, moment_form=form)


@require_POST
@confidential("netwerk.lobbydossier")
def lobby_dossier_confidentiality(request, pk: int):
    dossier = _editable_dossier(request, pk)
    confidential_now = request.POST.get("confidential") == "1"
    services.lobby_dossier_set_confidential(
        actor=request.user, dossier=dossier, confidential=confidential_now
    )
    messages.success(
        request,
        _("The dossier is confidential; a published summary was withdrawn.")
        if confidential_now
        else _("The dossier is no longer confidential."),
    )
    return redirect(dossier)


@require_POST
@confidential("netwerk.lobbydossier")
def lobby_dossier_publish(request, pk: int):
    dossier = _editable_dossier(request, pk)
    form = PublicSummaryForm(request.POST)
    if form.is_valid():
        try:
            services.lobby_dossier_publish_summary(
                actor=request.user, dossier=dossier, summary=form.cleaned_data["summary"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The public summary was published."))
            return redirect(dossier)
    return _dossier_page(request, dossier, summary_form=form)


@confidential()
def external_calendar(request):
    """The external moments beside the meeting calendar, with the "no preparing meeting"
    warning."""
    moments = selectors.external_moments_for(user=request.user)
    meetings = meeting_list_upcoming(user=request.user)[:30]
    return render(
        request,
        "netwerk/external_calendar.html",
        {"moments": moments, "meetings": meetings},
    )


@login_not_required
def public_affairs(request):
    """The public page: published summaries of dossiers that are not confidential."""
    return render(
        request,
        "netwerk/public_affairs.html",
        {"dossiers": selectors.public_lobby_summaries()},
    )


# ---- Related tables ----------------------------------------------------------------------


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
            services.related_table_create(actor=request.user, **form.cleaned_data)
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
            services.alignment_add(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The alignment was added."))
            return redirect("netwerk:related_tables")
    return related_table_list(request, alignment_form=form)


# ---- Regio Deal showcase -----------------------------------------------------------------


@login_not_required
def regio_deal(request):
    """The public shop window of the Regio Deal NHN: approved projects per line and per
    sub-region."""
    projects = selectors.public_projects()
    return render(
        request,
        "netwerk/regio_deal.html",
        {
            "deal": REGIO_DEAL,
            "lines": selectors.projects_per_line(projects),
            "subregions": selectors.projects_per_subregion(projects),
        },
    )


@login_not_required
def regio_deal_image(request, pk: int):
    image = selectors.access_project_image(user=request.user, pk=pk)
    return file_response(
        image.image,
        filename=f"regiodeal-{image.pk}.jpg",
        content_type="image/jpeg",
        confidential=not image.project.is_public,
    )


@confidential()
def project_list(request, *, form=None):
    projects = selectors.projects_for(user=request.user)
    return render(
        request,
        "netwerk/project_list.html",
        {"projects": projects, "form": form or ProjectForm()},
        status=400 if form else 200,
    )


@require_POST
@confidential()
def project_create(request):
    selectors.projects_for(user=request.user)
    form = ProjectForm(request.POST)
    if form.is_valid():
        try:
            project = services.regio_deal_project_create(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The project was saved as a draft."))
            return redirect(project)
    return project_list(request, form=form)


@confidential()
def project_detail(request, pk: int, *, image_form=None):
    project = selectors.access_project(user=request.user, pk=pk)
    return render(
        request,
        "netwerk/project_detail.html",
        {"project": project, "image_form": image_form or ProjectImageForm()},
        status=400 if image_form else 200,
    )


@require_POST
@confidential()
def project_image_add(request, pk: int):
    project = selectors.access_project(user=request.user, pk=pk)
    form = ProjectImageForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.project_image_add(
                actor=request.user,
                project=project,
                upload=form.cleaned_data["upload"],
                alt_text=form.cleaned_data["alt_text"],
            )
        except ValidationError as error:
            if hasattr(error, "error_dict") and "image" in error.error_dict:
                error = ValidationError({"upload": error.error_dict["image"]})
            add_service_errors(form, error)
        else:
            messages.success(request, _("The picture was added."))
            return redirect(project)
    return project_detail(request, pk, image_form=form)


@require_POST
@confidential()
def project_review(request, pk: int):
    project = selectors.access_project(user=request.user, pk=pk)
    action = request.POST.get("action")
    try:
        if action == "submit":
            services.regio_deal_project_submit(actor=request.user, project=project)
        else:
            services.regio_deal_project_review(
                actor=request.user, project=project, approve=action == "approve"
            )
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("The review state was changed."))
    return redirect(project)


# ---- Boundary spanners -------------------------------------------------------------------


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
            services.boundary_spanner_set(actor=request.user, **form.cleaned_data)
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
            "reports": production.production_entries(subject=spanner),
        },
    )


@require_POST
@confidential("netwerk.boundaryspanner")
def spanner_report_request(request, pk: int):
    spanner = selectors.access_spanner(user=request.user, pk=pk)
    try:
        production.document_generation_request(
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
    document = production.access_generated_document(
        user=request.user, subject=spanner, kind=SPANNER_REPORT, audience=month
    )
    return file_response(
        document.file,
        filename=f"maandrapport-{spanner.subregion.slug}-{month}.pdf",
        content_type="application/pdf",
        confidential=True,
    )
