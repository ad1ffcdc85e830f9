"""The agenda editor: htmx partials and plain POSTs, numbering, reordering, the version guard."""

import re

import pytest
from django.urls import reverse
from django.utils.translation import gettext as _

from regiobureau.models.meetings import AgendaItem
from regiobureau.services.agenda import agenda_item_create
from regiobureau.services.meetings import meeting_cancel
from tests.builders import make_meeting

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}
STALE = (
    "Someone else changed this agenda in the meantime. Your change was not saved; "
    "the current agenda is shown below. Check it and make your change again."
)
BAD_ORDER = "The new order does not name exactly the items of this agenda; nothing was moved."


def url(name, *args):
    return reverse(f"regiobureau:{name}", args=args)


@pytest.fixture
def draft(secretary, body):
    return make_meeting(secretary=secretary, body=body)


@pytest.fixture
def logged_in(client, secretary):
    client.force_login(secretary)
    return client


def titles(meeting, parent=None):
    return list(
        meeting.items.filter(parent=parent).order_by("position").values_list("title", flat=True)
    )


def version(meeting):
    meeting.refresh_from_db()
    return meeting.agenda_version


def add(client, meeting, title, **extra):
    data = {"title": title, "purpose": "bespreking", "is_public": "1"}
    data.update(extra)
    data.setdefault("agenda_version", version(meeting))
    return client.post(url("item_create", meeting.pk), data, **HTMX)


def numbers(html):
    return re.findall(r'class="rb-row__number">([^<]+)<', html)


def test_editor_page_and_partial(logged_in, draft):
    response = logged_in.get(url("agenda_editor", draft.pk))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" in html and 'id="agenda-editor"' in html
    assert numbers(html) == ["1", "2", "3", "4", "5"]
    response = logged_in.get(url("agenda_editor", draft.pk), **HTMX)
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html and html.strip().startswith('<section id="agenda-editor"')
    assert "HX-Request" in response["Vary"]


def test_editor_markup_has_no_inline_script_or_style(logged_in, published_meeting):
    html = logged_in.get(url("agenda_editor", published_meeting.pk)).content.decode()
    assert "style=" not in html
    assert "<style" not in html
    assert re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html) is None
    assert "hx-on" not in html
    # Every move/remove form carries the version guard.
    assert html.count('name="agenda_version"') >= 2 * published_meeting.items.count()


def test_secretary_adds_item_before_the_closing_items(logged_in, draft):
    response = add(logged_in, draft, "Woondeal NHN: voortgang")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" not in html
    assert "Woondeal NHN: voortgang" in html
    assert titles(draft)[3:] == ["Woondeal NHN: voortgang", "Rondvraag", "Sluiting"]
    assert numbers(html) == ["1", "2", "3", "4", "5", "6"]


def test_add_without_js_redirects_to_the_editor(client, secretary, draft):
    client.force_login(secretary)
    response = client.post(
        url("item_create", draft.pk),
        {
            "title": "MIRT-verkenning Noord-Holland Noord",
            "purpose": "besluitvorming",
            "is_public": "1",
            "agenda_version": version(draft),
        },
    )
    assert response.status_code == 302
    assert response["Location"].startswith(url("agenda_editor", draft.pk))
    assert "MIRT-verkenning Noord-Holland Noord" in titles(draft)


def test_empty_title_is_refused_and_nothing_saved(logged_in, draft):
    before = draft.items.count()
    response = add(logged_in, draft, "   ")
    assert response.status_code == 422
    assert str(_("Give the agenda item a title.")) in response.content.decode()
    assert draft.items.count() == before


def test_stale_add_gets_409_the_current_agenda_and_keeps_the_input(logged_in, secretary, draft):
    seen = version(draft)
    agenda_item_create(
        actor=secretary,
        meeting=draft,
        expected_version=seen,
        title="Regio Deal aanvraag",
        purpose="besluitvorming",
    )
    response = add(logged_in, draft, "Mijn punt", agenda_version=seen)
    assert response.status_code == 409
    html = response.content.decode()
    assert str(_(STALE)) in html
    assert "Regio Deal aanvraag" in html  # the other secretary's change is shown
    assert 'value="Mijn punt"' in html  # and the input is kept for a knowing retry
    assert f'name="agenda_version" value="{version(draft)}"' in html
    assert "Mijn punt" not in titles(draft)


def test_stale_move_is_refused(logged_in, draft):
    item = draft.items.order_by("position")[1]
    old = version(draft)
    add(logged_in, draft, "Tussendoor")
    response = logged_in.post(
        url("item_move", item.pk), {"direction": "up", "agenda_version": old}, **HTMX
    )
    assert response.status_code == 409
    assert titles(draft)[0] == "Opening en mededelingen"


def test_move_up_and_down_with_buttons(logged_in, client, draft):
    add(logged_in, draft, "Woondeal NHN: voortgang")
    item = AgendaItem.objects.get(title="Woondeal NHN: voortgang")
    response = logged_in.post(
        url("item_move", item.pk), {"direction": "up", "agenda_version": version(draft)}, **HTMX
    )
    assert response.status_code == 200
    assert titles(draft)[2] == "Woondeal NHN: voortgang"
    # Without JavaScript: a plain POST and a redirect back to the item.
    response = logged_in.post(
        url("item_move", item.pk), {"direction": "down", "agenda_version": version(draft)}
    )
    assert response.status_code == 302
    assert response["Location"].endswith(f"#item-{item.pk}")
    assert titles(draft)[3] == "Woondeal NHN: voortgang"


def test_sub_items_are_numbered_3a_3b(logged_in, draft):
    add(logged_in, draft, "Woningbouwprogramma")
    main = AgendaItem.objects.get(title="Woningbouwprogramma")
    add(logged_in, draft, "Kop van Noord-Holland", parent=main.pk)
    response = add(logged_in, draft, "West-Friesland", parent=main.pk)
    html = response.content.decode()
    assert numbers(html) == ["1", "2", "3", "4", "4a", "4b", "5", "6"]
    assert titles(draft, parent=main) == ["Kop van Noord-Holland", "West-Friesland"]


def test_reorder_after_drag_and_drop(logged_in, draft):
    ids = list(draft.items.filter(parent=None).order_by("position").values_list("pk", flat=True))
    new_order = [ids[1], ids[0], *ids[2:]]
    response = logged_in.post(
        url("agenda_reorder", draft.pk),
        {"order": ",".join(map(str, new_order)), "parent": "", "agenda_version": version(draft)},
        **HTMX,
    )
    assert response.status_code == 200
    assert titles(draft)[:2] == ["Verslag vorige vergadering", "Opening en mededelingen"]


def test_reorder_naming_items_of_another_meeting_is_refused(logged_in, secretary, body, draft):
    other = make_meeting(secretary=secretary, body=body, days=30)
    ids = list(draft.items.order_by("position").values_list("pk", flat=True))
    foreign = other.items.first().pk
    before = titles(draft)
    response = logged_in.post(
        url("agenda_reorder", draft.pk),
        {"order": ",".join(map(str, [foreign, *ids[1:]])), "agenda_version": version(draft)},
        **HTMX,
    )
    assert response.status_code == 422
    assert str(_(BAD_ORDER)) in response.content.decode()
    assert titles(draft) == before
    # Rubbish in the list is refused the same way.
    response = logged_in.post(
        url("agenda_reorder", draft.pk),
        {"order": "1,x", "agenda_version": version(draft)},
        **HTMX,
    )
    assert response.status_code == 422


def test_edit_inline_then_save(logged_in, draft):
    item = draft.items.order_by("position").first()
    response = logged_in.get(url("item_edit", item.pk), **HTMX)
    html = response.content.decode()
    assert response.status_code == 200 and "<html" not in html
    assert f'id="item-{item.pk}-line"' in html and 'name="agenda_version"' in html
    # Without JavaScript the editor page opens with the form in place.
    page = logged_in.get(url("item_edit", item.pk)).content.decode()
    assert "<html" in page and f'action="{url("item_edit", item.pk)}"' in page
    response = logged_in.post(
        url("item_edit", item.pk),
        {
            "title": "Opening, mededelingen en vaststellen agenda",
            "purpose": "informatie",
            "is_public": "0",
            "planned_minutes": "5",
            "agenda_version": version(draft),
        },
        **HTMX,
    )
    assert response.status_code == 200
    item.refresh_from_db()
    assert item.title == "Opening, mededelingen en vaststellen agenda"
    assert not item.is_public and item.planned_minutes == 5


def test_edit_with_empty_title_keeps_the_form_open_with_a_message(logged_in, draft):
    item = draft.items.order_by("position").first()
    response = logged_in.post(
        url("item_edit", item.pk),
        {"title": "", "purpose": "informatie", "is_public": "1", "agenda_version": version(draft)},
        **HTMX,
    )
    assert response.status_code == 422
    html = response.content.decode()
    assert str(_("Give the agenda item a title.")) in html
    assert f'action="{url("item_edit", item.pk)}"' in html
    item.refresh_from_db()
    assert item.title == "Opening en mededelingen"


def test_remove_item(logged_in, draft):
    item = draft.items.order_by("position").first()
    response = logged_in.post(
        url("item_delete", item.pk), {"agenda_version": version(draft)}, **HTMX
    )
    assert response.status_code == 200
    assert not AgendaItem.objects.filter(pk=item.pk).exists()
    assert numbers(response.content.decode()) == ["1", "2", "3", "4"]


def test_cancelled_meeting_agenda_is_read_only(logged_in, secretary, draft):
    meeting_cancel(actor=secretary, meeting=draft, reason="Geen agendapunten")
    html = logged_in.get(url("agenda_editor", draft.pk)).content.decode()
    assert 'action="' + url("item_create", draft.pk) not in html
    item = draft.items.first()
    response = logged_in.post(
        url("item_move", item.pk), {"direction": "down", "agenda_version": version(draft)}, **HTMX
    )
    assert response.status_code == 422


def test_editor_is_for_the_secretariat_only(client, published_meeting, member):
    client.force_login(member)
    item = published_meeting.public_item
    assert client.get(url("agenda_editor", published_meeting.pk)).status_code == 404
    assert client.get(url("agenda_editor", published_meeting.pk), **HTMX).status_code == 404
    assert client.post(url("item_create", published_meeting.pk), {"title": "x"}).status_code == 404
    assert client.post(url("item_move", item.pk), {"direction": "up"}).status_code == 404
    assert client.post(url("item_delete", item.pk)).status_code == 404
    assert (
        client.post(url("agenda_reorder", published_meeting.pk), {"order": ""}).status_code == 404
    )
