"""What each app contributes to the portal's shared frame: navigation entries, and panels on
pages that gather from several apps (the overview, a dossier's page).

An app registers them in its own `portal` module (found by CoreConfig.ready), so the frame
(base.html, the overview in core) never imports an app above it, and a new app adds its pages
to the navigation without touching the frame.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .access import is_manager

# ---- Navigation ----------------------------------------------------------------------------


@dataclass(frozen=True)
class NavItem:
    key: str
    label: Any  # a lazy translation
    url_name: str | Callable[[Any], str]  # a URL name, or (user) → URL name
    order: int
    # (user) → shown to this user; None: every signed-in user.
    visible: Callable[[Any], bool] | None = None
    # (resolver match) → this entry is the current page (aria-current).
    current: Callable[[Any], bool] | None = None
    public: bool = False  # also shown to visitors without a login
    end: bool = False  # set apart at the end of the bar (management)


_NAV: dict[str, NavItem] = {}


def register_nav_item(item: NavItem) -> NavItem:
    """Add an entry to the main navigation (a second registration of a key replaces it)."""
    _NAV[item.key] = item
    return item


def in_namespace(namespace: str, *url_names: str) -> Callable[[Any], bool]:
    """A `current` rule: the page is in `namespace` (and, if given, one of `url_names`)."""

    def current(match) -> bool:
        if match is None or match.namespace != namespace:
            return False
        return not url_names or match.url_name in url_names

    return current


@dataclass(frozen=True)
class NavLink:
    label: Any
    url: str
    current: bool
    end: bool


def navigation_for(request) -> list[NavLink]:
    """The main navigation as this request's user sees it, in order."""
    user = getattr(request, "user", None)
    signed_in = bool(getattr(user, "is_authenticated", False))
    match = getattr(request, "resolver_match", None)
    links = []
    for item in sorted(_NAV.values(), key=lambda entry: (entry.end, entry.order)):
        if not signed_in and not item.public:
            continue
        if signed_in and item.visible is not None and not item.visible(user):
            continue
        url_name = item.url_name(user) if callable(item.url_name) else item.url_name
        current = bool(item.current and item.current(match))
        links.append(NavLink(item.label, reverse(url_name), current, item.end))
    return links


# ---- The public front page -----------------------------------------------------------------

_PUBLIC_HOME: list[Callable[[Any], Any]] = []


def register_public_home(view: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """The view `/` shows a visitor without a login (the public portal's front page); a higher
    app registers it, so core's `home` never imports it. A second registration replaces it."""
    _PUBLIC_HOME[:] = [view]
    return view


def public_home_view() -> Callable[[Any], Any] | None:
    return _PUBLIC_HOME[0] if _PUBLIC_HOME else None


# ---- Panels on shared pages ----------------------------------------------------------------


@dataclass(frozen=True)
class Panel:
    page: str  # "overview", "dossier", …
    name: str
    template: str  # included with the page's whole context
    # (request, **objects of the page) → the panel's context, merged into the page's; keys are
    # the panel's own, so two panels never write the same name.
    context: Callable[..., dict[str, Any]]
    order: int = 100
    slot: str = "main"  # where on the page: the page's template includes each slot's panels


_PANELS: dict[tuple[str, str], Panel] = {}


def register_panel(panel: Panel) -> Panel:
    _PANELS[(panel.page, panel.name)] = panel
    return panel


def page_panels(page: str, request, **objects: Any) -> tuple[dict[str, list[str]], dict]:
    """`page`'s panels as {slot: [template, …]} in order, and their merged context."""
    panels = sorted(
        (panel for (name, _key), panel in _PANELS.items() if name == page),
        key=lambda panel: (panel.order, panel.name),
    )
    slots: dict[str, list[str]] = {}
    context: dict[str, Any] = {}
    for panel in panels:
        own = panel.context(request, **objects)
        clash = set(own) & set(context)
        if clash:
            raise ValueError(f"Panel {panel.name!r} of {page!r} repeats {sorted(clash)}.")
        context.update(own)
        slots.setdefault(panel.slot, []).append(panel.template)
    return slots, context


# ---- The core's own entries ----------------------------------------------------------------


register_nav_item(
    NavItem(
        key="overview",
        label=_("Overview"),
        url_name="home",
        order=0,
        current=lambda match: (
            match is not None and not match.namespace and match.url_name == "home"
        ),
    )
)
register_nav_item(
    NavItem(
        key="management",
        label=_("Management"),
        url_name="admin:index",
        order=0,
        visible=is_manager,
        end=True,
    )
)


register_nav_item(
    NavItem(
        key="audit",
        label=_("Audit trail"),
        url_name="audit_log",
        order=90,
        visible=is_manager,
        current=lambda match: match is not None and match.url_name == "audit_log",
        end=True,
    )
)
