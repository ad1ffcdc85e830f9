"""One search box. The index is kept by the services; a reader finds only
what the pages show them: a closed item's or a confidential stuk's words are never found by an
outsider, not as a hit, not in a count, not in a facet, not in a snippet.

Runs on SQLite (icontains) and PostgreSQL (Dutch full-text); the stemming, ranking, snippet
and stop-word tests need PostgreSQL (CI: DATABASE_URL=postgres://…)."""

import os

import pytest
from django.db import connection
from django.urls import reverse

from nhn_portal.core import ratelimit, search
from nhn_portal.core.models import SearchEntry
from nhn_portal.core.textextract import extract_text
from regiobureau.constants import ItemPurpose
from regiobureau.models.documents import Document
from regiobureau.services.agenda import agenda_item_create, agenda_item_delete, agenda_item_update
from regiobureau.services.documents import document_upload
from regiobureau.services.meetings import meeting_publish_agenda
from tests.builders import CLOSED_TITLE, CONFIDENTIAL_DOC, PUBLIC_TITLE, make_meeting

pytestmark = pytest.mark.django_db

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="Dutch full-text search needs PostgreSQL"
)


def found(client, query, **params):
    response = client.get(reverse("publiek:search"), {"q": query, **params})
    assert response.status_code == 200
    return response


def titles(response):
    return [hit.title for hit in response.context["result"].hits]


def test_the_services_keep_the_index(published_meeting):
    kinds = set(SearchEntry.objects.values_list("kind", flat=True))
    assert {"meeting", "agenda_item", "document"} <= kinds
    closed = SearchEntry.objects.get(title=CLOSED_TITLE)
    assert closed.visibility == SearchEntry.Visibility.MEMBERS
    assert SearchEntry.objects.get(title=PUBLIC_TITLE).visibility == "public"
    assert SearchEntry.objects.get(title=CONFIDENTIAL_DOC).visibility == "members"


def test_a_closed_item_is_never_found_by_an_outsider(
    client, published_meeting, member, outsider, secretary
):
    word = "Grondaankoop"  # only in the closed item's title
    response = found(client, word)
    assert response.context["result"].total == 0
    results = response.text.split('<div id="results"', 1)[1]
    assert word not in results
    assert response.context["result"].facets == {name: [] for name in search.FACETS}

    client.force_login(outsider)
    assert found(client, word).context["result"].total == 0

    for reader in (member, secretary):
        client.force_login(reader)
        response = found(client, word)
        assert CLOSED_TITLE in titles(response)
        assert response["Cache-Control"] == "private, no-store"


def test_a_confidential_stuk_is_found_by_members_only(client, published_meeting, member):
    assert found(client, "Taxatierapport").context["result"].total == 0
    client.force_login(member)
    assert CONFIDENTIAL_DOC in titles(found(client, "Taxatierapport"))


def test_a_draft_meetings_agenda_is_for_the_secretariat_only(client, secretary, body, member):
    meeting = make_meeting(secretary=secretary, body=body)
    agenda_item_create(
        actor=secretary,
        meeting=meeting,
        expected_version=None,
        title="Kustversterking Callantsoog",
        purpose=ItemPurpose.DECISION,
    )
    client.force_login(member)
    assert found(client, "Kustversterking").context["result"].total == 0
    client.force_login(secretary)
    assert found(client, "Kustversterking").context["result"].total == 1


def test_closing_an_item_removes_it_from_public_search(client, published_meeting, secretary):
    assert PUBLIC_TITLE in titles(found(client, "Woondeal"))
    item = published_meeting.public_item
    published_meeting.refresh_from_db()
    agenda_item_update(
        actor=secretary,
        item=item,
        expected_version=published_meeting.agenda_version,
        is_public=False,
    )
    assert found(client, "Woondeal").context["result"].total == 0


def test_deleting_an_item_removes_its_entries(published_meeting, secretary):
    item = published_meeting.public_item
    document_ids = list(Document.objects.filter(agenda_item=item).values_list("pk", flat=True))
    published_meeting.refresh_from_db()
    agenda_item_delete(
        actor=secretary, item=item, expected_version=published_meeting.agenda_version
    )
    assert not SearchEntry.objects.filter(title=PUBLIC_TITLE).exists()
    assert not SearchEntry.objects.filter(kind="document", object_id__in=document_ids).exists()


def test_issued_letters_are_found_and_facets_count(
    client, secretary, region, meeting_with_decision, django_capture_on_commit_callbacks,
    fake_render, celery_eager,
):  # fmt: skip
    from tests.builders import issue, letter_for

    letter = letter_for(meeting_with_decision, secretary, region)
    query = "Versnelling woningbouw"
    assert found(client, query).context["result"].total == 0  # adopted, not yet sent
    issue(letter, secretary, django_capture_on_commit_callbacks)
    response = found(client, query)
    assert "Versnelling woningbouw" in titles(response)
    kinds = {value: count for value, _label, count in response.context["result"].facets["kind"]}
    assert kinds == {"council_letter": 1}
    narrowed = found(client, query, kind="decision")
    assert narrowed.context["result"].total == 0


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "a & | !b",
        '"woondeal',
        "((woondeal)",
        "woondeal:*",
        "'; DROP TABLE core_searchentry; --",
        "日本語 поиск ασφάλεια",
        "x" * 5000,
        "\x00\x1f",
    ],
)
def test_odd_input_gets_an_answer_never_an_error(client, published_meeting, query):
    response = found(client, query)
    assert len(response.context["query"]) <= search.MAX_QUERY_LENGTH


def test_a_very_long_query_is_cut_with_a_message(client):
    response = found(client, "woning " * 100)
    assert len(response.context["query"]) == 200
    assert "ingekort tot 200 tekens" in response.text


def test_htmx_gets_only_the_results(client, published_meeting):
    response = client.get(
        reverse("publiek:search"), {"q": "Woondeal"}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    assert response.text.lstrip().startswith('<div id="results"')
    assert "<html" not in response.text
    assert "HX-Request" in response["Vary"]


def test_the_plain_form_works_without_javascript(client, published_meeting):
    page = client.get(reverse("publiek:search")).text
    assert f'action="{reverse("publiek:search")}"' in page and 'method="get"' in page
    assert 'name="q"' in page


# --- text extraction ------------------------------------------------------------------------


def text_pdf(text: str) -> bytes:
    """A one-page PDF whose content stream writes `text` (pypdf can read it back)."""
    stream = f"BT /F1 12 Tf 20 100 Td ({text}) Tj ET".encode()
    objects = [
        b"<</Type/Catalog/Pages 2 0 R>>",
        b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
        b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 300 200]/Contents 4 0 R"
        b"/Resources<</Font<</F1 5 0 R>>>>>>",
        b"<</Length %d>>stream\n" % len(stream) + stream + b"\nendstream",
        b"<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj" % number + body + b"endobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer<</Size %d/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def test_text_extraction_reads_pdf_and_survives_garbage():
    assert "Dijkversterking" in extract_text(
        text_pdf("Dijkversterking Den Oever"), content_type="application/pdf"
    )
    assert extract_text(b"%PDF-1.4 garbage", content_type="application/pdf") == ""
    assert extract_text(b"not a zip", content_type="application/vnd.oasis.opendocument.text") == ""


def test_a_stuks_text_is_extracted_after_upload_and_found(
    client, published_meeting, secretary, celery_eager, django_capture_on_commit_callbacks
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile(
        "dijk.pdf", text_pdf("Dijkversterking Den Oever"), content_type="application/pdf"
    )
    with django_capture_on_commit_callbacks(execute=True):
        document = document_upload(
            actor=secretary,
            item=published_meeting.public_item,
            title="Notitie kust",
            confidentiality="openbaar",
            upload=upload,
        )
    document.refresh_from_db()
    assert "Dijkversterking" in document.current_version.text
    assert "Notitie kust" in titles(found(client, "Dijkversterking"))


# --- PostgreSQL: Dutch full text --------------------------------------------------------------


def publish_items(secretary, body, *items: tuple[str, str]) -> None:
    """A published meeting of `body` with one item per (title, description)."""
    meeting = make_meeting(secretary=secretary, body=body)
    for title, description in items:
        agenda_item_create(
            actor=secretary,
            meeting=meeting,
            expected_version=None,
            title=title,
            description=description,
            purpose=ItemPurpose.DECISION,
        )
    meeting.refresh_from_db()
    meeting_publish_agenda(
        actor=secretary, meeting=meeting, expected_version=meeting.agenda_version
    )


@postgres_only
def test_dutch_stemming_ranking_and_snippets(client, secretary, body):
    publish_items(
        secretary,
        body,
        ("Regionale woonagenda", "De regio bouwt meer woningen voor starters in Hoorn."),
        ("Woning aan de Dijk", "Over een ander onderwerp."),
        ("Bereikbaarheid", "Wegen en fietspaden."),
    )
    response = found(client, "woning")
    hit_titles = titles(response)
    assert set(hit_titles) == {"Regionale woonagenda", "Woning aan de Dijk"}
    assert hit_titles[0] == "Woning aan de Dijk"  # the title weighs more than the text
    snippets = {hit.title: hit.snippet for hit in response.context["result"].hits}
    assert "<mark>woningen</mark>" in snippets["Regionale woonagenda"]
    by_date = found(client, "woning", sortering="date")
    assert len(titles(by_date)) == 2


def test_a_word_finds_its_compounds_without_noise(client, secretary, body):
    """Dutch writes compounds as one word: "woning" finds "woningbouwversnelling"; a short
    stem ("wonen" → "won") is not a prefix, so it does not find "wonderlijk"."""
    publish_items(
        secretary,
        body,
        ("Woningbouwversnelling in de Kop", "Meer tempo."),
        ("Huisvesting", "Het woningbouwprogramma van de regio."),
        ("Wonen en zorg", "Langer thuis wonen."),
        ("Een wonderlijk voorstel", "Over iets anders."),
    )
    assert set(titles(found(client, "woning"))) == {
        "Woningbouwversnelling in de Kop",
        "Huisvesting",
    }
    wonen = titles(found(client, "wonen"))
    assert "Wonen en zorg" in wonen and "Een wonderlijk voorstel" not in wonen


@postgres_only
def test_only_stop_words_gets_a_message(client, published_meeting):
    response = found(client, "de het een")
    assert response.context["result"].stop_words_only
    assert "alleen zeer gangbare woorden" in response.text


@postgres_only
def test_snippets_escape_the_stored_text(client, secretary, body):
    meeting = make_meeting(secretary=secretary, body=body)
    agenda_item_create(
        actor=secretary,
        meeting=meeting,
        expected_version=None,
        title="Veiligheid",
        description="<script>alert(1)</script> brandweerkazerne",
        purpose=ItemPurpose.DECISION,
    )
    meeting.refresh_from_db()
    meeting_publish_agenda(
        actor=secretary, meeting=meeting, expected_version=meeting.agenda_version
    )
    response = found(client, "brandweerkazerne")
    assert "<script>alert" not in response.text
    snippet = response.context["result"].hits[0].snippet
    assert "<mark>brandweerkazerne</mark>" in snippet
    assert "<" not in snippet.replace("<mark>", "").replace("</mark>", "")


def test_reindex_command_rebuilds_a_lost_index(published_meeting):
    from django.core.management import call_command

    before = set(SearchEntry.objects.values_list("title", "visibility"))
    SearchEntry.objects.all().delete()
    call_command("search_reindex", stdout=open(os.devnull, "w"))  # noqa: SIM115
    assert set(SearchEntry.objects.values_list("title", "visibility")) == before


@pytest.mark.parametrize("year", ["abc", "99999999999999999999", "-1", "2026' OR 1=1"])
def test_odd_facet_values_are_ignored_not_an_error(client, published_meeting, year):
    response = found(client, "Woondeal", year=year, kind="x" * 500)
    assert response.context["result"].total == 0  # the kind filter matches nothing
    assert found(client, "Woondeal", year=year).context["result"].total >= 1


# --- Request limit --------------------------------------------------------------------------


def find(client, query, **meta):
    return client.get(reverse("publiek:search"), {"q": query}, **meta)


def test_anonymous_search_answers_429_with_retry_after_in_dutch_before_anything_else(
    client, published_meeting, monkeypatch
):
    monkeypatch.setattr(ratelimit, "SEARCH", ratelimit.Limit(name="search", requests=5, window=60))
    answers = [find(client, "woondeal", REMOTE_ADDR="198.51.100.7").status_code for _ in range(12)]
    assert answers == [200] * 5 + [429] * 7
    refused = find(client, "woondeal", REMOTE_ADDR="198.51.100.7")
    assert 1 <= int(refused["Retry-After"]) <= 60
    assert refused["X-Rate-Limit-Remaining"] == "0"
    assert "no-store" in refused["Cache-Control"]
    assert "Probeer het over" in refused.text and "seconde" in refused.text
    # Another address has its own budget; htmx gets the same refusal.
    assert find(client, "woondeal", REMOTE_ADDR="198.51.100.8").status_code == 200
    htmx = find(client, "woondeal", REMOTE_ADDR="198.51.100.7", HTTP_HX_REQUEST="true")
    assert htmx.status_code == 429


def test_signed_in_search_is_not_limited_per_address(client, member, monkeypatch):
    monkeypatch.setattr(ratelimit, "SEARCH", ratelimit.Limit(name="search", requests=2, window=60))
    client.force_login(member)
    assert {find(client, "woondeal").status_code for _ in range(5)} == {200}


def test_search_keeps_answering_when_its_counter_cannot_be_reached(
    client, published_meeting, settings, tmp_path, monkeypatch
):
    """Redis away: the limit counts in this process's memory (core.cache) — no 500."""
    settings.CACHES = {
        "default": {
            "BACKEND": "nhn_portal.core.cache.FailoverRedisCache",
            "LOCATION": f"unix://{tmp_path / 'no-redis.sock'}",
        }
    }
    monkeypatch.setattr(ratelimit, "SEARCH", ratelimit.Limit(name="search", requests=3, window=60))
    answers = [find(client, "woondeal").status_code for _ in range(5)]
    assert answers == [200, 200, 200, 429, 429]
