"""The meeting's PDFs: the secretariat asks for them and follows their status; the
download views check the kind's rule (public agenda: anyone; members' PDF: only who may see
the confidential content, 404 for everyone else).

The status panel is a fragment (templates/regiobureau/_pdf_panel.html) included in the
meeting page and returned alone to htmx; it polls only while a job is waiting or running.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from nhn_portal.core.http import confidential, error_text, file_response, vary_on_htmx
from nhn_portal.core.production.selectors import (
    access_generated_document,
    access_generation_job,
    generated_document_current,
    generated_document_exists,
    generated_documents_of_kinds,
    production_entries,
)
from nhn_portal.core.production.services import (
    document_generation_request,
    document_generation_retry,
)
from regiobureau import permissions
from regiobureau.constants import (
    AGENDA,
    ANNOTATED_AGENDA,
    BUNDLE,
    DECISION_LIST,
    MEMBERS,
    PUBLIC,
)
from regiobureau.selectors.meetings import access_meeting
from regiobureau.services.meetings import public_agenda_pdf_ensure
from regiobureau.views.common import secretariat_meeting

PANEL = "regiobureau/_pdf_panel.html"


def pdf_panel_context(meeting) -> dict:
    """The panel's context: every registered document of the meeting (two queries)."""
    entries = production_entries(subject=meeting)
    return {
        "pdf_entries": entries,
        "pdf_polling": any(entry.is_pending for entry in entries),
    }


def public_agenda_pdf(user, meeting):
    """The newest public agenda PDF for the meeting page, once the reader sees the agenda."""
    if not permissions.can_see_agenda(user, meeting):
        return None
    return generated_document_current(subject=meeting, kind=AGENDA, audience=PUBLIC)


def public_decision_list_pdf(user, meeting):
    """The newest public besluitenlijst PDF once the reader sees the agenda (None while
    none is made, or the newest was withdrawn)."""
    if not permissions.can_see_agenda(user, meeting):
        return None
    document = generated_document_current(subject=meeting, kind=DECISION_LIST, audience=PUBLIC)
    return document if document is not None and document.withdrawn_at is None else None


def reading_pdfs(user, meeting):
    """The reading page's PDFs in one query: the newest members' annotated agenda (the page's
    own access rule already ran) and the bundle as `meeting_bundle_pdf` chooses it."""
    newest = _newest_per_audience(
        generated_documents_of_kinds(subject=meeting, kinds=(ANNOTATED_AGENDA, BUNDLE))
    )
    annotated = _first_shown(newest, ANNOTATED_AGENDA, [MEMBERS])
    bundle = None
    if permissions.can_see_agenda(user, meeting):
        bundle = _first_shown(newest, BUNDLE, _bundle_audiences(user, meeting))
    return annotated, bundle


def meeting_bundle_pdf(user, meeting):
    """The newest meeting bundle the reader may download, for the meeting and reading pages:
    the members' bundle for those inside the meeting, else the public one once the agenda
    is out; None while none is made (or the newest was withdrawn). One query."""
    if not permissions.can_see_agenda(user, meeting):
        return None
    newest = _newest_per_audience(generated_documents_of_kinds(subject=meeting, kinds=(BUNDLE,)))
    return _first_shown(newest, BUNDLE, _bundle_audiences(user, meeting))


def _bundle_audiences(user, meeting) -> list[str]:
    if permissions.can_see_confidential(user, meeting.body_id):
        return [MEMBERS, PUBLIC]
    return [PUBLIC]


def _newest_per_audience(documents) -> dict:
    """(kind, audience): the first, that is the newest, of `documents` (newest first)."""
    newest = {}
    for document in documents:
        newest.setdefault((document.kind, document.audience), document)
    return newest


def _first_shown(newest: dict, kind: str, audiences: list[str]):
    """The newest document of the first audience whose newest is not withdrawn, or None."""
    for audience in audiences:
        document = newest.get((kind, audience))
        if document is not None and document.withdrawn_at is None:
            return document
    return None


def _panel_or_page(request, meeting, *, error: str = ""):
    if request.htmx:
        context = {"meeting": meeting, "pdf_error": error, **pdf_panel_context(meeting)}
        return vary_on_htmx(render(request, PANEL, context))
    if error:
        messages.error(request, error)
    return vary_on_htmx(redirect(f"{meeting.get_absolute_url()}#pdf-documenten"))


@require_POST
def pdf_request(request, pk: int):
    """ "PDF maken": queue a job for one kind and audience."""
    meeting = secretariat_meeting(request, pk)
    try:
        document_generation_request(
            actor=request.user,
            subject=meeting,
            kind=request.POST.get("kind", ""),
            audience=request.POST.get("audience", ""),
        )
    except ValidationError as error:
        return _panel_or_page(request, meeting, error=error_text(error))
    if not request.htmx:
        messages.success(request, _("The PDF is being made. Reload the page to see its status."))
    return _panel_or_page(request, meeting)


@require_POST
def pdf_retry(request, pk: int, job_pk: int):
    """ "Opnieuw proberen" for a failed job."""
    meeting = secretariat_meeting(request, pk)
    job = access_generation_job(pk=job_pk, subject=meeting)
    try:
        document_generation_retry(actor=request.user, job=job)
    except ValidationError as error:
        return _panel_or_page(request, meeting, error=error_text(error))
    if not request.htmx:
        messages.success(request, _("The PDF is being made again."))
    return _panel_or_page(request, meeting)


def pdf_status(request, pk: int):
    """The status panel for htmx polling; without htmx, the meeting page at the panel."""
    meeting = secretariat_meeting(request, pk)
    return _panel_or_page(request, meeting)


# How long a reader waits before asking again for a PDF that is still being made.
RETRY_AFTER_SECONDS = 30


@login_not_required
def pdf_public_download(request, pk: int):
    """The newest public agenda PDF, for anyone who may see the published agenda. Publishing
    requests it; while the worker has not made it yet the reader gets a "wordt gemaakt" page
    (503 with Retry-After), never a 404 for a published agenda."""
    meeting = access_meeting(user=request.user, pk=pk)
    if permissions.can_see_agenda(request.user, meeting) and not generated_document_exists(
        subject=meeting, kind=AGENDA, audience=PUBLIC
    ):
        public_agenda_pdf_ensure(meeting=meeting)
        response = render(
            request,
            "regiobureau/pdf_pending.html",
            {"meeting": meeting, "retry_after": RETRY_AFTER_SECONDS},
            status=503,
        )
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        response["Cache-Control"] = "no-store"
        # An expected, passing state, not a server fault: keep it out of the error log.
        response._has_been_logged = True
        return response
    document = access_generated_document(
        user=request.user, subject=meeting, kind=AGENDA, audience=PUBLIC
    )
    return _file_response(document)


@login_not_required
def pdf_decision_list_public_download(request, pk: int):
    """The newest public besluitenlijst, for anyone who may see the published agenda; its
    producer reads the decisions as a visitor, so closed items never reach it."""
    meeting = access_meeting(user=request.user, pk=pk)
    document = access_generated_document(
        user=request.user, subject=meeting, kind=DECISION_LIST, audience=PUBLIC
    )
    return _file_response(document)


@login_not_required
def pdf_bundle_public_download(request, pk: int):
    """The newest public meeting bundle, for anyone who may see the published agenda."""
    meeting = access_meeting(user=request.user, pk=pk)
    document = access_generated_document(
        user=request.user, subject=meeting, kind=BUNDLE, audience=PUBLIC
    )
    return _file_response(document)


@confidential("regiobureau.meeting", when_marked=True)
def pdf_download(request, pk: int, kind: str, audience: str, version: int | None = None):
    """A meeting PDF of any kind and audience, newest or a given version, after the kind's
    access rule; 404 for a missing file and for a reader who may not see it alike."""
    meeting = access_meeting(user=request.user, pk=pk)
    document = access_generated_document(
        user=request.user, subject=meeting, kind=kind, audience=audience, version=version
    )
    return _file_response(document)


def _file_response(document):
    # A members' PDF (or any confidential one) must not stay behind in the browser's cache.
    confidential = document.audience != PUBLIC or document.confidential
    return file_response(
        document.file,
        filename=document.filename,
        content_type="application/pdf",
        confidential=confidential,
    )
