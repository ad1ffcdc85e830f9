"""The heartbeat of the background work: the beat has a worker write the time every half
minute, and when it is older than five minutes the overview and the pages that show waiting
work tell the secretariat and the beheerder since when the background tasks stand still."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from nhn_portal.celery import app
from nhn_portal.core.constants import Role
from nhn_portal.core.heartbeat import (
    STALE_AFTER,
    background_stalled_since,
    heartbeat_record,
)
from nhn_portal.core.models import GenerationJob, Heartbeat
from nhn_portal.core.production.services import document_generation_request
from nhn_portal.core.tasks import worker_heartbeat
from regiobureau.constants import AGENDA, PUBLIC
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

STALL = "Achtergrondtaken liggen stil sinds"


def test_the_beat_has_a_worker_write_the_heartbeat_every_half_minute():
    entry = app.conf.beat_schedule["nhn_portal.core.tasks.heartbeat"]
    assert entry["task"] == "nhn_portal.core.tasks.heartbeat"
    assert entry["schedule"] == 30.0
    task = app.tasks["nhn_portal.core.tasks.heartbeat"]
    assert task.name == worker_heartbeat.name
    # A heartbeat that waited past the next beat is dropped, not run late.
    assert task.expires == 30.0

    worker_heartbeat.apply()
    beat = Heartbeat.objects.get(name="worker")
    assert timezone.now() - beat.beat_at < timedelta(seconds=5)
    worker_heartbeat.apply()
    assert Heartbeat.objects.count() == 1


def test_a_recent_heartbeat_is_no_stall_and_an_old_one_says_since_when():
    now = timezone.now()
    heartbeat_record(now=now - STALE_AFTER + timedelta(seconds=10))
    assert background_stalled_since(now=now) is None
    old = now - STALE_AFTER - timedelta(seconds=1)
    heartbeat_record(now=old)
    assert background_stalled_since(now=now) == old


def test_before_any_heartbeat_only_work_that_waits_too_long_is_a_stall(
    published_meeting, secretary
):
    now = timezone.now()
    assert background_stalled_since(now=now) is None
    # In the test's transaction the job is never handed to a broker: it waits.
    job = document_generation_request(
        actor=secretary, subject=published_meeting, kind=AGENDA, audience=PUBLIC
    )
    GenerationJob.objects.filter(pk=job.pk).update(requested_at=now - timedelta(minutes=2))
    assert background_stalled_since(now=now) is None
    GenerationJob.objects.filter(pk=job.pk).update(requested_at=now - timedelta(minutes=6))
    assert background_stalled_since(now=now) == now - timedelta(minutes=6)


@pytest.fixture
def stalled():
    heartbeat_record(now=timezone.now() - timedelta(minutes=12))


def test_the_overview_tells_the_secretariat_and_the_beheerder(client, stalled):
    for role in (Role.SECRETARY, Role.MANAGER):
        client.force_login(UserFactory(roles=[role]))
        text = client.get(reverse("home")).content.decode()
        assert STALL in text
        assert "niets gaat verloren" in text


def test_a_member_is_not_told(client, stalled):
    client.force_login(UserFactory(roles=[Role.ADMINISTRATOR]))
    assert STALL not in client.get(reverse("home")).content.decode()


def test_the_meeting_pdf_panel_tells_the_secretariat(client, stalled, published_meeting, secretary):
    client.force_login(secretary)
    page = client.get(published_meeting.get_absolute_url()).content.decode()
    assert STALL in page
    # The panel alone, as htmx polls it.
    url = reverse("regiobureau:meeting_pdf_status", args=[published_meeting.pk])
    assert STALL in client.get(url, HTTP_HX_REQUEST="true").content.decode()


def test_nothing_is_said_while_the_heartbeat_is_fresh(client, secretary, published_meeting):
    heartbeat_record()
    client.force_login(secretary)
    assert STALL not in client.get(reverse("home")).content.decode()
    assert STALL not in client.get(published_meeting.get_absolute_url()).content.decode()
