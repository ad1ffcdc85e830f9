"""The screen is Dutch: pages, choice labels and validation messages come from locale/nl.

tests/test_i18n.py checks that the catalogue is complete; these tests check that it is used.
The .mo is built by bin/setup; when it is missing or older than the .po (pytest run by hand
after makemessages), the fixture below compiles it first so the tests read the current text.
"""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from django.utils.translation import trans_real

from gremia.constants import BodyKind, MembershipRole
from gremia.models.registry import Membership
from nhn_portal.core.constants import Role
from regiobureau.constants import ItemPurpose, MeetingStatus
from rounds.constants import RoundStatus
from tests.factories import BodyFactory, PersonFactory, UserFactory
from tests.test_i18n import CATALOGUE

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module", autouse=True)
def compiled_catalogue():
    compiled = CATALOGUE.with_suffix(".mo")
    if not compiled.exists() or compiled.stat().st_mtime < CATALOGUE.stat().st_mtime:
        call_command("compilemessages", locale=["nl"], verbosity=0)
        trans_real._translations = {}  # drop catalogues loaded before the .mo was rebuilt
        trans_real._active = trans_real.Local()


@pytest.fixture
def logged_in_client(client):
    client.force_login(UserFactory(roles=[Role.ADMINISTRATOR]))
    return client


def test_the_login_page_is_dutch(client):
    html = client.get(reverse("account_login")).content.decode()
    assert "Inloggen op het NHN Portaal" in html
    assert "Wachtwoord" in html
    assert "Wachtwoord vergeten?" in html
    assert "Log in to the NHN Portal" not in html
    assert "Forgot your password?" not in html


def test_an_empty_login_form_answers_in_dutch(client):
    html = client.post(reverse("account_login"), {"login": "", "password": ""}).content.decode()
    assert "Dit veld is verplicht." in html
    assert "This field is required." not in html


def test_the_navigation_of_a_logged_in_page_is_dutch(logged_in_client):
    html = logged_in_client.get(reverse("gremia:governance_map")).content.decode()
    for text in ("Overzicht", "Bestuurskaart", "Evenwicht", "Regiokalender", "Mijn vergaderingen"):
        assert f">{text}</a>" in html, text
    assert "Uitloggen" in html
    assert "Naar de inhoud" in html
    assert "Bestuurder" in html  # the role under the user's name
    assert "Main navigation" not in html
    assert "Regional calendar" not in html


def test_the_accessibility_statement_is_dutch(client):
    html = client.get(reverse("accessibility")).content.decode()
    assert "Toegankelijkheidsverklaring" in html
    assert "400%" in html
    assert "Report a problem" not in html


def test_choice_labels_are_dutch():
    with translation.override("nl"):
        assert str(MeetingStatus.CANCELLED.label) == "Geannuleerd"
        assert str(MeetingStatus.AGENDA_PUBLISHED.label) == "Agenda gepubliceerd"
        assert str(ItemPurpose.DECISION.label) == "Ter besluitvorming"
        assert str(BodyKind.PRINCIPALS.label) == "Ambtelijk opdrachtgeversoverleg"
        assert str(MembershipRole.CHAIR.label) == "Voorzitter"
        assert str(Role.MANAGER.label) == "Functioneel beheerder"
        # A written round that ended is closed, not a closed (besloten) meeting.
        assert str(RoundStatus.CLOSED.label) == "Gesloten"


def test_validation_messages_are_dutch():
    body = BodyFactory(dissolved_on=datetime.date(2025, 6, 1))
    person = PersonFactory()
    membership = Membership(
        person=person,
        body=body,
        organisation=person.organisation,
        role=MembershipRole.MEMBER,
        start=datetime.date(2025, 7, 1),
        end=datetime.date(2025, 3, 1),
    )
    with translation.override("nl"), pytest.raises(ValidationError) as raised:
        membership.full_clean()
    messages = raised.value.messages
    assert "De einddatum kan niet vóór de begindatum liggen." in messages
    assert f"{body} is op 1 juni 2025 opgeheven en krijgt geen nieuwe leden meer." in messages


def test_a_list_without_a_choice_says_kies_and_shows_its_chevron(client, settings):
    client.force_login(UserFactory(roles=[Role.SECRETARY]))
    BodyFactory(name="Platform Wonen")
    page = client.get(reverse("regiobureau:meeting_create")).text
    assert '<option value="" selected>Kies …</option>' in page
    assert "---------" not in page
    # Utrecht's select draws no chevron of its own (appearance: none); the theme gives it one.
    theme = (settings.BASE_DIR / "static" / "css" / "theme.css").read_text()
    assert "--utrecht-select-background-image: url(" in theme
