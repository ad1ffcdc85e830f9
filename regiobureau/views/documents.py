"""Stukken: upload to an agenda item, new versions, confidentiality, history and download.

Downloads go through `selectors.access_document_version`, so a vertrouwelijk stuk or a stuk
of a closed item is a 404 for everyone outside the body and the secretariat.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from nhn_portal.core.access import NotFound, require_secretariat
from nhn_portal.core.http import confidential, error_text, file_response
from regiobureau.forms.documents import ConfidentialityForm, DocumentUploadForm, DocumentVersionForm
from regiobureau.selectors.documents import (
    access_document,
    access_document_version,
    document_versions,
)
from regiobureau.selectors.documents import item_documents as item_documents_selector
from regiobureau.services.documents import (
    document_add_version,
    document_set_confidentiality,
    document_upload,
)
from regiobureau.views.common import secretariat_item


@confidential()
def item_documents(request, pk: int):
    """The stukken of an item, with the upload form; each file is stored (or refused) on its
    own, so one bad file does not cost the others."""
    item = secretariat_item(request, pk)
    form = DocumentUploadForm(request.POST or None, request.FILES or None, item=item)
    results: list[dict] = []
    status = 200
    if request.method == "POST" and form.is_valid():
        files = form.cleaned_data["files"]
        title = form.cleaned_data["title"] if len(files) == 1 else ""
        for upload in files:
            try:
                document_upload(
                    actor=request.user,
                    item=item,
                    title=title,
                    confidentiality=form.cleaned_data["confidentiality"],
                    upload=upload,
                )
            except ValidationError as error:
                results.append({"name": upload.name, "error": error_text(error)})
            else:
                results.append({"name": upload.name, "error": ""})
        stored = [r for r in results if not r["error"]]
        if len(stored) == len(results):
            messages.success(
                request,
                _("%(count)s file(s) have been added to “%(item)s”.")
                % {"count": len(stored), "item": item.title},
            )
            return redirect("regiobureau:item_documents", pk=item.pk)
        status = 400 if not stored else 200
    elif form.errors:
        status = 400
    return render(
        request,
        "regiobureau/document_list.html",
        {
            "item": item,
            "meeting": item.meeting,
            "documents": item_documents_selector(user=request.user, item=item),
            "form": form,
            "results": results,
        },
        status=status,
    )


def _secretariat_document(request, pk: int):
    require_secretariat(request.user)
    return access_document(user=request.user, pk=pk)


@confidential("regiobureau.document")
def document_detail(request, pk: int):
    """Version history (who, when, SHA-256) with the forms for a new version and openness."""
    document = _secretariat_document(request, pk)
    return _render_detail(request, document)


def _render_detail(request, document, *, version_form=None, status=200):
    item = document.agenda_item
    return render(
        request,
        "regiobureau/document_detail.html",
        {
            "document": document,
            "item": item,
            "meeting": item.meeting,
            "versions": document_versions(user=request.user, document=document),
            "version_form": version_form or DocumentVersionForm(),
            "confidentiality_form": ConfidentialityForm(
                initial={"confidentiality": document.confidentiality}
            ),
        },
        status=status,
    )


@require_POST
def document_version_upload(request, pk: int):
    document = _secretariat_document(request, pk)
    form = DocumentVersionForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            version = document_add_version(
                actor=request.user, document=document, upload=form.cleaned_data["file"]
            )
        except ValidationError as error:
            form.add_error("file", error_text(error))
        else:
            messages.success(
                request,
                _("Version %(number)s of “%(title)s” is now the current one.")
                % {"number": version.number, "title": document.title},
            )
            return redirect("regiobureau:document_detail", pk=document.pk)
    return _render_detail(request, document, version_form=form, status=400)


@require_POST
def document_confidentiality(request, pk: int):
    document = _secretariat_document(request, pk)
    form = ConfidentialityForm(request.POST)
    if form.is_valid():
        document_set_confidentiality(
            actor=request.user,
            document=document,
            confidentiality=form.cleaned_data["confidentiality"],
        )
        messages.success(request, _("The confidentiality has been saved."))
    else:
        messages.error(request, _("Choose public or confidential."))
    return redirect("regiobureau:document_detail", pk=document.pk)


@login_not_required
@confidential("regiobureau.document", when_marked=True)
def document_download(request, pk: int, number: int | None = None):
    """Stream a stuk as an attachment under its original name, after the access check."""
    version = access_document_version(user=request.user, document_pk=pk, number=number)
    # Confidential stukken must not stay behind in a shared cache or the browser's.
    return file_response(
        version.file,
        filename=version.original_name,
        content_type=version.content_type,
        confidential=version.document.is_confidential,
    )


@login_not_required
@confidential("regiobureau.document", when_marked=True)
def document_download_archival(request, pk: int):
    """The archival PDF/A copy of a stuk's current version, with the original's access check;
    404 until the copy is made."""
    version = access_document_version(user=request.user, document_pk=pk, number=None)
    if not version.archival_file:
        raise NotFound
    stem = version.original_name.rsplit(".", 1)[0]
    return file_response(
        version.archival_file,
        filename=f"{stem} (PDF-A).pdf",
        content_type="application/pdf",
        confidential=version.document.is_confidential,
    )
