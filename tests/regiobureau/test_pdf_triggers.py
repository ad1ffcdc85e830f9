"""PDFs without a button: publishing an agenda requests its public and members' agenda PDFs
and the meeting bundle, adopting a besluitenlijst requests its PDFs, in the service's own
transaction (the job rows and the bundle's outbox row commit or roll back with it)."""

import pytest
from django.db import transaction

from nhn_portal.core.models import GenerationJob, OutboxMessage
from regiobureau.bundle import REFRESH_TASK
from regiobureau.constants import (
    AGENDA,
    ANNOTATED_AGENDA,
    DECISION_LIST,
    MEMBERS,
    PUBLIC,
    DecisionOutcome,
)
from regiobureau.services.decisions import decision_list_adopt, decision_record
from regiobureau.services.meetings import meeting_publish_agenda
from tests.builders import make_meeting
from tests.factories import AgendaItemFactory, MeetingFactory

pytestmark = pytest.mark.django_db


def requested(meeting) -> set[tuple[str, str]]:
    return set(
        GenerationJob.objects.filter(object_id=meeting.pk).values_list("kind", "audience")
    )


def draft_with_item(secretary, body):
    meeting = make_meeting(secretary=secretary, body=body)
    AgendaItemFactory(meeting=meeting, title="Woningbouwprogramma")
    return meeting


def test_publishing_requests_the_agenda_pdfs_and_the_bundle_before_the_commit(
    secretary, body, django_capture_on_commit_callbacks
):
    meeting = draft_with_item(secretary, body)

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        meeting_publish_agenda(actor=secretary, meeting=meeting, expected_version=None)
        # Written in the publication's transaction; nothing handed to a broker yet.
        assert requested(meeting) == {(AGENDA, PUBLIC), (ANNOTATED_AGENDA, MEMBERS)}
        assert OutboxMessage.objects.filter(task_name=REFRESH_TASK).exists()
        assert not GenerationJob.objects.exclude(enqueued_at=None).exists()

    assert callbacks  # the jobs go to the broker after the commit


def test_a_publication_that_rolls_back_leaves_no_pdf_request(secretary, body):
    meeting = draft_with_item(secretary, body)

    with pytest.raises(RuntimeError), transaction.atomic():
        meeting_publish_agenda(actor=secretary, meeting=meeting, expected_version=None)
        raise RuntimeError("the request failed after the service")

    assert requested(meeting) == set()
    assert not OutboxMessage.objects.filter(task_name=REFRESH_TASK).exists()


def held_with(secretary, body, *, public_item: bool):
    meeting = MeetingFactory(body=body, held=True)
    item = AgendaItemFactory(meeting=meeting, is_public=public_item)
    decision_record(actor=secretary, item=item, text="Besluit.", outcome=DecisionOutcome.ADOPTED)
    return meeting, MeetingFactory(body=body, published=True)


def test_adopting_a_decision_list_requests_its_pdfs(secretary, body):
    meeting, at = held_with(secretary, body, public_item=True)

    decision_list_adopt(actor=secretary, meeting=meeting, at_meeting=at)

    assert requested(meeting) == {(DECISION_LIST, PUBLIC), (DECISION_LIST, MEMBERS)}


def test_a_list_of_closed_items_only_gets_no_public_pdf(secretary, body):
    meeting, at = held_with(secretary, body, public_item=False)

    decision_list_adopt(actor=secretary, meeting=meeting, at_meeting=at)

    assert requested(meeting) == {(DECISION_LIST, MEMBERS)}
