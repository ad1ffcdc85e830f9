"""The public-affairs agenda (netwerk): pages."""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from netwerk import selectors
from netwerk.forms import (
    ExternalMomentForm,
    LobbyContactForm,
    LobbyDossierForm,
    PublicSummaryForm,
)
from netwerk.services.lobby import external_moment_add as external_moment_add_service
from netwerk.services.lobby import lobby_contact_add as lobby_contact_add_service
from netwerk.services.lobby import lobby_dossier_create as lobby_dossier_create_service
from netwerk.services.lobby import (
    lobby_dossier_publish_summary,
    lobby_dossier_set_confidential,
    lobby_dossier_update,
)
from nhn_portal.core.access import is_secretariat, require_secretariat
from nhn_portal.core.forms import add_service_errors
from nhn_portal.core.http import confidential
from regiobureau.selectors.meetings import meeting_list_upcoming


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
            dossier = lobby_dossier_create_service(actor=request.user, **form.cleaned_data)
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


@confidential("netwerk.lobbydossier")
def lobby_dossier_edit(request, pk: int):
    """Change a dossier's title, arena, position, lobbyist, carriers and decisions (the
    secretariat; a carrier reads the dossier but does not edit it)."""
    require_secretariat(request.user)
    dossier = selectors.access_lobby_dossier(user=request.user, pk=pk)
    initial = {
        "title": dossier.title,
        "arena": dossier.arena,
        "position": dossier.position,
        "lobbyist": dossier.lobbyist,
        "carriers": list(dossier.carriers.all()),
        "decisions": list(dossier.decisions.all()),
    }
    form = LobbyDossierForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            lobby_dossier_update(actor=request.user, dossier=dossier, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The lobby dossier was saved."))
            return redirect(dossier)
    return render(
        request,
        "netwerk/lobby_dossier_form.html",
        {"form": form, "dossier": dossier},
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
            lobby_contact_add_service(actor=request.user, dossier=dossier, **form.cleaned_data)
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
            external_moment_add_service(actor=request.user, dossier=dossier, **form.cleaned_data)
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
    lobby_dossier_set_confidential(
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
            lobby_dossier_publish_summary(
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
