"""PDFs without a button: publishing an agenda requests its public and members' agenda PDFs
and the meeting bundle (an outbox row in the publication's transaction, whose task requests
the jobs), adopting a besluitenlijst requests its PDFs (job rows in the adoption's
transaction): they commit or roll back with the service."""

import pytest
from django.db import transaction

from nhn_portal.core.models import GenerationJob, OutboxMessage
from regiobureau.bundle import REFRESH_TASK, meeting_bundle_refresh
from regiobureau.constants import (
    AGENDA,
    ANNOTATED_AGENDA,
    BUNDLE,
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
    return set(GenerationJob.objects.filter(object_id=meeting.pk).values_list("kind", "audience"))


def draft_with_item(secretary, body):
    meeting = make_meeting(secretary=secretary, body=body)
    AgendaItemFactory(meeting=meeting, title="Woningbouwprogramma")
    return meeting


def test_publishing_requests_the_agenda_pdfs_and_the_bundle_through_its_outbox(
    secretary, body, django_capture_on_commit_callbacks
):
    meeting = draft_with_item(secretary, body)

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        meeting_publish_agenda(actor=secretary, meeting=meeting, expected_version=None)
        # In the publication's transaction: the task's outbox row, nothing with a broker yet.
        assert OutboxMessage.objects.filter(task_name=REFRESH_TASK, args=[meeting.pk]).exists()
    assert callbacks

    meeting_bundle_refresh(meeting_id=meeting.pk)  # the task, as the worker runs it

    assert requested(meeting) == {
        (AGENDA, PUBLIC),
        (ANNOTATED_AGENDA, MEMBERS),
        (BUNDLE, PUBLIC),
        (BUNDLE, MEMBERS),
    }


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


def test_an_adoption_that_rolls_back_leaves_no_pdf_request(secretary, body):
    meeting, at = held_with(secretary, body, public_item=True)

    with pytest.raises(RuntimeError), transaction.atomic():
        decision_list_adopt(actor=secretary, meeting=meeting, at_meeting=at)
        raise RuntimeError("the request failed after the service")

    assert requested(meeting) == set()
