"""The council member's pages, without an account: the griffie's forwarded
invitation (name and e-mail address → a personal link by mail) and the personal link itself
(register, cancel, the materials afterwards). Opening a link records nothing; registering and
cancelling are POSTs (mail scanners that follow links change nothing). An altered, expired or
used link gets a Dutch page that says what to do, with status 400 or 410.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from nhn_portal.core.forms import add_service_errors
from nhn_portal.core.http import error_text, no_store
from raden import links
from raden.constants import RegistrationStatus
from raden.forms import InvitationAnswerForm
from raden.services.gatherings import (
    gathering_cancel,
    gathering_invitation_answer,
    gathering_register,
    invitation_check,
    personal_link_check,
    registration_is_open,
)

LINK_STATUS = {"altered": 400, "expired": 410, "used": 410}


def _link_problem(request, error: links.LinkError, *, kind: str):
    response = render(
        request,
        "raden/registration_link_problem.html",
        {"code": error.code, "kind": kind},
        status=LINK_STATUS.get(error.code, 400),
    )
    return no_store(response)


@login_not_required
def gathering_invitation(request, token: str):
    """The griffie's link: the gathering, and a form for name and e-mail address."""
    try:
        gathering, municipality = invitation_check(token)
    except links.LinkError as error:
        return _link_problem(request, error, kind="invitation")
    form = InvitationAnswerForm(request.POST or None)
    sent = False
    if request.method == "POST" and form.is_valid():
        try:
            gathering_invitation_answer(
                token=token, name=form.cleaned_data["name"], email=form.cleaned_data["email"]
            )
        except links.LinkError as error:
            return _link_problem(request, error, kind="invitation")
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            sent = True
    response = render(
        request,
        "raden/gathering_invitation.html",
        {
            "gathering": gathering,
            "meeting": gathering.meeting,
            "municipality": municipality,
            "form": form,
            "sent": sent,
            "sent_to": form.cleaned_data.get("email") if sent else None,
        },
        status=422 if form.is_bound and form.errors else 200,
    )
    return no_store(response)


@login_not_required
def registration_link(request, token: str):
    """The personal link: register (a button), or the registration with a cancel button,
    and the materials once the gathering has been held."""
    try:
        link, gathering, municipality, registration = personal_link_check(token)
    except links.LinkError as error:
        return _link_problem(request, error, kind="personal")
    active = registration is not None and registration.status != RegistrationStatus.CANCELLED
    meeting = gathering.meeting
    response = render(
        request,
        "raden/registration_link.html",
        {
            "token": token,
            "link": link,
            "gathering": gathering,
            "meeting": meeting,
            "municipality": municipality,
            "registration": registration if active else None,
            "is_open": registration_is_open(gathering),
            "show_materials": active
            and registration.status != RegistrationStatus.WAITING
            and gathering.materials
            and not registration_is_open(gathering),
            "RegistrationStatus": RegistrationStatus,
        },
    )
    return no_store(response)


@login_not_required
@require_POST
def registration_register(request, token: str):
    try:
        registration = gathering_register(token=token)
    except links.LinkError as error:
        return _link_problem(request, error, kind="personal")
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        if registration.status == RegistrationStatus.WAITING:
            messages.warning(
                request,
                _(
                    "The gathering is full: you are on the waiting list. When a place becomes "
                    "free, you get it in order of registration and we let you know by e-mail."
                ),
            )
        else:
            messages.success(request, _("You are registered. See you there!"))
    return redirect("raden:registration_link", token=token)


@login_not_required
@require_POST
def registration_cancel(request, token: str):
    try:
        registration = gathering_cancel(token=token)
    except links.LinkError as error:
        return _link_problem(request, error, kind="personal")
    except ValidationError as error:
        messages.error(request, error_text(error))
        return redirect("raden:registration_link", token=token)
    # The link is used now: show the end of the story, not the problem page.
    return no_store(
        render(
            request,
            "raden/registration_cancelled.html",
            {"gathering": registration.gathering, "meeting": registration.gathering.meeting},
        )
    )
