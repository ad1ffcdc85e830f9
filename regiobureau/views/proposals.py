"""Stukken from the working groups (issue 10): a member of a preparing body hands in stukken
for a coming meeting; the secretariat accepts or returns them on the same page."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from nhn_portal.core.access import is_secretariat, require_secretariat
from nhn_portal.core.forms import add_service_errors
from nhn_portal.core.http import confidential, error_text, file_response
from regiobureau.forms.proposals import ProposalAcceptForm, ProposalForm, ProposalReturnForm
from regiobureau.selectors.meetings import access_meeting
from regiobureau.selectors.proposals import (
    access_proposal,
    open_for_proposals,
    preparing_bodies,
    proposals_for,
)
from regiobureau.services.proposals import proposal_accept as proposal_accept_service
from regiobureau.services.proposals import proposal_return as proposal_return_service
from regiobureau.services.proposals import proposal_submit


def _page(request, meeting, *, form=None, status=200):
    bodies = preparing_bodies(user=request.user, meeting=meeting)
    can_manage = is_secretariat(request.user)
    if not bodies and not can_manage:
        raise Http404
    may_submit = bool(bodies) and open_for_proposals(meeting)
    return render(
        request,
        "regiobureau/proposal_list.html",
        {
            "meeting": meeting,
            "proposals": proposals_for(user=request.user, meeting=meeting),
            "form": form or (ProposalForm(meeting=meeting, bodies=bodies) if may_submit else None),
            "can_manage": can_manage,
            "accept_form": ProposalAcceptForm() if can_manage else None,
            "return_form": ProposalReturnForm() if can_manage else None,
        },
        status=status,
    )


@confidential("regiobureau.meeting")
def proposal_list(request, pk: int):
    """GET: the deadline, the form and the stukken handed in; POST: hand one in."""
    meeting = access_meeting(user=request.user, pk=pk)
    if request.method != "POST":
        return _page(request, meeting)
    bodies = preparing_bodies(user=request.user, meeting=meeting)
    if not bodies:
        raise Http404
    form = ProposalForm(request.POST, request.FILES, meeting=meeting, bodies=bodies)
    if form.is_valid():
        try:
            proposal = proposal_submit(actor=request.user, meeting=meeting, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            if proposal.arrived_late:
                messages.warning(
                    request,
                    _("The stuk has been handed in after the deadline and is marked as late."),
                )
            else:
                messages.success(request, _("The stuk has been handed in."))
            return redirect("regiobureau:proposal_list", pk=meeting.pk)
    return _page(request, meeting, form=form, status=422)


@require_POST
def proposal_accept(request, pk: int):
    require_secretariat(request.user)
    proposal = access_proposal(user=request.user, pk=pk)
    form = ProposalAcceptForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(_("Choose the confidentiality."))
        proposal_accept_service(
            actor=request.user,
            proposal=proposal,
            confidentiality=form.cleaned_data["confidentiality"],
        )
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("The stuk has been added to the meeting."))
    return redirect("regiobureau:proposal_list", pk=proposal.meeting_id)


@require_POST
def proposal_return(request, pk: int):
    require_secretariat(request.user)
    proposal = access_proposal(user=request.user, pk=pk)
    form = ProposalReturnForm(request.POST)
    try:
        proposal_return_service(
            actor=request.user,
            proposal=proposal,
            remark=form.data.get("remark", ""),
        )
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("The stuk has been returned."))
    return redirect("regiobureau:proposal_list", pk=proposal.meeting_id)


@confidential("regiobureau.proposeddocument")
def proposal_download(request, pk: int):
    """The handed-in file, for the secretariat and the one who handed it in."""
    proposal = access_proposal(user=request.user, pk=pk)
    return file_response(
        proposal.file,
        filename=proposal.original_name,
        content_type=proposal.content_type,
        confidential=True,
    )
