"""The Regio Deal showcase (netwerk): pages."""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from netwerk import selectors
from netwerk.constants import REGIO_DEAL
from netwerk.forms import (
    ProjectForm,
    ProjectImageForm,
)
from netwerk.services.regio_deal import project_image_add as project_image_add_service
from netwerk.services.regio_deal import (
    regio_deal_project_create,
    regio_deal_project_review,
    regio_deal_project_submit,
)
from nhn_portal.core.forms import add_service_errors
from nhn_portal.core.http import confidential, error_text, file_response


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
            project = regio_deal_project_create(actor=request.user, **form.cleaned_data)
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
            project_image_add_service(
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
            regio_deal_project_submit(actor=request.user, project=project)
        else:
            regio_deal_project_review(
                actor=request.user, project=project, approve=action == "approve"
            )
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("The review state was changed."))
    return redirect(project)
