"""Whole pages kept in the process for the one who asked (issue 26).

Some pages are opened again and again while nothing on them changes: the secretary's agenda
editor, while she moves between it and an item's stukken. Rendering the page around its
cached content (the frame, the header of the meeting) was a third of such a request. A page
kept here is the rendered answer for one user at one moment of the portal: its key holds the
frame's key (`portal.frame_key`: the user, her roles, the to-do version that every audited
write bumps, the day, the counts, the page's name, the language) and the view's own key, which
must change with everything the view shows. The page's CSRF token is kept as a stand-in and
each answer gets its own request's token. Kept briefly (a write outside the services, which
bumps no version, shows within that time) and never when a message waits to be shown.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from django.contrib.messages import get_messages
from django.http import HttpResponse

from .csrf import request_token
from .portal import frame_key

PAGE_SECONDS = 30
_PAGES_BYTES = 32 * 1024 * 1024  # per process; then started afresh
_STAND_IN = "csrf-stand-in-page-5d2e81"
_pages: dict[tuple, tuple[float, str, int, list[tuple[str, str]]]] = {}
_pages_size = 0


def kept_page(request, key: tuple, render: Callable[[], HttpResponse]) -> HttpResponse:
    """The answer `render` makes for this request, kept under `key` and the frame's key."""
    frame = frame_key(request)
    if frame is None or request.method != "GET" or len(get_messages(request)):
        return render()
    full_key = (frame, str(request.user), key)
    now = time.monotonic()
    kept = _pages.get(full_key)
    if kept is not None and now < kept[0]:
        _until, html, status, headers = kept
        response = HttpResponse(html.replace(_STAND_IN, request_token(request)), status=status)
        for name, value in headers:
            response.headers[name] = value
        return response
    response = render()
    if response.status_code == 200 and not response.streaming and not response.cookies:
        html = response.content.decode(response.charset).replace(request_token(request), _STAND_IN)
        _keep(full_key, (now + PAGE_SECONDS, html, response.status_code, list(response.items())))
    return response


def _keep(key: tuple, page: tuple) -> None:
    global _pages_size
    size = len(page[1])
    if _pages_size + size > _PAGES_BYTES:
        forget_pages()
    _pages[key] = page
    _pages_size += size


def forget_pages() -> None:
    """Drop every kept page (tests; a full store)."""
    global _pages_size
    _pages.clear()
    _pages_size = 0
