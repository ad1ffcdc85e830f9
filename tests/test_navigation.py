"""The main menu in groups (core.portal.navigation_groups, templates/layouts/base.html): at
most 8 top-level entries per role, every label the same kind of page for every role, each
group a disclosure button that controls its list, one "Menu" button for a phone, and the
to-do counts per group as badges with a text for screen readers."""

import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from django.utils.translation import override

from nhn_portal.core.constants import Role
from nhn_portal.core.portal import navigation_groups, remember_todo_counts
from tests.builders import clock_moved_on, griffie, make_region, member_of
from tests.factories import BodyFactory, UserFactory

pytestmark = pytest.mark.django_db

MAX_TOP_LEVEL = 8


@pytest.fixture
def logins(db):
    region = make_region()
    body = BodyFactory(name="Platform Wonen")
    return {
        "bezoeker": AnonymousUser(),
        "secretaris": UserFactory(roles=[Role.SECRETARY]),
        "bestuurder": member_of(body),
        "ambtenaar": member_of(body, roles=(Role.CIVIL_SERVANT,)),
        "griffie": griffie(region["Texel"]),
        "beheerder": UserFactory(roles=[Role.MANAGER], is_staff=True, is_superuser=True),
    }


def menu(rf, user, path="/"):
    from django.urls import resolve

    request = rf.get(path)
    request.user = user
    request.resolver_match = resolve(path)
    with override("nl"):
        return [
            (
                str(section.label),
                section.link.url if section.link else None,
                [(str(link.label), link.url) for link in section.links],
                section,
            )
            for section in navigation_groups(request)
        ]


def test_at_most_eight_top_level_entries_per_role(rf, logins):
    for role, user in logins.items():
        top = [label for label, *_rest in menu(rf, user)]
        assert 2 <= len(top) <= MAX_TOP_LEVEL, (role, top)
        assert len(set(top)) == len(top), (role, top)
    secretary = [label for label, *_rest in menu(rf, logins["secretaris"])]
    assert secretary == [
        "Overzicht",
        "Mijn werk",
        "Vergaderen",
        "Raden",
        "Netwerk",
        "Organisatie",
        "Openbaar",
    ]
    manager = [label for label, *_rest in menu(rf, logins["beheerder"])]
    assert manager[-1] == "Beheer"  # set apart at the end
    assert "Raden" not in [label for label, *_rest in menu(rf, logins["bestuurder"])]


def test_every_label_is_the_same_kind_of_page_for_every_role(rf, logins):
    """A label leads to one URL, whoever follows it (no "Raadsinformatiebrieven" that is a
    dashboard for one role and a public list for another)."""
    seen: dict[str, set[str]] = {}
    for user in logins.values():
        for _label, url, links, _section in menu(rf, user):
            for label, link_url in [*links, *([(_label, url)] if url else [])]:
                seen.setdefault(label, set()).add(link_url)
    mixed = {label: urls for label, urls in seen.items() if len(urls) > 1}
    assert mixed == {}
    assert seen["Raadsinformatiebrieven"] == {reverse("publiek:letter_list")}
    assert seen["Regio Deal"] == {reverse("netwerk:regio_deal")}
    assert seen["Gremia"] == {reverse("publiek:body_list")}  # the public list
    assert seen["Bestuurskaart"] == {reverse("gremia:governance_map")}


def test_the_group_of_the_current_page_is_marked(rf, logins):
    sections = menu(rf, logins["secretaris"], reverse("regiobureau:calendar"))
    meetings = next(section for label, _url, _links, section in sections if label == "Vergaderen")
    assert meetings.current
    assert [link for link in meetings.links if link.current][0].url == reverse(
        "regiobureau:calendar"
    )


def test_groups_are_disclosure_buttons_and_a_phone_gets_one_menu_button(client, logins):
    client.force_login(logins["secretaris"])
    html = client.get(reverse("gremia:governance_map")).text
    nav = html[html.index('<nav class="nhn-nav"') : html.index("</nav>")]
    assert re.search(
        r'<button type="button" class="nhn-nav__toggle" aria-expanded="false" '
        r'aria-controls="nhn-menu">Menu</button>',
        nav,
    )
    assert '<ul class="nhn-nav__list" id="nhn-menu">' in nav
    buttons = re.findall(
        r'class="nhn-nav__group[^"]*" aria-expanded="false" aria-controls="([^"]+)"', nav
    )
    assert len(buttons) == 6
    for target in buttons:
        assert f'id="{target}" hidden>' in nav  # the list it controls, closed until opened
    assert 'src="/static/js/menu.js"' in html or "js/menu.js" in html
    # The page's own entry is marked inside its group.
    assert 'aria-current="page">Bestuurskaart</a>' in nav


def test_the_menu_shows_the_counts_with_a_text_for_screen_readers(client, logins):
    secretary = logins["secretaris"]
    remember_todo_counts(secretary, {"meetings": 3, "councils": 1})
    client.force_login(secretary)
    html = client.get(reverse("gremia:governance_map")).text
    assert (
        '<span class="nhn-nav__count" id="nhn-count-meetings"><span aria-hidden="true">3</span>'
        '<span class="nhn-visually-hidden">(3 taken wachten)</span></span>'
    ) in html
    assert '<span class="nhn-visually-hidden">(1 taak wacht)</span>' in html
    assert '<span class="nhn-nav__count" id="nhn-count-work"></span>' in html  # none: empty


def test_the_counts_refresh_out_of_band(rf, logins, monkeypatch):
    from nhn_portal.core import portal

    monkeypatch.setattr(portal, "_TODO", {})
    portal.register_todo("test", lambda user: [portal.TodoLine("x", "/", None, "", "work")] * 2)
    request = rf.post("/")
    request.user = logins["secretaris"]
    request.resolver_match = None
    with override("nl"):
        html = portal.todo_counts_oob(request)
    assert 'id="nhn-count-work" hx-swap-oob="true"><span aria-hidden="true">2</span>' in html
    assert 'id="nhn-count-meetings" hx-swap-oob="true"></span>' in html


def test_the_menu_is_rendered_once_per_distinct_menu(rf, logins, monkeypatch, settings):
    """navigation_html remembers the rendered menu in the process (issue 26): the same menu
    is rendered once; another current page or another count is another menu."""
    from nhn_portal.core import menu

    settings.DEBUG = False
    monkeypatch.setattr(menu, "_MENUS", {})
    rendered = []
    original = menu.render_to_string
    monkeypatch.setattr(
        menu, "render_to_string", lambda *a, **k: rendered.append(a) or original(*a, **k)
    )
    secretary = logins["secretaris"]

    def html(path, counts=None):
        from django.urls import resolve

        request = rf.get(path)
        request.user = secretary
        request.resolver_match = resolve(path)
        with override("nl"):
            return str(menu.navigation_html(navigation_groups(request, counts)))

    first = html("/")
    assert html("/") == first
    assert len(rendered) == 1
    calendar = html(reverse("regiobureau:calendar"))
    assert 'aria-current="page"' in calendar and calendar != first
    counted = html("/", {"meetings": 3})
    assert len(rendered) == 3
    assert 'id="nhn-count-meetings"><span aria-hidden="true">3</span>' in counted
    assert counted.replace('<span aria-hidden="true">3</span>', "") != first


def test_a_users_menu_is_kept_until_something_changes(rf, logins, monkeypatch, settings):
    """portal.menu_html keeps a user's menu in the process (issue 26): the same user on another
    page of the same name gets it without asking the apps' rules again; another page name,
    another user, an audited write (the to-do version) or a minute make it afresh."""
    from django.contrib.auth.models import Group
    from django.urls import resolve

    from nhn_portal.core import portal

    settings.DEBUG = False
    built = []
    original = portal.navigation_groups
    monkeypatch.setattr(
        portal, "navigation_groups", lambda *a, **k: built.append(a) or original(*a, **k)
    )

    def html(user, path):
        request = rf.get(path)
        request.user = user
        request.resolver_match = resolve(path)
        with override("nl"):
            return str(portal.menu_html(request))

    secretary = logins["secretaris"]
    first_meeting = reverse("regiobureau:agenda_editor", kwargs={"pk": 1})
    kept = html(secretary, first_meeting)
    assert html(secretary, reverse("regiobureau:agenda_editor", kwargs={"pk": 2})) == kept
    assert len(built) == 1
    assert html(secretary, "/") != kept  # another page: another entry is the current one
    assert len(built) == 2
    html(logins["bestuurder"], first_meeting)
    assert len(built) == 3

    # A right given without an audited write stays unseen until the version moves.
    manager = "Beheer"
    assert manager not in kept
    secretary.groups.add(Group.objects.get(name=Role.MANAGER.value))
    del secretary._role_names
    portal.todo_counts_changed()
    assert manager in html(secretary, first_meeting)
    assert len(built) == 4

    # And a kept menu lives a minute at most.
    html(secretary, first_meeting)
    assert len(built) == 4
    clock_moved_on(monkeypatch, portal.MENU_SECONDS + 1)
    html(secretary, first_meeting)
    assert len(built) == 5


def test_a_current_rule_reads_only_the_page_name(rf, logins):
    """The kept menu serves every page of one name, so a `current` rule is given the page's
    namespace and URL name, not its arguments."""
    from django.urls import resolve

    from nhn_portal.core.portal import PageName, page_of

    path = reverse("regiobureau:agenda_editor", kwargs={"pk": 7})
    request = rf.get(path)
    request.resolver_match = resolve(path)
    page = page_of(request)
    assert page == PageName("regiobureau", "agenda_editor")
    assert not hasattr(page, "kwargs")
