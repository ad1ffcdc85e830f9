"""The agenda editor: the secretariat adds, changes, removes and reorders agenda items.

Every action is a plain form POST that works without JavaScript (answered with a redirect
back to the editor). The row buttons belong to one form (`#agenda-actions`) that carries the
agenda version once; agenda-editor.js posts every htmx request with that version. With htmx an
action answers only what changed: a move the two rows that traded places, an edit the edited
row, each with the new version (`#agenda-version`) and the announcement as out-of-band swaps.
Adding, removing and dragging renumber many rows and answer the editor partial
`meeting_editor.html#agenda`. A stale version is refused with 409 and the current editor
(optimistic locking): nothing the secretary did is lost without a message.
"""

import re

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from nhn_portal.core.csrf import request_token
from nhn_portal.core.forms import add_service_errors
from nhn_portal.core.http import error_text, posted_version, vary_on_htmx
from nhn_portal.core.pages import kept_page
from nhn_portal.core.release import cached_fragment
from regiobureau.constants import MeetingStatus
from regiobureau.forms.agenda import (
    AgendaItemForm,
    ReorderForm,
    choices_version,
    editor_choices,
)
from regiobureau.selectors.agenda import (
    agenda_rows,
    editor_version,
    flatten,
    secretariat_item_stamp,
)
from regiobureau.services.agenda import (
    agenda_item_create,
    agenda_item_delete,
    agenda_item_move,
    agenda_item_update,
)
from regiobureau.services.agenda import agenda_reorder as agenda_reorder_service
from regiobureau.services.guards import StaleAgendaError
from regiobureau.views.common import secretariat_item, secretariat_meeting

EDITOR = "regiobureau/meeting_editor.html"
# The cached #agenda partial lives this long at most; any write it shows changes its key.
EDITOR_CACHE_SECONDS = 60 * 60
_CSRF_STAND_IN = "csrf-stand-in-7f3a9c"
# The template's indentation and empty lines, 7 % of the 80-item editor: a run of white space
# with a line break becomes one line break (the same white space to the browser; the partial
# has no <pre>, and its one <textarea> is empty), once, when the partial is cached.
_BLANK_LINES = re.compile(r"\s*\n\s*")

# Status codes of the editor's answers; agenda-editor.js tells htmx to swap them too.
OK, INVALID, STALE = 200, 422, 409


def _fresh_data(data: QueryDict, meeting) -> QueryDict:
    """The secretary's input again, carrying the current version, to resubmit knowingly."""
    data = data.copy()
    data["agenda_version"] = str(meeting.agenda_version)
    return data


def _editor_context(meeting, rows, *, add_form=None, edit_form=None, editing=None):
    flat = flatten(rows)
    choices = editor_choices([row.item for row in flat])
    if add_form is None:
        add_form = AgendaItemForm(initial={"agenda_version": meeting.agenda_version}, **choices)
    return {
        "meeting": meeting,
        "rows": rows,
        "add_form": add_form,
        "edit_form": edit_form,
        "editing": editing,
        "item_count": len(flat),
        "editable": meeting.status not in (MeetingStatus.CLOSED, MeetingStatus.CANCELLED),
    }


def _render_editor(request, meeting, *, status=OK, error=None, notice=None, **forms):
    """The editor page, or only its #agenda partial for htmx. The partial as a plain visit
    shows it (no message, no form with input) comes from the cache."""
    if error is None and notice is None and not any(forms.values()):
        key = editor_cache_key(meeting)
        if request.htmx:
            return vary_on_htmx(HttpResponse(_cached_agenda(request, meeting, key), status=status))

        def render_page():
            context = {"meeting": meeting, "agenda_html": _cached_agenda(request, meeting, key)}
            return vary_on_htmx(render(request, EDITOR, context, status=status))

        # The whole page (its frame, the meeting's header) as this secretary last saw it, while
        # nothing changed: the key holds the agenda's and the frame's versions.
        return kept_page(request, ("editor", key), render_page) if status == OK else render_page()
    rows = agenda_rows(user=request.user, meeting=meeting, with_annotations=True)
    context = _editor_context(meeting, rows, **forms)
    context.update(error=error, notice=notice)
    template = f"{EDITOR}#agenda" if request.htmx else EDITOR
    return vary_on_htmx(render(request, template, context, status=status))


def editor_cache_key(meeting) -> str:
    """The editor's #agenda partial as the secretariat sees it (only the secretariat opens
    the editor): the meeting, a version that changes with every write the partial shows, the
    version of the person and dossier lists of its add form, and the language."""
    version = editor_version(meeting=meeting)
    return f"editor:{meeting.pk}:{get_language()}:{choices_version()}:{version}"


def _cached_agenda(request, meeting, key: str) -> str:
    """The #agenda partial from the cache (`key`: `editor_cache_key`), with this visitor's
    CSRF token filled in."""

    def render_partial() -> str:
        rows = agenda_rows(user=request.user, meeting=meeting, with_annotations=True)
        context = {**_editor_context(meeting, rows), "csrf_token": _CSRF_STAND_IN}
        return _BLANK_LINES.sub("\n", render_to_string(f"{EDITOR}#agenda", context))

    return _cached_with_token(request, key, render_partial)


def _cached_with_token(request, key: str, render_partial) -> str:
    """A partial rendered once (`render_partial`, with `_CSRF_STAND_IN` as its CSRF token) and
    kept under `key`, with this visitor's token filled in: the token is the only thing in the
    editor's partials of the visitor's own."""
    html = cached_fragment(key, render_partial, EDITOR_CACHE_SECONDS)
    return mark_safe(html.replace(_CSRF_STAND_IN, request_token(request)))  # noqa: S308 - ours


def _done(request, meeting, notice: str, *, anchor: str = ""):
    """After a successful change: the partial for htmx, a redirect (PRG) otherwise."""
    meeting.refresh_from_db(fields=["agenda_version", "status"])
    if request.htmx:
        return _render_editor(request, meeting, notice=notice)
    messages.success(request, notice)
    url = reverse("regiobureau:agenda_editor", kwargs={"pk": meeting.pk})
    return vary_on_htmx(redirect(f"{url}#{anchor}" if anchor else url))


def _sibling_lists(request, meeting) -> list[list]:
    """The agenda's lists of rows (the main items, the sub-items of each), numbered as on the
    whole agenda; a fixed number of queries."""
    rows = agenda_rows(user=request.user, meeting=meeting, with_annotations=True)
    return [rows, *(row.children for row in rows if row.children)]


def _answer(siblings: list, index: int) -> dict:
    """One row with its place among its siblings (the first has no Up, the last no Down)."""
    return {
        "row": siblings[index],
        "is_first": index == 0,
        "is_last": index == len(siblings) - 1,
    }


def _row_answer(request, meeting, pk: int) -> dict | None:
    for siblings in _sibling_lists(request, meeting):
        for index, row in enumerate(siblings):
            if row.item.pk == pk:
                return _answer(siblings, index)
    return None


def _partial_answer(request, meeting, partial: str, context: dict):
    """An answer of only what changed: htmx swaps nothing in place (`HX-Reswap: none`), every
    piece is out-of-band (the rows, the version, the announcement)."""
    context = {"meeting": meeting, "editable": True, **context}
    response = render(request, f"{EDITOR}#{partial}", context)
    response["HX-Reswap"] = "none"
    return vary_on_htmx(response)


def _stale(request, meeting_pk: int, error, **forms):
    meeting = secretariat_meeting(request, meeting_pk)
    return _render_editor(request, meeting, status=STALE, error=error_text(error), **forms)


def _refused(request, meeting, error: ValidationError, **forms):
    meeting.refresh_from_db(fields=["agenda_version", "status"])
    return _render_editor(request, meeting, status=INVALID, error=error_text(error), **forms)


def agenda_editor(request, pk: int):
    """The editor; with htmx and `?regel=<item>` only that item's row (cancelling an edit)."""
    meeting = secretariat_meeting(request, pk)
    line = request.GET.get("regel", "")
    if request.htmx and line.isdigit():
        answer = _row_answer(request, meeting, int(line))
        if answer is not None:
            context = {"meeting": meeting, "editable": True, "answer": answer}
            return vary_on_htmx(render(request, f"{EDITOR}#line_answer", context))
    return _render_editor(request, meeting)


def _cached_item_form(request, pk: int) -> str:
    """An item's edit form as the htmx partial opens it, from the cache: it is the same for
    every secretary until the item changes, the agenda changes (every agenda write raises
    its version; the parent list shows the main items) or a person or dossier is saved or
    removed: one query tells (`secretariat_item_stamp`). The item itself is loaded only to
    render the form."""
    stamp = secretariat_item_stamp(user=request.user, pk=pk)
    key = f"item-edit:{pk}:{get_language()}:{stamp}"

    def render_partial() -> str:
        item = secretariat_item(request, pk)
        meeting = item.meeting
        form = AgendaItemForm(
            initial={"agenda_version": meeting.agenda_version},
            item=item,
            **editor_choices(main_items(meeting)),
        )
        context = {"meeting": meeting, "form": form, "item": item, "editable": True}
        return render_to_string(f"{EDITOR}#item_edit", {**context, "csrf_token": _CSRF_STAND_IN})

    return _cached_with_token(request, key, render_partial)


def main_items(meeting) -> list:
    """The items a new or changed item can be put under: only what the choice list shows (an
    htmx partial must not load the whole agenda as the editor page does)."""
    return list(
        meeting.items.filter(parent=None).only("pk", "meeting_id", "parent_id", "position", "title")
    )


@require_POST
def item_create(request, pk: int):
    meeting = secretariat_meeting(request, pk)
    choices = editor_choices(main_items(meeting))
    form = AgendaItemForm(request.POST, **choices)
    if not form.is_valid():
        return _render_editor(request, meeting, status=INVALID, add_form=form)
    try:
        item = agenda_item_create(
            actor=request.user,
            meeting=meeting,
            expected_version=form.cleaned_data["agenda_version"],
            **form.service_kwargs(),
        )
    except StaleAgendaError as error:
        current = secretariat_meeting(request, pk)
        retry = AgendaItemForm(_fresh_data(request.POST, current), **choices)
        return _stale(request, pk, error, add_form=retry)
    except ValidationError as error:
        add_service_errors(form, error)
        return _render_editor(request, meeting, status=INVALID, add_form=form)
    return _done(
        request,
        meeting,
        _("Agenda item “%(title)s” has been added.") % {"title": item.title},
        anchor=f"item-{item.pk}",
    )


@require_http_methods(["GET", "POST"])
def item_edit(request, pk: int):
    """The edit form opens inside the item's row (htmx) or in the editor page (no JS)."""
    if request.method == "GET" and request.htmx:
        return vary_on_htmx(HttpResponse(_cached_item_form(request, pk)))
    item = secretariat_item(request, pk)
    meeting = item.meeting
    choices = editor_choices(main_items(meeting))
    if request.method == "GET":
        form = AgendaItemForm(
            initial={"agenda_version": meeting.agenda_version}, item=item, **choices
        )
        return _render_editor(request, meeting, edit_form=form, editing=item.pk)
    form = AgendaItemForm(request.POST, item=item, **choices)
    if not form.is_valid():
        return _edit_refused(request, meeting, form, item)
    old_parent = item.parent_id
    try:
        agenda_item_update(
            actor=request.user,
            item=item,
            expected_version=form.cleaned_data["agenda_version"],
            **form.service_kwargs(),
        )
    except StaleAgendaError as error:
        return _whole_editor(_stale(request, meeting.pk, error))
    except ValidationError as error:
        add_service_errors(form, error)
        return _edit_refused(request, meeting, form, item)
    notice = _("Agenda item “%(title)s” has been saved.") % {"title": item.title}
    item.refresh_from_db(fields=["parent"])
    if request.htmx and item.parent_id == old_parent:
        # Same place on the agenda: only this row changed (its number stays).
        meeting.refresh_from_db(fields=["agenda_version", "status"])
        answer = _row_answer(request, meeting, item.pk)
        response = render(
            request,
            f"{EDITOR}#line_answer",
            {"meeting": meeting, "editable": True, "answer": answer, "notice": notice},
        )
        return vary_on_htmx(response)
    return _whole_editor(_done(request, meeting, notice, anchor=f"item-{item.pk}"))


def _whole_editor(response):
    """The edit form targets its own row; an answer that renumbers rows takes the editor."""
    response["HX-Retarget"] = "#agenda-editor"
    response["HX-Reswap"] = "outerHTML"
    return response


def _edit_refused(request, meeting, form, item):
    """The edit form again with its messages: in the row (htmx) or in the editor page."""
    if request.htmx:
        context = {"meeting": meeting, "form": form, "item": item, "editable": True}
        return vary_on_htmx(render(request, f"{EDITOR}#item_edit", context, status=INVALID))
    return _render_editor(request, meeting, status=INVALID, edit_form=form, editing=item.pk)


@require_POST
def item_delete(request, pk: int):
    item = secretariat_item(request, pk)
    meeting = item.meeting
    title = item.title
    try:
        agenda_item_delete(actor=request.user, item=item, expected_version=posted_version(request))
    except StaleAgendaError as error:
        return _stale(request, meeting.pk, error)
    except ValidationError as error:
        return _refused(request, meeting, error)
    return _done(
        request, meeting, _("Agenda item “%(title)s” has been removed.") % {"title": title}
    )


@require_POST
def agenda_move(request, pk: int):
    """One place up or down: the keyboard and no-JS alternative to dragging (WCAG 2.5.7).
    One address for the whole agenda: a row's button names only the direction and its item
    (`up=<item>` or `down=<item>`), so the 80-item editor carries no address per button."""
    direction = "up" if "up" in request.POST else "down"
    item_pk = request.POST.get(direction, "")
    if not item_pk.isdigit():
        raise Http404
    item = secretariat_item(request, int(item_pk))
    if item.meeting_id != pk:
        raise Http404
    meeting = item.meeting
    try:
        agenda_item_move(
            actor=request.user,
            item=item,
            expected_version=posted_version(request),
            direction=direction,
        )
    except StaleAgendaError as error:
        return _stale(request, meeting.pk, error)
    except ValidationError as error:
        return _refused(request, meeting, error)
    notice = (
        _("“%(title)s” has been moved up.")
        if direction == "up"
        else _("“%(title)s” has been moved down.")
    ) % {"title": item.title}
    if not request.htmx:
        return _done(request, meeting, notice, anchor=f"item-{item.pk}")
    meeting.refresh_from_db(fields=["agenda_version", "status"])
    answers = _moved_rows(request, meeting, item, direction)
    return _partial_answer(
        request, meeting, "move_answer", {"answer_rows": answers, "notice": notice}
    )


def _moved_rows(request, meeting, item, direction: str) -> list[dict]:
    """The moved row and the one it traded places with, in agenda order."""
    for siblings in _sibling_lists(request, meeting):
        pks = [row.item.pk for row in siblings]
        if item.pk in pks:
            index = pks.index(item.pk)
            other = index + 1 if direction == "up" else index - 1
            places = sorted({index, other} & set(range(len(siblings))))
            return [_answer(siblings, place) for place in places]
    return []


@require_POST
def agenda_reorder(request, pk: int):
    """The order after a drag and drop (agenda-editor.js posts the ids of one list)."""
    meeting = secretariat_meeting(request, pk)
    form = ReorderForm(request.POST)
    bad_order = ValidationError(
        _("The new order does not name exactly the items of this agenda; nothing was moved.")
    )
    if not form.is_valid():
        return _refused(request, meeting, bad_order)
    parent = None
    if form.cleaned_data["parent"]:
        parent = meeting.items.filter(pk=form.cleaned_data["parent"]).first()
        if parent is None:
            return _refused(request, meeting, bad_order)
    try:
        agenda_reorder_service(
            actor=request.user,
            meeting=meeting,
            expected_version=form.cleaned_data["agenda_version"],
            ordered_ids=form.cleaned_data["order"],
            parent=parent,
        )
    except StaleAgendaError as error:
        return _stale(request, meeting.pk, error)
    except ValidationError as error:
        return _refused(request, meeting, error)
    return _done(request, meeting, _("The new order of the agenda has been saved."))
