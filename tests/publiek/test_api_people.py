"""The ORI resources natuurlijkpersonen and aanwezigedeelnemers: public office holders by
name, function and seat, and who of them was present at a held public meeting (its
presentielijst). Everyone else at a table, absences and closed meetings stay inside."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from gremia.constants import MembershipRole, PersonFunction
from publiek.api.serializers import split_name
from regiobureau.constants import Presence
from regiobureau.selectors.attendance import attendance_seats
from regiobureau.services.attendance import attendance_record
from tests.factories import BodyFactory, MeetingFactory, MembershipFactory, PersonFactory
from tests.publiek import test_api as ori
from tests.publiek.test_api import check, get

pytestmark = pytest.mark.django_db

components = ori.components  # the standard's schemas, a module-scoped fixture


def held_meeting(secretary, *, is_public=True):
    body = BodyFactory()
    chair = MembershipFactory(
        body=body, role=MembershipRole.CHAIR, person=PersonFactory(name="Anna de Vries")
    )
    alderman = MembershipFactory(body=body, person=PersonFactory(name="Piet van der Berg"))
    adviser = MembershipFactory(
        body=body,
        person=PersonFactory(name="Ambtenaar Jansen", function=PersonFunction.CIVIL_SERVANT),
    )
    absent = MembershipFactory(body=body, person=PersonFactory(name="Karel Afwezig"))
    stand_in = PersonFactory(name="Wethouder Vervanger", organisation=alderman.person.organisation)
    meeting = MeetingFactory(body=body, held=True, is_public=is_public)
    seats = {s.membership.pk: s.membership for s in attendance_seats(meeting)}
    assert {chair.pk, alderman.pk, adviser.pk, absent.pk} <= set(seats)
    attendance_record(
        actor=secretary,
        meeting=meeting,
        entries={
            chair.pk: (Presence.PRESENT, None),
            alderman.pk: (Presence.SUBSTITUTED, stand_in.pk),
            adviser.pk: (Presence.PRESENT, None),
            absent.pk: (Presence.ABSENT, None),
        },
    )
    return meeting, {"chair": chair, "alderman": alderman, "stand_in": stand_in}


def names_present(client, meeting):
    rows = get(client, f"aanwezigedeelnemers?vergadering={meeting.pk}").json()["results"]
    persons = [client.get(row["natuurlijkPersoon"]["url"]).json() for row in rows]
    return {p["naamNatuurlijkPersoon"]["volledigeNaam"] for p in persons}, rows


def test_present_public_office_holders_of_a_held_public_meeting(client, secretary, components):
    meeting, people = held_meeting(secretary)
    response = get(client, f"aanwezigedeelnemers?vergadering={meeting.pk}")
    assert response.status_code == 200
    check(components, "PaginatedAanwezigeDeelnemerList", response.json())
    names, rows = names_present(client, meeting)
    # The chair, and the substitute who came for the alderman; not the civil servant (no
    # public office), not the member who stayed away.
    assert names == {"Anna de Vries", "Wethouder Vervanger"}
    by_role = {row["rolnaam"]: row for row in rows}
    assert by_role["voorzitter"]["vergadering"]["id"] == str(meeting.pk)
    assert by_role["overig"]["x-nhn"]["vervangtVoor"]["id"] == str(people["alderman"].person_id)
    detail = client.get(rows[0]["url"])
    assert detail.status_code == 200
    check(components, "AanwezigeDeelnemer", detail.json())


def test_a_closed_or_unheld_meeting_publishes_no_attendance(client, secretary):
    closed, _ = held_meeting(secretary, is_public=False)
    assert get(client, f"aanwezigedeelnemers?vergadering={closed.pk}").json()["results"] == []
    row = closed.attendances.first()
    assert get(client, f"aanwezigedeelnemers/{row.pk}").status_code == 404
    upcoming = MeetingFactory(published=True)
    MembershipFactory(body=upcoming.body)
    assert get(client, f"aanwezigedeelnemers?vergadering={upcoming.pk}").json()["results"] == []


def test_persons_are_public_office_holders_with_their_seats_and_no_contact_data(client, components):
    alderman = MembershipFactory(
        person=PersonFactory(name="Piet van der Berg", email="piet@example.nl")
    )
    MembershipFactory(
        person=PersonFactory(name="Beleid Medewerker", function=PersonFunction.CIVIL_SERVANT)
    )
    response = get(client, "natuurlijkpersonen")
    data = response.json()
    check(components, "PaginatedNatuurlijkPersoonList", data)
    assert [p["naamNatuurlijkPersoon"]["volledigeNaam"] for p in data["results"]] == [
        "Piet van der Berg"
    ]
    person = data["results"][0]
    assert person["functie"] == "wethouder"
    assert person["x-nhn"]["zetels"][0]["gremiumnaam"] == alderman.body.name
    assert "piet@example.nl" not in response.content.decode()
    check(components, "NatuurlijkPersoon", client.get(person["url"]).json())


def test_dutch_names_are_split_into_the_standards_parts():
    assert split_name("Piet van der Berg") == {
        "volledigeNaam": "Piet van der Berg",
        "voornamen": "Piet",
        "tussenvoegsel": "van der",
        "achternaam": "Berg",
    }
    assert split_name("Anna Jansen")["achternaam"] == "Jansen"
    assert split_name("Mevrouw de Wit-Bakker")["tussenvoegsel"] == "de"
    assert split_name("Groot")["achternaam"] == "Groot"


@pytest.mark.parametrize("count", [5, 50])
def test_people_lists_run_a_fixed_number_of_queries(client, secretary, count):
    for _ in range(count // 5):
        held_meeting(secretary)
    # aanwezigedeelnemers: the count, the page and the page's votes (stemmen).
    for path, expected in (("natuurlijkpersonen?pageSize=100", 3), ("aanwezigedeelnemers", 3)):
        with CaptureQueriesContext(connection) as queries:
            assert get(client, path).status_code == 200
        assert len(queries) == expected, (path, [q["sql"] for q in queries])
