"""The reading page caches its list of items per agenda version and audience (issue 26): a
write that changes the list shows at once, and a cached list is never served to a reader of
another audience, so a body's closed items stay hidden outside the body."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from regiobureau.models.meetings import AgendaItem
from regiobureau.selectors.agenda import reading_audience
from regiobureau.services.meetings import meeting_publish_agenda
from regiobureau.views.reading import reading_cache_key
from tests.builders import make_meeting, member_of

CLOSED_TITLE = "Besloten punt: grondaankoop Schagen"


@pytest.fixture(autouse=True)
def _own_cache(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}


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
    assert cache.get(before) is not None
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
