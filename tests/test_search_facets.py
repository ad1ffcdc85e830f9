"""The search's facet counts and total come from one grouped query: each facet counted with
the other facets' filters on, the total with all of them — the same numbers a separate count
and GROUP BY per facet give, in fewer queries (a very common term scans its matches once)."""

import datetime
import itertools

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchVector
from django.db import connection
from django.db.models import Count
from django.db.models.functions import ExtractYear
from django.test.utils import CaptureQueriesContext

from nhn_portal.core import search
from nhn_portal.core.models import SearchEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def entries():
    content_type = ContentType.objects.get_for_model(SearchEntry)
    combos = itertools.product(
        ["vergadering", "agendapunt", "stuk"],
        ["Platform Wonen", "Stuurgroep", ""],
        ["Wonen", ""],
        [2025, 2026],
    )
    rows = []
    for index, (kind, body, theme, year) in enumerate(combos):
        for copy in range(1 + index % 3):
            rows.append(
                SearchEntry(
                    content_type=content_type,
                    object_id=index * 10 + copy,
                    kind=kind,
                    title=f"Woondeal regio {index}",
                    text="versnelling woningbouw",
                    url=f"/x/{index}/{copy}/",
                    date=datetime.datetime(year, 3, 1 + index % 27, 12, tzinfo=datetime.UTC),
                    body_name=body,
                    theme_name=theme,
                    dossier_name="Woondeal" if index % 2 else "",
                    visibility=SearchEntry.Visibility.PUBLIC,
                )
            )
    SearchEntry.objects.bulk_create(rows)
    if connection.vendor == "postgresql":  # the vectors, as search_entries_refresh writes them
        SearchEntry.objects.update(
            search_vector=SearchVector("title", weight="A", config="dutch")
            + SearchVector("text", weight="B", config="dutch")
        )
    return rows


def naive(filters: dict[str, str]):
    """The facets as one GROUP BY per facet and a count, the way they were computed before."""
    qs = SearchEntry.objects.annotate(year=ExtractYear("date"))

    def narrowed(skip=None):
        out = qs
        for name, value in filters.items():
            if name != skip:
                out = out.filter(**{name: int(value) if name == "year" else value})
        return out

    facets = {}
    for name in search.FACETS:
        rows = (
            narrowed(skip=name)
            .exclude(**{f"{name}__isnull": True})
            .exclude(**{name: ""} if name != "year" else {})
            .values(name)
            .annotate(count=Count("pk"))
            .order_by("-count", name)
        )
        facets[name] = [(str(row[name]), row["count"]) for row in rows[:20]]
    return facets, narrowed().count()


@pytest.mark.parametrize(
    "filters",
    [
        {},
        {"kind": "stuk"},
        {"body_name": "Stuurgroep", "year": "2026"},
        {"kind": "agendapunt", "theme_name": "Wonen", "dossier_name": "Woondeal"},
    ],
)
def test_facets_and_total_equal_a_count_per_facet(entries, filters):
    result = search.search(user=AnonymousUser(), query="woondeal", filters=filters)
    expected_facets, expected_total = naive(filters)
    assert result.total == expected_total > 0
    got = {
        name: [(value, count) for value, _label, count in values]
        for name, values in result.facets.items()
    }
    assert got == expected_facets


def test_the_facets_and_total_take_one_query(entries):
    with CaptureQueriesContext(connection) as queries:
        search.search(user=AnonymousUser(), query="woondeal", filters={"kind": "stuk"})
    grouped = [q for q in queries if "GROUP BY" in q["sql"].upper()]
    counts = [q for q in queries if "COUNT(" in q["sql"].upper()]
    assert len(grouped) == 1
    assert counts == grouped  # no separate count of the matches


def test_beyond_the_cap_the_total_says_more_than_and_the_facets_are_counted_on_a_sample(
    entries, monkeypatch, client
):
    monkeypatch.setattr(search, "COUNT_CAP", 10)
    result = search.search(user=AnonymousUser(), query="woondeal")
    assert result.capped and result.total == 10
    assert sum(count for _value, _label, count in result.facets["kind"]) == 11
    # Under a filter the total is the (capped) count of what the filter leaves.
    narrowed = search.search(user=AnonymousUser(), query="woondeal", filters={"year": "2025"})
    assert narrowed.total == 10 and narrowed.capped
    page = client.get("/openbaar/zoeken/", {"q": "woondeal"}).content.decode()
    assert "Meer dan 10 resultaten" in page
    assert "geteld over de eerste 10 resultaten" in page


def test_under_the_cap_everything_is_exact(entries, monkeypatch):
    monkeypatch.setattr(search, "COUNT_CAP", len(entries))
    result = search.search(user=AnonymousUser(), query="woondeal")
    assert not result.capped and result.total == len(entries)
