"""The registry pages, for every role: status, the data shown, links, and pinned query counts."""

import pytest
from django.urls import reverse

from gremia.constants import BodyKind
from nhn_portal.core.constants import Role
from nhn_portal.core.heartbeat import heartbeat_record
from tests.factories import (
    BodyFactory,
    MembershipFactory,
    OrganisationFactory,
    PersonFactory,
    ThemeFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

# Every page pays for the session, the user and the user's role groups (context processor).
FRAME_QUERIES = 3


@pytest.fixture
def registry():
    wonen = ThemeFactory(name="Wonen", slug="wonen")
    stuurgroep = BodyFactory(name="Publieke stuurgroep", slug="stuurgroep", steering_group=True)
    platform = BodyFactory(
        name="Platform Wonen", slug="platform-wonen", theme=wonen, prepares=stuurgroep
    )
    werkgroep = BodyFactory(
        name="Werkgroep Wonen",
        slug="werkgroep-wonen",
        theme=wonen,
        kind=BodyKind.WORKING_GROUP,
        prepares=platform,
    )
    gone = BodyFactory(name="Opgeheven overleg", slug="opgeheven", dissolved=True)
    hoorn = OrganisationFactory(name="Gemeente Hoorn", slug="hoorn", central=True)
    anna = PersonFactory(name="Anna de Vries", organisation=hoorn)
    chair = MembershipFactory(person=anna, body=platform, chair=True)
    MembershipFactory(person=anna, body=stuurgroep)
    MembershipFactory(person=anna, body=werkgroep, ended=True)
    MembershipFactory(body=platform, person__name="Bram Bakker")
    return locals()


def add_members(body, count):
    for _ in range(count):
        MembershipFactory(body=body)


@pytest.fixture(params=[role.value for role in Role])
def user_client(request, client):
    """A logged-in client for each of the portal's roles."""
    user = UserFactory(roles=[request.param])
    client.force_login(user)
    client.user = user
    return client


def test_governance_map_shows_active_bodies_and_links(user_client, registry):
    response = user_client.get(reverse("gremia:governance_map"))
    assert response.status_code == 200
    html = response.content.decode()
    for name in ["Publieke stuurgroep", "Platform Wonen", "Werkgroep Wonen"]:
        assert name in html
    assert "Opgeheven overleg" not in html
    assert reverse("gremia:body_detail", args=["werkgroep-wonen"]) in html
    assert reverse("platforms:theme_detail", args=["wonen"]) in html


def test_body_page_shows_rules_members_structure_and_balance(user_client, registry):
    response = user_client.get(reverse("gremia:body_detail", args=["platform-wonen"]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Anna de Vries" in html and "Bram Bakker" in html
    assert registry["anna"].get_absolute_url() in html
    assert registry["hoorn"].get_absolute_url() in html
    # The body it prepares and the body preparing it.
    assert registry["stuurgroep"].get_absolute_url() in html
    assert registry["werkgroep"].get_absolute_url() in html
    assert response.context["current_memberships"][0] == registry["chair"]
    assert response.context["balance"].seats == 2
    assert response.context["balance"].chairs_central == 1
    assert html.count("<caption") >= 4  # members + three balance tables


def test_body_page_lists_past_members(user_client, registry):
    response = user_client.get(reverse("gremia:body_detail", args=["werkgroep-wonen"]))
    assert [m.person.name for m in response.context["past_memberships"]] == ["Anna de Vries"]
    assert response.context["current_memberships"] == []


def test_dissolved_body_page_is_still_readable(user_client, registry):
    response = user_client.get(reverse("gremia:body_detail", args=["opgeheven"]))
    assert response.status_code == 200
    assert "utrecht-alert--warning" in response.content.decode()


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("gremia:body_detail", ["bestaat-niet"]),
        ("gremia:organisation_detail", ["bestaat-niet"]),
        ("gremia:person_detail", [999999]),
        ("platforms:theme_detail", ["bestaat-niet"]),
    ],
)
def test_unknown_objects_are_404(admin_client, name, args):
    assert admin_client.get(reverse(name, args=args)).status_code == 404


def test_organisation_pages(user_client, registry):
    response = user_client.get(reverse("gremia:organisation_list"))
    assert response.status_code == 200
    assert registry["hoorn"].get_absolute_url() in response.content.decode()

    response = user_client.get(reverse("gremia:organisation_detail", args=["hoorn"]))
    assert response.status_code == 200
    bodies = [m.body.name for m in response.context["memberships"]]
    assert bodies == ["Platform Wonen", "Publieke stuurgroep"]
    html = response.content.decode()
    assert "Anna de Vries" in html
    assert "Werkgroep Wonen" not in html  # that membership has ended


def test_person_page_current_and_past(user_client, registry):
    response = user_client.get(registry["anna"].get_absolute_url())
    assert response.status_code == 200
    assert {m.body.name for m in response.context["current_memberships"]} == {
        "Platform Wonen",
        "Publieke stuurgroep",
    }
    assert [m.body.name for m in response.context["past_memberships"]] == ["Werkgroep Wonen"]


def test_balance_page(user_client, registry):
    response = user_client.get(reverse("gremia:balance"))
    assert response.status_code == 200
    overview = response.context["overview"]
    assert overview["total"].seats == 3
    assert [body.name for body, _balance in overview["bodies"]] == [
        "Publieke stuurgroep",
        "Platform Wonen",
        "Werkgroep Wonen",
    ]
    html = response.content.decode()
    assert 'scope="row"' in html and 'scope="col"' in html


def test_theme_page_lists_its_bodies(user_client, registry):
    response = user_client.get(reverse("platforms:theme_detail", args=["wonen"]))
    assert response.status_code == 200
    assert [b.name for b in response.context["bodies"]] == ["Platform Wonen", "Werkgroep Wonen"]


def test_home_shows_my_memberships(client, registry):
    user = UserFactory(roles=[Role.ADMINISTRATOR])
    registry["anna"].user = user
    registry["anna"].save()
    client.force_login(user)
    response = client.get(reverse("home"))
    assert response.status_code == 200
    assert {m.body.name for m in response.context["memberships"]} == {
        "Platform Wonen",
        "Publieke stuurgroep",
    }


def test_home_without_a_person(user_client):
    response = user_client.get(reverse("home"))
    assert response.status_code == 200
    assert response.context["person"] is None


def test_accessibility_statement_is_public(client):
    response = client.get(reverse("accessibility"))
    assert response.status_code == 200
    assert reverse("account_login") in response.content.decode()


def test_navigation_per_role(client):
    secretary = UserFactory(roles=[Role.SECRETARY])
    client.force_login(secretary)
    html = client.get(reverse("home")).content.decode()
    assert reverse("gremia:governance_map") in html and reverse("gremia:balance") in html
    assert reverse("admin:index") not in html

    manager = UserFactory(roles=[Role.MANAGER])
    client.force_login(manager)
    assert reverse("admin:index") in client.get(reverse("home")).content.decode()


def test_page_frame_landmarks_and_csp_hooks(admin_client):
    html = admin_client.get(reverse("home")).content.decode()
    assert '<html lang="nl"' in html
    assert 'href="#main"' in html and '<main id="main"' in html
    assert "<header" in html and "<footer" in html and "<nav" in html
    assert 'hx-headers=\'{"X-CSRFToken": "' in html
    assert "vendor/htmx/htmx.min.js" in html and "vendor/utrecht/index.css" in html
    assert '"includeIndicatorStyles": false' in html
    assert f'action="{reverse("account_logout")}"' in html


# --- query counts: fixed, whatever the amount of data ------------------------------------------


@pytest.fixture
def manager_client(client):
    client.force_login(UserFactory(roles=[Role.MANAGER]))
    return client


@pytest.mark.parametrize("extra", [0, 10])
def test_query_counts_are_pinned(manager_client, registry, django_assert_num_queries, extra):
    platform = registry["platform"]
    add_members(platform, extra)
    for n in range(extra):
        BodyFactory(name=f"Werkgroep {n}", kind=BodyKind.WORKING_GROUP, prepares=platform)
        MembershipFactory(
            person=registry["anna"],
            organisation=registry["hoorn"],
            body=BodyFactory(name=f"Extra {n}"),
        )
    pages = {
        # + platforms' "governance_map" panel: the growth scenarios decided (none here)
        reverse("gremia:governance_map"): 2,
        # + the body's and the NHN-wide rules of play
        reverse("gremia:body_detail", args=["platform-wonen"]): 6,
        reverse("gremia:organisation_list"): 1,
        reverse("gremia:organisation_detail", args=["hoorn"]): 2,
        registry["anna"].get_absolute_url(): 2,
        # + 3 of raden's "balance" panel (councils at the council gatherings) and the norms:
        # norms, bodies, seats, sub-regions, central municipalities; + 1 of verkiezingen's
        # panel (the elections, none here); + 5 of netwerk's outcome balance (the rules of
        # play's norm, the entries, their shares, the inhabitants, the sub-regions)
        reverse("gremia:balance"): 17,
        reverse("gremia:rules_list"): 3,  # versions, bodies, the form's list of bodies
        reverse("gremia:agreement"): 3,  # partners, NHN rules, the form's partners
        reverse("platforms:theme_detail", args=["wonen"]): 2,
        # the person, their coming meetings, the copies awaiting receipt (the secretariat's
        # overview; a person with memberships adds one for those), and whether the user works
        # at a sub-region office (raden's panel), and the worker's heartbeat; + the to-do list
        # (core.portal.todo_lines): the beheerder's four (stuck tasks, failed documents,
        # locked-out and slowed-down logins), one for the bodies the user sits on and one for
        # the annotation reviews asked of the user
        reverse("home"): 11,
    }
    heartbeat_record()  # a worker runs
    for url, queries in pages.items():
        with django_assert_num_queries(FRAME_QUERIES + queries):
            assert manager_client.get(url).status_code == 200, url
