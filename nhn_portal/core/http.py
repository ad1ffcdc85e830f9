"""What every view shares: htmx-aware caching, service errors as text, the version guard of a
form, and the one way a stored file leaves the portal (`file_response`)."""

from urllib.parse import quote, urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect
from django.utils.cache import patch_vary_headers
from django.utils.http import content_disposition_header


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


def file_response(file, *, filename: str, content_type: str, confidential: bool) -> HttpResponse:
    """A stored file (a stuk, a generated PDF) as a download, after the caller's access check.

    The storage decides how the bytes travel, never the caller:
    - object storage (S3): a 302 to a presigned URL that lives `S3_URL_EXPIRE` seconds and
      makes the object store answer with our file name and content type; the object itself
      stays private;
    - files on disk behind nginx (`FILE_ACCEL_REDIRECT_PREFIX`): an empty response with
      `X-Accel-Redirect`, so nginx sends the file and no web worker waits on the client;
    - otherwise: the file streamed by Django.

    The same headers for every download: an attachment under the name from the database (never
    the storage name), `nosniff`, and never kept by a shared cache; a confidential file is not
    kept by the browser either. A file missing from disk is a 404, like a missing row.
    """
    storage = file.storage
    disposition = content_disposition_header(as_attachment=True, filename=filename)
    if is_object_storage(storage):
        url = storage.url(
            file.name,
            parameters={
                "ResponseContentDisposition": disposition,
                "ResponseContentType": content_type,
                "ResponseCacheControl": _cache_control(confidential),
            },
        )
        if settings.S3_PUBLIC_URL:
            # The signature covers the path and query, not the address the browser uses.
            parts = urlsplit(url)
            url = settings.S3_PUBLIC_URL.rstrip("/") + parts.path + "?" + parts.query
        response = HttpResponseRedirect(url)
        # The redirect holds a short-lived credential: nobody keeps it.
        response["Cache-Control"] = "private, no-store"
        response["X-Content-Type-Options"] = "nosniff"
        return response
    prefix = settings.FILE_ACCEL_REDIRECT_PREFIX
    if prefix and isinstance(storage, FileSystemStorage):
        if not storage.exists(file.name):
            raise Http404
        response = HttpResponse(content_type=content_type)
        response["X-Accel-Redirect"] = prefix.rstrip("/") + "/" + quote(file.name)
        response["Content-Disposition"] = disposition
    else:
        try:
            handle = file.open("rb")
        except FileNotFoundError as exc:
            raise Http404 from exc
        response = FileResponse(
            handle, as_attachment=True, filename=filename, content_type=content_type
        )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = _cache_control(confidential)
    return response


def _cache_control(confidential: bool) -> str:
    return "private, no-store" if confidential else "private, max-age=0"


def is_object_storage(storage) -> bool:
    try:
        from storages.backends.s3 import S3Storage
    except ImportError:  # pragma: no cover - django-storages is a dependency
        return False
    return isinstance(storage, S3Storage)
