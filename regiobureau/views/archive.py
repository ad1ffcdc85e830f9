"""The meeting archive: past meetings per body and per year; each links to its
agenda and stukken and its decisions, which show only what the viewer may see."""

from django.contrib.auth.decorators import login_not_required
from django.shortcuts import render

from nhn_portal.core.portal import page_panels
from regiobureau.forms.meetings import ArchiveFilterForm
from regiobureau.selectors.archive import archive_years, meeting_list_past


@login_not_required
def meeting_archive(request):
    years = archive_years(user=request.user)
    form = ArchiveFilterForm(request.GET or None, years=years)
    filters = form.cleaned_data if form.is_valid() else {}
    meetings = meeting_list_past(
        user=request.user, body=filters.get("body"), year=filters.get("year")
    )
    meetings = list(meetings[:500])
    # Higher apps add a link per meeting (the minutes' app: the minutes the viewer may read).
    slots, panels = page_panels("archive", request, meetings=meetings)
    return render(
        request,
        "regiobureau/meeting_archive.html",
        {"form": form, "meetings": meetings, "slots": slots, **panels},
    )
