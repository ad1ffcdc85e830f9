"""The presentielijst: a member registers for a meeting of a body they sit on;
the secretariat records who was there in one screen (a form of radio buttons per seat that
works on a tablet)."""

from collections import defaultdict

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from gremia.models.registry import Person
from nhn_portal.core.forms import add_service_errors
from nhn_portal.core.http import confidential
from regiobureau.forms.attendance import AttendanceRecordForm, RegistrationForm
from regiobureau.selectors.attendance import (
    AttendanceSummary,
    attendance_seats,
    own_seats,
    substitute_candidates,
)
from regiobureau.selectors.meetings import access_meeting
from regiobureau.services.attendance import attendance_record as attendance_record_service
from regiobureau.services.attendance import attendance_register as attendance_register_service
from regiobureau.views.common import secretariat_meeting


@confidential("regiobureau.meeting")
def attendance_register(request, pk: int):
    """A member's own registration: attending, absent, or sending a substitute (404 for
    anyone without a seat at this meeting)."""
    meeting = access_meeting(user=request.user, pk=pk)
    seat = own_seats(user=request.user, meeting=meeting)[0]
    candidates = substitute_candidates(seat.membership)
    initial = {"registration": seat.registration, "substitute": seat.substitute}
    form = RegistrationForm(request.POST or None, initial=initial, candidates=candidates)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                attendance_register_service(
                    actor=request.user,
                    meeting=meeting,
                    membership=seat.membership,
                    registration=form.cleaned_data["registration"],
                    substitute=form.cleaned_data["substitute"],
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Your registration has been saved."))
                return redirect(meeting.get_absolute_url())
        status = 422
    return render(
        request,
        "regiobureau/attendance_register.html",
        {"meeting": meeting, "seat": seat, "form": form},
        status=status,
    )


def _candidates_by_organisation(seats) -> dict[int, list[Person]]:
    """The people of every organisation represented at the table, in one query."""
    grouped: dict[int, list[Person]] = defaultdict(list)
    organisation_ids = {seat.membership.organisation_id for seat in seats}
    for person in Person.objects.filter(organisation_id__in=organisation_ids).order_by("name"):
        grouped[person.organisation_id].append(person)
    return grouped


@confidential("regiobureau.meeting")
def attendance_record(request, pk: int):
    """The secretariat's presentielijst of the meeting (GET shows, POST saves all seats)."""
    meeting = secretariat_meeting(request, pk)
    seats = attendance_seats(meeting)
    form = AttendanceRecordForm(
        request.POST or None,
        seats=seats,
        candidates_by_organisation=_candidates_by_organisation(seats),
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                attendance_record_service(
                    actor=request.user, meeting=meeting, entries=form.entries()
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The attendance has been saved."))
                return redirect("regiobureau:attendance_record", pk=meeting.pk)
        status = 422
    return render(
        request,
        "regiobureau/attendance_record.html",
        {
            "meeting": meeting,
            "form": form,
            "summary": AttendanceSummary(seats=seats),
            "quorum_required": meeting.body.quorum_required,
        },
        status=status,
    )
