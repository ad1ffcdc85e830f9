"""Council gatherings in the portal: the secretariat plans them (on a meeting of
the raadsbijeenkomsten body) and records attendance afterwards; a griffie finds its council's
invitation link, sends personal links to a list of council members and sees its council's
registrations. Everyone else gets 404 (selectors.access_gathering).
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from nhn_portal.core.access import require_secretariat
from nhn_portal.core.forms import add_service_errors
from nhn_portal.core.http import confidential, error_text
from nhn_portal.core.mail import site_link
from raden import links, permissions
from raden.constants import RegistrationStatus
from raden.forms import AttendanceForm, GatheringCreateForm, GatheringForm, InviteListForm
from raden.models.gatherings import GatheringRegistration
from raden.selectors.gatherings import (
    access_gathering,
    attendance_by_municipality,
    gathering_registrations,
    meetings_for_gatherings,
)
from raden.selectors.gatherings import gathering_list as gathering_list_selector
from raden.services.gatherings import (
    GATHERING_FIELDS,
    gathering_invite_list,
    gathering_update,
    registration_attendance_set,
    registration_is_open,
)
from raden.services.gatherings import gathering_create as gathering_create_service


def gathering_list(request):
    upcoming, past = gathering_list_selector(user=request.user)
    return render(
        request,
        "raden/gathering_list.html",
        {
            "upcoming": upcoming,
            "past": past,
            "is_secretariat": permissions.is_secretariat(request.user),
            "municipality": permissions.griffie_municipality(request.user),
        },
    )


def gathering_create(request):
    require_secretariat(request.user)
    form = GatheringCreateForm(request.POST or None, meetings=meetings_for_gatherings())
    if request.method == "POST" and form.is_valid():
        try:
            gathering = gathering_create_service(
                actor=request.user,
                meeting=form.cleaned_data["meeting"],
                kind=form.cleaned_data["kind"],
                programme=form.cleaned_data["programme"],
                capacity=form.cleaned_data["capacity"],
                materials=form.cleaned_data["materials"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The council gathering has been created."))
            return redirect(gathering)
    return render(
        request,
        "raden/gathering_form.html",
        {"form": form},
        status=422 if form.is_bound and form.errors else 200,
    )


@confidential("raden.gathering")
def gathering_detail(request, pk: int):
    """The gathering with attendance per municipality; its registrations as far as the user
    may see them; the griffie's invitation link and list form."""
    row = access_gathering(user=request.user, pk=pk)
    return _detail_page(request, row)


def _detail_page(request, row, *, invite_form=None, status=200):
    gathering = row.gathering
    municipality = permissions.griffie_municipality(request.user)
    is_secretariat = permissions.is_secretariat(request.user)
    invite_link = None
    if municipality is not None and registration_is_open(gathering):
        token = links.invitation_token(gathering_id=gathering.pk, municipality_id=municipality.pk)
        invite_link = site_link(reverse("raden:gathering_invitation", kwargs={"token": token}))
    return render(
        request,
        "raden/gathering_detail.html",
        {
            "row": row,
            "gathering": gathering,
            "meeting": gathering.meeting,
            "registrations": gathering_registrations(user=request.user, gathering=gathering),
            "attendance": attendance_by_municipality(gathering),
            "is_secretariat": is_secretariat,
            "municipality": municipality,
            "invite_link": invite_link,
            "invite_form": invite_form or (InviteListForm() if invite_link else None),
            "is_open": registration_is_open(gathering),
            "RegistrationStatus": RegistrationStatus,
        },
        status=status,
    )


def gathering_edit(request, pk: int):
    require_secretariat(request.user)
    row = access_gathering(user=request.user, pk=pk)
    gathering = row.gathering
    form = GatheringForm(
        request.POST or None,
        initial={field: getattr(gathering, field) for field in GATHERING_FIELDS},
    )
    if request.method == "POST" and form.is_valid():
        try:
            gathering_update(actor=request.user, gathering=gathering, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The council gathering has been saved."))
            return redirect(gathering)
    return render(
        request,
        "raden/gathering_form.html",
        {"form": form, "gathering": gathering},
        status=422 if form.is_bound and form.errors else 200,
    )


@require_POST
def gathering_invite(request, pk: int):
    """A griffie sends personal links to a list of its council's members."""
    row = access_gathering(user=request.user, pk=pk)
    municipality = permissions.griffie_municipality(request.user)
    if municipality is None:
        raise Http404
    form = InviteListForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            count = gathering_invite_list(
                actor=request.user,
                gathering=row.gathering,
                municipality=municipality,
                entries=form.cleaned_data["rows"],
            )
        except ValidationError as error:
            form.add_error(None, error_text(error))
        else:
            messages.success(
                request,
                _("A personal link has been sent to %(count)s council members.") % {"count": count},
            )
            return redirect(row.gathering)
    return _detail_page(request, row, invite_form=form, status=422)


@require_POST
def registration_attendance(request, pk: int):
    """The secretariat records whether one registered council member attended."""
    require_secretariat(request.user)
    registration = get_object_or_404(
        GatheringRegistration.objects.select_related("gathering"), pk=pk
    )
    form = AttendanceForm(request.POST)
    form.is_valid()
    try:
        registration_attendance_set(
            actor=request.user,
            registration=registration,
            attended=form.cleaned_data.get("attended", False),
        )
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(
            request, _("Attendance of %(name)s has been recorded.") % {"name": registration.name}
        )
    return redirect(registration.gathering)
