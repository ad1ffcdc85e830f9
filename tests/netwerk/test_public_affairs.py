"""The public-affairs agenda: confidential by default, read only by the
secretariat and the dossier's carriers and lobbyist; a public summary only for a dossier that is
not confidential; contacts need an organisation; external moments warn when no preparing
meeting is planned before them."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override

from gremia.models.registry import Person
from netwerk import selectors
from netwerk.constants import Arena
from netwerk.models.lobby import ExternalMoment, LobbyContact, LobbyDossier
from netwerk.services.lobby import (
    external_moment_add,
    lobby_contact_add,
    lobby_dossier_create,
    lobby_dossier_publish_summary,
    lobby_dossier_set_confidential,
)
from nhn_portal.core.access import NotFound
from nhn_portal.core.constants import Role
from nhn_portal.core.models import AuditRecord
from regiobureau.constants import MeetingStatus
from tests.factories import BodyFactory, MeetingFactory, UserFactory

pytestmark = pytest.mark.django_db

SECRET_POSITION = "Geheime onderhandelingsruimte: maximaal 40 miljoen"


@pytest.fixture
def carrier(db):
    user = UserFactory(roles=[Role.ADMINISTRATOR])
    Person.objects.create(name="Bestuurder Drager", user=user)
    return user


@pytest.fixture
def dossier(secretary, carrier):
    return lobby_dossier_create(
        actor=secretary,
        title="MIRT Noord-Holland Noord",
        arena=Arena.NATIONAL,
        position=SECRET_POSITION,
        carriers=[carrier.person],
    )


def test_new_dossier_is_confidential_and_audited(dossier, secretary):
    assert dossier.confidential
    assert AuditRecord.objects.filter(verb="lobby_dossier_create", actor=secretary).exists()


def test_only_secretariat_and_carriers_read_a_dossier(dossier, secretary, carrier, outsider):
    assert selectors.access_lobby_dossier(user=secretary, pk=dossier.pk) == dossier
    assert selectors.access_lobby_dossier(user=carrier, pk=dossier.pk) == dossier
    with pytest.raises(NotFound):
        selectors.access_lobby_dossier(user=outsider, pk=dossier.pk)
    assert list(selectors.lobby_dossiers_for(user=outsider)) == []
    # Not confidential does not open it to every bestuurder either.
    lobby_dossier_set_confidential(actor=secretary, dossier=dossier, confidential=False)
    with pytest.raises(NotFound):
        selectors.access_lobby_dossier(user=outsider, pk=dossier.pk)


def test_confidential_dossier_summary_cannot_be_published(dossier, secretary):
    with override("nl"), pytest.raises(ValidationError) as caught:
        lobby_dossier_publish_summary(actor=secretary, dossier=dossier, summary="Kort")
    with override("nl"):
        assert "vertrouwelijk" in " ".join(caught.value.messages)
    dossier.refresh_from_db()
    assert dossier.summary_published_at is None
    assert list(selectors.public_lobby_summaries()) == []


def test_making_a_dossier_confidential_withdraws_its_public_summary(client, dossier, secretary):
    lobby_dossier_set_confidential(actor=secretary, dossier=dossier, confidential=False)
    lobby_dossier_publish_summary(
        actor=secretary, dossier=dossier, summary="De regio vraagt om de A7/A8-corridor."
    )
    page = client.get(reverse("netwerk:public_affairs"))
    assert page.status_code == 200
    assert "A7/A8-corridor" in page.text
    assert SECRET_POSITION not in page.text
    lobby_dossier_set_confidential(actor=secretary, dossier=dossier, confidential=True)
    dossier.refresh_from_db()
    assert dossier.summary_published_at is None
    page = client.get(reverse("netwerk:public_affairs"))
    assert "A7/A8-corridor" not in page.text
    assert dossier.title not in page.text


def test_the_database_refuses_a_published_summary_on_a_confidential_dossier(dossier):
    dossier.summary_published_at = timezone.now()
    with pytest.raises(ValidationError):
        dossier.full_clean()


def test_contact_without_organisation_is_refused(dossier, secretary):
    with pytest.raises(ValidationError) as caught:
        lobby_contact_add(
            actor=secretary, dossier=dossier, organisation="  ", role="Beleidsmedewerker"
        )
    assert "organisation" in caught.value.error_dict
    assert not LobbyContact.objects.exists()
    lobby_contact_add(
        actor=secretary, dossier=dossier, organisation="Ministerie van IenW", role="MIRT-regisseur"
    )
    assert LobbyContact.objects.count() == 1


def test_external_moment_in_the_past_is_refused(dossier, secretary):
    today = timezone.localdate()
    with override("nl"), pytest.raises(ValidationError) as caught:
        external_moment_add(
            actor=secretary,
            dossier=dossier,
            title="BO MIRT",
            date=today - datetime.timedelta(days=1),
        )
    with override("nl"):
        assert "in het verleden" in " ".join(caught.value.messages)
    assert not ExternalMoment.objects.exists()


def test_warning_when_no_preparing_meeting_before_the_moment(dossier, secretary, carrier):
    today = timezone.localdate()
    platform = BodyFactory(name="Platform Mobiliteit (test)", slug="platform-mobiliteit-test")
    prepared = external_moment_add(
        actor=secretary,
        dossier=dossier,
        title="BO MIRT najaar",
        date=today + datetime.timedelta(days=30),
        preparing_body=platform,
    )
    unprepared = external_moment_add(
        actor=secretary,
        dossier=dossier,
        title="Commissiedebat",
        date=today + datetime.timedelta(days=10),
        preparing_body=platform,
    )
    meeting = MeetingFactory(
        body=platform,
        starts_at=timezone.now() + datetime.timedelta(days=15),
        status=MeetingStatus.PLANNED,
    )
    rows = {row.moment: row for row in selectors.external_moments_for(user=secretary)}
    assert rows[prepared].warning is False
    assert rows[prepared].preparing_meeting == meeting
    assert rows[unprepared].warning is True
    # The carrier sees the same moments; an outsider none.
    assert len(selectors.external_moments_for(user=carrier)) == 2


def test_pages(client, dossier, secretary, carrier, outsider):
    detail = reverse("netwerk:lobby_dossier_detail", args=[dossier.pk])
    client.force_login(outsider)
    assert client.get(detail).status_code == 404
    assert dossier.title not in client.get(reverse("netwerk:lobby_dossier_list")).text
    assert dossier.title not in client.get(reverse("netwerk:external_calendar")).text
    client.force_login(carrier)
    page = client.get(detail)
    assert page.status_code == 200 and SECRET_POSITION in page.text
    assert page["Cache-Control"] == "private, no-store"
    # A carrier reads but does not edit.
    response = client.post(
        reverse("netwerk:lobby_contact_add", args=[dossier.pk]),
        {"organisation": "Ministerie van BZK", "role": "Directeur"},
    )
    assert response.status_code == 404
    assert not LobbyContact.objects.exists()
    client.force_login(secretary)
    response = client.post(
        reverse("netwerk:lobby_contact_add", args=[dossier.pk]),
        {"organisation": "", "role": "Directeur"},
    )
    assert response.status_code == 400
    assert "Dit veld is verplicht" in response.text
    response = client.post(
        reverse("netwerk:lobby_dossier_publish", args=[dossier.pk]), {"summary": "Openbaar"}
    )
    assert response.status_code == 400
    assert "vertrouwelijk" in response.text
    assert LobbyDossier.objects.get(pk=dossier.pk).summary_published_at is None
    client.post(
        reverse("netwerk:lobby_dossier_confidentiality", args=[dossier.pk]), {"confidential": "0"}
    )
    client.post(
        reverse("netwerk:lobby_dossier_publish", args=[dossier.pk]), {"summary": "Openbaar deel"}
    )
    client.logout()
    assert "Openbaar deel" in client.get(reverse("netwerk:public_affairs")).text
