"""The secretariat's election pages (which seats an election reopens, recording successors in
one form) and the new member's personal link to the induction pack."""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from nhn_portal.core.access import NotFound, require_secretariat
from nhn_portal.core.forms import add_service_errors
from nhn_portal.core.http import confidential, file_response
from nhn_portal.core.production.selectors import access_generated_document

from . import selectors, services
from .constants import INDUCTION_AUDIENCE, INDUCTION_PACK, REOPENED
from .forms import ElectionForm, SuccessorForm
from .links import PackLinkHolder, succession_id_from_token
from .models import Election, Succession


@confidential()
def election_list(request, *, form=None):
    require_secretariat(request.user)
    return render(
        request,
        "verkiezingen/election_list.html",
        {"elections": selectors.election_list(), "form": form or ElectionForm()},
        status=400 if form else 200,
    )


@require_POST
@confidential()
def election_create(request):
    require_secretariat(request.user)
    form = ElectionForm(request.POST)
    if form.is_valid():
        try:
            election = services.election_create(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The election was registered."))
            return redirect(election)
    return election_list(request, form=form)


def _successor_form(election, data=None):
    waiting = selectors.reopened_memberships(election).filter(succeeded_by__isnull=True)
    return SuccessorForm(data, seats=waiting, organisation_kind=REOPENED[election.kind][0])


@confidential()
def election_detail(request, pk: int, *, form=None):
    require_secretariat(request.user)
    election = Election.objects.filter(pk=pk).first()
    if election is None:
        raise Http404
    seats = selectors.election_seats(election)
    return render(
        request,
        "verkiezingen/election_detail.html",
        {
            "election": election,
            "seats": seats,
            "open_count": sum(
                1 for b in seats for group in b.by_organisation.values() for s in group if s.is_open
            ),
            "form": form or _successor_form(election),
        },
        status=400 if form else 200,
    )


@require_POST
@confidential()
def successor_record(request, pk: int):
    require_secretariat(request.user)
    election = Election.objects.filter(pk=pk).first()
    if election is None:
        raise Http404
    form = _successor_form(election, request.POST)
    if form.is_valid():
        try:
            services.successor_record(actor=request.user, election=election, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, _("The successor was recorded; the induction pack is being made.")
            )
            return redirect(election)
    return election_detail(request, pk, form=form)


def _pack_response(user, succession):
    document = access_generated_document(
        user=user, subject=succession, kind=INDUCTION_PACK, audience=INDUCTION_AUDIENCE
    )
    return file_response(
        document.file,
        filename=f"introductiepakket-{succession.membership.person.name}.pdf",
        content_type="application/pdf",
        confidential=True,
    )


@confidential("verkiezingen.succession")
def induction_pack_download(request, pk: int):
    """The secretariat (or the member, logged in) downloads a pack."""
    succession = Succession.objects.select_related("membership__person").filter(pk=pk).first()
    if succession is None:
        raise NotFound
    return _pack_response(request.user, succession)


@login_not_required
@confidential()
def induction_pack(request, token: str):
    """The new member's personal link from the mail: the signature is the key."""
    pk = succession_id_from_token(token)
    succession = (
        Succession.objects.select_related("membership__person").filter(pk=pk).first()
        if pk
        else None
    )
    if succession is None:
        raise NotFound
    return _pack_response(PackLinkHolder(succession.pk), succession)
