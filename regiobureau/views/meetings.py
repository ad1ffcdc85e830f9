"""Meeting pages: the regiokalender, "Mijn vergaderingen", the meeting page with its public
agenda, and the secretariat's meeting form and status actions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from gremia.models.registry import Body
from gremia.permissions import can_delegate
from gremia.selectors.registry import person_for_user
from nhn_portal.core import tasking
from nhn_portal.core.access import require_secretariat
from nhn_portal.core.forms import add_service_errors
from nhn_portal.core.http import confidential, error_text, posted_version
from nhn_portal.core.portal import page_panels
from regiobureau import permissions
from regiobureau.constants import MEETING_TRANSITIONS, MeetingStatus
from regiobureau.forms.agenda import AgendaVersionForm
from regiobureau.forms.meetings import CalendarFilterForm, CancelForm, MeetingForm
from regiobureau.selectors.actions import open_actions_for_meeting
from regiobureau.selectors.agenda import agenda_rows
from regiobureau.selectors.annotations import open_comments_for
from regiobureau.selectors.attendance import attendance_summary
from regiobureau.selectors.meetings import (
    access_meeting,
    meeting_list_for_member,
    meeting_list_upcoming,
    meeting_lists_for_assistant,
)
from regiobureau.selectors.schedule import (
    PlannedMeeting,
    ScheduleWarning,
    schedule_warnings,
    warnings_fingerprint,
)
from regiobureau.services.attendance import PRESENCE_OPEN, REGISTRATION_OPEN
from regiobureau.services.guards import StaleAgendaError
from regiobureau.services.meetings import (
    NOTIFY_TASK,
    default_documents_deadline,
    meeting_has_begun,
    meeting_publish_agenda,
    meeting_set_status,
    meeting_update,
)
from regiobureau.services.meetings import meeting_cancel as meeting_cancel_service
from regiobureau.services.meetings import meeting_create as meeting_create_service
from regiobureau.views.common import secretariat_meeting
from regiobureau.views.pdfs import meeting_bundle_pdf, pdf_panel_context, public_agenda_pdf


@login_not_required
def calendar(request):
    """The regiokalender: upcoming meetings of all bodies, filtered by body, theme, sub-region."""
    form = CalendarFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    meetings = meeting_list_upcoming(
        user=request.user,
        body=filters.get("body"),
        theme=filters.get("theme"),
        subregion=filters.get("subregion"),
    )
    return render(
        request,
        "regiobureau/meeting_calendar.html",
        {
            "form": form,
            "meetings": meetings,
            "can_manage": permissions.can_manage_meetings(request.user),
        },
    )


def my_meetings(request):
    """ "Mijn vergaderingen": the bodies I sit on, and my own open responses; for an
    assistant, the meetings of each bestuurder who gave her read access, under her name."""
    meetings = meeting_list_for_member(user=request.user)
    comments = open_comments_for(user=request.user)[:20]
    return render(
        request,
        "regiobureau/meeting_mine.html",
        {
            "meetings": meetings,
            "open_comments": comments,
            "delegated": meeting_lists_for_assistant(user=request.user),
            "can_delegate": can_delegate(request.user),
        },
    )


@login_not_required
@confidential("regiobureau.meeting", when_marked=True)
def meeting_detail(request, pk: int):
    """The meeting and its agenda as the reader may see it (public for public meetings)."""
    meeting = access_meeting(user=request.user, pk=pk)
    rows = agenda_rows(user=request.user, meeting=meeting)
    can_manage = permissions.can_manage_meetings(request.user)
    can_read = permissions.can_read_annotations(request.user, meeting)
    # Higher apps add to the page (the minutes' app: this meeting's and the previous ones).
    slots, panels = page_panels("meeting", request, meeting=meeting, can_manage=can_manage)
    response = render(
        request,
        "regiobureau/meeting_detail.html",
        {
            "meeting": meeting,
            "rows": rows,
            "can_manage": can_manage,
            "can_read": can_read,
            "agenda_out": permissions.can_see_agenda(request.user, meeting),
            "status_actions": _status_actions(meeting) if can_manage else [],
            "open_actions": open_actions_for_meeting(user=request.user, meeting=meeting),
            "MeetingStatus": MeetingStatus,
            "public_pdf": public_agenda_pdf(request.user, meeting),
            "bundle_pdf": meeting_bundle_pdf(request.user, meeting),
            **_attendance_context(request.user, meeting, can_read),
            **(pdf_panel_context(meeting) if can_manage else {}),
            "slots": slots,
            **panels,
        },
    )
    # A closed meeting, or a reader who may see its closed items: confidential.
    # The presentielijst too is for those inside the meeting.
    response.confidential = (
        not meeting.is_public
        or can_read
        or permissions.can_see_confidential(request.user, meeting.body_id)
    )
    return response


def _attendance_context(user, meeting, can_read: bool) -> dict:
    """The presentielijst for those inside the meeting, and the member's own
    registration while it is open."""
    if not permissions.can_see_confidential(user, meeting.body_id):
        return {}
    summary = attendance_summary(meeting)
    person = person_for_user(user=user)
    own = [s for s in summary.seats if person is not None and s.membership.person_id == person.pk]
    return {
        "attendance": summary,
        "own_seat": own[0] if own else None,
        "registration_open": meeting.status in REGISTRATION_OPEN,
        "PRESENCE_OPEN": PRESENCE_OPEN,
    }


# action name in the form → target status, button label (only transitions that exist)
STATUS_ACTIONS = {
    "plan": (MeetingStatus.PLANNED, gettext_lazy("Mark as planned")),
    "held": (MeetingStatus.HELD, gettext_lazy("Mark as held")),
    "complete": (MeetingStatus.CLOSED, gettext_lazy("Mark as completed")),
}


def _status_actions(meeting) -> list[tuple[str, str]]:
    allowed = set(MEETING_TRANSITIONS[MeetingStatus(meeting.status)])
    if not meeting_has_begun(meeting):
        # "Held" is offered from the meeting's start on; the service refuses it before then.
        allowed.discard(MeetingStatus.HELD)
    return [(name, label) for name, (target, label) in STATUS_ACTIONS.items() if target in allowed]


def _unconfirmed_warnings(request, form, *, body, meeting=None) -> list[ScheduleWarning]:
    """The schedule's warnings for the posted meeting, unless the secretary confirmed exactly
    these. When there are some to confirm, the form gets their fingerprint to post back."""
    data = form.cleaned_data
    planned = PlannedMeeting(
        body=body,
        starts_at=data["starts_at"],
        ends_at=data["ends_at"],
        location=data["location"],
        documents_deadline=data["documents_deadline"]
        or default_documents_deadline(data["starts_at"]),
        pk=meeting.pk if meeting else None,
    )
    warnings = schedule_warnings(planned)
    fingerprint = warnings_fingerprint(warnings)
    if not warnings or data.get("confirmed_warnings") == fingerprint:
        return []
    posted = request.POST.copy()
    posted["confirmed_warnings"] = fingerprint
    form.data = posted
    return warnings


def meeting_create(request):
    require_secretariat(request.user)
    initial = {}
    if slug := request.GET.get("gremium"):
        initial["body"] = get_object_or_404(Body, slug=slug)
        # The body's own default, shown rather than "as the body usually does".
        initial["is_public"] = "1" if initial["body"].public_by_default else "0"
    form = MeetingForm(request.POST or None, initial=initial)
    warnings: list[ScheduleWarning] = []
    if request.method == "POST" and form.is_valid():
        warnings = _unconfirmed_warnings(request, form, body=form.cleaned_data["body"])
    if request.method == "POST" and form.is_valid() and not warnings:
        try:
            meeting = meeting_create_service(
                actor=request.user, body=form.cleaned_data["body"], **form.service_kwargs()
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, _("The meeting has been created with the standard agenda items.")
            )
            return redirect("regiobureau:agenda_editor", pk=meeting.pk)
    return render(
        request,
        "regiobureau/meeting_form.html",
        {"form": form, "meeting": None, "warnings": warnings},
        status=400 if form.errors else 200,
    )


def meeting_edit(request, pk: int):
    meeting = secretariat_meeting(request, pk)
    form = MeetingForm(request.POST or None, meeting=meeting)
    status, stale = 200, None
    warnings: list[ScheduleWarning] = []
    if request.method == "POST" and form.is_valid():
        warnings = _unconfirmed_warnings(request, form, body=meeting.body, meeting=meeting)
    if request.method == "POST" and form.is_valid() and not warnings:
        kwargs = form.service_kwargs()
        if kwargs["documents_deadline"] is None:
            kwargs["documents_deadline"] = default_documents_deadline(kwargs["starts_at"])
        try:
            meeting_update(
                actor=request.user,
                meeting=meeting,
                expected_version=posted_version(request),
                **kwargs,
            )
        except StaleAgendaError as error:
            # Show what is saved now; the secretary re-applies the change knowingly.
            meeting = secretariat_meeting(request, pk)
            form = MeetingForm(meeting=meeting)
            stale = error_text(error)
            status = 409
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The meeting has been saved."))
            return redirect(meeting)
    if form.errors and status == 200:
        status = 400
    return render(
        request,
        "regiobureau/meeting_form.html",
        {"form": form, "meeting": meeting, "stale": stale, "warnings": warnings},
        status=status,
    )


@require_POST
def meeting_status(request, pk: int):
    """plan / held / complete: one step along the status flow."""
    meeting = secretariat_meeting(request, pk)
    action = STATUS_ACTIONS.get(request.POST.get("action", ""))
    if action is None:
        messages.error(request, _("Unknown action."))
        return redirect(meeting)
    try:
        meeting_set_status(actor=request.user, meeting=meeting, status=action[0])
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(
            request,
            _("The meeting now has status “%(status)s”.")
            % {"status": meeting.get_status_display()},
        )
    return redirect(meeting)


@require_POST
def meeting_publish(request, pk: int):
    meeting = secretariat_meeting(request, pk)
    form = AgendaVersionForm(request.POST)
    try:
        meeting_publish_agenda(
            actor=request.user,
            meeting=meeting,
            expected_version=form.cleaned_data["agenda_version"] if form.is_valid() else 0,
        )
    except ValidationError as error:
        messages.error(request, error_text(error))
        return redirect("regiobureau:agenda_editor", pk=meeting.pk)
    if tasking.outbox_waiting(NOTIFY_TASK, meeting.pk):
        # The broker is down: the publication stands, the mail waits in the outbox.
        messages.warning(
            request,
            _(
                "The agenda has been published. The e-mail to the members will be sent as "
                "soon as the queue works again."
            ),
        )
    else:
        messages.success(
            request, _("The agenda has been published; the members are notified by e-mail.")
        )
    return redirect(meeting)


def meeting_cancel(request, pk: int):
    meeting = secretariat_meeting(request, pk)
    form = CancelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            meeting_cancel_service(
                actor=request.user, meeting=meeting, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            if hasattr(error, "error_dict") and "cancel_reason" in error.error_dict:
                form.add_error("reason", error.error_dict["cancel_reason"])
            else:
                form.add_error(None, error_text(error))
        else:
            messages.success(request, _("The meeting has been cancelled."))
            return redirect(meeting)
    return render(
        request,
        "regiobureau/meeting_cancel.html",
        {"form": form, "meeting": meeting},
        status=400 if form.errors else 200,
    )
