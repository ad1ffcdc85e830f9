"""ODS-ORI 2.0 as the standard says: the root, every query parameter of the standard, the
collections not served (a documented 404), held meetings' times, votes, lengths and URIs, a
sample of every served collection against the standard's own component schemas (the copy of
its OpenAPI document in publiek/api/standard/), and schemathesis against the live OpenAPI
document."""

import jsonschema
import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.test import override_settings
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    response_schema_conformance,
    status_code_conformance,
)

from gremia.constants import BodyKind, OrganisationKind, PersonFunction
from nhn_portal.core import ratelimit
from publiek.api import spec, views
from regiobureau.constants import Presence, VoteChoice
from regiobureau.models.attendance import Attendance
from regiobureau.models.decisions import Decision, Vote
from rounds.constants import RoundStatus
from rounds.models import WrittenRound
from tests.factories import (
    AgendaItemFactory,
    BodyFactory,
    MeetingFactory,
    MembershipFactory,
    OrganisationFactory,
    PersonFactory,
)

pytestmark = pytest.mark.django_db

API = "/api/ori/v2"
SITE = "https://portaal.example.nl"
SCHEMA_OF = {
    "vergaderingen": "Vergadering",
    "agendapunten": "Agendapunt",
    "besluiten": "Besluit",
    "informatieobjecten": "InformatieObject",
    "organisatorische_eenheden": "OrganisatorischeEenheid",
    "natuurlijkpersonen": "NatuurlijkPersoon",
    "aanwezigedeelnemers": "AanwezigeDeelnemer",
    "stemmingen": "Stemming",
    "stemmen": "Stem",
    "dagelijksebesturen": "DagelijksBestuur",
}


def check(name, data):
    document = {"components": spec._components(), "$ref": f"#/components/schemas/{name}"}
    jsonschema.validate(data, document, cls=jsonschema.Draft7Validator)


@pytest.fixture(autouse=True)
def site(settings):
    settings.SITE_URL = SITE


@pytest.fixture
def voted(published_meeting, meeting_with_decision):
    """The held meeting with its decision, a council member present who voted for it."""
    decision = Decision.objects.get(item__meeting=meeting_with_decision)
    member = PersonFactory(name="Anna de Vries", function=PersonFunction.COUNCIL_MEMBER)
    seat = MembershipFactory(person=member, body=meeting_with_decision.body)
    attendance = Attendance.objects.create(
        meeting=meeting_with_decision, membership=seat, presence=Presence.PRESENT
    )
    vote = Vote.objects.create(decision=decision, member=member, choice=VoteChoice.FOR)
    town = OrganisationFactory(name="Gemeente Texel", kind=OrganisationKind.MUNICIPALITY)
    PersonFactory(name="Kees Bakker", function=PersonFunction.MAYOR, organisation=town)
    return {"decision": decision, "attendance": attendance, "vote": vote, "town": town}


def get(client, path, **extra):
    return client.get(f"{API}/{path}", **extra)


def test_the_root_lists_the_collections_served_and_not(client):
    response = get(client, "")
    assert response.status_code == 200
    data = response.json()
    assert set(data["collecties"]) == set(SCHEMA_OF)
    assert data["collecties"]["stemmen"] == f"{SITE}{API}/stemmen"
    assert set(data["nietGeleverd"]) | set(SCHEMA_OF) == set(spec.collections())


def test_collections_not_served_are_a_documented_dutch_404(client):
    openapi = get(client, "openapi.json").json()
    for collection in views.NOT_SERVED:
        for path in (collection, f"{collection}/1"):
            response = get(client, path)
            assert response.status_code == 404, path
            assert response["Content-Type"] == "application/problem+json"
            assert response.json()["title"] == "Niet gevonden"
            assert response.json()["detail"] == views.NOT_SERVED[collection]
        operations = openapi["paths"][f"{API}/{collection}"]["get"]
        assert "application/problem+json" in operations["responses"]["404"]["content"]


def sample_value(parameter):
    schema = parameter["schema"]
    if "$ref" in schema:
        schema = spec.standard()["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
    if "enum" in schema:
        return schema["enum"][0]
    return {
        "integer": "1",
        "boolean": "true",
    }.get(
        schema.get("type"),
        {"date": "2026-01-01", "date-time": "2026-01-01T00:00:00Z"}.get(
            schema.get("format"), "0400"
        ),
    )


def test_every_query_parameter_of_the_standard_answers_200(client, voted):
    for collection in SCHEMA_OF:
        view = next(v for v in vars(views).values() if getattr(v, "collection", "") == collection)
        for name, parameter in spec.query_parameters(collection).items():
            assert name in view.filters or name == "gewijzigdSinds", (collection, name)
            response = get(client, f"{collection}?{name}={sample_value(parameter)}")
            assert response.status_code == 200, (collection, name, response.content)


def test_the_parameters_have_the_standards_meaning(client, voted, published_meeting):
    held = voted["decision"].item.meeting
    day = timezone.localdate(held.starts_at)  # the meeting's date in the Netherlands

    def ids(path):
        return {r["id"] for r in get(client, path).json()["results"]}

    assert ids("vergaderingen?status=gehouden") == {str(held.pk)}
    assert str(published_meeting.pk) in ids("vergaderingen?status=gepland")
    assert str(held.pk) in ids(f"vergaderingen?vergaderdatum={day}")
    assert ids("vergaderingen?vergaderingstype=raadsvergadering") == set()
    assert ids("vergaderingen?gemeentecode=0361") == set()
    item = published_meeting.public_item
    assert str(item.pk) in ids(f"agendapunten?vergaderingsIdentificatie={published_meeting.pk}")
    assert str(item.pk) not in ids(f"agendapunten?vergaderingsIdentificatie={held.pk}")
    assert ids(f"informatieobjecten?vergaderingsIdentificatie={held.pk}") == set()
    assert ids("informatieobjecten?titel=voortgang")
    assert ids("natuurlijkpersonen?achternaam=vries") == {str(voted["vote"].member_id)}
    assert ids("stemmingen?stemmingstype=hoofdelijk") == {str(voted["decision"].pk)}
    assert ids("stemmingen?stemmingstype=schriftelijk") == set()
    assert ids(f"stemmen?stemming={voted['decision'].pk}") == {str(voted["vote"].pk)}
    assert ids("dagelijksebesturen?dagelijksBestuurtype=college") == {str(voted["town"].pk)}
    assert ids("dagelijksebesturen?dagelijksBestuurnaam=texel") == {str(voted["town"].pk)}
    assert ids("dagelijksebesturen?dagelijksBestuurtype=gedeputeerde_staten") == set()


def test_a_bad_parameter_value_is_a_dutch_400(client):
    for path, name in [
        ("vergaderingen?status=open", "status"),
        ("vergaderingen?vergaderdatum=morgen", "vergaderdatum"),
        (
            "natuurlijkpersonen?nevenfunctie_indicatorBezoldigd=ja",
            "nevenfunctie_indicatorBezoldigd",
        ),
        ("vergaderingen?waterschapcode=12", "waterschapcode"),
    ]:
        response = get(client, path)
        assert response.status_code == 400, path
        assert response["Content-Type"] == "application/problem+json"
        body = response.json()
        assert body["title"] == "Ongeldige parameters"
        assert body["invalidParams"][0]["name"] == name


def test_a_sample_of_every_collection_is_valid_by_the_standards_schemas(client, voted):
    for collection, name in SCHEMA_OF.items():
        data = get(client, collection).json()
        assert data["results"], collection
        for result in data["results"]:
            check(name, result)
            assert result["url"].startswith(f"{SITE}{API}/")
        detail = client.get(data["results"][0]["url"].removeprefix(SITE))
        assert detail.status_code == 200
        check(name, detail.json())


def test_held_meetings_votes_and_lengths(client, voted):
    decision = voted["decision"]
    Decision.objects.filter(pk=decision.pk).update(text="Besluit. " * 40)
    held = decision.item.meeting
    meeting = get(client, f"vergaderingen/{held.pk}").json()
    assert meeting["aanvangVergadering"] == meeting["geplandeAanvangVergadering"]
    assert meeting["eindeVergadering"] == meeting["geplandeEindeVergadering"]
    assert meeting["vergaderingstype"] == "commissievergadering"
    besluit = get(client, f"besluiten/{decision.pk}").json()
    assert len(besluit["besluittoelichting"]) == 200
    assert besluit["besluittoelichting"].endswith("\u2026")
    assert besluit["x-nhn"]["besluittekst"] == "Besluit. " * 40
    assert besluit["stemmingen"] == [f"{SITE}{API}/stemmingen/{decision.pk}"]
    stemming = get(client, f"stemmingen/{decision.pk}").json()
    assert stemming["resultaatMondelingeStemming"] == "voor"
    assert stemming["stemmen"] == [f"{SITE}{API}/stemmen/{voted['vote'].pk}"]
    stem = get(client, f"stemmen/{voted['vote'].pk}").json()
    assert stem["keuzeStemming"] == "voor"
    assert stem["aanwezigeDeelnemer"]["id"] == str(voted["attendance"].pk)
    deelnemer = get(client, f"aanwezigedeelnemers/{voted['attendance'].pk}").json()
    assert deelnemer["stemmen"] == [stem["url"]]


def test_meeting_type_follows_the_bodys_kind_and_nulls_are_left_out(client):
    gathering = MeetingFactory(body=BodyFactory(kind=BodyKind.COUNCIL_GATHERING), published=True)
    item = AgendaItemFactory(meeting=gathering)
    data = get(client, f"vergaderingen/{gathering.pk}").json()
    assert data["vergaderingstype"] == "raadsvergadering"
    assert "aanvangVergadering" not in data
    agendapunt = get(client, f"agendapunten/{item.pk}").json()
    assert "hoofdagendapunt" not in agendapunt
    check("Agendapunt", agendapunt)


def test_uris_come_from_site_url_not_the_host_header(client, published_meeting):
    response = get(client, "vergaderingen", HTTP_HOST="evil.example")
    assert response.status_code in (200, 400)  # Django may refuse the unknown host
    with override_settings(ALLOWED_HOSTS=["evil.example"]):
        data = get(client, "vergaderingen", HTTP_HOST="evil.example").json()
    assert data["results"][0]["url"].startswith(f"{SITE}{API}/vergaderingen/")
    assert "evil" not in str(data)


# ---- schemathesis against the live OpenAPI document ------------------------------------------


def test_schemathesis_finds_nothing_against_the_live_openapi_document(voted, monkeypatch):
    """Every operation of the live document, a few derandomized examples each, in-process
    (WSGI): no server error, only documented status codes, answers valid by their schemas."""
    # A generous budget: the run tests the answers, not the rate limit.
    monkeypatch.setattr(ratelimit, "API", ratelimit.Limit(name="api", requests=100_000, window=60))
    # As Django's test client does: the test's database connection stays open between calls.
    for signal in (request_started, request_finished):
        monkeypatch.setattr(signal, "receivers", [])
        monkeypatch.setattr(signal, "sender_receivers_cache", {})
    schema = schemathesis.openapi.from_wsgi(f"{API}/openapi.json", get_wsgi_application())
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) == 2 * len(spec.collections()) + 1  # and the root
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=8,
            derandomize=True,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def run(case):
            case.call_and_validate(
                checks=[not_a_server_error, status_code_conformance, response_schema_conformance]
            )

        run()


def test_a_far_offset_or_edge_of_the_calendar_is_still_a_moment(client, published_meeting):
    for since in (
        "1146-07-27T05:11:31+17:36",
        "0001-01-01T00:00:00-10:00",
        "9999-12-31T23:00:00-05:00",
    ):
        response = get(client, "vergaderingen", data={"gewijzigdSinds": since})
        assert response.status_code == 200, since


def test_a_written_round_is_a_written_vote_without_published_answers(client, voted):
    decision = voted["decision"]
    Vote.objects.all().delete()
    WrittenRound.objects.create(
        body=decision.item.meeting.body,
        title="Schriftelijk: Woondeal",
        proposal="Instemmen.",
        deadline=decision.created_at,
        status=RoundStatus.CLOSED,
        rule=decision.rule,
        outcome=decision.outcome,
        decision=decision,
    )
    stemming = get(client, f"stemmingen/{decision.pk}").json()
    check("Stemming", stemming)
    assert stemming["stemmingstype"] == "schriftelijk"
    assert stemming["stemmen"] == [] and "resultaatMondelingeStemming" not in stemming
    assert get(client, "stemmingen?stemmingstype=schriftelijk").json()["count"] == 1
    assert get(client, "stemmen").json()["count"] == 0
