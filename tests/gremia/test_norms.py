"""Configurable balance norms, checked on the balance page, and a warning
(not a block) before the beheerder seats a member who breaks one."""

import pytest
from django.urls import reverse
from django.utils import timezone

from gremia import services
from gremia.constants import BodyKind, MembershipRole, NormKind
from gremia.models.registry import Membership
from gremia.selectors.balance import balance_norms_overview, norm_warnings_for_membership
from nhn_portal.core.constants import Role
from nhn_portal.core.models import AuditRecord
from tests.factories import (
    BodyFactory,
    MembershipFactory,
    OrganisationFactory,
    PersonFactory,
    SubregionFactory,
    UserFactory,
)
from tests.gremia.test_admin import body_data, membership_data

pytestmark = pytest.mark.django_db


def seat(body, organisation, **kwargs):
    return MembershipFactory(body=body, person=PersonFactory(organisation=organisation), **kwargs)


@pytest.fixture
def world():
    kop = SubregionFactory(name="Kop", slug="kop")
    west = SubregionFactory(name="West", slug="west")
    hoorn = OrganisationFactory(name="Gemeente Hoorn", subregion=west, central=True)
    texel = OrganisationFactory(name="Gemeente Texel", subregion=kop)
    business = OrganisationFactory(name="Ondernemers", business=True)
    school = OrganisationFactory(name="Hogeschool", education=True)
    wonen = BodyFactory(name="Platform Wonen")
    mobiliteit = BodyFactory(name="Platform Mobiliteit")
    board = BodyFactory(name="Economic Board", kind=BodyKind.BOARD)
    werkgroep = BodyFactory(name="Werkgroep", working_group=True)
    seat(wonen, hoorn, chair=True)
    seat(wonen, texel)
    seat(mobiliteit, hoorn)  # no one from Kop
    seat(board, hoorn, chair=True)  # Hoorn's second chair
    seat(board, business)
    seat(board, school)
    seat(werkgroep, texel)
    chairs = services.balance_norm_create(
        actor=None, name="Eén voorzitter per centrumgemeente", kind=NormKind.MAX_CHAIRS_CENTRAL
    )
    regions = services.balance_norm_create(
        actor=None,
        name="Elke basisregio bij elk platform",
        kind=NormKind.EVERY_SUBREGION,
        body_kind=BodyKind.PLATFORM,
    )
    thirds = services.balance_norm_create(
        actor=None,
        name="Een derde per sector",
        kind=NormKind.SECTOR_SHARES,
        body=board,
        targets=(33, 33, 33),
        tolerance=5,
    )
    return locals()


def test_norms_are_checked_per_body_and_across_bodies(world):
    overview = balance_norms_overview()
    [chairs] = overview["regionwide"]
    assert not chairs.ok and "Gemeente Hoorn" in chairs.message and "2" in chairs.message
    per_body = overview["per_body"]
    wonen, mobiliteit, board = world["wonen"], world["mobiliteit"], world["board"]
    assert [r.ok for r in per_body[wonen.pk]] == [True]
    [missing] = per_body[mobiliteit.pk]
    assert not missing.ok and "Kop" in missing.message
    [thirds] = per_body[board.pk]
    assert thirds.ok  # 1 of 3 each: 33.3% against 33% ± 5
    assert world["werkgroep"].pk not in per_body  # no norm applies to a working group
    assert overview["broken"] == 2 and overview["count"] == 3


def test_a_norm_can_be_switched_off(world):
    world["chairs"].active = False
    world["chairs"].save()
    assert balance_norms_overview()["regionwide"] == []


def test_balance_page_shows_each_body_against_its_norm(client, world):
    client.force_login(UserFactory(roles=[Role.ADMINISTRATOR]))
    html = client.get(reverse("gremia:balance")).content.decode()
    assert "Eén voorzitter per centrumgemeente" in html
    assert "Elke basisregio bij elk platform" in html and "Een derde per sector" in html
    assert 'class="utrecht-unordered-list__item nhn-norm--broken"' in html


def test_warnings_for_a_proposed_membership(world):
    hoorn, business = world["hoorn"], world["business"]
    warn = norm_warnings_for_membership
    # a third chair for Hoorn
    [message] = warn(body=world["mobiliteit"], organisation=hoorn, role=MembershipRole.CHAIR)
    assert "Gemeente Hoorn" in message and "3" in message
    # a plain seat for Hoorn breaks no chairs norm; a substitute holds no seat
    assert warn(body=world["mobiliteit"], organisation=hoorn, role=MembershipRole.MEMBER) == []
    assert warn(body=world["board"], organisation=business, role=MembershipRole.SUBSTITUTE) == []
    # a second business seat upsets the board's thirds
    [message] = warn(body=world["board"], organisation=business, role=MembershipRole.MEMBER)
    assert message.startswith("Een derde per sector (Economic Board)")
    # Texel, a non-central municipality, chairs freely
    assert warn(body=world["mobiliteit"], organisation=world["texel"], role="voorzitter") == []


@pytest.fixture
def beheerder(client):
    user = UserFactory(roles=[Role.MANAGER], is_staff=True, is_superuser=True)
    client.force_login(user)
    return user


def test_admin_warns_and_saves_only_when_confirmed(client, beheerder, world):
    person = PersonFactory(organisation=world["hoorn"])
    data = membership_data(person, world["mobiliteit"]) | {"role": "voorzitter"}
    before = Membership.objects.count()
    response = client.post(reverse("admin:gremia_membership_add"), data)
    assert response.status_code == 200
    assert "Eén voorzitter per centrumgemeente" in response.text
    assert Membership.objects.count() == before
    response = client.post(reverse("admin:gremia_membership_add"), data | {"confirm_norms": "on"})
    assert response.status_code == 302
    assert Membership.objects.count() == before + 1
    assert AuditRecord.objects.filter(verb="membership_create", actor=beheerder).exists()


def test_admin_inline_warns_too(client, beheerder, world):
    board, person = world["board"], PersonFactory(organisation=world["business"])
    inline = {
        "person": person.pk,
        "role": "lid",
        "organisation": person.organisation_id,
        "start": timezone.localdate().isoformat(),
        "end": "",
    }
    url = reverse("admin:gremia_body_change", args=[board.pk])
    response = client.post(url, body_data(board, [inline]))
    assert response.status_code == 200 and "Een derde per sector" in response.text
    assert board.memberships.count() == 3
    response = client.post(url, body_data(board, [inline | {"confirm_norms": "on"}]))
    assert response.status_code == 302
    assert board.memberships.count() == 4
