"""The minutes (verslag) of a meeting.

The secretariat writes them in the editor: one form per agenda item that saves itself (htmx
posts the form after a pause in typing and swaps only the small status partial of that item,
announced in an aria-live region) and that is a plain form POST without JavaScript. A stale
version is refused with 409 and the agenda editor's message. The members read the draft and
comment until the term; the secretariat adopts the minutes at the next meeting. The reading
page is public for adopted minutes of a public meeting (closed items as placeholders).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from minutes.constants import MINUTES
from minutes.forms import (
    MinutesAdoptForm,
    MinutesCommentForm,
    MinutesEntryForm,
    MinutesSendForm,
)
from minutes.permissions import can_comment_minutes
from minutes.selectors import (
    access_minutes,
    minutes_comments,
    minutes_entry_current,
    minutes_for,
    minutes_revisions,
    minutes_rows,
    minutes_term_open,
)
from minutes.selectors import minutes_list as minutes_list_selector
from minutes.services import MINUTES_HELD, MINUTES_OPEN, minutes_comment_add
from minutes.services import minutes_adopt as minutes_adopt_service
from minutes.services import minutes_entry_save as minutes_entry_save_service
from minutes.services import minutes_send as minutes_send_service
from nhn_portal.core.access import is_secretariat
from nhn_portal.core.forms import add_service_errors
from nhn_portal.core.http import confidential, error_text, vary_on_htmx
from nhn_portal.core.production.registry import document_kind
from nhn_portal.core.production.selectors import generated_document_current
from regiobureau import permissions
from regiobureau.constants import MEMBERS, PUBLIC
from regiobureau.selectors.meetings import next_meeting_of_body
from regiobureau.services.guards import StaleAgendaError
from regiobureau.views.common import secretariat_item, secretariat_meeting

EDITOR = "minutes/editor.html"
DETAIL = "minutes/detail.html"
ENTRY_STATE = "minutes/_entry_state.html"

OK, INVALID, STALE = 200, 422, 409


@login_not_required
def minutes_list(request):
    """ "Verslagen": every meeting's minutes the user may read, newest first."""
    return render(
        request,
        "minutes/list.html",
        {
            "minutes_list": list(minutes_list_selector(user=request.user)[:200]),
            "can_manage": permissions.can_manage_meetings(request.user),
        },
    )


def _pdfs(user, meeting) -> list:
    """The newest minutes PDFs the user may download (members' and public version)."""
    found = []
    for audience in (MEMBERS, PUBLIC):
        document = generated_document_current(subject=meeting, kind=MINUTES, audience=audience)
        if document is not None and document_kind(MINUTES).may_download(user, meeting, audience):
            found.append(document)
    return found


def _detail(request, meeting, minutes, *, comment_form=None, adopt_form=None, status=OK):
    user = request.user
    rows = minutes_rows(user=user, meeting=meeting, minutes=minutes)
    can_comment = (
        minutes is not None
        and minutes.is_sent
        and can_comment_minutes(user, meeting)
        and minutes_term_open(minutes)
    )
    if can_comment and comment_form is None:
        comment_form = MinutesCommentForm(rows=rows)
    secretariat = is_secretariat(user)
    next_meeting = next_meeting_of_body(meeting) if secretariat else None
    if secretariat and minutes is not None and minutes.is_sent and adopt_form is None:
        adopt_form = MinutesAdoptForm(rows=rows)
    response = render(
        request,
        DETAIL,
        {
            "meeting": meeting,
            "minutes": minutes,
            "rows": rows,
            "comment_form": comment_form if can_comment else None,
            "comments": minutes_comments(user=user, minutes=minutes),
            "can_manage": secretariat,
            "next_meeting": next_meeting,
            "adopt_form": adopt_form,
            "pdfs": _pdfs(user, meeting),
        },
        status=status,
    )
    # Public only as the adopted minutes of a public meeting read by an outsider.
    response.confidential = not meeting.is_public or permissions.can_see_confidential(
        user, meeting.body_id
    )
    return response


@login_not_required
@confidential("regiobureau.meeting", when_marked=True)
def minutes_detail(request, pk: int):
    meeting, minutes = access_minutes(user=request.user, pk=pk)
    return _detail(request, meeting, minutes)


def _editor(request, meeting, *, status=OK, forms=None, send_form=None, error=None, conflict=None):
    """The editor page; `forms` replaces an item's form (refused input kept), `conflict`
    is {item pk: the text saved by someone else} after a stale save without JavaScript."""
    minutes = minutes_for(meeting)
    rows = minutes_rows(user=request.user, meeting=meeting, minutes=minutes)
    forms, conflict = forms or {}, conflict or {}
    entries = [
        (row, forms.get(row.item.pk) or MinutesEntryForm(row=row), conflict.get(row.item.pk))
        for row in rows
    ]
    return vary_on_htmx(
        render(
            request,
            EDITOR,
            {
                "meeting": meeting,
                "minutes": minutes,
                "entries": entries,
                "open": meeting.status in MINUTES_OPEN,
                "send_form": send_form or MinutesSendForm(),
                "can_send": meeting.status in MINUTES_HELD
                and (minutes is None or minutes.is_draft),
                "error": error,
            },
            status=status,
        )
    )


@confidential("regiobureau.meeting")
def minutes_edit(request, pk: int):
    """The secretariat's editor (GET only: every item's form posts to minutes_entry_save)."""
    meeting = secretariat_meeting(request, pk)
    return _editor(request, meeting)


@require_POST
@confidential("regiobureau.agendaitem")
def minutes_entry_save(request, pk: int):
    """Save one item's account: the status partial for htmx, a redirect without JS."""
    item = secretariat_item(request, pk)
    meeting = item.meeting
    minutes = minutes_for(meeting)
    row = next(
        r
        for r in minutes_rows(user=request.user, meeting=meeting, minutes=minutes)
        if r.item.pk == item.pk
    )
    form = MinutesEntryForm(request.POST, row=row)
    status, error, entry = OK, None, row.entry
    if not form.is_valid():
        status, error = INVALID, " ".join(e for errors in form.errors.values() for e in errors)
    else:
        try:
            entry = minutes_entry_save_service(
                actor=request.user,
                item=item,
                expected_version=form.cleaned_data["minutes_version"],
                text=form.cleaned_data["text"],
            )
        except StaleAgendaError as stale:
            status, error = STALE, error_text(stale)
            entry = minutes_entry_current(item=item)
        except ValidationError as refused:
            status, error = INVALID, error_text(refused)
    if request.htmx:
        context = {
            "item": item,
            "entry": entry,
            # After a refusal the next save starts from the version the form was loaded with.
            "version": form.data.get("minutes_version"),
            "error": error,
            "stale": status == STALE,
        }
        return vary_on_htmx(render(request, ENTRY_STATE, context, status=status))
    if status == OK:
        messages.success(
            request, _("The account of “%(title)s” has been saved.") % {"title": item.title}
        )
        url = reverse("minutes:minutes_edit", kwargs={"pk": meeting.pk})
        return vary_on_htmx(redirect(f"{url}#entry-{item.pk}"))
    if status == STALE:
        # The secretary's text stays, now on the current version, beside the saved one: a
        # knowing save again (as the agenda editor keeps the input after a conflict).
        data = request.POST.copy()
        data["minutes_version"] = str(entry.version if entry else 0)
        retry = MinutesEntryForm(data, row=row)
        saved = entry.text if entry else ""
        return _editor(
            request,
            meeting,
            status=status,
            forms={item.pk: retry},
            error=error,
            conflict={item.pk: saved},
        )
    return _editor(request, meeting, status=status, forms={item.pk: form}, error=error)


@require_POST
@confidential("regiobureau.meeting")
def minutes_send(request, pk: int):
    meeting = secretariat_meeting(request, pk)
    form = MinutesSendForm(request.POST)
    minutes = minutes_for(meeting)
    if minutes is None:
        form.add_error(
            None, _("Write an account of at least one agenda item before sending the minutes.")
        )
    elif form.is_valid():
        try:
            minutes_send_service(
                actor=request.user,
                minutes=minutes,
                comment_deadline=form.cleaned_data["comment_deadline"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, _("The draft minutes have been sent to the members for comments.")
            )
            return redirect("minutes:minutes_detail", pk=meeting.pk)
    return _editor(request, meeting, status=INVALID, send_form=form)


@require_POST
@confidential("regiobureau.meeting")
def minutes_comment(request, pk: int):
    """A member's comment on the draft (404 for anyone who may not comment)."""
    meeting, minutes = access_minutes(user=request.user, pk=pk)
    if minutes is None or not can_comment_minutes(request.user, meeting):
        raise Http404
    rows = minutes_rows(user=request.user, meeting=meeting, minutes=minutes)
    form = MinutesCommentForm(request.POST, rows=rows)
    if form.is_valid():
        try:
            minutes_comment_add(
                actor=request.user,
                minutes=minutes,
                entry=form.chosen_entry(),
                text=form.cleaned_data["text"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Your comment has been sent to the secretariat."))
            url = reverse("minutes:minutes_detail", kwargs={"pk": meeting.pk})
            return redirect(f"{url}#reacties")
    return _detail(request, meeting, minutes, comment_form=form, status=INVALID)


@require_POST
@confidential("regiobureau.meeting")
def minutes_adopt(request, pk: int):
    """Adopt the minutes at the body's next meeting, with the textual changes made there."""
    meeting = secretariat_meeting(request, pk)
    minutes = minutes_for(meeting)
    at_meeting = next_meeting_of_body(meeting)
    if minutes is None or at_meeting is None:
        messages.error(request, _("Minutes are adopted at the next meeting of the same body."))
        return redirect("minutes:minutes_detail", pk=meeting.pk)
    rows = minutes_rows(user=request.user, meeting=meeting, minutes=minutes)
    form = MinutesAdoptForm(request.POST, rows=rows)
    if not form.is_valid():
        return _detail(request, meeting, minutes, adopt_form=form, status=INVALID)
    try:
        minutes_adopt_service(
            actor=request.user, minutes=minutes, at_meeting=at_meeting, changes=form.changes()
        )
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("The minutes have been adopted."))
    return redirect("minutes:minutes_detail", pk=meeting.pk)


@confidential("regiobureau.meeting")
def minutes_history(request, pk: int):
    """Every saved version of every account: who, when, what."""
    meeting = secretariat_meeting(request, pk)
    minutes = minutes_for(meeting)
    return render(
        request,
        "minutes/history.html",
        {
            "meeting": meeting,
            "minutes": minutes,
            "revisions": minutes_revisions(minutes=minutes),
        },
    )
