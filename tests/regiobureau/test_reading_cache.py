"""The reading page caches its list of items per agenda version and audience (issue 26): a
write that changes the list shows at once, and a cached list is never served to a reader of
another audience, so a body's closed items stay hidden outside the body."""

import datetime
import re
from unittest import mock

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from gremia.models.delegation import Delegation
from nhn_portal.core.release import fragment_key
from regiobureau.models.meetings import AgendaItem
from regiobureau.selectors.agenda import reading_audience
from regiobureau.services.actions import action_item_create, action_item_set_status
from regiobureau.services.meetings import meeting_publish_agenda
from regiobureau.views.reading import reading_cache_key
from tests.builders import CLOSED_TITLE as CLOSED_TITLE_FIXTURE
from tests.builders import CONFIDENTIAL_DOC, PUBLIC_TITLE, make_meeting, member_of
from tests.factories import BodyFactory, PersonFactory, UserFactory

pytestmark = pytest.mark.usefixtures("own_cache")

CLOSED_TITLE = "Besloten punt: grondaankoop Schagen"


@pytest.fixture
def meeting(secretary, body):
    meeting = make_meeting(secretary=secretary, body=body)
    AgendaItem.objects.create(meeting=meeting, position=100, title="Open punt", is_public=True)
    AgendaItem.objects.create(meeting=meeting, position=101, title=CLOSED_TITLE, is_public=False)
    meeting.refresh_from_db()
    meeting_publish_agenda(
        actor=secretary, meeting=meeting, expected_version=meeting.agenda_version
    )
    meeting.refresh_from_db()
    return meeting


def reading(client, meeting) -> str:
    return client.get(reverse("regiobureau:meeting_reading", args=[meeting.pk])).content.decode()


def test_a_write_changes_the_key_and_the_page(client, body, meeting):
    reader = member_of(body)
    client.force_login(reader)
    before = reading_cache_key(user=reader, meeting=meeting)
    assert "Open punt" in reading(client, meeting)
    assert cache.get(fragment_key(before)) is not None
    item = meeting.items.get(title="Open punt")
    item.title = "Open punt, herzien"
    item.save()
    assert reading_cache_key(user=reader, meeting=meeting) != before
    html = reading(client, meeting)
    assert "Open punt, herzien" in html


def test_an_outsider_never_gets_the_bodys_cached_list(client, body, meeting, secretary):
    reader = member_of(body)
    client.force_login(reader)
    assert CLOSED_TITLE in reading(client, meeting)  # cached for the body's audience
    outsider = secretary.__class__.objects.create_user(email="buiten@example.org")
    assert reading_audience(user=outsider, meeting=meeting) == "public"
    assert reading_audience(user=reader, meeting=meeting) == "body"
    assert reading_cache_key(user=outsider, meeting=meeting) != reading_cache_key(
        user=reader, meeting=meeting
    )
    client.force_login(outsider)
    response = client.get(reverse("regiobureau:meeting_reading", args=[meeting.pk]))
    assert CLOSED_TITLE not in response.content.decode()
    closed = meeting.items.get(title=CLOSED_TITLE)
    more = client.get(reverse("regiobureau:item_reading", args=[closed.pk]))
    assert more.status_code == 404


def test_the_body_and_the_public_audience_never_share_an_entry(
    client, published_meeting, member, outsider
):
    """Two audiences, same meeting: the body's cached list (closed item, confidential stuk
    counted) is stored under the body's key only; a reader outside the body gets neither the
    page, nor the list from the cache, nor any item's part (annotations are never public)."""
    meeting = published_meeting
    client.force_login(member)
    assert CLOSED_TITLE_FIXTURE in reading(client, meeting)
    body_key = reading_cache_key(user=member, meeting=meeting)
    public_key = reading_cache_key(user=outsider, meeting=meeting)
    assert ":body:" in body_key and ":public:" in public_key
    assert CLOSED_TITLE_FIXTURE in cache.get(fragment_key(body_key))["html"]
    assert cache.get(fragment_key(public_key)) is None

    client.force_login(outsider)
    response = client.get(reverse("regiobureau:meeting_reading", args=[meeting.pk]))
    assert response.status_code == 404
    assert CLOSED_TITLE_FIXTURE not in response.content.decode()
    assert cache.get(fragment_key(public_key)) is None
    for item in (meeting.public_item, meeting.closed_item):
        for headers in ({}, {"HX-Request": "true"}):
            part = client.get(reverse("regiobureau:item_reading", args=[item.pk]), headers=headers)
            assert part.status_code == 404
            assert "Kern van" not in part.content.decode()
            assert CONFIDENTIAL_DOC not in part.content.decode()


def test_a_member_of_another_body_reads_neither_page_nor_part(client, published_meeting):
    other = member_of(BodyFactory(name="Platform Mobiliteit"))
    client.force_login(member_of(published_meeting.body))
    reading(client, published_meeting)  # the body's list is in the cache
    client.force_login(other)
    page = client.get(reverse("regiobureau:meeting_reading", args=[published_meeting.pk]))
    assert page.status_code == 404
    part = client.get(reverse("regiobureau:item_reading", args=[published_meeting.closed_item.pk]))
    assert part.status_code == 404


def test_the_cached_list_holds_nothing_of_its_first_reader(client, published_meeting, member):
    """The first reader's read marks and buttons are filled in after the cache; a second
    member sees her own state, an assistant (delegation) no buttons at all."""
    meeting = published_meeting
    item = meeting.public_item
    client.force_login(member)
    client.post(reverse("regiobureau:item_read", args=[item.pk]), {"read": "1"})
    first = reading(client, meeting)
    assert f'<article class="rb-reading-item rb-reading-item--read" id="item-{item.pk}"' in first
    assert f'id="read-{item.pk}"' in first and 'name="read" value="0"' in first

    second = member_of(meeting.body)
    client.force_login(second)
    html = reading(client, meeting)
    assert "rb-reading-item--read" not in html
    assert 'name="read" value="0"' not in html
    assert f'id="read-{item.pk}"' in html and 'name="read" value="1"' in html
    assert "U hebt 0 van de " in html

    assistant = UserFactory()
    Delegation.objects.create(principal=second, assistant=assistant)
    client.force_login(assistant)
    html = reading(client, meeting)
    assert PUBLIC_TITLE in html
    assert f'id="read-{item.pk}"' not in html and 'id="rb-read-form"' not in html


def test_without_javascript_a_plain_link_opens_the_item_and_a_response_returns_there(
    client, published_meeting, member
):
    meeting = published_meeting
    item = meeting.public_item
    part_url = reverse("regiobureau:item_reading", args=[item.pk])
    client.force_login(member)
    html = reading(client, meeting)
    # The row: a native <details> whose content is a plain link; static/js/reading.js has htmx
    # load the part in its place when the reader opens it.
    assert re.search(
        r'<details class="rb-item-details"><summary>[^<]*</summary>'
        rf'<a class="utrecht-link" href="{part_url}">',
        html,
    )
    assert "/static/js/reading" in html
    assert "Kern van" not in html  # the annotation itself loads on demand

    page = client.get(part_url)
    assert page.status_code == 200
    text = page.content.decode()
    assert "<html" in text and f"Kern van {PUBLIC_TITLE}" in text and CONFIDENTIAL_DOC in text
    assert (
        f'href="{reverse("regiobureau:meeting_reading", args=[meeting.pk])}#item-{item.pk}"' in text
    )

    response = client.post(
        reverse("regiobureau:comment_add", args=[item.pk]), {"text": "Graag de cijfers."}
    )
    assert response.status_code == 302 and response["Location"] == part_url
    text = client.get(part_url).content.decode()
    assert "Graag de cijfers." in text
    assert "Uw reactie is toegevoegd." in text

    fragment = client.get(part_url, headers={"HX-Request": "true"}).content.decode()
    assert "<html" not in fragment and "Graag de cijfers." in fragment


def test_an_item_without_annotation_or_stukken_says_so_when_opened(client, body, meeting):
    client.force_login(member_of(body))
    item = meeting.items.get(title="Open punt")
    part = client.get(reverse("regiobureau:item_reading", args=[item.pk]), HTTP_HX_REQUEST="true")
    assert "Dit agendapunt heeft nog geen annotatie en geen stukken." in part.content.decode()


def test_the_open_actions_under_the_actielijst_are_cached_and_follow_every_change(
    client, body, secretary
):
    """The carried-over actions are part of the cached list; a change to an action, its owner
    or the day shows at once."""
    earlier = make_meeting(secretary=secretary, body=body, days=-20)
    owner = PersonFactory(name="Wethouder Jansen")
    open_action = action_item_create(
        actor=secretary,
        meeting=earlier,
        description="Notitie flexwonen opstellen",
        deadline=timezone.localdate() + datetime.timedelta(days=1),
        owner_person=owner,
    )
    meeting = make_meeting(secretary=secretary, body=body)
    AgendaItem.objects.create(meeting=meeting, position=50, title="Woondeal", is_public=True)
    meeting_publish_agenda(actor=secretary, meeting=meeting, expected_version=None)
    meeting.refresh_from_db()
    reader = member_of(body)
    client.force_login(reader)
    first_key = reading_cache_key(user=reader, meeting=meeting)
    html = reading(client, meeting)
    assert "Notitie flexwonen opstellen — Wethouder Jansen" in html
    assert cache.get(fragment_key(first_key)) is not None

    owner.name = "Wethouder De Vries"
    owner.save()
    assert "Notitie flexwonen opstellen — Wethouder De Vries" in reading(client, meeting)

    action_item_set_status(actor=secretary, action=open_action, status="gereed")
    assert "Notitie flexwonen opstellen" not in reading(client, meeting)
    action_item_create(
        actor=secretary,
        meeting=earlier,
        description="Raadsinformatiebrief versturen",
        deadline=timezone.localdate(),
        owner_person=owner,
    )
    html = reading(client, meeting)
    assert "Raadsinformatiebrief versturen" in html
    assert "te laat" not in html

    # Tomorrow the action is past its deadline: another key, so the cached "today" is not
    # served and the action says it is late.
    today_key = reading_cache_key(user=reader, meeting=meeting)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    with mock.patch("django.utils.timezone.localdate", return_value=tomorrow):
        assert reading_cache_key(user=reader, meeting=meeting) != today_key
        assert "te laat" in reading(client, meeting)
