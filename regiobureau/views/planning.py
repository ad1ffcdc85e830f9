"""The forward agenda (jaarplanning, issue 10): one view of the whole region with filters and
warnings; the secretariat plans topics and puts them on a meeting's agenda with one click."""

import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from nhn_portal.core.access import is_secretariat, require_secretariat
from nhn_portal.core.forms import add_service_errors
from nhn_portal.core.http import error_text
from regiobureau.forms.planning import PlannedTopicForm, PlanningFilterForm
from regiobureau.models.planning import PlannedTopic
from regiobureau.selectors.meetings import access_meeting
from regiobureau.selectors.planning import planning_rows, planning_topics
from regiobureau.services.planning import (
    planned_topic_create,
    planned_topic_delete,
    planned_topic_schedule,
)


def _page(request, *, form=None, status=200):
    filters_form = PlanningFilterForm(request.GET or None)
    filters = filters_form.cleaned_data if filters_form.is_valid() else {}
    today = timezone.localdate()
    topics = list(
        planning_topics(
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
        "regiobureau/planning.html",
        {
            "filter_form": filters_form,
            "rows": planning_rows(topics=topics, with_meetings=can_manage),
            "can_manage": can_manage,
            "form": form or (PlannedTopicForm() if can_manage else None),
        },
        status=status,
    )


def planning(request):
    return _page(request)


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
            return redirect("regiobureau:planning")
    return _page(request, form=form, status=422)


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
    return redirect("regiobureau:planning")


@require_POST
def planning_delete(request, pk: int):
    require_secretariat(request.user)
    topic = get_object_or_404(PlannedTopic, pk=pk)
    planned_topic_delete(actor=request.user, topic=topic)
    messages.success(request, _("The planned topic has been removed."))
    return redirect("regiobureau:planning")
