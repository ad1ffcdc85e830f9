"""A council's list of letters comes from the cache (issue 26): the same table for each of its
griffiers until a write it shows, which changes the key at once (delivery_list_version)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from raden.constants import DeliveryStatus, RenderStatus
from raden.services.issuing import delivery_render_retry
from tests.builders import griffie, issue, letter_for

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("celery_eager", "own_cache")]


@pytest.fixture
def letter(secretary, meeting_with_decision, region):
    return letter_for(meeting_with_decision, secretary, region)


def table(client) -> str:
    page = client.get(reverse("raden:index"))
    assert page.status_code == 200
    html = page.text
    return html[html.index("<table") : html.index("</table>")]


def link(delivery) -> str:
    return reverse("raden:delivery_detail", args=[delivery.pk])


def test_the_second_visit_comes_from_the_cache(
    client, region, letter, secretary, fake_render, django_capture_on_commit_callbacks
):
    deliveries = issue(letter, secretary, django_capture_on_commit_callbacks)
    client.force_login(griffie(region["Texel"]))
    with CaptureQueriesContext(connection) as cold:
        first = table(client)
    with CaptureQueriesContext(connection) as warm:
        second = table(client)
    assert link(deliveries["Texel"]) in first
    assert second == first
    # Only the list itself is no longer read: the version is one aggregate query.
    assert len(warm) == len(cold) - 1
    assert sum('FROM "raden_councilletterdelivery"' in q["sql"] for q in warm) == 1


def test_a_download_shows_at_once(
    client, region, letter, secretary, fake_render, django_capture_on_commit_callbacks
):
    deliveries = issue(letter, secretary, django_capture_on_commit_callbacks)
    client.force_login(griffie(region["Texel"]))
    assert f"rd-status--{DeliveryStatus.AVAILABLE}" in table(client)
    texel = deliveries["Texel"]
    client.get(reverse("raden:delivery_download", args=[texel.pk]))
    after = table(client)
    assert f"rd-status--{DeliveryStatus.DOWNLOADED}" in after
    assert f"rd-status--{DeliveryStatus.AVAILABLE}" not in after


def test_a_copy_made_later_shows_at_once(
    client, region, letter, secretary, fake_render, django_capture_on_commit_callbacks
):
    fake_render.add("Texel")
    deliveries = issue(letter, secretary, django_capture_on_commit_callbacks)
    texel = deliveries["Texel"]
    texel.refresh_from_db()
    assert texel.render_status == RenderStatus.FAILED
    client.force_login(griffie(region["Texel"]))
    assert "Er zijn nog geen brieven voor uw raad." in client.get(reverse("raden:index")).text
    fake_render.clear()
    with django_capture_on_commit_callbacks(execute=True):
        delivery_render_retry(actor=secretary, delivery=texel)
    assert link(texel) in table(client)


def test_each_council_gets_its_own_table(
    client, region, letter, secretary, fake_render, django_capture_on_commit_callbacks
):
    deliveries = issue(letter, secretary, django_capture_on_commit_callbacks)
    client.force_login(griffie(region["Texel"]))
    assert link(deliveries["Texel"]) in table(client)
    client.force_login(griffie(region["Hoorn"]))
    hoorn = table(client)
    assert link(deliveries["Hoorn"]) in hoorn
    assert link(deliveries["Texel"]) not in hoorn
