"""`manage.py load_nhn`: the real NHN structure, idempotent, respectful of edits; `--demo`."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from gremia.constants import BodyKind, MembershipRole, OrganisationKind, PersonFunction
from gremia.demo import DEMO_PASSWORD, LOGINS
from gremia.models.registry import Body, Membership, Organisation, Person, Subregion, Theme
from gremia.models.rules import BalanceNorm
from middelen.models import Population
from netwerk.models.tables import RelatedTable
from nhn_portal.core.constants import Role
from nhn_portal.core.models import AuditRecord, User
from tests.demo import pdfs_rendered_quickly

pytestmark = pytest.mark.django_db

MODELS = [Subregion, Organisation, Theme, Body, Person, Membership, User]


def load(*args) -> str:
    out = io.StringIO()
    call_command("load_nhn", *args, stdout=out)
    return out.getvalue()


def state():
    """Every row's id and updated_at (where it has one), to prove a rerun touched nothing."""
    return {
        model.__name__: sorted(
            model.objects.values_list("pk", "updated_at" if hasattr(model, "updated_at") else "pk")
        )
        for model in MODELS
    } | {"audit": AuditRecord.objects.count()}


@pytest.fixture
def demo_settings(settings):
    settings.DEBUG = True
    return settings


def test_loads_the_three_subregions_and_17_municipalities():
    output = load()
    municipalities = Organisation.objects.filter(kind=OrganisationKind.MUNICIPALITY)
    assert municipalities.count() == 17
    counts = {
        s.name: s.organisations.filter(kind="gemeente").count() for s in Subregion.objects.all()
    }
    assert counts == {"Kop van Noord-Holland": 4, "West-Friesland": 7, "Regio Alkmaar": 6}
    central = set(
        municipalities.filter(is_central_municipality=True).values_list("name", flat=True)
    )
    assert central == {"Gemeente Alkmaar", "Gemeente Den Helder", "Gemeente Hoorn"}
    assert Organisation.objects.get(name="Gemeente Texel").subregion.slug == "kop-van-noord-holland"
    assert "gemeenten: 17 aangemaakt; 0 al aanwezig" in output


def test_loads_province_water_board_and_offices():
    load()
    kinds = dict(Organisation.objects.exclude(kind="gemeente").values_list("name", "kind"))
    assert kinds == {
        "Provincie Noord-Holland": OrganisationKind.PROVINCE,
        "Hoogheemraadschap Hollands Noorderkwartier": OrganisationKind.WATER_BOARD,
        "Regiobureau West-Friesland": OrganisationKind.SUBREGIONAL_OFFICE,
        "Regiobureau Kop van Noord-Holland": OrganisationKind.SUBREGIONAL_OFFICE,
        "Team Regio Alkmaar": OrganisationKind.SUBREGIONAL_OFFICE,
        "Regiobureau NHN": OrganisationKind.REGIONAL_OFFICE,
    }
    assert Organisation.objects.get(name="Team Regio Alkmaar").subregion.name == "Regio Alkmaar"


def test_loads_the_base_model_bodies_with_their_prepares_chain():
    load()
    assert set(Theme.objects.values_list("name", flat=True)) == {"Wonen", "Mobiliteit", "Economie"}
    assert Body.objects.count() == 13
    prepares = dict(Body.objects.values_list("slug", "prepares__slug"))
    assert prepares == {
        "publieke-stuurgroep-nhn": None,
        "platform-wonen": "publieke-stuurgroep-nhn",
        "platform-mobiliteit": "publieke-stuurgroep-nhn",
        "platform-economie": "publieke-stuurgroep-nhn",
        "regio-overleg-nhn": None,
        "raadsbijeenkomsten-nhn": None,
        "ambtelijk-opdrachtgeversoverleg": "publieke-stuurgroep-nhn",
        "directeurenoverleg-wonen": "platform-wonen",
        "directeurenoverleg-mobiliteit": "platform-mobiliteit",
        "directeurenoverleg-economie": "platform-economie",
        "werkgroep-wonen": "directeurenoverleg-wonen",
        "werkgroep-mobiliteit": "directeurenoverleg-mobiliteit",
        "werkgroep-economie": "directeurenoverleg-economie",
    }
    kinds = dict(Body.objects.values_list("slug", "kind"))
    assert kinds["publieke-stuurgroep-nhn"] == BodyKind.STEERING_GROUP
    assert kinds["regio-overleg-nhn"] == BodyKind.REGIONAL_MEETING
    assert kinds["raadsbijeenkomsten-nhn"] == BodyKind.COUNCIL_GATHERING
    assert kinds["ambtelijk-opdrachtgeversoverleg"] == BodyKind.PRINCIPALS
    stuurgroep = Body.objects.get(slug="publieke-stuurgroep-nhn")
    assert stuurgroep.meeting_frequency == "3 à 4 keer per jaar"
    assert "versnellen" in stuurgroep.purpose.lower()
    assert Body.objects.get(slug="werkgroep-economie").theme.name == "Economie"
    for body in Body.objects.all():
        body.full_clean()


def test_every_reference_write_is_audited_as_the_system():
    load()
    # The registry's reference data, its balance norms, the related tables beside NHN and the
    # municipalities' inhabitants (CBS, middelen's reference data).
    models = [Subregion, Organisation, Theme, Body, RelatedTable, BalanceNorm, Population]
    created = sum(model.objects.count() for model in models)
    assert AuditRecord.objects.filter(actor=None, action="create").count() == created


def test_running_twice_changes_nothing():
    load()
    first = state()
    output = load()
    assert state() == first
    assert "gemeenten: 0 aangemaakt; 17 al aanwezig" in output
    assert "niets gewijzigd" in output


def test_user_edits_survive_a_rerun():
    load()
    body = Body.objects.get(slug="platform-economie")
    body.name = "Economic Board NHN"
    body.kind = BodyKind.BOARD
    body.purpose = "Een derde overheid, een derde ondernemers, een derde onderwijs."
    body.prepares = None
    body.save()
    texel = Organisation.objects.get(slug="gemeente-texel")
    texel.website = "https://www.texel.nl"
    texel.save()
    Body.objects.get(slug="werkgroep-mobiliteit").delete()
    before = state()

    output = load()

    body.refresh_from_db()
    assert (body.name, body.kind, body.prepares) == ("Economic Board NHN", BodyKind.BOARD, None)
    assert body.purpose.startswith("Een derde overheid")
    assert Organisation.objects.get(slug="gemeente-texel").website == "https://www.texel.nl"
    assert not Body.objects.filter(name="Platform Economie").exists()
    # What a beheerder removed comes back (the command creates what is missing) …
    assert Body.objects.filter(slug="werkgroep-mobiliteit").exists()
    assert "gremia: 1 aangemaakt; 12 al aanwezig" in output
    # … and nothing else was touched.
    after = state()
    assert after["Organisation"] == before["Organisation"]
    assert after["audit"] == before["audit"] + 1


def test_an_organisation_made_by_hand_under_another_slug_is_not_duplicated():
    Organisation.objects.create(name="Gemeente Texel", slug="texel", kind="gemeente")
    load()
    assert Organisation.objects.filter(name="Gemeente Texel").count() == 1
    assert Organisation.objects.filter(kind="gemeente").count() == 17


def test_demo_is_refused_without_debug(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        load("--demo")
    assert not User.objects.exists()
    assert not Person.objects.exists()
    assert not AuditRecord.objects.exists()


def test_reference_data_loads_without_debug(settings):
    settings.DEBUG = False
    load()
    assert Body.objects.count() == 13


# The demo's tests read the database `load_nhn --demo` leaves, loaded once per test process
# (the `nhn_demo` fixture, tests/demo.py); a test that loads again does so on top of it.


def test_demo_persons_are_clearly_fictional(nhn_demo):
    # 29 of the registry's demo, the second secretary (who reviews annotations), the
    # bestuurder's assistant, the substitute of the presentielijst, the three sub-region
    # offices' boundary spanners, a new alderman after the elections, and the six council
    # members of the regional council working group (raden's demo).
    assert Person.objects.count() == 42
    assert all(name.endswith("(demo)") for name in Person.objects.values_list("name", flat=True))
    assert all(
        email.endswith("@example.org") for email in Person.objects.values_list("email", flat=True)
    )


def test_demo_stuurgroep_has_a_mayor_per_subregion_and_the_deputy(nhn_demo):
    current = Membership.objects.current().filter(body__slug="publieke-stuurgroep-nhn")
    mayors = current.filter(person__function=PersonFunction.MAYOR)
    assert mayors.count() == 3
    assert set(mayors.values_list("organisation__subregion__slug", flat=True)) == {
        "kop-van-noord-holland",
        "west-friesland",
        "regio-alkmaar",
    }
    assert current.filter(person__function=PersonFunction.DEPUTY).count() == 1
    assert current.filter(role=MembershipRole.CHAIR).count() == 1
    assert Membership.objects.past().filter(body__slug="publieke-stuurgroep-nhn").exists()


def test_demo_economie_platform_has_the_triple_helix(nhn_demo):
    sectors = set(
        Membership.objects.current()
        .filter(body__slug="platform-economie")
        .values_list("organisation__sector", flat=True)
    )
    assert sectors == {"overheid", "ondernemers", "onderwijs"}


def test_demo_logins_have_their_role_and_person(nhn_demo):
    assert set(User.objects.values_list("email", flat=True)) == {email for email, *_ in LOGINS}
    for email, role, person_key, is_manager in LOGINS:
        user = User.objects.get(email=email)
        assert user.has_role(role)
        assert user.check_password(DEMO_PASSWORD)
        assert (user.is_staff, user.is_superuser) == (is_manager, is_manager)
        assert hasattr(user, "person") == (person_key is not None)
    bestuurder = User.objects.get(email="bestuurder@example.org").person
    assert set(bestuurder.memberships.current().values_list("body__slug", flat=True)) == {
        "publieke-stuurgroep-nhn",
        "platform-wonen",
    }
    secretaris = User.objects.get(email="secretaris@example.org").person
    assert secretaris.organisation.slug == "regiobureau-nhn"
    assert set(
        secretaris.memberships.filter(role=MembershipRole.SECRETARY).values_list(
            "body__slug", flat=True
        )
    ) >= {"publieke-stuurgroep-nhn", "platform-wonen", "platform-mobiliteit", "platform-economie"}
    ambtenaar = User.objects.get(email="ambtenaar@example.org").person
    assert ambtenaar.memberships.filter(body__slug="werkgroep-wonen").exists()
    for email, municipality in [
        ("griffie.texel@example.org", "Gemeente Texel"),
        ("griffie.hoorn@example.org", "Gemeente Hoorn"),
    ]:
        person = User.objects.get(email=email).person
        assert (person.function, person.organisation.name) == (PersonFunction.CLERK, municipality)
    assert User.objects.get(email="beheer@example.org").has_role(Role.MANAGER)


@pytest.mark.parametrize("email", [email for email, *_ in LOGINS])
def test_demo_login_can_sign_in(nhn_demo, client, email):
    response = client.post(reverse("account_login"), {"login": email, "password": DEMO_PASSWORD})
    assert response.status_code == 302
    assert client.session.get("_auth_user_id") == str(User.objects.get(email=email).pk)


def test_demo_twice_changes_nothing_and_keeps_a_changed_password(nhn_demo, demo_settings):
    user = User.objects.get(email="bestuurder@example.org")
    user.set_password("een-eigen-wachtwoord-2026")
    user.save()
    first = state()
    output = load("--demo")
    assert state() == first
    assert "demo-lidmaatschappen: 0 aangemaakt; 42 al aanwezig" in output
    user.refresh_from_db()
    assert user.check_password("een-eigen-wachtwoord-2026")


def test_demo_skips_a_membership_of_a_body_the_beheerder_dissolved(demo_settings):
    load()
    Body.objects.filter(slug="werkgroep-mobiliteit").update(dissolved_on="2026-01-31")
    # Its own load (the dissolution comes first); the letters' PDFs are not what it checks.
    with pdfs_rendered_quickly():
        output = load("--demo")
    assert not Membership.objects.filter(body__slug="werkgroep-mobiliteit").exists()
    assert "overgeslagen: Kees Schouten (demo) in Werkgroep Mobiliteit" in output


def test_demo_has_a_published_meeting_per_base_model_body(nhn_demo, demo_settings):
    from regiobureau.models.documents import Document
    from regiobureau.models.meetings import Meeting

    bodies_without_meeting = Body.objects.filter(meetings__isnull=True)
    assert list(bodies_without_meeting) == []
    # One upcoming, published meeting per body; the platform Wonen also has its previous,
    # held meeting (with the council letter demo); the stuurgroep one in the last complete half
    # year, evaluated, and the held meeting that adopted the spelregelnotitie; and the route of
    # the Ontwikkelperspectief and the energy exploration (middelen's demo): the ambtelijk
    # opdrachtgeversoverleg, then the stuurgroep that adopted the cost key and core message.
    upcoming = Meeting.objects.filter(starts_at__gt=timezone.now(), status="agenda_gepubliceerd")
    assert sorted(upcoming.values_list("body_id", flat=True)) == sorted(
        Body.objects.values_list("pk", flat=True)
    )
    held = Meeting.objects.filter(status="gehouden", starts_at__lt=timezone.now())
    assert sorted(m.body.slug for m in held) == [
        "ambtelijk-opdrachtgeversoverleg",
        "platform-wonen",
        "publieke-stuurgroep-nhn",
        "publieke-stuurgroep-nhn",
        "publieke-stuurgroep-nhn",
    ]
    # And the platform Wonen's earlier meeting, completed: its besluitenlijst was adopted in
    # the previous one, so citizens find adopted decisions.
    completed = Meeting.objects.filter(status="afgerond")
    assert [m.body.slug for m in completed] == ["platform-wonen"]
    # + 2: the ambtelijk opdrachtgeversoverleg and the stuurgroep on the means (middelen)
    assert Meeting.objects.count() == Body.objects.count() + 6
    assert Document.objects.filter(confidentiality="vertrouwelijk").exists()
    assert Meeting.objects.filter(items__is_public=False).exists()
    audit_count = AuditRecord.objects.count()
    output = load("--demo")
    assert "demovergaderingen: 0 aangemaakt" in output
    # And the platform Wonen's earlier meeting, completed: its besluitenlijst was adopted in
    # the previous one, so citizens find adopted decisions.
    completed = Meeting.objects.filter(status="afgerond")
    assert [m.body.slug for m in completed] == ["platform-wonen"]
    # + 2: the ambtelijk opdrachtgeversoverleg and the stuurgroep on the means (middelen)
    assert Meeting.objects.count() == Body.objects.count() + 6
    assert AuditRecord.objects.count() == audit_count
