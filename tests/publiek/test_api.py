"""The open data API (ORI 2.0) publishes public data only, in the
standard's shapes: every answer is checked against the standard's component schemas."""

import copy
import pathlib

import jsonschema
import pytest
import yaml
from django.db import connection
from django.test.utils import CaptureQueriesContext

from nhn_portal.core import ratelimit
from regiobureau.models.documents import Document
from tests.builders import CLOSED_TITLE, CONFIDENTIAL_DOC
from tests.factories import AgendaItemFactory, BodyFactory, DocumentFactory, MeetingFactory

pytestmark = pytest.mark.django_db

API = "/api/ori/v2"
STANDARD = pathlib.Path(__file__).parent / "standards" / "ori-2.0.0-beta.4-openapi.yaml"


def _nullable(node):
    """OpenAPI 3.0's `nullable` in JSON Schema terms (null allowed), recursively."""
    if isinstance(node, list):
        return [_nullable(item) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: _nullable(value) for key, value in node.items()}
    if node.pop("nullable", False):
        return {"anyOf": [{"type": "null"}, node]}
    if "allOf" in node and any(
        isinstance(part, dict) and part.get("anyOf", [{}])[0] == {"type": "null"} and
        len(part) == 1 and part["anyOf"][1] == {}
        for part in node["allOf"]
    ):  # fmt: skip
        parts = [
            p
            for p in node["allOf"]
            if not (isinstance(p, dict) and "anyOf" in p and p["anyOf"][1] == {})
        ]
        rest = {key: value for key, value in node.items() if key != "allOf"}
        return {"anyOf": [{"type": "null"}, {**rest, "allOf": parts}]}
    return node


@pytest.fixture(scope="module")
def components():
    spec = yaml.safe_load(STANDARD.read_text())
    return _nullable(copy.deepcopy(spec["components"]))


def check(components, name, data):
    schema = {"components": components, "$ref": f"#/components/schemas/{name}"}
    jsonschema.validate(data, schema, cls=jsonschema.Draft7Validator)


def get(client, path, **headers):
    return client.get(f"{API}/{path}", headers=headers)


def test_every_resource_answers_in_the_standards_shape(
    client, components, published_meeting, meeting_with_decision
):
    for path, paginated, item in [
        ("vergaderingen", "PaginatedVergaderingList", "Vergadering"),
        ("agendapunten", "PaginatedAgendapuntList", "Agendapunt"),
        ("besluiten", "PaginatedBesluitList", "Besluit"),
        ("informatieobjecten", "PaginatedInformatieObjectList", "InformatieObject"),
        (
            "organisatorische_eenheden",
            "PaginatedOrganisatorischeEenheidList",
            "OrganisatorischeEenheid",
        ),
    ]:
        response = get(client, path)
        assert response.status_code == 200, path
        data = response.json()
        assert data["results"], path
        check(components, paginated, data)
        detail = client.get(data["results"][0]["url"])
        assert detail.status_code == 200
        check(components, item, detail.json())


def test_only_public_data_is_published(client, published_meeting):
    items = get(client, "agendapunten").json()["results"]
    assert CLOSED_TITLE not in [item["agendapuntTitel"] for item in items]
    closed = published_meeting.closed_item
    secret = Document.objects.get(title=CONFIDENTIAL_DOC)
    missing = get(client, "agendapunten/999999")
    for path in (f"agendapunten/{closed.pk}", f"informatieobjecten/{secret.pk}"):
        response = get(client, path)
        assert response.status_code == 404
        assert response.json()["status"] == missing.json()["status"] == 404
    titles = [d["titel"] for d in get(client, "informatieobjecten").json()["results"]]
    assert CONFIDENTIAL_DOC not in titles and "Koopovereenkomst concept" not in titles
    assert "Voortgangsrapportage" in titles


def test_a_closed_meeting_is_published_by_body_and_date_only(client, components):
    meeting = MeetingFactory(published=True, closed_meeting=True, title="Geheim beraad")
    AgendaItemFactory(meeting=meeting, title="Niet voor buiten")
    data = get(client, f"vergaderingen/{meeting.pk}").json()
    check(components, "Vergadering", data)
    assert "naam" not in data and "locatie" not in data
    assert "Geheim beraad" not in str(data) and "Niet voor buiten" not in str(data)
    assert data["georganiseerdDoorGremium"]["gremiumnaam"] == meeting.body.name


def test_drafts_are_not_published(client):
    draft = MeetingFactory(title="Concept")
    assert get(client, f"vergaderingen/{draft.pk}").status_code == 404


def test_document_carries_file_metadata_and_a_download_link(client, published_meeting):
    document = Document.objects.get(title="Voortgangsrapportage")
    data = get(client, f"informatieobjecten/{document.pk}").json()
    file = data["x-nhn"]["bestand"]
    assert file["sha256"] == document.current_version.sha256
    assert file["mediatype"] == "application/pdf"
    assert client.get(data["link"]).status_code == 200


def test_unknown_filter_is_a_400_in_the_standards_error_shape(client):
    response = get(client, "vergaderingen?kleur=rood")
    assert response.status_code == 400
    body = response.json()
    assert body["status"] == 400
    assert {"type", "title", "status", "detail", "instance"} <= set(body)
    assert body["invalidParams"][0]["name"] == "kleur"
    assert get(client, "vergaderingen?gewijzigdSinds=gisteren").status_code == 400


def test_a_page_beyond_the_end_is_404(client, published_meeting):
    assert get(client, "vergaderingen?page=99").status_code == 404


def test_updated_since_harvests_changes_only(client, published_meeting):
    assert get(client, "vergaderingen?gewijzigdSinds=2000-01-01T00:00:00Z").json()["results"]
    assert get(client, "vergaderingen?gewijzigdSinds=2999-01-01T00:00:00Z").json()["results"] == []
    assert get(client, "vergaderingen?updated_since=2999-01-01").json()["results"] == []


def test_etag_cors_and_rate_limit_headers(client, published_meeting):
    response = get(client, "vergaderingen")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["X-Rate-Limit-Limit"] == "600"
    assert int(response["X-Rate-Limit-Remaining"]) < 600
    assert int(response["X-Rate-Limit-Reset"]) <= 60
    again = get(client, "vergaderingen", **{"If-None-Match": response["ETag"]})
    assert again.status_code == 304 and again.content == b""
    assert get(client, "vergaderingen", **{"If-None-Match": '"other"'}).status_code == 200


def test_the_rate_limit_refuses_with_429_retry_after_and_a_dutch_reason(client, monkeypatch):
    monkeypatch.setattr(ratelimit, "API", ratelimit.Limit(name="api", requests=2, window=60))
    assert get(client, "organisatorische_eenheden").status_code == 200
    assert get(client, "organisatorische_eenheden").status_code == 200
    refused = get(client, "organisatorische_eenheden")
    assert refused.status_code == 429
    assert refused.json()["status"] == 429
    assert refused.json()["detail"].startswith("Te veel verzoeken; probeer het over")
    assert 1 <= int(refused["Retry-After"]) <= 60
    assert refused["X-Rate-Limit-Remaining"] == "0"
    # Counted per client address.
    other = client.get(f"{API}/organisatorische_eenheden", REMOTE_ADDR="192.0.2.9")
    assert other.status_code == 200


def test_openapi_description_is_served(client):
    response = client.get(f"{API}/openapi.json")
    assert response.status_code == 200
    spec = response.json()
    assert spec["openapi"].startswith("3.")
    assert {"/api/ori/v2/vergaderingen", "/api/ori/v2/informatieobjecten/{id}"} <= set(
        spec["paths"]
    )


def build(count):
    body = BodyFactory()
    for index in range(count):
        meeting = MeetingFactory(body=body, published=True, title=f"V{index}")
        item = AgendaItemFactory(meeting=meeting)
        DocumentFactory(agenda_item=item)


@pytest.mark.parametrize("count", [5, 50])
@pytest.mark.parametrize("path", ["vergaderingen", "agendapunten", "informatieobjecten"])
def test_list_pages_run_a_fixed_number_of_queries(client, count, path):
    build(count)
    with CaptureQueriesContext(connection) as queries:
        assert get(client, f"{path}?pageSize=50").status_code == 200
    # The count, the page, and one prefetch (a meeting's public items, an item's stukken);
    # items and informatieobjecten also read the public consultations (none here).
    assert len(queries) == API_QUERIES[path], [q["sql"] for q in queries]


API_QUERIES = {"vergaderingen": 3, "agendapunten": 4, "informatieobjecten": 3}
