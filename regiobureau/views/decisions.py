"""Decisions, the besluitenlijst and action items of a meeting, and "Mijn acties"."""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from nhn_portal.core.http import error_text
from regiobureau import permissions
from regiobureau.forms.decisions import ActionItemForm, ActionStatusForm, DecisionForm
from regiobureau.models.decisions import Decision
from regiobureau.models.meetings import Meeting
from regiobureau.selectors.actions import access_action, action_list_for_user, actions_from_meeting
from regiobureau.selectors.decisions import (
    decision_list_for,
    decisions_for_meeting,
    public_decision_ids,
    voting_members,
)
from regiobureau.selectors.meetings import access_meeting, next_meeting_of_body
from regiobureau.services.actions import action_item_create, action_item_set_status
from regiobureau.services.decisions import decision_delete as decision_delete_service
from regiobureau.services.decisions import decision_list_adopt as decision_list_adopt_service
from regiobureau.services.decisions import decision_record
from regiobureau.views.common import secretariat_meeting
from regiobureau.views.pdfs import public_decision_list_pdf

PAGE = "regiobureau/meeting_decisions.html"


def _page(request, meeting: Meeting, *, decision_form=None, action_form=None, status=200):
    can_manage = permissions.can_manage_meetings(request.user)
    voters = voting_members(meeting) if can_manage else []
    return render(
        request,
        PAGE,
        {
            "meeting": meeting,
            "decisions": decisions_for_meeting(user=request.user, meeting=meeting),
            "actions": actions_from_meeting(user=request.user, meeting=meeting),
            "decision_list": decision_list_for(meeting),
            "public_decisions": public_decision_ids(meeting),
            "public_decision_list_pdf": public_decision_list_pdf(request.user, meeting),
            "next_meeting": next_meeting_of_body(meeting),
            "can_manage": can_manage,
            "decision_form": decision_form
            or (DecisionForm(meeting=meeting, voters=voters) if can_manage else None),
            "action_form": action_form or (ActionItemForm(meeting=meeting) if can_manage else None),
        },
        status=status,
    )


@login_not_required
def meeting_decisions(request, pk: int):
    """The decisions and actions of a meeting; the secretariat records them here. Open to
    anyone who sees the published agenda: the selectors show a reader outside the body only
    what is on public items of a public meeting."""
    meeting = access_meeting(user=request.user, pk=pk)
    if not permissions.can_see_agenda(request.user, meeting):
        raise Http404
    return _page(request, meeting)


@require_POST
def decision_create(request, pk: int):
    meeting = secretariat_meeting(request, pk)
    voters = voting_members(meeting)
    form = DecisionForm(request.POST, meeting=meeting, voters=voters)
    if form.is_valid():
        try:
            decision_record(
                actor=request.user,
                item=form.cleaned_data["item"],
                text=form.cleaned_data["text"],
                outcome=form.cleaned_data["outcome"] or None,
                votes=form.votes(),
                urgency_reason=form.cleaned_data["urgency_reason"],
            )
        except ValidationError as error:
            form.add_error(None, error_text(error))
        else:
            messages.success(request, _("The decision has been recorded."))
            return redirect("regiobureau:meeting_decisions", pk=meeting.pk)
    return _page(request, meeting, decision_form=form, status=422)


@require_POST
def decision_delete(request, pk: int):
    decision = get_object_or_404(Decision.objects.select_related("item__meeting"), pk=pk)
    meeting = secretariat_meeting(request, decision.item.meeting_id)
    try:
        decision_delete_service(actor=request.user, decision=decision)
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("The decision has been removed."))
    return redirect("regiobureau:meeting_decisions", pk=meeting.pk)


@require_POST
def decision_list_adopt(request, pk: int):
    meeting = secretariat_meeting(request, pk)
    at_meeting = next_meeting_of_body(meeting)
    try:
        if at_meeting is None:
            raise ValidationError(
                _("A decision list is adopted at the next meeting of the same body.")
            )
        decision_list_adopt_service(actor=request.user, meeting=meeting, at_meeting=at_meeting)
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("The decision list has been adopted."))
    return redirect("regiobureau:meeting_decisions", pk=meeting.pk)


@require_POST
def action_create(request, pk: int):
    meeting = secretariat_meeting(request, pk)
    form = ActionItemForm(request.POST, meeting=meeting)
    if form.is_valid():
        try:
            action_item_create(
                actor=request.user,
                meeting=meeting,
                description=form.cleaned_data["description"],
                deadline=form.cleaned_data["deadline"],
                owner_person=form.cleaned_data["owner_person"],
                owner_organisation=form.cleaned_data["owner_organisation"],
                item=form.cleaned_data["item"],
            )
        except ValidationError as error:
            form.add_error(None, error_text(error))
        else:
            messages.success(request, _("The action has been added."))
            return redirect("regiobureau:meeting_decisions", pk=meeting.pk)
    return _page(request, meeting, action_form=form, status=422)


@require_POST
def action_status(request, pk: int):
    """The owner (or the secretariat) marks an action done, lapsed or open again."""
    action = access_action(user=request.user, pk=pk)
    form = ActionStatusForm(request.POST)
    if form.is_valid():
        action_item_set_status(
            actor=request.user, action=action, status=form.cleaned_data["status"]
        )
        messages.success(request, _("The status of the action has been changed."))
    else:
        messages.error(request, _("Choose a status."))
    if request.POST.get("next") == "meeting" and permissions.is_secretariat(request.user):
        return redirect("regiobureau:meeting_decisions", pk=action.origin_meeting_id)
    return redirect("regiobureau:my_actions")


def my_actions(request):
    """ "Mijn acties": what I (or my organisation) still have to do, overdue first."""
    actions = action_list_for_user(user=request.user, include_closed=True)
    return render(
        request,
        "regiobureau/action_mine.html",
        {
            "open_actions": [a for a in actions if a.is_open],
            "closed_actions": [a for a in actions if not a.is_open][:50],
        },
    )
