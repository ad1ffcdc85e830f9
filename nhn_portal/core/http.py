"""What every view shares: htmx-aware caching, service errors as text, the version guard of a
form, and the one way a stored file leaves the portal (`file_response`)."""

from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.utils.cache import patch_vary_headers


def vary_on_htmx(response):
    """Pages that answer htmx with a partial must not share a cache entry with the page."""
    patch_vary_headers(response, ["HX-Request"])
    return response


def error_text(error: ValidationError) -> str:
    """A service's ValidationError as one sentence (or several) for a message."""
    return " ".join(str(message) for message in error.messages)


def posted_version(request, name: str = "agenda_version") -> int:
    """The version a form was loaded with; a missing or unreadable one counts as stale (0),
    so a form without the guard can never overwrite someone else's change."""
    raw = request.POST.get(name)
    try:
        return int(raw)
    except (TypeError, ValueError):
        return 0


def file_response(file, *, filename: str, content_type: str, confidential: bool) -> FileResponse:
    """A stored file (a stuk, a generated PDF) as a download, after the caller's access check.

    The same headers for every download: an attachment under the name from the database (never
    the storage name), `nosniff`, and never kept by a shared cache; a confidential file is not
    kept by the browser either. A file missing from storage is a 404, like a missing row.
    """
    try:
        handle = file.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    response = FileResponse(
        handle, as_attachment=True, filename=filename, content_type=content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store" if confidential else "private, max-age=0"
    return response
