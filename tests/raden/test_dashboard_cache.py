"""The unfiltered distribution dashboard comes from the cache (issue 26): the same matrix for
the whole secretariat until a write it shows, which changes its key at once
(dashboard_version); a filtered one compares with the present moment and is made fresh."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from raden.constants import AgendaForum, DeliveryStatus, DiscussionOutcome, InformationPreference
from raden.models.letters import CouncilLetterDelivery
from raden.services.delivery import delivery_confirm_receipt
from raden.services.discussions import letter_discussion_record
from raden.services.preferences import council_preference_set
from tests.builders import griffie, issue, letter_for

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("celery_eager", "own_cache")]


@pytest.fixture
def copies(
    secretary, meeting_with_decision, region, fake_render, django_capture_on_commit_callbacks
):
    letter = letter_for(meeting_with_decision, secretary, region)
    return issue(letter, secretary, django_capture_on_commit_callbacks)


def matrix(client, **query) -> str:
    """What follows the filter form: the offices and the matrix (or "No letters to show")."""
    page = client.get(reverse("raden:dashboard"), query)
    assert page.status_code == 200
    return page.text[page.text.index('<form method="get" class="rb-filter">') :].split(
        "</form>", 1
    )[1]


def test_the_second_visit_comes_from_the_cache(client, secretary, copies):
    client.force_login(secretary)
    with CaptureQueriesContext(connection) as cold:
        first = matrix(client)
    with CaptureQueriesContext(connection) as warm:
        second = matrix(client)
    assert second == first
    # Session, user, roles and the version: not the letters, copies and councils again.
    assert len(warm) < len(cold)
    assert not any('"raden_councilletterdelivery"."status"' in q["sql"] for q in warm)


def test_a_receipt_a_discussion_and_a_preference_show_at_once(client, secretary, copies, region):
    client.force_login(secretary)
    before = matrix(client)
    assert f"rd-status--{DeliveryStatus.RECEIVED}" not in before
    assert "besproken in 0 van de 17 raden" in before
    clerk = griffie(region["Texel"])
    delivery_confirm_receipt(actor=clerk, delivery=copies["Texel"])
    assert f"rd-status--{DeliveryStatus.RECEIVED}" in matrix(client)
    letter_discussion_record(
        actor=clerk,
        delivery=copies["Texel"],
        forum=AgendaForum.COUNCIL,
        agenda_date=datetime.date(2026, 7, 2),
        outcome=DiscussionOutcome.DISCUSSED,
    )
    assert "besproken in 1 van de 17 raden" in matrix(client)
    without = matrix(client)
    council_preference_set(
        actor=None, municipality=region["Hoorn"], preference=InformationPreference.DIGEST
    )
    assert matrix(client) != without


def test_a_filtered_matrix_is_made_fresh(client, secretary, copies):
    client.force_login(secretary)
    assert "rd-late" not in matrix(client, days=7)
    assert "rd-matrix" in matrix(client)  # the unfiltered one is cached meanwhile
    # Time passes: nothing is written, yet the copies are now ten days old.
    CouncilLetterDelivery.objects.update(available_at=timezone.now() - datetime.timedelta(days=10))
    assert "rd-late" in matrix(client, days=7)
