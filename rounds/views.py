"""The schriftelijke ronde: the secretariat puts a proposal to a body; members
answer in the portal or through the signed one-time link in their e-mail (no login)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gremia.selectors.registry import person_for_user
from nhn_portal.core.access import is_secretariat, require_secretariat
from nhn_portal.core.forms import add_service_errors
from nhn_portal.core.http import confidential, error_text
from rounds.constants import RoundStatus
from rounds.forms import RoundVoteForm, WrittenRoundForm
from rounds.selectors import access_round, round_answers, round_tally, rounds_for_user
from rounds.services import (
    round_from_token,
    round_seats,
    written_round_attach,
    written_round_close,
    written_round_open,
    written_round_vote,
)


def round_list(request):
    """The written rounds of the bodies the user sits on (the secretariat: all)."""
    return render(
        request,
        "rounds/round_list.html",
        {
            "rounds": rounds_for_user(user=request.user),
            "can_manage": is_secretariat(request.user),
        },
    )


def round_create(request):
    require_secretariat(request.user)
    form = WrittenRoundForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                written_round = written_round_open(actor=request.user, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(
                    request, _("The written round is open; the members get their link by e-mail.")
                )
                return redirect(written_round.get_absolute_url())
        status = 422
    return render(request, "rounds/round_form.html", {"form": form}, status=status)


def _own_answer(answers, person):
    if person is None:
        return None
    return next((a for a in answers if a.member_id == person.pk), None)


@confidential("rounds.writtenround")
def round_detail(request, pk: int):
    """The proposal, the member's own answer (or the form), and for the secretariat the
    answers so far and the outcome."""
    written_round = access_round(user=request.user, pk=pk)
    person = person_for_user(user=request.user)
    answers = round_answers(written_round)
    seat_people = {m.person_id for m in round_seats(written_round.body_id)}
    may_answer = person is not None and person.pk in seat_people
    form = None
    status = 200
    if may_answer and written_round.is_open and _own_answer(answers, person) is None:
        form = RoundVoteForm(request.POST or None)
        if request.method == "POST":
            if form.is_valid():
                try:
                    written_round_vote(
                        actor=request.user,
                        written_round=written_round,
                        member=person,
                        **form.cleaned_data,
                    )
                except ValidationError as error:
                    add_service_errors(form, error)
                else:
                    messages.success(request, _("Your answer has been recorded."))
                    return redirect(written_round.get_absolute_url())
            status = 422
    elif request.method == "POST":
        messages.error(
            request, _("Your answer was not recorded: the round is closed or you have answered.")
        )
        status = 422
    can_manage = is_secretariat(request.user)
    return render(
        request,
        "rounds/round_detail.html",
        {
            "round": written_round,
            "form": form,
            "own_answer": _own_answer(answers, person),
            "answers": answers if can_manage or not written_round.is_open else [],
            "tally": round_tally(answers),
            "seats": len(seat_people),
            "can_manage": can_manage,
        },
        status=status,
    )


@require_POST
def round_close(request, pk: int):
    """The secretariat closes a round early (every member answered) or attaches its outcome
    to the next meeting planned since."""
    require_secretariat(request.user)
    written_round = access_round(user=request.user, pk=pk)
    try:
        if written_round.status == RoundStatus.OPEN:
            written_round_close(actor=request.user, round_id=written_round.pk, force=True)
            messages.success(request, _("The written round has been closed."))
        else:
            written_round_attach(actor=request.user, written_round=written_round)
            messages.success(request, _("The outcome is now a decision of the next meeting."))
    except ValidationError as error:
        messages.error(request, error_text(error))
    return redirect(written_round.get_absolute_url())


@login_not_required
@confidential()
def round_vote_link(request, token: str):
    """The signed one-time link from the e-mail: no password; for that member and that round
    only, until the deadline, once."""
    try:
        written_round, person = round_from_token(token)
    except ValidationError as error:
        return render(request, "rounds/round_link.html", {"refusal": error_text(error)}, status=403)
    answered = written_round.votes.filter(member=person).exists()
    refusal = None
    if not written_round.is_open:
        refusal = _("The term of this written round has passed; your answer was not recorded.")
    elif answered:
        refusal = _("This link has been used: an answer has already been given for you.")
    form = None if refusal else RoundVoteForm(request.POST or None)
    status = 200 if refusal is None else 410
    if form is not None and request.method == "POST":
        if form.is_valid():
            try:
                written_round_vote(
                    actor=None,
                    written_round=written_round,
                    member=person,
                    through_link=True,
                    **form.cleaned_data,
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                return render(
                    request,
                    "rounds/round_link.html",
                    {"round": written_round, "person": person, "thanks": True},
                )
        status = 422
    return render(
        request,
        "rounds/round_link.html",
        {"round": written_round, "person": person, "form": form, "refusal": refusal},
        status=status,
    )
