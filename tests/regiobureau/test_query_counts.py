"""The agenda editor and the annotated agenda run a fixed number of queries:
the same for 10 and for 80 items with 3 stukken each, and pinned so a regression shows."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from nhn_portal.core.pages import forget_pages
from nhn_portal.core.release import forget_kept_fragments
from regiobureau.models.annotations import Annotation, ReadMark
from regiobureau.models.documents import Document, DocumentVersion
from regiobureau.models.meetings import AgendaItem
from regiobureau.services.annotations import annotation_comment_add
from regiobureau.services.meetings import meeting_publish_agenda
from tests.builders import make_meeting, member_of

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("own_cache")]

# Pinned counts. Session + user + role groups + the meeting, then one query each for the
# items, their stukken, the choice lists (persons, dossiers) and the reader's read marks.
# + 1 for the version that keys the cached #agenda partial (one aggregate, issue 26).
EDITOR_PAGE = 9 + 1
# After the page has rendered it once, the #agenda partial comes from the cache (views/
# editor.py): no items, stukken, annotations, person or dossier lists are read. What remains
# is the frame (session, user, roles), the meeting and the version key.
EDITOR_PARTIAL = 5
# + 4 for the audit record of the read (savepoint, the meeting's name, insert,
# release), + 1 for the reader's own notes (the viewer's panel), the newest members'
# annotated agenda and meeting bundles (one query, views.pdfs.reading_pdfs), + 1 for the version
# of the open actions in the cache key (one aggregate); still the same for 10 and 80 items.
# (The notes panel's query is a count when the reader has no notes on the meeting.)
READING_PAGE = 11 + 4 + 1 + 1
# With the list of items cached (issue 26): the items, stukken and annotations are not read;
# what remains is the frame, the version keys (two aggregates), the read marks, the audit
# record, the notes panel and the PDFs; the items, their stukken and the open actions under
# the actielijst (3 queries) are not read.
READING_PAGE_CACHED = READING_PAGE - 3
# One item's annotation, stukken and thread, loaded on demand.
ITEM_READING = 11


def build(secretary, body, count: int):
    """A published meeting with `count` items (every fifth a sub-item), 3 stukken each."""
    meeting = make_meeting(secretary=secretary, body=body)
    parent = None
    items = []
    for index in range(count):
        is_sub = index % 5 == 4 and parent is not None
        items.append(
            AgendaItem(
                meeting=meeting,
                parent=parent if is_sub else None,
                position=100 + index,
                title=f"Agendapunt {index}",
                purpose="bespreking",
                is_public=index % 3 != 0,
            )
        )
        if not is_sub:
            AgendaItem.objects.bulk_create(items[-1:])
            parent = items[-1]
            items.pop()
    AgendaItem.objects.bulk_create(items)
    all_items = list(meeting.items.all())
    documents = Document.objects.bulk_create(
        Document(agenda_item=item, title=f"Stuk {n} bij {item.title}", confidentiality=conf)
        for item in all_items
        for n, conf in enumerate(["openbaar", "vertrouwelijk", "openbaar"])
    )
    versions = DocumentVersion.objects.bulk_create(
        DocumentVersion(
            document=document,
            number=1,
            file=f"stukken/{document.pk}/x",
            original_name="stuk.pdf",
            content_type="application/pdf",
            size=1000,
            sha256="0" * 64,
        )
        for document in documents
    )
    for document, version in zip(documents, versions, strict=True):
        document.current_version = version
    Document.objects.bulk_update(documents, ["current_version"])
    Annotation.objects.bulk_create(
        Annotation(agenda_item=item, core_message="<p>Kern</p>", version=1) for item in all_items
    )
    meeting_publish_agenda(actor=secretary, meeting=meeting, expected_version=None)
    meeting.refresh_from_db()
    return meeting


def count_queries(client, path, **headers) -> int:
    cache.clear()  # the remembered choice lists would make the second count smaller
    forget_kept_fragments()
    forget_pages()
    with CaptureQueriesContext(connection) as context:
        response = client.get(path, **headers)
    assert response.status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize("size", [10, 80])
def test_editor_query_count_is_fixed(client, secretary, body, size, django_assert_num_queries):
    meeting = build(secretary, body, size)
    client.force_login(secretary)
    path = reverse("regiobureau:agenda_editor", args=[meeting.pk])
    with django_assert_num_queries(EDITOR_PAGE):
        response = client.get(path)
    assert response.content.decode().count('class="rb-row__number"') == size + 5
    with django_assert_num_queries(EDITOR_PARTIAL):
        partial = client.get(path, HTTP_HX_REQUEST="true").content.decode()
    assert partial.count('class="rb-row__number"') == size + 5
    with django_assert_num_queries(EDITOR_PARTIAL):
        cached = client.get(path).content.decode()
    assert cached.count('class="rb-row__number"') == size + 5


@pytest.mark.parametrize("size", [10, 80])
def test_reading_page_query_count_is_fixed(
    client, secretary, body, size, django_assert_num_queries
):
    meeting = build(secretary, body, size)
    reader = member_of(body)
    items = list(meeting.items.all()[:3])
    ReadMark.objects.bulk_create(ReadMark(user=reader, agenda_item=item) for item in items)
    annotation = Annotation.objects.get(agenda_item=items[0])
    annotation_comment_add(actor=reader, annotation=annotation, text="Vraag")
    client.force_login(reader)
    path = reverse("regiobureau:meeting_reading", args=[meeting.pk])
    with django_assert_num_queries(READING_PAGE):
        response = client.get(path)
    html = response.content.decode()
    assert html.count('<article class="rb-reading-item') == size + 5
    assert html.count("rb-reading-item--read") == 3
    with django_assert_num_queries(READING_PAGE_CACHED):
        cached = client.get(path).content.decode()
    assert cached.count('<article class="rb-reading-item') == size + 5
    assert cached.count("rb-reading-item--read") == 3
    # The stukken load on demand, per item; confidential ones are there for members.
    more = reverse("regiobureau:item_reading", args=[items[0].pk])
    with django_assert_num_queries(ITEM_READING):
        fragment = client.get(more, HTTP_HX_REQUEST="true").content.decode()
    assert fragment.count("Stuk ") == 3


def test_counts_are_equal_for_10_and_80_items(client, secretary, body):
    small, large = build(secretary, body, 10), build(secretary, body, 80)
    reader = member_of(body)
    client.force_login(secretary)
    editor = [
        count_queries(client, reverse("regiobureau:agenda_editor", args=[m.pk]))
        for m in (small, large)
    ]
    client.force_login(reader)
    reading = [
        count_queries(client, reverse("regiobureau:meeting_reading", args=[m.pk]))
        for m in (small, large)
    ]
    assert editor[0] == editor[1]
    assert reading[0] == reading[1]
