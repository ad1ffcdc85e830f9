"""The pdf.js viewer page of a stuk or a generated PDF, the file it reads, one's personal notes
on its pages (made, changed and deleted from the viewer, with htmx or plain forms) and their
export per meeting.

Access is the download's: a stuk through `access_document_version`, a generated PDF through its
kind's rule (`access_generated_document`), so what cannot be downloaded cannot be read here
either (404). The page always carries `no-store`: it shows one's private notes."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from nhn_portal.core.forms import add_service_errors
from nhn_portal.core.http import confidential, error_text, file_response, no_store, vary_on_htmx
from nhn_portal.core.production.registry import document_kind
from regiobureau import permissions
from regiobureau.constants import PUBLIC
from regiobureau.models.meetings import Meeting
from regiobureau.selectors.meetings import access_meeting
from viewer.forms import PageNoteForm, PageNoteTextForm
from viewer.selectors import (
    access_note,
    notes_for_generated,
    notes_for_meeting,
    notes_for_version,
    readable_document_version,
    readable_generated_document,
)
from viewer.services import (
    document_opened,
    page_note_create,
    page_note_delete,
    page_note_update,
)

READER = "viewer/reader.html"
NOTES = "viewer/_notes.html"


def _initial_page(request) -> int:
    try:
        return max(1, int(request.GET.get("pagina", "1")))
    except ValueError:
        return 1


@confidential("regiobureau.document", when_marked=True)
def document_read(request, pk: int):
    """A stuk in the viewer; opening it marks its agenda item as read."""
    version = readable_document_version(user=request.user, document_pk=pk)
    document = version.document
    item = document.agenda_item
    meeting = item.meeting
    document_opened(actor=request.user, version=version)
    download_url = reverse("regiobureau:document_download", kwargs={"pk": document.pk})
    response = render(
        request,
        READER,
        {
            "title": document.title,
            "version_number": version.number,
            "meeting": meeting,
            "item": item,
            "is_confidential": document.is_confidential or not item.is_public,
            "file_url": download_url,
            "download_url": download_url,
            "back_url": _back_url(request.user, meeting, item),
            "initial_page": _initial_page(request),
            "note_create_url": reverse("viewer:document_note_create", kwargs={"pk": document.pk}),
            **_notes_context(notes_for_version(user=request.user, version=version)),
        },
    )
    response.confidential = document.is_confidential or not item.is_public
    return no_store(response)


@confidential("core.generateddocument", when_marked=True)
def generated_read(request, pk: int):
    """A generated PDF (agenda, annotated agenda, besluitenlijst, verslag, …) in the viewer."""
    document = readable_generated_document(user=request.user, pk=pk)
    meeting = document.subject if isinstance(document.subject, Meeting) else None
    file_url = reverse("viewer:generated_file", kwargs={"pk": document.pk})
    definition = document_kind(document.kind)
    response = render(
        request,
        READER,
        {
            "title": document.title,
            "kind_label": definition.label if definition else "",
            "version_number": document.version,
            "meeting": meeting,
            "is_confidential": _generated_confidential(document),
            "file_url": file_url,
            "download_url": file_url,
            "back_url": _back_url(request.user, meeting, None) if meeting else "",
            "initial_page": _initial_page(request),
            "note_create_url": reverse("viewer:generated_note_create", kwargs={"pk": document.pk}),
            **_notes_context(notes_for_generated(user=request.user, document=document)),
        },
    )
    response.confidential = _generated_confidential(document)
    return no_store(response)


@confidential("core.generateddocument", when_marked=True)
def generated_file(request, pk: int):
    """The file of a generated PDF, for the viewer and its download link."""
    document = readable_generated_document(user=request.user, pk=pk)
    return file_response(
        document.file,
        filename=document.filename,
        content_type="application/pdf",
        confidential=_generated_confidential(document),
    )


def _generated_confidential(document) -> bool:
    return document.audience != PUBLIC or document.confidential


def _back_url(user, meeting, item) -> str:
    if meeting is None:
        return ""
    if permissions.can_read_annotations(user, meeting):
        url = reverse("regiobureau:meeting_reading", kwargs={"pk": meeting.pk})
        return f"{url}#item-{item.pk}" if item is not None else url
    return meeting.get_absolute_url()


def _notes_context(notes, form=None, edit_errors=None) -> dict:
    return {
        # Folders, which the manifest of hashed static names does not list: pdf.js asks for
        # the files in them by their own names, which collectstatic keeps as well.
        "pdfjs_fonts_url": f"{settings.STATIC_URL}vendor/pdfjs-fonts/",
        "pdfjs_cmaps_url": f"{settings.STATIC_URL}vendor/pdfjs-cmaps/",
        "notes": notes,
        "note_form": form or PageNoteForm(),
        "note_errors": edit_errors or {},
    }


# ---- Notes ---------------------------------------------------------------------------------


def _notes_answer(
    request,
    *,
    target_url: str,
    create_url: str,
    notes,
    form=None,
    status=200,
    page: int | None = None,
    edit_errors=None,
):
    """htmx: the notes panel alone; otherwise back to the viewer at the page of the note."""
    if request.htmx:
        context = {"note_create_url": create_url, **_notes_context(notes, form, edit_errors)}
        return vary_on_htmx(no_store(render(request, NOTES, context, status=status)))
    if status != 200 and form is not None:
        messages.error(request, " ".join(" ".join(errors) for errors in form.errors.values()))
    suffix = f"?pagina={page}" if page else ""
    return vary_on_htmx(redirect(f"{target_url}{suffix}#notities"))


def _create(request, *, version=None, generated=None, target_url: str, create_url: str, notes):
    form = PageNoteForm(request.POST)
    status = 200
    page = None
    if form.is_valid():
        page = form.cleaned_data["page"]
        try:
            page_note_create(
                actor=request.user,
                page=page,
                text=form.cleaned_data["text"],
                version=version,
                generated=generated,
            )
        except ValidationError as error:
            add_service_errors(form, error)
            status = 422
        else:
            form = PageNoteForm(initial={"page": page})
    else:
        status = 422
    return _notes_answer(
        request,
        target_url=target_url,
        create_url=create_url,
        notes=notes(),
        form=form,
        status=status,
        page=page,
    )


@require_POST
def document_note_create(request, pk: int):
    version = readable_document_version(user=request.user, document_pk=pk)
    return _create(
        request,
        version=version,
        target_url=reverse("viewer:document_read", kwargs={"pk": pk}),
        create_url=reverse("viewer:document_note_create", kwargs={"pk": pk}),
        notes=lambda: notes_for_version(user=request.user, version=version),
    )


@require_POST
def generated_note_create(request, pk: int):
    document = readable_generated_document(user=request.user, pk=pk)
    return _create(
        request,
        generated=document,
        target_url=reverse("viewer:generated_read", kwargs={"pk": pk}),
        create_url=reverse("viewer:generated_note_create", kwargs={"pk": pk}),
        notes=lambda: notes_for_generated(user=request.user, document=document),
    )


def _note_target(request, note):
    """The viewer and create URLs of a note's file, and its notes; the file must still be
    readable by its owner (404 otherwise)."""
    if note.document_version_id:
        document_pk = note.document_version.document_id
        version = readable_document_version(user=request.user, document_pk=document_pk)
        # The note of an earlier version stays its own; the panel shows the current one's.
        return (
            reverse("viewer:document_read", kwargs={"pk": document_pk}),
            reverse("viewer:document_note_create", kwargs={"pk": document_pk}),
            lambda: notes_for_version(user=request.user, version=version),
        )
    document = readable_generated_document(user=request.user, pk=note.generated_document_id)
    return (
        reverse("viewer:generated_read", kwargs={"pk": document.pk}),
        reverse("viewer:generated_note_create", kwargs={"pk": document.pk}),
        lambda: notes_for_generated(user=request.user, document=document),
    )


@require_POST
def note_update(request, pk: int):
    note = access_note(user=request.user, pk=pk)
    target_url, create_url, notes = _note_target(request, note)
    form = PageNoteTextForm(request.POST)
    status, edit_errors = 200, {}
    if form.is_valid():
        try:
            page_note_update(actor=request.user, note=note, text=form.cleaned_data["text"])
        except ValidationError as error:
            edit_errors = {note.pk: error_text(error)}
            status = 422
    else:
        edit_errors = {note.pk: " ".join(form.errors.get("text", []))}
        status = 422
    if status != 200 and not request.htmx:
        messages.error(request, edit_errors[note.pk])
    return _notes_answer(
        request,
        target_url=target_url,
        create_url=create_url,
        notes=notes(),
        status=status,
        page=note.page,
        edit_errors=edit_errors,
    )


@require_POST
def note_delete(request, pk: int):
    note = access_note(user=request.user, pk=pk)
    target_url, create_url, notes = _note_target(request, note)
    page = note.page
    page_note_delete(actor=request.user, note=note)
    return _notes_answer(
        request, target_url=target_url, create_url=create_url, notes=notes(), page=page
    )


# ---- Export --------------------------------------------------------------------------------


@confidential("regiobureau.meeting")
def notes_export(request, pk: int):
    """One's own notes on a meeting's stukken and PDFs as a Markdown file."""
    meeting = access_meeting(user=request.user, pk=pk)
    files = notes_for_meeting(user=request.user, meeting=meeting)
    date = timezone.localtime(meeting.starts_at)
    lines = [
        "# " + _("My notes: %(meeting)s") % {"meeting": meeting},
        "",
        _("Exported on %(date)s.")
        % {"date": date_format(timezone.localtime(), "j F Y, H.i \\u\\u\\r")},
        "",
    ]
    if not files:
        lines.append(_("You have no notes for this meeting."))
    for noted in files:
        lines += [
            "",
            "## "
            + _("%(title)s (version %(version)s)")
            % {"title": noted.title, "version": noted.version},
            "",
        ]
        for note in noted.notes:
            text = note.text.replace("\r\n", "\n").replace("\n", "\n  ")
            lines.append(f"- {_('Page %(page)s') % {'page': note.page}}: {text}")
    body = "\n".join(lines) + "\n"
    response = HttpResponse(body, content_type="text/markdown; charset=utf-8")
    filename = f"notities-{meeting.body.slug}-{date:%Y-%m-%d}.md"
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=filename
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
