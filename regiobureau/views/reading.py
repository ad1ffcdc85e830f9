"""The bestuurder's reading room: the annotated agenda with stukken, "gelezen" marks and a
comment thread per annotation; and the public page of one agenda item."""

import re
from types import SimpleNamespace

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from nhn_portal.core.http import confidential, error_text, vary_on_htmx
from nhn_portal.core.portal import page_panels, todo_counts_oob
from nhn_portal.core.release import cached_fragment
from regiobureau import permissions
from regiobureau.forms.annotations import CommentForm
from regiobureau.selectors.actions import open_actions_for_meeting, open_actions_version
from regiobureau.selectors.agenda import (
    access_agenda_item,
    agenda_rows,
    flatten,
    number_items,
    reading_audience,
    reading_version,
)
from regiobureau.selectors.annotations import (
    access_annotation,
    access_comment,
    annotation_comments_for_meeting,
    annotation_for_item,
    annotation_thread,
    open_comments_for,
    read_item_ids,
)
from regiobureau.selectors.documents import item_documents
from regiobureau.selectors.meetings import access_meeting
from regiobureau.services.annotations import (
    annotation_comment_add,
    annotation_comment_resolve,
    read_mark_set,
)
from regiobureau.views.pdfs import reading_pdfs

READING = "regiobureau/meeting_reading.html"


# The cached list of items lives this long at most; any write that changes it changes its key.
READING_CACHE_SECONDS = 60 * 60
_TOGGLE = re.compile(r"<!--rt(\d+)-->")
_SENTINEL = 918273645  # stands in for an item's id in the two rendered read buttons


def reading_cache_key(*, user, meeting) -> str:
    """The cache key of a meeting's list of items on the reading page: the meeting, a version
    that changes with every write that affects the list, the reader's audience (the body's
    own version or the public one) and the language."""
    version = reading_version(user=user, meeting=meeting)
    audience = reading_audience(user=user, meeting=meeting)
    actions = open_actions_version(meeting=meeting)
    return f"reading:{meeting.pk}:{audience}:{get_language()}:{version}:{actions}"


def _reading_list(request, meeting) -> dict:
    """The rendered list of items for the reader's audience, from the cache when it is fresh.
    Nothing in it depends on the reader herself; her read buttons are filled in afterwards."""

    def render_list() -> dict:
        rows = agenda_rows(user=request.user, meeting=meeting)
        html = render_to_string(f"{READING}#reading_list", {"rows": rows}) if rows else ""
        if "<!--actions-->" in html:
            # The open actions under the "Actielijst" item: the same for every reader of the
            # page (all inside the body; the key has their version).
            actions = render_to_string(
                "regiobureau/_action_carryover.html",
                {"actions": open_actions_for_meeting(user=request.user, meeting=meeting)},
            )
            html = html.replace("<!--actions-->", actions)
        return {"html": html, "items": [row.item.pk for row in flatten(rows)]}

    key = reading_cache_key(user=request.user, meeting=meeting)
    return cached_fragment(key, render_list, READING_CACHE_SECONDS)


def _fill_reader(listing: dict, read_ids: set[int], can_act: bool) -> str:
    """The cached list with this reader's "gelezen" buttons and state."""
    html = listing["html"]
    buttons = {}
    if can_act:
        # Rendered without the request: the button needs no context processor (its CSRF token
        # is in the page's one hidden form), so the context processors do not run twice more.
        fake = SimpleNamespace(pk=_SENTINEL)
        for is_read in (False, True):
            buttons[is_read] = render_to_string(
                f"{READING}#read_toggle", {"item": fake, "is_read": is_read, "lean": True}
            )
    sentinel = str(_SENTINEL)

    def toggle(match) -> str:
        if not can_act:
            return ""
        pk = int(match.group(1))
        return buttons[pk in read_ids].replace(sentinel, match.group(1))

    html = _TOGGLE.sub(toggle, html)
    for pk in read_ids:
        html = html.replace(
            f'<article class="rb-reading-item" id="item-{pk}"',
            f'<article class="rb-reading-item rb-reading-item--read" id="item-{pk}"',
            1,
        )
    return mark_safe(html)  # noqa: S308 - rendered by our own templates, escaped there


@confidential("regiobureau.meeting")
def meeting_reading(request, pk: int):
    """The annotated agenda: for members of the body and the secretariat only (else 404).
    One lean row per item (cached per agenda version and audience); an item's annotation,
    stukken and thread load on demand (`item_reading`)."""
    meeting = access_meeting(user=request.user, pk=pk)
    if not permissions.can_read_annotations(request.user, meeting):
        raise Http404
    listing = _reading_list(request, meeting)
    # An assistant reading for a member (gremia.Delegation) only reads.
    can_act = permissions.can_act_as_member(request.user, meeting.body_id)
    read_ids = read_item_ids(user=request.user, meeting=meeting) & set(listing["items"])
    # Higher apps add to the page (the viewer: "read in the browser" and one's own notes).
    slots, panels = page_panels("reading", request, meeting=meeting)
    annotated_pdf, bundle_pdf = reading_pdfs(request.user, meeting)
    return render(
        request,
        READING,
        {
            "meeting": meeting,
            "reading_list": _fill_reader(listing, read_ids, can_act),
            "read_count": len(read_ids),
            "item_count": len(listing["items"]),
            "annotated_pdf": annotated_pdf,
            "bundle_pdf": bundle_pdf,
            "can_manage": permissions.can_manage_meetings(request.user),
            "can_act": can_act,
            "slots": slots,
            **panels,
        },
    )


@confidential("regiobureau.agendaitem")
def item_reading(request, pk: int):
    """One item's annotation, stukken and comment thread for a reader of the annotated agenda:
    the part of the reading page loaded on demand (htmx), or a page of its own."""
    item = access_agenda_item(user=request.user, pk=pk)
    meeting = item.meeting
    if not permissions.can_read_annotations(request.user, meeting):
        raise Http404
    annotation = annotation_for_item(user=request.user, item=item)
    slots, panels = page_panels("item", request, item=item)
    context = {
        "item": item,
        "meeting": meeting,
        "annotation": annotation,
        "thread": annotation_thread(user=request.user, annotation=annotation) if annotation else [],
        "documents": item_documents(user=request.user, item=item),
        "comment_form": CommentForm(),
        "can_manage": permissions.can_manage_meetings(request.user),
        "can_act": permissions.can_act_as_member(request.user, meeting.body_id),
        "slots": slots,
        **panels,
    }
    if request.htmx:
        return vary_on_htmx(render(request, f"{READING}#item_more", context))
    return vary_on_htmx(render(request, "regiobureau/agenda_item_reading.html", context))


@login_not_required
@confidential("regiobureau.agendaitem", when_marked=True)
def item_detail(request, pk: int):
    """One agenda item with its stukken; a closed item is a 404 outside the body."""
    item = access_agenda_item(user=request.user, pk=pk)
    meeting = item.meeting
    can_read = permissions.can_read_annotations(request.user, meeting)
    annotation = annotation_for_item(user=request.user, item=item) if can_read else None
    # meeting_id too: without it, Django loads the deferred key once per item (an N+1).
    items = meeting.items.only("pk", "meeting_id", "parent_id", "position")
    numbers = number_items(list(items))
    slots, panels = page_panels("item", request, item=item)
    response = render(
        request,
        "regiobureau/agenda_item_detail.html",
        {
            "item": item,
            "meeting": meeting,
            "number": numbers.get(item.pk, ""),
            "documents": item_documents(user=request.user, item=item),
            "annotation": annotation,
            "can_read": can_read,
            "can_manage": permissions.can_manage_meetings(request.user),
            "slots": slots,
            **panels,
        },
    )
    # A closed item, or an annotation shown to a member: confidential (no-store, audited).
    response.confidential = not item.is_public or annotation is not None
    return response


def _reading_url(item) -> str:
    url = reverse("regiobureau:meeting_reading", kwargs={"pk": item.meeting_id})
    return f"{url}#item-{item.pk}"


def _item_part_url(item) -> str:
    """Where a reader without JavaScript responds: the item's part as a page of its own."""
    return reverse("regiobureau:item_reading", kwargs={"pk": item.pk})


@require_POST
def item_read(request, pk: int):
    """Toggle the reader's "gelezen" mark; htmx swaps only the button."""
    item = access_agenda_item(user=request.user, pk=pk)
    if not permissions.can_read_annotations(request.user, item.meeting):
        raise Http404
    if not permissions.can_act_as_member(request.user, item.meeting.body_id):
        raise Http404  # an assistant reads, she does not mark on the member's behalf
    is_read = request.POST.get("read") == "1"
    read_mark_set(actor=request.user, item=item, read=is_read)
    if request.htmx:
        response = render(request, f"{READING}#read_toggle", {"item": item, "is_read": is_read})
        # The counters follow out of band: the page's read progress and the menu's badges.
        listing = _reading_list(request, item.meeting)
        read_ids = read_item_ids(user=request.user, meeting=item.meeting)
        progress = render_to_string(
            f"{READING}#read_progress",
            {
                "read_count": len(read_ids & set(listing["items"])),
                "item_count": len(listing["items"]),
                "oob": True,
            },
            request=request,
        )
        response.content += (progress + todo_counts_oob(request)).encode()
        return vary_on_htmx(response)
    return vary_on_htmx(redirect(_reading_url(item)))


@require_POST
def comment_add(request, pk: int):
    """A member's (or the secretary's) response to an annotation."""
    annotation = access_annotation(user=request.user, item_pk=pk)
    item = annotation.agenda_item
    if not permissions.can_act_as_member(request.user, item.meeting.body_id):
        raise Http404  # an assistant reads, she does not respond on the member's behalf
    form = CommentForm(request.POST)
    status = 200
    if form.is_valid():
        try:
            annotation_comment_add(
                actor=request.user, annotation=annotation, text=form.cleaned_data["text"]
            )
        except ValidationError as error:
            form.add_error("text", error_text(error))
            status = 422
        else:
            form = CommentForm()
    else:
        status = 422
    if request.htmx:
        meeting = access_meeting(user=request.user, pk=item.meeting_id)
        threads = annotation_comments_for_meeting(user=request.user, meeting=meeting)
        context = {
            "annotation": annotation,
            "item": item,
            "thread": threads.get(annotation.pk, []),
            "comment_form": form,
            "can_manage": permissions.can_manage_meetings(request.user),
            "can_act": True,
        }
        return vary_on_htmx(render(request, f"{READING}#thread", context, status=status))
    if status == 200:
        messages.success(request, _("Your response has been added."))
    else:
        messages.error(request, " ".join(form.errors.get("text", [])))
    return vary_on_htmx(redirect(_item_part_url(item)))


@require_POST
def comment_resolve(request, pk: int):
    """The author or the secretariat marks a response as handled."""
    comment = access_comment(user=request.user, pk=pk)
    if comment.author_id != request.user.pk and not permissions.is_secretariat(request.user):
        raise Http404
    annotation_comment_resolve(actor=request.user, comment=comment)
    messages.success(request, _("The response has been marked as handled."))
    next_url = request.POST.get("next", "")
    if next_url == "mine":
        return redirect("regiobureau:my_comments")
    return redirect(_item_part_url(comment.annotation.agenda_item))


def my_comments(request):
    """My responses that are still open, across all meetings."""
    return render(
        request,
        "regiobureau/comment_mine.html",
        {"comments": open_comments_for(user=request.user)},
    )
