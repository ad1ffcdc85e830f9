"""OParl 1.1 at /api/oparl/: a client walks System → Body → Meeting → AgendaItem → File and
downloads the file; every object it meets is valid against the standard's JSON schemas
(publiek/oparl/schema); what the public pages do not show never appears."""

import datetime
import json
import pathlib

import jsonschema
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from gremia.constants import PersonFunction
from nhn_portal.core import ratelimit
from regiobureau.constants import MeetingStatus, Presence
from regiobureau.models.meetings import Meeting
from regiobureau.services.attendance import attendance_record
from tests.builders import CLOSED_TITLE, CONFIDENTIAL_DOC, PUBLIC_TITLE
from tests.factories import AgendaItemFactory, MeetingFactory, MembershipFactory

pytestmark = pytest.mark.django_db

SITE = "https://portaal.example.nl"
SCHEMAS = pathlib.Path(__file__).resolve().parents[2] / "publiek" / "oparl" / "schema"
CLOSED_DOC = "Koopovereenkomst concept"  # the public stuk of the closed item


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = SITE


@pytest.fixture(scope="module")
def schemas():
    return {path.stem: json.loads(path.read_text()) for path in SCHEMAS.glob("*.json")}


def validate(schemas, kind, obj):
    """`obj` against the schema of `kind`; its embedded objects against theirs; and no key
    the standard does not know (a typo would pass the schema silently)."""
    schema = schemas[kind]
    jsonschema.validate(obj, schema, cls=jsonschema.Draft7Validator)
    assert obj["type"] == f"https://schema.oparl.org/1.1/{kind}"
    assert obj["id"].startswith(SITE + "/"), obj["id"]
    assert set(obj) <= set(schema["properties"]), set(obj) - set(schema["properties"])
    for name, value in obj.items():
        spec = schema["properties"][name]
        inner = spec.get("schema") or (spec.get("items") or {}).get("schema")
        if not inner:
            continue
        inner = inner.removesuffix(".json")
        for embedded in value if isinstance(value, list) else [value]:
            if isinstance(embedded, dict):
                validate(schemas, inner, embedded)


def fetch(client, address, **extra):
    """GET an OParl URL as the client found it (absolute, under SITE_URL)."""
    assert address.startswith(SITE)
    response = client.get(address.removeprefix(SITE), **extra)
    assert response.status_code == 200, (address, response.content[:300])
    assert response["Access-Control-Allow-Origin"] == "*"
    return response.json()


def check_list(schemas, kind, page):
    assert set(page) == {"data", "pagination", "links"}
    for obj in page["data"]:
        validate(schemas, kind, obj)
    return page["data"]


def by_id(objects, address):
    return next(obj for obj in objects if obj["id"] == address)


def test_a_client_walks_from_the_system_to_a_file_and_downloads_it(
    client, schemas, published_meeting
):
    system = fetch(client, f"{SITE}/api/oparl/")  # asked as "testserver"
    validate(schemas, "System", system)
    assert system["oparlVersion"] == "https://schema.oparl.org/1.1/"

    bodies = check_list(schemas, "Body", fetch(client, system["body"]))
    assert len(bodies) == 1
    body = fetch(client, bodies[0]["id"])
    validate(schemas, "Body", body)
    assert body == bodies[0]

    meetings = check_list(schemas, "Meeting", fetch(client, body["meeting"]))
    address = f"{SITE}/api/oparl/meeting/{published_meeting.pk}/"
    meeting = fetch(client, address)
    validate(schemas, "Meeting", meeting)
    assert by_id(meetings, address) == meeting
    assert meeting["name"] == str(published_meeting)
    assert meeting["meetingState"] == "eingeladen"
    assert meeting["location"]["description"] == published_meeting.location
    assert fetch(client, meeting["location"]["id"]) == meeting["location"]

    titles = [item["name"] for item in meeting["agendaItem"]]
    assert PUBLIC_TITLE in titles
    assert CLOSED_TITLE not in titles
    listed = next(item for item in meeting["agendaItem"] if item["name"] == PUBLIC_TITLE)
    item = fetch(client, listed["id"])
    validate(schemas, "AgendaItem", item)
    assert item == listed
    assert item["meeting"] == address

    # The public stuk only; the confidential one beside it is not there.
    assert [file["name"] for file in item["auxiliaryFile"]] == ["Voortgangsrapportage"]
    file = fetch(client, item["auxiliaryFile"][0]["id"])
    validate(schemas, "File", file)
    assert file["agendaItem"] == [item["id"]]
    download = client.get(file["downloadUrl"].removeprefix(SITE))
    assert download.status_code == 200
    content = b"".join(download.streaming_content)
    assert content.startswith(b"%PDF")
    assert len(content) == file["size"]

    paper = fetch(client, file["paper"][0])
    validate(schemas, "Paper", paper)
    assert paper["mainFile"] == file


def test_closed_items_their_stukken_and_decisions_never_leak(
    client, schemas, published_meeting, body
):
    closed_meeting = MeetingFactory(
        body=body,
        is_public=False,
        status=MeetingStatus.AGENDA_PUBLISHED,
        title="Geheim beraad",
        location="Stadhuis Hoorn, kamer 3",
    )
    secret_item = AgendaItemFactory(meeting=closed_meeting, title="Onderhandeling Zuidrand")
    key = f"{SITE}/api/oparl/body/nhn"
    seen = []
    for part, kind in [
        ("meetings", "Meeting"),
        ("agenda-items", "AgendaItem"),
        ("papers", "Paper"),
        ("files", "File"),
    ]:
        page = fetch(client, f"{key}/{part}/")
        check_list(schemas, kind, page)
        seen.append(json.dumps(page, ensure_ascii=False))
    everything = "\n".join(seen)
    assert PUBLIC_TITLE in everything
    secrets = (CLOSED_TITLE, CONFIDENTIAL_DOC, CLOSED_DOC, "Geheim beraad", "kamer 3")
    for secret in (*secrets, secret_item.title):
        assert secret not in everything

    # The closed meeting is there by its body and date only.
    meeting = fetch(client, f"{SITE}/api/oparl/meeting/{closed_meeting.pk}/")
    validate(schemas, "Meeting", meeting)
    assert not {"name", "agendaItem", "web", "location", "participant"} & set(meeting)
    assert client.get(f"/api/oparl/meeting/{closed_meeting.pk}/location/").status_code == 404
    assert meeting["organization"] == [f"{SITE}/api/oparl/organization/{body.pk}/"]
    assert meeting["start"].startswith(
        timezone.localtime(closed_meeting.starts_at).date().isoformat()
    )

    closed_doc = published_meeting.closed_item.documents.get()
    confidential = published_meeting.public_item.documents.get(title=CONFIDENTIAL_DOC)
    for path in [
        f"agenda-item/{published_meeting.closed_item.pk}/",
        f"agenda-item/{secret_item.pk}/",
        f"file/{closed_doc.pk}/",
        f"paper/{closed_doc.pk}/",
        f"file/{confidential.pk}/",
        f"paper/{confidential.pk}/",
    ]:
        response = client.get(f"/api/oparl/{path}")
        assert response.status_code == 404, path
        assert response.json()["message"] == "Dit object bestaat niet of is niet openbaar."


def test_a_draft_meeting_is_not_published(client, body):
    draft = MeetingFactory(body=body, status=MeetingStatus.DRAFT, is_public=True)
    assert client.get(f"/api/oparl/meeting/{draft.pk}/").status_code == 404
    page = client.get("/api/oparl/body/nhn/meetings/").json()
    assert page["data"] == []


def test_the_decision_of_a_public_item_is_its_result(client, schemas, meeting_with_decision):
    meeting = client.get(f"/api/oparl/meeting/{meeting_with_decision.pk}/").json()
    validate(schemas, "Meeting", meeting)
    assert meeting["meetingState"] == "durchgeführt"
    (item,) = meeting["agendaItem"]
    assert item["resolutionText"].startswith("Het platform stemt in")
    assert item["result"] == "Aangenomen"


def test_participants_are_the_public_office_holders_present_at_a_held_public_meeting(
    client, schemas, secretary, body
):
    meeting = MeetingFactory(body=body, held=True)
    alderman = MembershipFactory(body=body, person__function=PersonFunction.ALDERMAN)
    adviser = MembershipFactory(body=body, person__function=PersonFunction.CIVIL_SERVANT)
    absent = MembershipFactory(body=body, person__function=PersonFunction.MAYOR)
    attendance_record(
        actor=secretary,
        meeting=meeting,
        entries={
            alderman.pk: (Presence.PRESENT, None),
            adviser.pk: (Presence.PRESENT, None),
            absent.pk: (Presence.ABSENT, None),
        },
    )
    published = fetch(client, f"{SITE}/api/oparl/meeting/{meeting.pk}/")
    validate(schemas, "Meeting", published)
    assert published["participant"] == [f"{SITE}/api/oparl/person/{alderman.person_id}/"]
    # A closed meeting names no one.
    Meeting.objects.filter(pk=meeting.pk).update(is_public=False)
    assert "participant" not in fetch(client, f"{SITE}/api/oparl/meeting/{meeting.pk}/")


def test_modified_since_created_since_and_modified_until_filter(client, body):
    old, new = MeetingFactory.create_batch(2, body=body, status=MeetingStatus.PLANNED)
    long_ago = timezone.now() - datetime.timedelta(days=30)
    Meeting.objects.filter(pk=old.pk).update(updated_at=long_ago, created_at=long_ago)
    cut = (timezone.now() - datetime.timedelta(days=1)).isoformat()

    def ids(**params):
        response = client.get("/api/oparl/body/nhn/meetings/", params)
        assert response.status_code == 200, response.content
        return [obj["id"].rsplit("/", 2)[-2] for obj in response.json()["data"]]

    assert ids() == [str(old.pk), str(new.pk)]
    assert ids(modified_since=cut) == [str(new.pk)]
    assert ids(created_since=cut) == [str(new.pk)]
    assert ids(modified_until=cut) == [str(old.pk)]
    refused = client.get("/api/oparl/body/nhn/meetings/", {"modified_since": "gisteren"})
    assert refused.status_code == 400
    assert "geen geldige datum-tijd" in refused.json()["message"]


def test_lists_page_with_next_links_that_keep_the_filters(client, body):
    meetings = MeetingFactory.create_batch(3, body=body, status=MeetingStatus.PLANNED)
    since = (timezone.now() - datetime.timedelta(days=1)).isoformat()
    first = client.get("/api/oparl/body/nhn/meetings/", {"limit": 2, "modified_since": since})
    page = first.json()
    assert [obj["id"] for obj in page["data"]] == [
        f"{SITE}/api/oparl/meeting/{meeting.pk}/" for meeting in meetings[:2]
    ]
    assert page["pagination"] == {
        "totalElements": 3,
        "elementsPerPage": 2,
        "currentPage": 1,
        "totalPages": 2,
    }
    assert "prev" not in page["links"]
    following = fetch(client, page["links"]["next"])
    assert [obj["id"] for obj in following["data"]] == [
        f"{SITE}/api/oparl/meeting/{meetings[2].pk}/"
    ]
    assert "next" not in following["links"]
    assert following["links"]["prev"].startswith(SITE)
    assert "modified_since=" in page["links"]["next"]
    assert client.get("/api/oparl/body/nhn/meetings/", {"page": 3, "limit": 2}).status_code == 404


def test_persons_are_public_office_holders_with_name_function_and_seats(client, schemas, body):
    mayor = MembershipFactory(
        body=body, person__function=PersonFunction.MAYOR, person__email="b@example.org"
    )
    adviser = MembershipFactory(body=body, person__function=PersonFunction.CIVIL_SERVANT)
    page = fetch(client, f"{SITE}/api/oparl/body/nhn/persons/")
    (person,) = check_list(schemas, "Person", page)
    assert person["name"] == mayor.person.name
    assert person["status"] == ["Burgemeester"]
    assert "b@example.org" not in json.dumps(page)
    assert person["membership"][0]["organization"] == f"{SITE}/api/oparl/organization/{body.pk}/"
    assert client.get(f"/api/oparl/person/{adviser.person_id}/").status_code == 404
    assert client.get(f"/api/oparl/membership/{adviser.pk}/").status_code == 404

    organizations = check_list(
        schemas, "Organization", fetch(client, f"{SITE}/api/oparl/body/nhn/organizations/")
    )
    organization = by_id(organizations, f"{SITE}/api/oparl/organization/{body.pk}/")
    other = MeetingFactory(status=MeetingStatus.PLANNED)  # of another gremium
    own = MeetingFactory(body=body, status=MeetingStatus.PLANNED)
    meetings = check_list(schemas, "Meeting", fetch(client, organization["meeting"]))
    assert [meeting["id"] for meeting in meetings] == [f"{SITE}/api/oparl/meeting/{own.pk}/"]
    assert other.body_id != body.pk
    assert organization["membership"] == [f"{SITE}/api/oparl/membership/{mayor.pk}/"]
    validate(schemas, "Membership", fetch(client, organization["membership"][0]))
    for term in check_list(
        schemas, "LegislativeTerm", fetch(client, f"{SITE}/api/oparl/body/nhn/legislative-terms/")
    ):
        assert fetch(client, term["id"]) == term


def test_an_unknown_body_is_a_404(client):
    assert client.get("/api/oparl/body/elders/meetings/").status_code == 404


def test_the_rate_limit_refuses_with_429_and_retry_after(client, monkeypatch):
    monkeypatch.setattr(ratelimit, "API", ratelimit.Limit(name="api", requests=2, window=60))
    assert client.get("/api/oparl/").status_code == 200
    assert client.get("/api/oparl/").status_code == 200
    refused = client.get("/api/oparl/")
    assert refused.status_code == 429
    assert refused.json()["message"].startswith("Te veel verzoeken")
    assert 1 <= int(refused["Retry-After"]) <= 60
    assert client.get("/api/oparl/", REMOTE_ADDR="192.0.2.9").status_code == 200


def test_a_meeting_list_costs_the_same_queries_for_one_meeting_or_many(
    client, published_meeting, body
):
    with CaptureQueriesContext(connection) as one:
        client.get("/api/oparl/body/nhn/meetings/")
    for _ in range(3):
        meeting = MeetingFactory(body=body, status=MeetingStatus.AGENDA_PUBLISHED, is_public=True)
        AgendaItemFactory.create_batch(2, meeting=meeting)
    with CaptureQueriesContext(connection) as many:
        page = client.get("/api/oparl/body/nhn/meetings/").json()
    assert len(page["data"]) == 4
    assert len(many) == len(one)
