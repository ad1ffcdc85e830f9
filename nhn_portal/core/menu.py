"""The menu's cost per request, cut (issue 26): the entries' URLs and the rendered menu are
remembered in the process, since both are the same for every request with the same menu.
A profile of a page with nothing but the frame put 33 reverse() calls and the template's loops
over the menu's groups at about 0.8 ms of its 3.7 ms (bench/README.md). The menu's entries and
groups themselves are registered in `nhn_portal.core.portal`.
"""

from __future__ import annotations

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

_URLS: dict[tuple, str] = {}
_MENUS: dict[tuple, str] = {}
_MENUS_KEPT = 512  # distinct menus (roles x current page x counts) kept; then started afresh


def entry_url(url_name: str) -> str:
    """reverse() of a menu entry (a URL name without arguments), once per URL configuration
    and script prefix."""
    key = (url_name, get_urlconf(), get_script_prefix())
    url = _URLS.get(key)
    if url is None:
        url = _URLS[key] = reverse(url_name)
    return url


def navigation_html(sections: list) -> str:
    """The menu (components/navigation.html) for these sections (`portal.NavSection`s),
    rendered once per distinct menu: the key holds everything the template shows (labels,
    URLs, the current page, counts) and the language. Not remembered with DEBUG, so an edited
    template shows at once."""
    if not sections:
        return ""
    key = (
        get_language(),
        tuple(
            (
                section.key,
                str(section.label),
                section.end,
                section.count,
                section.current,
                tuple(
                    (str(link.label), link.url, link.current)
                    for link in ([section.link] if section.link else section.links)
                ),
            )
            for section in sections
        ),
    )
    html = _MENUS.get(key)
    if html is None:
        html = render_to_string("components/navigation.html", {"navigation": sections})
        if not settings.DEBUG:
            if len(_MENUS) >= _MENUS_KEPT:
                _MENUS.clear()
            _MENUS[key] = html
    return mark_safe(html)  # noqa: S308 - rendered by our own template, escaped there
