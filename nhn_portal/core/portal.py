"""What each app contributes to the portal's shared frame: navigation entries, and panels on
pages that gather from several apps (the overview, a dossier's page).

An app registers them in its own `portal` module (found by CoreConfig.ready), so the frame
(base.html, the overview in core) never imports an app above it, and a new app adds its pages
to the navigation without touching the frame.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.template.loader import render_to_string
from django.urls import get_script_prefix, get_urlconf
from django.utils import timezone
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from .access import is_manager
from .menu import entry_url, navigation_html

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
    # The menu group (NavGroup.key) the entry is listed under; "" for a top-level link.
    group: str = ""


@dataclass(frozen=True)
class NavGroup:
    """A top-level entry of the menu that discloses its entries (at most 8 per role)."""

    key: str
    label: Any
    order: int
    end: bool = False  # set apart at the end (management)


_NAV: dict[str, NavItem] = {}
_GROUPS: dict[str, NavGroup] = {}


def register_nav_group(group: NavGroup) -> NavGroup:
    _GROUPS[group.key] = group
    return group


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
    group: str = ""
    order: int = 0


@dataclass(frozen=True)
class NavSection:
    """A top-level entry as the user sees it: a group with its links (`links`), or one link
    (`link`, for an entry without a group). `count`: the to-do lines waiting in the group."""

    key: str
    label: Any
    end: bool
    link: NavLink | None = None
    links: list[NavLink] = field(default_factory=list)
    count: int = 0

    @property
    def current(self) -> bool:
        if self.link is not None:
            return self.link.current
        return any(link.current for link in self.links)


@dataclass(frozen=True)
class PageName:
    """What a `current` rule reads of the page: its namespace and URL name, not its
    arguments, so one menu serves every page of the same name (`menu_html`)."""

    namespace: str
    url_name: str | None


def page_of(request) -> PageName | None:
    match = getattr(request, "resolver_match", None)
    return None if match is None else PageName(match.namespace, match.url_name)


def navigation_for(request) -> list[NavLink]:
    """The main navigation as this request's user sees it, in order (flat; the menu groups
    them with `navigation_groups`)."""
    user = getattr(request, "user", None)
    signed_in = bool(getattr(user, "is_authenticated", False))
    page = page_of(request)
    links = []
    for item in sorted(_NAV.values(), key=lambda entry: (entry.end, entry.order)):
        if not signed_in and not item.public:
            continue
        if signed_in and item.visible is not None and not item.visible(user):
            continue
        url_name = item.url_name(user) if callable(item.url_name) else item.url_name
        current = bool(item.current and item.current(page))
        links.append(
            NavLink(item.label, entry_url(url_name), current, item.end, item.group, item.order)
        )
    return links


def navigation_groups(request, counts: dict[str, int] | None = None) -> list[NavSection]:
    """The menu: the user's entries in their groups (a group without entries for this user is
    left out), the top-level links in between, the management group at the end. `counts`:
    the to-do lines per group, shown as badges."""
    counts = counts or {}
    sections: dict[str, NavSection] = {}
    order: list[tuple[bool, int, str]] = []
    for position, link in enumerate(navigation_for(request)):
        group = _GROUPS.get(link.group)
        if group is None:
            key = f"link-{position}"
            sections[key] = NavSection(key=key, label=link.label, end=link.end, link=link)
            order.append((link.end, link.order, key))
            continue
        if group.key not in sections:
            sections[group.key] = NavSection(
                key=group.key, label=group.label, end=group.end, count=counts.get(group.key, 0)
            )
            order.append((group.end, group.order, group.key))
        sections[group.key].links.append(link)
    return [sections[key] for *_rank, key in sorted(order)]


# ---- The to-do list (the overview) and the menu's counts ------------------------------------


@dataclass(frozen=True)
class TodoLine:
    """One thing waiting on the user: what (`text`), where it is done (`url`), its date
    (`when`: a deadline, a meeting's date) and why it waits (`why`)."""

    text: Any  # what waits (lazy/plain str), e.g. "Annotatie bij 'Woningbouw' beoordelen"
    url: str  # where the work is done
    when: date | datetime | None  # its date (deadline, meeting date)
    why: Any  # why it waits, e.g. "stukken uiterlijk 3 december 2026"
    group: str  # the menu group key it belongs to


@dataclass(frozen=True)
class _TodoSource:
    key: str
    lines: Callable[[Any], Iterable[TodoLine]]
    order: int


_TODO: dict[str, _TodoSource] = {}
# Where a request's user keeps the lines once computed (the menu and the overview share them).
_TODO_CACHE = "_nhn_todo_lines"


def register_todo(key: str, lines: Callable[[Any], Iterable[TodoLine]], order: int = 100) -> None:
    """A source of to-do lines: (user) → the lines waiting on that user (a selector of the
    app; it decides whom it concerns and answers nothing for anyone else, in a fixed number
    of queries). A second registration of a key replaces it."""
    _TODO[key] = _TodoSource(key, lines, order)


def _sort_key(line: TodoLine) -> tuple:
    """Soonest first (a date before the times on that day), lines without a date last."""
    when = line.when
    if when is None:
        return (1, "", str(line.text))
    if isinstance(when, datetime):
        if timezone.is_aware(when):
            when = timezone.localtime(when)
        moment = when.strftime("%Y-%m-%d %H:%M")
    else:
        moment = when.isoformat()
    return (0, moment, str(line.text))


def todo_lines(user) -> list[TodoLine]:
    """All lines waiting on `user`, soonest first (lines without a date last); computed once
    per request (kept on the request's user object), and kept in the cache for the next
    requests until anything changes (`todo_counts_changed`), the day turns, or a minute
    passes (lines that wait on the clock: a meeting begun, a deadline that passed)."""
    if not getattr(user, "is_authenticated", False):
        return []
    cached = getattr(user, _TODO_CACHE, None)
    if cached is not None:
        return cached
    # The version is read first: a write while computing makes the result stale.
    found = cache.get_many([TODO_VERSION_KEY, _lines_key(user)])
    version = found.get(TODO_VERSION_KEY) or 0
    label = _todo_label(version)
    stored = found.get(_lines_key(user))
    if isinstance(stored, tuple) and stored[0] == label:
        lines = stored[1]
    else:
        lines = []
        for source in sorted(_TODO.values(), key=lambda source: (source.order, source.key)):
            lines.extend(source.lines(user))
        lines.sort(key=_sort_key)
        cache.set(_lines_key(user), (label, lines), TODO_LINES_SECONDS)
        remember_todo_counts(user, _count(lines), version)
    setattr(user, _TODO_CACHE, lines)
    return lines


def _count(lines: Iterable[TodoLine]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for line in lines:
        counts[line.group] = counts.get(line.group, 0) + 1
    return counts


def todo_counts(user) -> dict[str, int]:
    """The number of lines per menu group (the menu's badges)."""
    return _count(todo_lines(user))


# The menu on every page shows the counts the user's overview (or an htmx action) last
# computed, kept in the cache for a while: the frame itself runs no query for them. They are
# labelled with the version of the to-do data they were computed at; every state change
# (each audited service write, `todo_counts_changed`) bumps that version, so a write makes
# every remembered count stale at once, and the next overview computes them afresh.
TODO_COUNTS_SECONDS = 15 * 60
TODO_VERSION_KEY = "todo-counts:version"
# The overview's lines themselves (issue 26: computing them was half the overview), kept
# briefly: some lines change with the clock alone, and those may be a minute late.
TODO_LINES_SECONDS = 60


def todo_label() -> str:
    """What a user's to-do lines (and what else the overview shows) are computed at: the to-do
    version, which every audited write bumps, the day and the language. Read it before
    computing what is kept under it (one cache read)."""
    return _todo_label(todo_version())


def _todo_label(version: int) -> str:
    return f"{version}:{timezone.localdate().isoformat()}:{get_language()}"


def _counts_key(user) -> str:
    return f"todo-counts:{user.pk}"


def _lines_key(user) -> str:
    return f"todo-lines:{user.pk}"


def todo_version() -> int:
    return cache.get(TODO_VERSION_KEY) or 0


def todo_counts_changed() -> None:
    """What the to-do lines depend on changed: forget every remembered count (one cache
    write; the audit helpers call it when a service's transaction commits)."""
    cache.add(TODO_VERSION_KEY, 0, None)
    try:
        cache.incr(TODO_VERSION_KEY)
    except ValueError:  # evicted between add and incr
        cache.set(TODO_VERSION_KEY, 1, None)


def remember_todo_counts(user, counts: dict[str, int], version: int | None = None) -> None:
    """Keep `counts` for `user`, labelled with the version read before they were computed."""
    version = todo_version() if version is None else version
    cache.set(_counts_key(user), (version, counts), TODO_COUNTS_SECONDS)


def remembered_todo_counts(user) -> dict[str, int]:
    """The menu's badges without a query: the counts last computed for `user` when nothing
    changed since, or none (one cache round trip)."""
    if not getattr(user, "is_authenticated", False):
        return {}
    cached = getattr(user, _TODO_CACHE, None)
    if cached is not None:
        return _count(cached)
    return _remembered_state(user)[1]


def _remembered_state(user) -> tuple[int, dict[str, int]]:
    """The to-do version and the counts remembered for `user` at it (none when they were
    computed at an older version), in one cache round trip."""
    found = cache.get_many([TODO_VERSION_KEY, _counts_key(user)])
    version = found.get(TODO_VERSION_KEY) or 0
    stored = found.get(_counts_key(user))
    if not isinstance(stored, tuple) or stored[0] != version:
        return version, {}
    return version, stored[1]


# The menu as a user sees it on a page, rendered once and kept in the process (issue 26: it was
# a quarter of the agenda editor's time under gunicorn; deciding which entries a user may see
# asks every app's rules, each URL is looked up, the template loops over the groups). The key
# holds who (the user and her roles), what changed (the to-do version, bumped by every audited
# write, so also by a changed role or membership; the day; the counts), the page's name and the
# language. A minute at most, so a change without an audited write (or a version that stands
# still while the cache is away) shows within that minute.
MENU_SECONDS = 60
_MENUS_KEPT = 2048
_USER_MENUS: dict[tuple, tuple[float, str]] = {}


def frame_key(request) -> tuple | None:
    """Everything the frame of a page (its header and menu) shows of who asks and when: the
    user and her roles, the to-do version (bumped by every audited write, so by a changed
    right too), the day, the remembered counts, the page's name, the language and the URL
    configuration. None when the frame must be made afresh: with DEBUG (a template may have
    been edited) or on the overview, which has just computed its own counts. One cache round
    trip, once per request."""
    if hasattr(request, _FRAME_KEY):
        return getattr(request, _FRAME_KEY)
    user = getattr(request, "user", None)
    key = None
    if not settings.DEBUG and not hasattr(user, _TODO_CACHE):
        if getattr(user, "is_authenticated", False):
            who = (user.pk, user.date_joined, user.is_superuser, tuple(sorted(user.role_names)))
            version, counts = _remembered_state(user)
        else:
            who, version, counts = None, 0, {}
        key = (
            who,
            version,
            timezone.localdate(),
            get_language(),
            page_of(request),
            tuple(sorted(counts.items())),
            get_urlconf(),
            get_script_prefix(),
        )
    setattr(request, _FRAME_KEY, key)
    return key


_FRAME_KEY = "_nhn_frame_key"


def menu_html(request) -> str:
    """The main navigation of this request's page, with the user's to-do counts."""
    key = frame_key(request)
    if key is None:
        counts = remembered_todo_counts(getattr(request, "user", None))
        return navigation_html(navigation_groups(request, counts))
    now = time.monotonic()
    kept = _USER_MENUS.get(key)
    if kept is not None and now - kept[0] < MENU_SECONDS:
        return kept[1]
    html = navigation_html(navigation_groups(request, dict(key[5])))
    if len(_USER_MENUS) >= _MENUS_KEPT:
        _USER_MENUS.clear()
    _USER_MENUS[key] = (now, html)
    return html


def forget_menus() -> None:
    """Drop every kept menu (tests that change a user's rights without an audited write)."""
    _USER_MENUS.clear()


def todo_counts_oob(request) -> str:
    """The menu's counts, recomputed, as out-of-band swaps: an htmx view that changes what
    waits on the user appends this to its answer, and the badges follow."""
    user = request.user
    if hasattr(user, _TODO_CACHE):
        delattr(user, _TODO_CACHE)
    counts = todo_counts(user)
    return render_to_string(
        "components/nav_counts_oob.html",
        {"sections": navigation_groups(request, counts)},
        request=request,
    )


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

# The menu's groups; every label leads to the same kind of page for every role.
WORK, MEETINGS, COUNCILS, NETWORK, ORGANISATION, PUBLIC, MANAGEMENT = (
    "work",
    "meetings",
    "councils",
    "network",
    "organisation",
    "public",
    "management",
)
for _group in (
    NavGroup(WORK, pgettext_lazy("menu group", "My work"), 10),
    NavGroup(MEETINGS, pgettext_lazy("menu group", "Meetings"), 20),
    NavGroup(COUNCILS, pgettext_lazy("menu group", "Councils"), 30),
    NavGroup(NETWORK, pgettext_lazy("menu group", "Network"), 40),
    NavGroup(ORGANISATION, pgettext_lazy("menu group", "Organisation"), 50),
    NavGroup(PUBLIC, pgettext_lazy("menu group", "Public"), 60),
    NavGroup(MANAGEMENT, pgettext_lazy("menu group", "Management"), 90, end=True),
):
    register_nav_group(_group)


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
        label=_("Management site"),
        url_name="admin:index",
        order=0,
        visible=is_manager,
        end=True,
        group=MANAGEMENT,
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
        group=MANAGEMENT,
    )
)
