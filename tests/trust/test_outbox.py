"""Publishing is safe without a broker. The members' mail is an outbox row in
the publishing transaction, handed to the broker after the commit; when Redis is down the
page answers (no 500) and says the mail follows, and the beat's sweep sends it once — never
twice."""

import datetime

import kombu.exceptions
import pytest
from django.urls import reverse
from django.utils import timezone

from nhn_portal.core import tasking, tasks
from nhn_portal.core.models import OutboxMessage
from regiobureau.bundle import REFRESH_TASK
from regiobureau.constants import ItemPurpose, MeetingStatus
from regiobureau.services.agenda import agenda_item_create
from regiobureau.services.meetings import NOTIFY_TASK, meeting_publish_agenda
from regiobureau.tasks import meeting_agenda_published_notify
from tests.builders import make_meeting, member_of

LATER = tasking.OUTBOX_GRACE + datetime.timedelta(seconds=1)


@pytest.fixture
def meeting(secretary, body):
    meeting = make_meeting(secretary=secretary, body=body)
    agenda_item_create(
        actor=secretary,
        meeting=meeting,
        expected_version=None,
        title="Woondeal",
        purpose=ItemPurpose.DECISION,
    )
    member_of(body, roles=())
    meeting.refresh_from_db()
    return meeting


@pytest.fixture
def broker_down(monkeypatch):
    def apply_async(*args, **kwargs):
        raise kombu.exceptions.OperationalError("Error 111 connecting to 127.0.0.1:6379.")

    monkeypatch.setattr(meeting_agenda_published_notify, "apply_async", apply_async)


def publish(client, meeting):
    return client.post(
        reverse("regiobureau:meeting_publish", args=[meeting.pk]),
        {"agenda_version": meeting.agenda_version},
        follow=True,
    )


# transaction=True: the on-commit send runs when the view's transaction commits, as it does in
# production, so the page sees its outcome.
@pytest.mark.django_db(transaction=True)
def test_broker_down_publish_answers_and_the_sweep_sends_the_mail_once(
    client, secretary, meeting, broker_down, celery_eager, mailoutbox, monkeypatch, bundles_not_made
):
    client.force_login(secretary)
    response = publish(client, meeting)
    assert response.redirect_chain[0][1] == 302
    assert response.status_code == 200
    assert "wordt verstuurd zodra de wachtrij weer werkt" in response.text
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.AGENDA_PUBLISHED
    message = OutboxMessage.objects.get(task_name=NOTIFY_TASK)
    assert message.args == [meeting.pk]
    assert message.sent_at is None and message.attempts == 1
    assert mailoutbox == []

    # Still down: the sweep leaves it waiting and counts the attempt.
    assert tasking.outbox_sweep(now=timezone.now() + LATER) == []
    monkeypatch.undo()  # Redis is back
    assert tasking.outbox_sweep(now=timezone.now()) == []  # within the grace: not yet
    assert tasking.outbox_sweep(now=timezone.now() + LATER) == [message.pk]
    message.refresh_from_db()
    assert message.sent_at is not None and message.attempts == 3
    assert len(mailoutbox) == 1

    # Idempotent: the next sweep and a late on-commit send hand over nothing again.
    assert tasking.outbox_sweep(now=timezone.now() + LATER) == []
    assert tasking.outbox_send(message.pk) is True
    assert len(mailoutbox) == 1


@pytest.mark.django_db(transaction=True)
def test_with_the_broker_up_the_mail_goes_at_commit_and_the_page_says_so(
    client, secretary, meeting, celery_eager, mailoutbox, bundles_not_made
):
    client.force_login(secretary)
    response = publish(client, meeting)
    assert "De agenda is gepubliceerd; de leden krijgen een e-mail." in response.text
    assert "wachtrij weer werkt" not in response.text
    assert len(mailoutbox) == 1
    assert OutboxMessage.objects.get(task_name=NOTIFY_TASK).sent_at is not None


@pytest.mark.django_db
def test_the_outbox_row_is_part_of_the_transaction(
    secretary, meeting, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        meeting_publish_agenda(
            actor=secretary, meeting=meeting, expected_version=meeting.agenda_version
        )
        # The members' mail, and the meeting bundle's task (regiobureau.bundle).
        pending = OutboxMessage.objects.filter(sent_at__isnull=True)
        assert sorted(pending.values_list("task_name", flat=True)) == sorted(
            [NOTIFY_TASK, REFRESH_TASK]
        )
    assert len(callbacks) == 2


@pytest.mark.django_db
def test_a_rolled_back_service_leaves_no_outbox_row(secretary, body):
    empty = make_meeting(secretary=secretary, body=body)
    with pytest.raises(Exception):  # noqa: B017 - the service refuses an empty agenda
        meeting_publish_agenda(
            actor=secretary, meeting=empty, expected_version=empty.agenda_version
        )
    assert not OutboxMessage.objects.exists()


@pytest.mark.django_db
def test_the_sweep_keeps_the_task_id_so_a_redelivery_is_the_same_message(
    secretary, meeting, monkeypatch
):
    handed = []
    monkeypatch.setattr(
        meeting_agenda_published_notify,
        "apply_async",
        lambda args=(), kwargs=None, task_id=None, **options: handed.append((args, task_id)),
    )
    message = tasking.enqueue_on_commit(NOTIFY_TASK, meeting.pk)
    OutboxMessage.objects.filter(pk=message.pk).update(
        created_at=timezone.now() - LATER  # never sent: its on-commit never ran
    )
    assert tasks.outbox_sweep() == 1
    assert handed == [((meeting.pk,), message.task_id)]


def test_the_beat_runs_the_sweep_every_minute():
    from nhn_portal.celery import app

    entry = app.conf.beat_schedule["nhn_portal.core.tasks.outbox_sweep"]
    assert entry["task"] == "nhn_portal.core.tasks.outbox_sweep"
    assert entry["schedule"] == 60.0
