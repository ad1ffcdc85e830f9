"""The forward agenda (one view of the whole region with filters and warnings; the secretariat
plans topics and puts them on a meeting's agenda with one click) and the stukken a member of
a preparing body hands in for a coming meeting, accepted or returned on the same page."""

import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from nhn_portal.core.access import is_secretariat, require_secretariat
from nhn_portal.core.forms import add_service_errors
from nhn_portal.core.http import confidential, error_text, file_response
from planning.forms import (
    MeetingSeriesForm,
    PlannedTopicForm,
    PlanningFilterForm,
    ProposalAcceptForm,
    ProposalForm,
    ProposalReturnForm,
)
from planning.models import MeetingSeries, PlannedTopic
from planning.selectors import (
    access_proposal,
    open_for_proposals,
    planning_rows,
    planning_topics,
    preparing_bodies,
    proposals_for,
)
from planning.services import (
    meeting_series_create,
    planned_topic_create,
    planned_topic_delete,
    planned_topic_schedule,
    proposal_submit,
    series_days,
    series_planned_meetings,
)
from planning.services import proposal_accept as proposal_accept_service
from planning.services import proposal_return as proposal_return_service
from regiobureau.selectors.meetings import access_meeting
from regiobureau.selectors.schedule import schedule_warnings, warnings_fingerprint


def _planning_page(request, *, form=None, status=200):
    filters_form = PlanningFilterForm(request.GET or None)
    filters = filters_form.cleaned_data if filters_form.is_valid() else {}
    today = timezone.localdate()
    topics = list(
        planning_topics(
            user=request.user,
            body=filters.get("body"),
            theme=filters.get("theme"),
            subregion=filters.get("subregion"),
            dossier=filters.get("dossier"),
            since=datetime.date(today.year, today.month, 1),
        )[:500]
    )
    can_manage = is_secretariat(request.user)
    return render(
        request,
        "planning/planning.html",
        {
            "filter_form": filters_form,
            "rows": planning_rows(user=request.user, topics=topics, with_meetings=can_manage),
            "can_manage": can_manage,
            "form": form or (PlannedTopicForm() if can_manage else None),
        },
        status=status,
    )


def planning(request):
    return _planning_page(request)


@require_POST
def planning_create(request):
    require_secretariat(request.user)
    form = PlannedTopicForm(request.POST)
    if form.is_valid():
        try:
            planned_topic_create(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The topic has been planned."))
            return redirect("planning:planning")
    return _planning_page(request, form=form, status=422)


@require_POST
def planning_schedule(request, pk: int):
    """One click: the planned topic becomes an item of its body's meeting in that month."""
    require_secretariat(request.user)
    topic = get_object_or_404(PlannedTopic.objects.select_related("body"), pk=pk)
    meeting = access_meeting(user=request.user, pk=int(request.POST.get("meeting") or 0))
    try:
        planned_topic_schedule(actor=request.user, topic=topic, meeting=meeting)
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(
            request,
            _("“%(topic)s” is now on the agenda of %(meeting)s.")
            % {"topic": topic.title, "meeting": meeting},
        )
    return redirect("planning:planning")


@require_POST
def planning_delete(request, pk: int):
    require_secretariat(request.user)
    topic = get_object_or_404(PlannedTopic, pk=pk)
    planned_topic_delete(actor=request.user, topic=topic)
    messages.success(request, _("The planned topic has been removed."))
    return redirect("planning:planning")


def _proposals_page(request, meeting, *, form=None, status=200):
    bodies = preparing_bodies(user=request.user, meeting=meeting)
    can_manage = is_secretariat(request.user)
    if not bodies and not can_manage:
        raise Http404
    may_submit = bool(bodies) and open_for_proposals(meeting)
    return render(
        request,
        "planning/proposal_list.html",
        {
            "meeting": meeting,
            "proposals": proposals_for(user=request.user, meeting=meeting),
            "form": form or (ProposalForm(meeting=meeting, bodies=bodies) if may_submit else None),
            "can_manage": can_manage,
            "accept_form": ProposalAcceptForm(meeting=meeting) if can_manage else None,
            "return_form": ProposalReturnForm() if can_manage else None,
        },
        status=status,
    )


@confidential("regiobureau.meeting")
def proposal_list(request, pk: int):
    """GET: the deadline, the form and the stukken handed in; POST: hand one in."""
    meeting = access_meeting(user=request.user, pk=pk)
    if request.method != "POST":
        return _proposals_page(request, meeting)
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
            return redirect("planning:proposal_list", pk=meeting.pk)
    return _proposals_page(request, meeting, form=form, status=422)


@require_POST
def proposal_accept(request, pk: int):
    require_secretariat(request.user)
    proposal = access_proposal(user=request.user, pk=pk)
    form = ProposalAcceptForm(request.POST, meeting=proposal.meeting)
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
    return redirect("planning:proposal_list", pk=proposal.meeting_id)


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
    return redirect("planning:proposal_list", pk=proposal.meeting_id)


@confidential("planning.proposeddocument")
def proposal_download(request, pk: int):
    """The handed-in file, for the secretariat and the one who handed it in."""
    proposal = access_proposal(user=request.user, pk=pk)
    return file_response(
        proposal.file,
        filename=proposal.original_name,
        content_type=proposal.content_type,
        confidential=True,
    )


# --- recurring series ---------------------------------------------------------------------------


def series_list(request):
    """The secretariat's recurring series, newest first, with the way to plan a new one."""
    require_secretariat(request.user)
    series = MeetingSeries.objects.select_related("body").prefetch_related("meetings")
    return render(request, "planning/series_list.html", {"series_list": series})


def series_create(request):
    """Plan a series at once; warned (as for one meeting) about clashes and deadlines of
    every meeting in it, confirmed with "Toch opslaan"."""
    require_secretariat(request.user)
    form = MeetingSeriesForm(request.POST or None)
    warnings: list[tuple] = []
    if request.method == "POST" and form.is_valid():
        kwargs = form.service_kwargs()
        days = series_days(
            first_date=kwargs["first_date"],
            interval_weeks=kwargs["interval_weeks"],
            count=kwargs["count"],
        )
        planned = series_planned_meetings(
            body=kwargs["body"],
            days=days,
            start_time=kwargs["start_time"],
            end_time=kwargs["end_time"],
            location=kwargs["location"],
        )
        warnings = [(p.starts_at, w) for p in planned for w in schedule_warnings(p)]
        fingerprint = warnings_fingerprint([w for _start, w in warnings])
        if warnings and form.cleaned_data.get("confirmed_warnings") != fingerprint:
            posted = request.POST.copy()
            posted["confirmed_warnings"] = fingerprint
            form.data = posted
        else:
            try:
                series = meeting_series_create(actor=request.user, **kwargs)
            except ValidationError as error:
                add_service_errors(form, error)
                warnings = []
            else:
                messages.success(
                    request,
                    _("%(count)s meetings have been planned; change each on its own page.")
                    % {"count": series.count},
                )
                return redirect(series)
    return render(
        request,
        "planning/series_form.html",
        {"form": form, "warnings": warnings},
        status=400 if form.errors else 200,
    )


def series_detail(request, pk: int):
    require_secretariat(request.user)
    series = get_object_or_404(MeetingSeries.objects.select_related("body"), pk=pk)
    meetings = series.meetings.select_related("body").order_by("starts_at")
    return render(request, "planning/series_detail.html", {"series": series, "meetings": meetings})
