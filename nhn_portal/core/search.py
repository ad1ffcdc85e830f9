"""The one search box: a registry the apps fill with what they make searchable, the
index that keeps it (`SearchEntry`), and the query that reads it with visibility applied.

An app registers, per model, an *indexer* in its own `search` module (found by
CoreConfig.ready): `(obj) → IndexedEntry | None` (None: not to be found by anyone, e.g. a
withdrawn thing). Its services call `search_entries_refresh(objects)` in their transaction
whenever they change something searchable or what may be shown of it, so the index is kept
current by the services, never by signals. The indexer decides the entry's visibility with
the app's own permission predicates, so search shows exactly what the pages show.

PostgreSQL: a stored tsvector with the Dutch configuration (title weight A, text weight B),
a GIN index (migration 0007), ranking over a bounded candidate set, `ts_headline` snippets.
SQLite (the embedded default): `icontains` on title and text, newest first, a plain snippet.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVector,
)
from django.db import connection, transaction
from django.db.models import Count, F, Q, QuerySet
from django.db.models.functions import ExtractYear
from django.utils import timezone
from django.utils.html import escape

from .access import is_secretariat
from .models import SearchEntry

SEARCH_CONFIG = "dutch"
MAX_QUERY_LENGTH = 200
# Very common terms stay fast: rank at most this many of the newest matches,
CANDIDATES = 2000
# and count and facet at most this many matches (beyond it: "more than", facets estimated).
COUNT_CAP = 5000
TEXT_LIMIT = 100_000  # characters of a stuk's text that are indexed


@dataclass(frozen=True)
class IndexedEntry:
    kind: str
    title: str
    url: str
    visibility: str  # SearchEntry.Visibility
    text: str = ""
    date: datetime.datetime | None = None
    body_id: int | None = None
    body_name: str = ""
    theme_name: str = ""
    dossier_name: str = ""


Indexer = Callable[[Any], IndexedEntry | None]
_INDEXERS: dict[type, Indexer] = {}
# (user) → ids of the bodies whose "members" entries the user may see; filled by the app
# that owns the membership rule (regiobureau.permissions.member_body_ids).
_MEMBER_BODIES: list[Callable[[Any], Iterable[int]]] = []
# kind → Dutch label for the facet list.
KIND_LABELS: dict[str, Any] = {}


def register_indexer(model: type, indexer: Indexer, *, kind: str, label: Any) -> None:
    _INDEXERS[model] = indexer
    KIND_LABELS[kind] = label


def indexers() -> dict[type, Indexer]:
    return dict(_INDEXERS)


# model → (queryset) → queryset with what its indexer reads (select_related), per app.
_PREPARERS: dict[type, Callable[[QuerySet], QuerySet]] = {}


def register_preparer(model: type, preparer: Callable[[QuerySet], QuerySet]) -> None:
    _PREPARERS[model] = preparer


def prepare(model: type, qs: QuerySet) -> QuerySet:
    preparer = _PREPARERS.get(model)
    return preparer(qs) if preparer else qs


def register_member_bodies(rule: Callable[[Any], Iterable[int]]) -> None:
    _MEMBER_BODIES[:] = [rule]


# ---- Writing the index -----------------------------------------------------------------------


# Set while a bulk load runs that rebuilds the whole index when it ends (`load_nhn --demo`).
_deferred: ContextVar[list[bool] | None] = ContextVar("search_deferred", default=None)


@contextmanager
def search_refresh_deferred() -> Iterator[list[bool]]:
    """Skip the services' index refreshes inside the block; the caller rebuilds the index after
    it (`search_index_rebuild`) when the yielded list is not empty (a refresh was skipped).
    Removals still run: a rebuild re-indexes what exists, it does not find what was deleted."""
    skipped: list[bool] = []
    token = _deferred.set(skipped)
    try:
        yield skipped
    finally:
        _deferred.reset(token)


def search_refresh_skipped() -> bool:
    """True (and noted) inside `search_refresh_deferred`: the caller need not refresh now."""
    skipped = _deferred.get()
    if skipped is None:
        return False
    skipped[:1] = [True]
    return True


def search_entries_refresh(*, objects: Iterable[Any]) -> int:
    """Bring the index entries of `objects` up to date (create, change or remove) in a fixed
    number of queries per model, in the caller's transaction. Returns how many it wrote."""
    if search_refresh_skipped():
        return 0
    by_model: dict[type, list[Any]] = {}
    for obj in objects:
        by_model.setdefault(type(obj), []).append(obj)
    written = 0
    for model, items in by_model.items():
        indexer = _INDEXERS.get(model)
        if indexer is None:
            raise LookupError(f"No search indexer for {model.__name__}")
        content_type = ContentType.objects.get_for_model(model)
        wanted = {obj.pk: indexer(obj) for obj in items}
        gone = [pk for pk, entry in wanted.items() if entry is None]
        if gone:
            SearchEntry.objects.filter(content_type=content_type, object_id__in=gone).delete()
        existing = {
            row.object_id: row
            for row in SearchEntry.objects.filter(
                content_type=content_type,
                object_id__in=[pk for pk, entry in wanted.items() if entry is not None],
            )
        }
        to_create, to_update = [], []
        for pk, entry in wanted.items():
            if entry is None:
                continue
            row = existing.get(pk) or SearchEntry(content_type=content_type, object_id=pk)
            for name, value in _values(entry).items():
                setattr(row, name, value)
            # The content type is the model's own (get_for_model): its check would be a query
            # per row, and the database's foreign key holds it anyway.
            row.full_clean(exclude=["search_vector", "content_type"], validate_unique=False)
            (to_update if row.pk else to_create).append(row)
        SearchEntry.objects.bulk_create(to_create)
        if to_update:
            SearchEntry.objects.bulk_update(to_update, [*_FIELDS, "updated_at"])
        if connection.vendor == "postgresql" and (to_create or to_update):
            SearchEntry.objects.filter(
                content_type=content_type,
                object_id__in=[row.object_id for row in [*to_create, *to_update]],
            ).update(
                search_vector=SearchVector("title", weight="A", config=SEARCH_CONFIG)
                + SearchVector("text", weight="B", config=SEARCH_CONFIG)
            )
        written += len(to_create) + len(to_update)
    return written


_FIELDS = (
    "kind", "title", "text", "url", "date", "body_id", "body_name", "theme_name",
    "dossier_name", "visibility",
)  # fmt: skip


def _values(entry: IndexedEntry) -> dict:
    values = {name: getattr(entry, name) for name in _FIELDS}
    values["title"] = values["title"][:500]
    values["text"] = values["text"][:TEXT_LIMIT]
    values["updated_at"] = timezone.now()
    return values


def search_index_rebuild(*, chunk: int = 500) -> int:
    """Re-index every object of every registered model (after an upgrade, a bulk load or to
    repair the index); one transaction per chunk. Returns how many entries it wrote."""
    total = 0
    for model in indexers():
        ids = list(model._default_manager.order_by("pk").values_list("pk", flat=True))
        for start in range(0, len(ids), chunk):
            with transaction.atomic():
                batch = model._default_manager.filter(pk__in=ids[start : start + chunk])
                rows = prepare(model, batch)
                total += search_entries_refresh(objects=list(rows))
    return total


def search_entries_remove(*, model: type, ids: Iterable[int]) -> None:
    """Remove the entries of deleted objects (call before or after the delete)."""
    content_type = ContentType.objects.get_for_model(model)
    SearchEntry.objects.filter(content_type=content_type, object_id__in=list(ids)).delete()


# ---- Reading it ------------------------------------------------------------------------------


def visible_entries(user) -> QuerySet[SearchEntry]:
    """The entries `user` may find: the same rules as the pages, as the indexers wrote them."""
    qs = SearchEntry.objects.all()
    if is_secretariat(user):
        return qs
    rule = _MEMBER_BODIES[0] if _MEMBER_BODIES else (lambda _user: ())
    body_ids = list(rule(user)) if getattr(user, "is_authenticated", False) else []
    return qs.filter(
        Q(visibility=SearchEntry.Visibility.PUBLIC)
        | Q(visibility=SearchEntry.Visibility.MEMBERS, body_id__in=body_ids)
    )


def clean_query(raw: str | None) -> str:
    """The text a visitor typed, without control characters, at most 200 characters."""
    text = re.sub(r"[\x00-\x1f\x7f]", " ", raw or "")
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


@dataclass
class Hit:
    kind: str
    kind_label: Any
    title: str
    url: str
    snippet: str  # HTML: escaped text with <mark> around the matches (PostgreSQL)
    date: datetime.datetime | None
    body_name: str


@dataclass
class SearchResult:
    query: str
    hits: list[Hit] = field(default_factory=list)
    total: int = 0
    facets: dict[str, list[tuple[str, str, int]]] = field(default_factory=dict)
    stop_words_only: bool = False
    # More than COUNT_CAP matches: `total` is COUNT_CAP ("more than") or the capped count
    # under the filters, and the facet counts come from the first COUNT_CAP matches.
    capped: bool = False


FACETS = ("kind", "body_name", "theme_name", "dossier_name", "year")


def search(
    *,
    user,
    query: str,
    filters: dict[str, str] | None = None,
    sort: str = "relevance",
    limit: int = 20,
    offset: int = 0,
) -> SearchResult:
    """Search what `user` may see. `filters` narrow by facet (kind, body_name, theme_name,
    dossier_name, year); `sort` is "relevance" or "date". Never raises on odd input."""
    query = clean_query(query)
    filters = {
        name: value[:MAX_QUERY_LENGTH]
        for name, value in (filters or {}).items()
        if name in FACETS and value and (name != "year" or value.isdigit() and len(value) == 4)
    }
    result = SearchResult(query=query)
    if not query:
        return result
    qs = visible_entries(user)
    postgres = connection.vendor == "postgresql"
    if postgres:
        prefixed = _prefix_tsquery(query)
        if not prefixed:
            result.stop_words_only = True
            return result
        ts_query = SearchQuery(prefixed, search_type="raw", config=SEARCH_CONFIG)
        qs = qs.filter(search_vector=ts_query)
    else:
        words = query.split()[:10]
        for word in words:
            qs = qs.filter(Q(title__icontains=word) | Q(text__icontains=word))
    qs = qs.annotate(year=ExtractYear("date"))
    result.facets, result.total, result.capped = _facets_and_total(qs, filters)
    for name, value in filters.items():
        qs = qs.filter(**{name: int(value) if name == "year" else value})
    if result.capped:
        result.total = qs.order_by()[:COUNT_CAP].count()
    if postgres:
        # Rank a bounded set: the newest CANDIDATES matches, so a very common term stays fast.
        candidates = qs.order_by("-date", "-pk").values("pk")[:CANDIDATES]
        ranked = SearchEntry.objects.filter(pk__in=candidates).annotate(
            rank=SearchRank(F("search_vector"), ts_query),
            snippet=SearchHeadline(
                "text",
                ts_query,
                config=SEARCH_CONFIG,
                start_sel="<mark>",
                stop_sel="</mark>",
                max_words=30,
                min_words=10,
            ),
            title_marked=SearchHeadline(
                "title",
                ts_query,
                config=SEARCH_CONFIG,
                start_sel="<mark>",
                stop_sel="</mark>",
                highlight_all=True,
            ),
        )
        order = ("-rank", "-date", "-pk") if sort != "date" else ("-date", "-rank", "-pk")
        rows = ranked.order_by(*order)[offset : offset + limit]
    else:
        order = ("-date", "-pk")
        rows = qs.order_by(*order)[offset : offset + limit]
    for row in rows:
        snippet = getattr(row, "snippet", None)
        result.hits.append(
            Hit(
                kind=row.kind,
                kind_label=KIND_LABELS.get(row.kind, row.kind),
                title=row.title,
                url=row.url,
                snippet=_safe_snippet(snippet) if snippet is not None else _plain(row.text),
                date=row.date,
                body_name=row.body_name,
            )
        )
    return result


# A lexeme in tsquery's text form: quoted, a quote inside doubled.
_LEXEME = re.compile(r"'((?:[^']|'')*)'")


def _prefix_tsquery(query: str) -> str:
    """`query` as the visitor typed it (websearch syntax: "phrases", or, -not), stemmed by the
    Dutch configuration, with every word a prefix: Dutch writes compounds as one word, so
    "woning" must find "woningbouw" and "woningbouwversnelling". Empty when the configuration
    keeps nothing of it (only stop words)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT websearch_to_tsquery(%s::regconfig, %s)::text", [SEARCH_CONFIG, query]
        )
        text = cursor.fetchone()[0]
    return _LEXEME.sub(_as_prefix, text)


# A stem shorter than this stays whole: "wonen" stems to "won", which as a prefix would find
# "wonderlijk"; "woning" or "bouw" as a prefix finds their compounds.
PREFIX_MIN = 4


def _as_prefix(match: re.Match) -> str:
    lexeme = match.group(1)
    return f"'{lexeme}':*" if len(lexeme.replace("''", "'")) >= PREFIX_MIN else match.group(0)


def _facets_and_total(qs, filters) -> tuple[dict[str, list[tuple[str, str, int]]], int, bool]:
    """Per facet: [(value, label, count)], each counted with the other facets' filters on, the
    number of matches with all filters on, and whether the matches were capped — from one
    grouped query (one row per combination of facet values) over at most COUNT_CAP + 1
    matches, instead of a count and a GROUP BY per facet over all of them: a very common term
    costs what a term with COUNT_CAP hits costs."""
    sample = SearchEntry.objects.filter(pk__in=qs.order_by().values("pk")[: COUNT_CAP + 1])
    combos = list(
        sample.annotate(year=ExtractYear("date"))
        .values(*FACETS)
        .annotate(count=Count("pk"))
        .order_by()
    )
    capped = sum(combo["count"] for combo in combos) > COUNT_CAP

    def matches(combo, skip: str | None = None) -> bool:
        return all(
            str(combo[name]) == value
            for name, value in filters.items()
            if name in FACETS and value and name != skip
        )

    total = sum(combo["count"] for combo in combos if matches(combo))
    facets = {}
    for name in FACETS:
        counts: dict = {}
        for combo in combos:
            value = combo[name]
            if value in ("", None) or not matches(combo, skip=name):
                continue
            counts[value] = counts.get(value, 0) + combo["count"]
        ranked = sorted(counts.items(), key=lambda pair: (-pair[1], pair[0]))[:20]
        facets[name] = [
            (str(value), KIND_LABELS.get(value, value) if name == "kind" else value, count)
            for value, count in ranked
        ]
    return facets, total, capped


_MARK = re.compile(r"</?mark>")


def _safe_snippet(snippet: str) -> str:
    """ts_headline returns the stored text with <mark> added; escape everything else."""
    parts = _MARK.split(snippet)
    tags = _MARK.findall(snippet)
    out = []
    for index, part in enumerate(parts):
        out.append(escape(part))
        if index < len(tags):
            out.append(tags[index])
    return "".join(out)


def _plain(text: str, length: int = 200) -> str:
    text = " ".join(text.split())
    return escape(text[:length] + ("…" if len(text) > length else ""))
