"""What every view shares: htmx-aware caching, service errors as text, the version guard of a
form, the one way a stored file leaves the portal (`file_response`), the client's address
behind the proxy (`client_address`) and the marking of a confidential view (`confidential`)."""

import functools
import ipaddress
from urllib.parse import quote, urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect
from django.utils.cache import patch_vary_headers
from django.utils.http import content_disposition_header

from .access import NotFound
from .audit import audit_read


def client_address(request) -> str | None:
    """The address of the client, the one place that reads X-Forwarded-For.

    Behind `TRUSTED_PROXY_COUNT` proxies each appends the address it saw to X-Forwarded-For, so
    the client is the entry that many from the end; anything left of it may be forged by the
    client. With 0 proxies (or a header shorter than the proxy chain) the header is ignored and
    REMOTE_ADDR counts. Used by the login throttle (axes), allauth and the audit of reads."""
    count = settings.TRUSTED_PROXY_COUNT
    address = request.META.get("REMOTE_ADDR")
    if count > 0:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= count:
            address = forwarded[-count]
    try:
        return str(ipaddress.ip_address(address))
    except (TypeError, ValueError):
        return None


def login_name(request, credentials: dict | None = None) -> str:
    """The account a login attempt is for (django-axes): the admin's `username`, allauth's
    `login` or `email`, lower-cased as the User model stores it."""
    credentials = credentials or {}
    data = getattr(request, "POST", {}) if request is not None else {}
    for source, key in (
        (credentials, "email"),
        (credentials, "username"),
        (data, "login"),
        (data, "username"),
    ):
        value = source.get(key)
        if value:
            return str(value).strip().lower()
    return ""


def no_store(response):
    """Neither the browser nor a proxy keeps this answer (a confidential page or file)."""
    # no-store alone forbids keeping it (RFC 9111); Pragma for HTTP/1.0 caches.
    response["Cache-Control"] = "private, no-store"
    response["Pragma"] = "no-cache"
    return response


def confidential(subject: str | None = None, *, id_kwarg: str = "pk", when_marked: bool = False):
    """Mark a view that shows or serves something confidential; one marking per view.

    Its answers get `Cache-Control: no-store` and `Pragma: no-cache`. With `subject` (an
    "app_label.model" name) the read is written to the audit trail (who, what, when, client
    address) for the id in the URL keyword `id_kwarg`: a 2xx answer as a read, a 404 (the
    selector refused, or the id does not exist) as a refused attempt.

    A view that serves public and confidential things alike (a stuk's download, an agenda
    item's page) is marked `when_marked=True`: it sets `response.confidential = True` (as
    `file_response` does for a confidential file) when this answer shows something
    confidential; only then are no-store and the read record added. Refusals are always
    recorded."""

    def decorate(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            object_id = kwargs.get(id_kwarg) if subject else None

            def record(ok: bool) -> None:
                if object_id is not None:
                    audit_read(
                        request=request,
                        subject=subject,
                        object_id=object_id,
                        ok=ok,
                        client_address=client_address(request),
                    )

            try:
                response = view(request, *args, **kwargs)
            except (Http404, NotFound):
                record(False)
                raise
            if response.status_code == 404:
                record(False)
            sensitive = not when_marked or getattr(response, "confidential", False)
            if not sensitive:
                return response
            if 200 <= response.status_code < 300:
                record(True)
            return no_store(response)

        wrapper.confidential = True
        return wrapper

    return decorate


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
        response["X-Content-Type-Options"] = "nosniff"
        # Read by `@confidential(when_marked=True)`: this download is to be audited.
        response.confidential = confidential
        # The redirect holds a short-lived credential: nobody keeps it.
        return no_store(response)
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
    # Read by `@confidential(when_marked=True)`: this download is to be audited.
    response.confidential = confidential
    if confidential:
        return no_store(response)
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
