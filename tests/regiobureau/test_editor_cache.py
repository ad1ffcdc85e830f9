"""The agenda editor's #agenda partial comes from the cache (issue 26): every write it shows
changes its key, so the secretary sees her change at once; and the one thing of a visitor's own
in it, the CSRF token, is filled in per request, so a cached page's forms post for whoever
opened it."""

import re

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from gremia.services import person_create
from nhn_portal.core.constants import Role
from nhn_portal.core.release import fragment_key
from regiobureau.services.agenda import agenda_item_update
from regiobureau.services.annotations import annotation_save
from regiobureau.services.meetings import meeting_cancel
from regiobureau.views.editor import _CSRF_STAND_IN, editor_cache_key
from tests.builders import clock_moved_on, make_meeting
from tests.factories import DocumentFactory, UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("own_cache")]


@pytest.fixture
def meeting(secretary, body):
    return make_meeting(secretary=secretary, body=body)


def editor(client, meeting) -> str:
    response = client.get(reverse("regiobureau:agenda_editor", args=[meeting.pk]))
    assert response.status_code == 200
    return response.content.decode()


def first_item(meeting):
    return meeting.items.order_by("position").first()


def test_the_second_visit_comes_from_the_cache(client, secretary, meeting):
    client.force_login(secretary)
    first = editor(client, meeting)
    assert cache.get(fragment_key(editor_cache_key(meeting))) is not None
    assert editor(client, meeting).count('class="rb-row__number"') == first.count(
        'class="rb-row__number"'
    )


def test_an_item_change_shows_at_once(client, secretary, meeting):
    client.force_login(secretary)
    editor(client, meeting)
    item = first_item(meeting)
    meeting.refresh_from_db()
    agenda_item_update(
        actor=secretary, item=item, expected_version=meeting.agenda_version, title="Opening, kort"
    )
    meeting.refresh_from_db()
    assert "Opening, kort" in editor(client, meeting)


def test_a_new_stuk_and_annotation_show_at_once(client, secretary, meeting):
    client.force_login(secretary)
    item = first_item(meeting)
    before = editor(client, meeting)
    assert "rb-badge--annotation" not in before
    DocumentFactory(agenda_item=item, with_version=True)
    annotation_save(actor=secretary, item=item, expected_version=None, core_message="Toelichting")
    after = editor(client, meeting)
    assert after.count('<span class="rb-badge">') == before.count('<span class="rb-badge">') + 1
    assert "rb-badge--annotation" in after


def test_a_new_person_is_in_the_add_form_at_once(client, secretary, meeting):
    client.force_login(secretary)
    assert "Hanna Zwart" not in editor(client, meeting)
    person_create(actor=secretary, name="Hanna Zwart")
    assert "Hanna Zwart" in editor(client, meeting)


def test_a_cancelled_meeting_is_no_longer_editable(client, secretary, meeting):
    client.force_login(secretary)
    before = editor(client, meeting)
    assert 'id="add-heading"' in before
    assert "data-sortable" in before
    meeting_cancel(actor=secretary, meeting=meeting, reason="Geen agendapunten")
    meeting.refresh_from_db()
    html = editor(client, meeting)
    assert 'id="add-heading"' not in html
    assert "data-sortable" not in html


def token_of(html: str) -> str:
    tokens = set(re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', html))
    assert tokens, "no CSRF token in the page"
    return tokens.pop()


def test_each_visitor_gets_a_token_that_posts(secretary, meeting):
    other = UserFactory(roles=[Role.SECRETARY])
    for user in (secretary, other):  # the second secretary's page comes from the cache
        client = Client(enforce_csrf_checks=True)
        client.force_login(user)
        html = editor(client, meeting)
        assert _CSRF_STAND_IN not in html
        meeting.refresh_from_db()
        item = meeting.items.filter(parent=None).order_by("position")[1]
        response = client.post(
            reverse("regiobureau:agenda_move", args=[meeting.pk]),
            {
                "down": item.pk,
                "agenda_version": meeting.agenda_version,
                "csrfmiddlewaretoken": token_of(html),
            },
        )
        assert response.status_code == 302, response.status_code


# The item's edit form as htmx opens it is cached too (issue 26).


def item_form(client, item) -> str:
    response = client.get(reverse("regiobureau:item_edit", args=[item.pk]), HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    return response.content.decode()


def test_the_item_form_comes_from_the_cache(client, secretary, meeting, django_assert_num_queries):
    client.force_login(secretary)
    item = first_item(meeting)
    cold = item_form(client, item)
    # The frame (session, user, roles) and the item's stamp (its last change, its agenda's
    # version); not the item, no choice lists, no main items.
    with django_assert_num_queries(4):
        cached = item_form(client, item)
    assert cached.count("<option") == cold.count("<option") > 0


def test_the_item_form_shows_a_change_of_the_item_and_of_the_agenda(client, secretary, meeting):
    client.force_login(secretary)
    item, other = meeting.items.filter(parent=None).order_by("position")[:2]
    item_form(client, item)
    meeting.refresh_from_db()
    agenda_item_update(
        actor=secretary, item=item, expected_version=meeting.agenda_version, title="Opening, kort"
    )
    meeting.refresh_from_db()
    agenda_item_update(
        actor=secretary, item=other, expected_version=meeting.agenda_version, title="Verslag, nieuw"
    )
    item.refresh_from_db()
    html = item_form(client, item)
    assert 'value="Opening, kort"' in html  # its own title
    assert "Verslag, nieuw" in html  # another main item, in the parent list


def test_the_item_form_shows_a_new_or_removed_person_and_dossier(client, secretary, meeting):
    """The form's choice lists: its stamp holds the person and dossier tables' rows and latest
    change, so an addition, a rename and a removal each show at once."""
    from gremia.models.registry import Person
    from tests.factories import DossierFactory

    client.force_login(secretary)
    item = first_item(meeting)
    assert "Hanna Zwart" not in item_form(client, item)
    person_create(actor=secretary, name="Hanna Zwart")
    assert "Hanna Zwart" in item_form(client, item)
    dossier = DossierFactory(name="Dijkversterking")
    assert "Dijkversterking" in item_form(client, item)
    dossier.name = "Kustversterking"
    dossier.save()
    assert "Kustversterking" in item_form(client, item)
    Person.objects.filter(name="Hanna Zwart").delete()
    assert "Hanna Zwart" not in item_form(client, item)


def test_the_item_form_is_for_the_secretariat_and_existing_items_only(
    client, secretary, meeting, body
):
    """The htmx form is served on the item's stamp alone (secretariat_item_stamp): a member of
    the body, a missing item and an id no database holds are not found, before any cache."""
    from tests.builders import member_of

    item = first_item(meeting)
    client.force_login(secretary)
    item_form(client, item)  # now in the cache
    client.force_login(member_of(body))
    url = reverse("regiobureau:item_edit", args=[item.pk])
    assert client.get(url, HTTP_HX_REQUEST="true").status_code == 404
    client.force_login(secretary)
    for pk in (item.pk + 10_000, 2**70):
        missing = reverse("regiobureau:item_edit", args=[pk])
        assert client.get(missing, HTTP_HX_REQUEST="true").status_code == 404


def test_a_cached_item_form_posts_for_each_secretary(secretary, meeting):
    other = UserFactory(roles=[Role.SECRETARY])
    item = first_item(meeting)
    for user, title in ((secretary, "Opening"), (other, "Opening en welkom")):
        client = Client(enforce_csrf_checks=True)
        client.force_login(user)
        meeting.refresh_from_db()
        item.refresh_from_db()
        html = item_form(client, item)
        assert _CSRF_STAND_IN not in html
        response = client.post(
            reverse("regiobureau:item_edit", args=[item.pk]),
            {
                "title": title,
                "purpose": item.purpose,
                "is_public": "1",
                "agenda_version": meeting.agenda_version,
                "csrfmiddlewaretoken": token_of(html),
            },
        )
        assert response.status_code == 302, response.status_code
        item.refresh_from_db()
        assert item.title == title


# The whole editor page is kept in the process for the secretary who opened it (issue 26,
# nhn_portal.core.pages).


@pytest.fixture
def renders(monkeypatch):
    """The editor pages rendered from the template (not answered from the kept page)."""
    from regiobureau.views import editor as editor_views

    made = []
    original = editor_views.render
    monkeypatch.setattr(
        editor_views, "render", lambda *a, **k: made.append(a[1]) or original(*a, **k)
    )
    return made


def test_the_page_is_kept_with_a_fresh_token_per_answer(secretary, meeting, renders):
    from django.middleware.csrf import _unmask_cipher_token

    client = Client(enforce_csrf_checks=True)
    client.force_login(secretary)
    first = editor(client, meeting)
    second = editor(client, meeting)
    assert len(renders) == 1
    assert token_of(first) != token_of(second)
    assert first.replace(token_of(first), "") == second.replace(token_of(second), "")
    secret = client.cookies["csrftoken"].value
    assert _unmask_cipher_token(token_of(second)) == secret
    assert "csrf-stand-in" not in second
    meeting.refresh_from_db()
    item = meeting.items.filter(parent=None).order_by("position")[1]
    moved = client.post(
        reverse("regiobureau:agenda_move", args=[meeting.pk]),
        {"down": item.pk, "agenda_version": meeting.agenda_version,
         "csrfmiddlewaretoken": token_of(second)},
    )  # fmt: skip
    assert moved.status_code == 302


def test_a_waiting_message_is_shown_not_the_kept_page(client, secretary, meeting, renders):
    client.force_login(secretary)
    editor(client, meeting)
    meeting.refresh_from_db()
    item = meeting.items.filter(parent=None).order_by("position")[1]
    client.post(
        reverse("regiobureau:agenda_move", args=[meeting.pk]),
        {"down": item.pk, "agenda_version": meeting.agenda_version},
    )
    with_message = editor(client, meeting)
    assert "utrecht-alert--ok" in with_message
    assert len(renders) == 2
    again = editor(client, meeting)  # the message has been shown once
    assert "utrecht-alert--ok" not in again
    assert len(renders) == 3
    editor(client, meeting)
    assert len(renders) == 3


def test_another_user_a_write_or_a_while_make_the_page_afresh(
    client, secretary, meeting, renders, monkeypatch
):
    from nhn_portal.core import pages, portal

    client.force_login(secretary)
    editor(client, meeting)
    other = UserFactory(roles=[Role.SECRETARY], first_name="Ilse", last_name="Visser")
    other_client = Client()
    other_client.force_login(other)
    assert "Ilse Visser" in editor(other_client, meeting)
    assert "Ilse Visser" not in editor(client, meeting)
    assert len(renders) == 2
    portal.todo_counts_changed()  # what every audited write does
    editor(client, meeting)
    assert len(renders) == 3
    clock_moved_on(monkeypatch, pages.PAGE_SECONDS + 1)
    editor(client, meeting)
    assert len(renders) == 4
