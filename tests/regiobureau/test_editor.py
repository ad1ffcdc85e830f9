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
    # The version guard is one element the row buttons share (form="agenda-actions"); the
    # add form carries its own for posts without JavaScript.
    assert html.count('id="agenda-version"') == 1
    actions = url("agenda_move", published_meeting.pk)
    assert f'<form method="post" id="agenda-actions" action="{actions}">' in html
    rows = published_meeting.items.count()
    assert html.count('form="agenda-actions"') == 2 * rows  # Up, Down (Remove: when opened)
    assert html.count("csrfmiddlewaretoken") <= 3  # the menu, the actions, the add form


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
        url("agenda_move", item.meeting_id), {"up": item.pk, "agenda_version": old}, **HTMX
    )
    assert response.status_code == 409
    assert titles(draft)[0] == "Opening en mededelingen"


def test_move_up_and_down_with_buttons(logged_in, client, draft):
    add(logged_in, draft, "Woondeal NHN: voortgang")
    item = AgendaItem.objects.get(title="Woondeal NHN: voortgang")
    response = logged_in.post(
        url("agenda_move", item.meeting_id),
        {"up": item.pk, "agenda_version": version(draft)},
        **HTMX,
    )
    assert response.status_code == 200
    assert titles(draft)[2] == "Woondeal NHN: voortgang"
    # Without JavaScript: a plain POST and a redirect back to the item.
    response = logged_in.post(
        url("agenda_move", item.meeting_id), {"down": item.pk, "agenda_version": version(draft)}
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
        url("agenda_move", item.meeting_id),
        {"down": item.pk, "agenda_version": version(draft)},
        **HTMX,
    )
    assert response.status_code == 422


def test_a_move_names_an_item_of_this_agenda(logged_in, secretary, body, draft):
    other = make_meeting(secretary=secretary, body=body)
    foreign = other.items.order_by("position")[1]
    before = titles(other)
    for data in ({"up": foreign.pk}, {"down": "x"}, {}):
        data["agenda_version"] = version(draft)
        assert logged_in.post(url("agenda_move", draft.pk), data, **HTMX).status_code == 404
    assert titles(other) == before


def test_a_row_is_lean_and_the_opened_item_holds_the_rest(logged_in, draft):
    """Issue 26: a row carries Up, Down and Change only; the item's documents, annotation and
    Remove come with its form, on demand (in the row with htmx, in the page without)."""
    item = draft.items.order_by("position")[1]
    page = logged_in.get(url("agenda_editor", draft.pk)).content.decode()
    row = page[page.index(f'id="item-{item.pk}-line"') :]
    row = row[: row.index("</li>")]
    assert f'name="up" value="{item.pk}"' in row and f'name="down" value="{item.pk}"' in row
    assert url("item_edit", item.pk) in row
    for address in ("item_documents", "annotation_edit", "item_delete"):
        assert url(address, item.pk) not in row
    assert f'id="agenda-actions" action="{url("agenda_move", draft.pk)}"' in page
    opened = [
        logged_in.get(url("item_edit", item.pk), **HTMX).content.decode(),
        logged_in.get(url("item_edit", item.pk)).content.decode(),
    ]
    for html in opened:
        assert f'href="{url("item_documents", item.pk)}"' in html
        assert f'href="{url("annotation_edit", item.pk)}"' in html
        assert re.search(
            rf'<button form="agenda-actions" formaction="{url("item_delete", item.pk)}" '
            rf'data-confirm="{re.escape(item.title)}"',
            html,
        )


def test_editor_is_for_the_secretariat_only(client, published_meeting, member):
    client.force_login(member)
    item = published_meeting.public_item
    assert client.get(url("agenda_editor", published_meeting.pk)).status_code == 404
    assert client.get(url("agenda_editor", published_meeting.pk), **HTMX).status_code == 404
    assert client.post(url("item_create", published_meeting.pk), {"title": "x"}).status_code == 404
    assert client.post(url("agenda_move", item.meeting_id), {"up": item.pk}).status_code == 404
    assert client.post(url("item_delete", item.pk)).status_code == 404
    assert (
        client.post(url("agenda_reorder", published_meeting.pk), {"order": ""}).status_code == 404
    )


def editor_with(client, meeting, titles_):
    for title in titles_:
        add(client, meeting, title)


def rows_of(html):
    """The <li> rows of an answer: (id, slot, out-of-band target)."""
    return re.findall(
        r'<li class="rb-agenda__item[^"]*" id="item-(\d+)" data-slot="([^"]+)"'
        r'(?: hx-swap-oob="([^"]+)")?',
        html,
    )


def test_move_answers_only_the_two_rows_and_the_new_version(logged_in, draft):
    editor_with(logged_in, draft, [f"Punt {n}" for n in range(1, 21)])
    item = AgendaItem.objects.get(title="Punt 7")
    above = AgendaItem.objects.get(title="Punt 6")
    seen = version(draft)
    page = logged_in.get(url("agenda_editor", draft.pk)).content.decode()
    slot = int(dict((pk, number) for pk, number, _oob in rows_of(page))[str(above.pk)])
    response = logged_in.post(
        url("agenda_move", item.meeting_id), {"up": item.pk, "agenda_version": seen}, **HTMX
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert response["HX-Reswap"] == "none"  # nothing in place: every piece is out of band
    assert 'id="agenda-editor"' not in html
    # The two rows that traded places, each aimed at its own place by its new number.
    assert rows_of(html) == [
        (str(item.pk), f"{slot}", f"outerHTML:#agenda-editor [data-slot='{slot}']"),
        (str(above.pk), f"{slot + 1}", f"outerHTML:#agenda-editor [data-slot='{slot + 1}']"),
    ]
    assert html.count('class="rb-row"') == 2
    assert (
        f'<input type="hidden" name="agenda_version" id="agenda-version" value="{version(draft)}"'
        ' hx-swap-oob="true">' in html
    )
    assert version(draft) == seen + 1
    assert '<div hx-swap-oob="innerHTML:#agenda-live">' in html
    assert "Punt 7" in html and "omhoog" in html.lower()
    # A small answer: under 2 % of the 25-item editor and a few KB.
    assert len(html) < 6_000
    assert len(html) < len(page) / 8


def test_move_to_the_top_disables_up_on_the_moved_row(logged_in, draft):
    second = draft.items.order_by("position")[1]
    response = logged_in.post(
        url("agenda_move", second.meeting_id),
        {"up": second.pk, "agenda_version": version(draft)},
        **HTMX,
    )
    html = response.content.decode()
    assert re.search(rf'id="up-{second.pk}"[^>]*disabled', html)
    assert [row[1] for row in rows_of(html)] == ["1", "2"]


def test_stale_move_gets_the_message_and_the_fresh_editor(logged_in, draft):
    item = draft.items.order_by("position")[1]
    old = version(draft)
    add(logged_in, draft, "Tussendoor")
    response = logged_in.post(
        url("agenda_move", item.meeting_id), {"up": item.pk, "agenda_version": old}, **HTMX
    )
    html = response.content.decode()
    assert response.status_code == 409
    assert "HX-Reswap" not in response  # the whole editor replaces the stale one
    assert html.strip().startswith('<section id="agenda-editor"')
    assert str(_(STALE)) in html
    assert "Tussendoor" in html  # the change the secretary had not seen
    assert f'id="agenda-version" value="{version(draft)}"' in html
    assert numbers(html) == ["1", "2", "3", "4", "5", "6"]
    assert titles(draft)[1] == item.title  # nothing moved


# Session, user, groups, access; the move (savepoints, lock, siblings, version, reorder,
# audit); the answer's rows (meeting, items, documents, read marks): the same at any length.
MOVE_QUERIES = 18


def test_move_action_query_count_is_fixed(logged_in, draft, django_assert_num_queries):
    editor_with(logged_in, draft, [f"Punt {n}" for n in range(1, 6)])
    item = AgendaItem.objects.get(title="Punt 3")
    for extra in (0, 20):
        editor_with(logged_in, draft, [f"Extra {extra} {n}" for n in range(extra)])
        seen = version(draft)
        with django_assert_num_queries(MOVE_QUERIES):
            response = logged_in.post(
                url("agenda_move", item.meeting_id),
                {"down": item.pk, "agenda_version": seen},
                **HTMX,
            )
        assert response.status_code == 200


def test_edit_answers_only_its_row(logged_in, draft):
    item = draft.items.order_by("position")[1]
    response = logged_in.post(
        url("item_edit", item.pk),
        {
            "title": "Nieuwe titel",
            "purpose": "informatie",
            "is_public": "1",
            "agenda_version": version(draft),
        },
        **HTMX,
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert html.strip().startswith(f'<div class="rb-row" id="item-{item.pk}-line">')
    assert html.count('class="rb-row"') == 1 and 'id="agenda-editor"' not in html
    assert f'id="agenda-version" value="{version(draft)}" hx-swap-oob="true"' in html
    assert "Nieuwe titel" in html


def test_cancel_edit_answers_the_row(logged_in, draft):
    item = draft.items.order_by("position")[2]
    response = logged_in.get(url("agenda_editor", draft.pk) + f"?regel={item.pk}", **HTMX)
    html = response.content.decode()
    assert html.strip().startswith(f'<div class="rb-row" id="item-{item.pk}-line">')
    assert 'id="agenda-editor"' not in html


def test_remembered_person_list_follows_a_new_person(logged_in, draft):
    """The edit partial's person list comes from the cache; saving a person makes it stale."""
    from gremia.models.registry import Person

    add(logged_in, draft, "Punt")
    item = draft.items.get(title="Punt")
    first = logged_in.get(url("item_edit", item.pk), **HTMX).content.decode()
    assert "Annelies Vroegop" not in first
    person = Person.objects.create(name="Annelies Vroegop")
    html = logged_in.get(url("item_edit", item.pk), **HTMX).content.decode()
    assert f'<option value="{person.pk}">Annelies Vroegop</option>' in html
    person.delete()
    html = logged_in.get(url("item_edit", item.pk), **HTMX).content.decode()
    assert "Annelies Vroegop" not in html


def test_a_presenter_outside_the_list_is_refused(logged_in, draft):
    """Validation checks the remembered list: a person not on it is not accepted."""
    from gremia.models.registry import Person

    person = Person.objects.create(name="Bram Kooistra")
    add(logged_in, draft, "Met spreker", presenter=str(person.pk))
    assert draft.items.get(title="Met spreker").presenter_id == person.pk
    response = add(logged_in, draft, "Onbekende spreker", presenter=str(person.pk + 999))
    assert not draft.items.filter(title="Onbekende spreker").exists()
    assert response.status_code == 422
