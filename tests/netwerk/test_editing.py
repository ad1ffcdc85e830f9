"""Correcting what was recorded: an open opportunity and a lobby dossier can be edited by the
secretariat, audited; a decided opportunity stays as it was; a carrier reads a dossier but does
not edit it."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from gremia.models.registry import Person
from netwerk.constants import Arena, OpportunityKind, OpportunityOutcome
from netwerk.services.lobby import lobby_dossier_create
from netwerk.services.opportunities import (
    opportunity_create,
    opportunity_decide,
    opportunity_update,
)
from nhn_portal.core.constants import Role
from nhn_portal.core.models import AuditRecord
from tests.factories import BodyFactory, UserFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 3, 2)


@pytest.fixture
def opportunity(secretary):
    return opportunity_create(
        actor=secretary,
        title="Subsidieronde woningbouw",
        kind=OpportunityKind.SUBSIDY_ROUND,
        deciding_body=BodyFactory(name="Stuurgroep (test)"),
        signalled_on=TODAY,
        deadline=TODAY + datetime.timedelta(days=60),
        today=TODAY,
    )


def fields(opportunity, **changes):
    values = {
        "title": opportunity.title,
        "kind": opportunity.kind,
        "deciding_body": opportunity.deciding_body,
        "signalled_on": opportunity.signalled_on,
        "deadline": opportunity.deadline,
        "description": opportunity.description,
        "source": opportunity.source,
    }
    return {**values, **changes}


def test_an_open_opportunity_is_corrected_and_audited(secretary, opportunity):
    later = TODAY + datetime.timedelta(days=90)
    opportunity_update(
        actor=secretary,
        opportunity=opportunity,
        today=TODAY,
        **fields(opportunity, title="Subsidieronde woningbouw 2027", deadline=later),
    )
    opportunity.refresh_from_db()
    assert (opportunity.title, opportunity.deadline) == ("Subsidieronde woningbouw 2027", later)
    record = AuditRecord.objects.get(verb="opportunity_update")
    assert record.changes["deadline"][1] == later.isoformat()


def test_a_deadline_moved_into_the_past_is_refused_but_an_old_one_may_stay(secretary, opportunity):
    with pytest.raises(ValidationError) as error:
        opportunity_update(
            actor=secretary,
            opportunity=opportunity,
            today=TODAY,
            **fields(opportunity, deadline=TODAY - datetime.timedelta(days=1)),
        )
    assert "deadline" in error.value.message_dict
    # Months later the (now past) deadline is unchanged: the title can still be corrected.
    much_later = opportunity.deadline + datetime.timedelta(days=10)
    opportunity_update(
        actor=secretary,
        opportunity=opportunity,
        today=much_later,
        **fields(opportunity, title="Ronde (verlopen)"),
    )
    opportunity.refresh_from_db()
    assert opportunity.title == "Ronde (verlopen)"


def test_a_decided_opportunity_is_not_edited(secretary, opportunity):
    opportunity_decide(
        actor=secretary,
        opportunity=opportunity,
        decided_on=TODAY,
        outcome=OpportunityOutcome.SUBMITTED,
    )
    with pytest.raises(ValidationError):
        opportunity_update(
            actor=secretary,
            opportunity=opportunity,
            today=TODAY,
            **fields(opportunity, title="Anders"),
        )
    opportunity.refresh_from_db()
    assert opportunity.title == "Subsidieronde woningbouw"


def test_edit_page_saves_and_shows_dutch_errors(client, secretary, opportunity):
    client.force_login(secretary)
    url = reverse("netwerk:opportunity_edit", kwargs={"pk": opportunity.pk})
    page = client.get(url)
    assert page.status_code == 200
    assert 'value="Subsidieronde woningbouw"' in page.content.decode()
    data = {
        "title": "Nieuwe titel",
        "kind": opportunity.kind,
        "signalled_on": opportunity.signalled_on.isoformat(),
        "deadline": (timezone.localdate() + datetime.timedelta(days=30)).isoformat(),
        "deciding_body": opportunity.deciding_body.pk,
    }
    response = client.post(url, data)
    assert response.status_code == 302
    opportunity.refresh_from_db()
    assert opportunity.title == "Nieuwe titel"
    bad = client.post(url, {**data, "deadline": "2000-01-01"})
    assert bad.status_code == 400
    assert "De deadline ligt in het verleden" in bad.content.decode()


def test_only_the_secretariat_edits(client, opportunity, outsider):
    client.force_login(outsider)
    url = reverse("netwerk:opportunity_edit", kwargs={"pk": opportunity.pk})
    assert client.get(url).status_code == 404
    assert client.post(url, {"title": "X"}).status_code == 404


@pytest.fixture
def carrier(db):
    user = UserFactory(roles=[Role.ADMINISTRATOR])
    Person.objects.create(name="Bestuurder Drager", user=user)
    return user


def test_a_lobby_dossier_is_edited_with_its_carriers_and_audited(client, secretary, carrier):
    dossier = lobby_dossier_create(
        actor=secretary, title="MIRT", arena=Arena.NATIONAL, carriers=[carrier.person]
    )
    other = UserFactory(roles=[Role.ADMINISTRATOR])
    Person.objects.create(name="Tweede Drager", user=other)
    client.force_login(secretary)
    url = reverse("netwerk:lobby_dossier_edit", kwargs={"pk": dossier.pk})
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "title": "MIRT Noord-Holland Noord",
            "arena": Arena.EU,
            "position": "Verdubbeling N23",
            "carriers": [other.person.pk],
        },
    )
    assert response.status_code == 302
    dossier.refresh_from_db()
    assert (dossier.title, dossier.arena) == ("MIRT Noord-Holland Noord", Arena.EU)
    assert list(dossier.carriers.all()) == [other.person]
    assert dossier.confidential  # its own step; editing leaves it as it was
    people = AuditRecord.objects.get(verb="lobby_dossier_people_update")
    assert people.changes["carriers"] == [["Bestuurder Drager"], ["Tweede Drager"]]
    assert AuditRecord.objects.filter(verb="lobby_dossier_update").exists()
    # The old carrier no longer reads it; the new one does, and neither edits it.
    client.force_login(carrier)
    assert client.get(dossier.get_absolute_url()).status_code == 404
    client.force_login(other)
    assert client.get(dossier.get_absolute_url()).status_code == 200
    assert client.get(url).status_code == 404
