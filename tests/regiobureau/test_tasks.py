"""Publishing the agenda mails every member of the body, after commit, with a link and never
the confidential content."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from nhn_portal.core.models import AuditRecord
from regiobureau.constants import Confidentiality, MeetingStatus
from regiobureau.models.meetings import Meeting
from regiobureau.services.meetings import meeting_cancel, meeting_publish_agenda
from regiobureau.tasks import meeting_agenda_published_notify
from tests.builders import member_of
from tests.factories import (
    AgendaItemFactory,
    AnnotationFactory,
    BodyFactory,
    DocumentFactory,
    MeetingFactory,
    MembershipFactory,
    PersonFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

SECRET_TITLE = "Grondaankoop Kooypunt fase 3"
SECRET_DOCUMENT = "Taxatierapport perceel 12"
SECRET_ANNOTATION = "Onderhandelingsruimte tot 4,2 miljoen"


@pytest.fixture
def meeting(db):
    body = BodyFactory(name="Platform Wonen NHN")
    meeting = MeetingFactory(planned=True, body=body, title="Vergadering met geheimen")
    AgendaItemFactory(meeting=meeting, position=1, title="Woondeal NHN")
    closed = AgendaItemFactory(meeting=meeting, position=2, title=SECRET_TITLE, confidential=True)
    DocumentFactory(agenda_item=closed, title=SECRET_DOCUMENT, with_version=True)
    DocumentFactory(
        agenda_item=meeting.items.get(position=1),
        title=SECRET_DOCUMENT + " bijlage",
        confidentiality=Confidentiality.CONFIDENTIAL,
    )
    AnnotationFactory(agenda_item=closed, core_message=SECRET_ANNOTATION)
    return meeting


def mark_published(meeting):
    Meeting.objects.filter(pk=meeting.pk).update(status=MeetingStatus.AGENDA_PUBLISHED)


@pytest.fixture
def members(meeting):
    body = meeting.body
    alice = member_of(body, roles=())
    bob = member_of(body, roles=(), chair=True)
    # Bob also sits as an ordinary member: still one mail.
    MembershipFactory(person=bob.person, body=body)
    # A member without a login is reached on the address in the registry.
    no_login = PersonFactory(email="wethouder@den-helder.example")
    MembershipFactory(person=no_login, body=body)
    # Not mailed: a former member, a member of another body, a person without any address.
    former = member_of(
        body, roles=(), start=datetime.date(2024, 1, 1), end=datetime.date(2025, 12, 31)
    )
    elsewhere = member_of(BodyFactory(), roles=())
    MembershipFactory(person=PersonFactory(email=""), body=body)
    return {
        "to": sorted([alice.email, bob.email, "wethouder@den-helder.example"]),
        "not": [former.email, elsewhere.email],
    }


def test_publish_enqueues_the_mail_on_commit_only(
    meeting,
    members,
    secretary,
    celery_eager,
    mailoutbox,
    django_capture_on_commit_callbacks,
    bundles_not_made,
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        meeting_publish_agenda(actor=secretary, meeting=meeting, expected_version=1)
        # Inside the transaction nothing has gone out yet.
        assert mailoutbox == []

    assert len(callbacks) == 2  # the mail, and the meeting bundle's task (regiobureau.bundle)
    assert sorted(address for m in mailoutbox for address in m.to) == members["to"]


def test_a_refused_publish_enqueues_nothing(
    secretary, celery_eager, mailoutbox, django_capture_on_commit_callbacks
):
    meeting = MeetingFactory(planned=True)
    member_of(meeting.body, roles=())
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(ValidationError),
    ):
        meeting_publish_agenda(actor=secretary, meeting=meeting, expected_version=1)
    assert callbacks == []
    assert mailoutbox == []


def test_publish_calls_the_task_with_the_meeting_id_after_commit(
    meeting, secretary, monkeypatch, django_capture_on_commit_callbacks
):
    sent = []
    # The durable outbox hands the task over with apply_async and its own task id.
    monkeypatch.setattr(
        meeting_agenda_published_notify,
        "apply_async",
        lambda args=(), kwargs=None, **options: sent.append(tuple(args)),
    )
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        meeting_publish_agenda(actor=secretary, meeting=meeting, expected_version=1)
    assert sent == []
    for callback in callbacks:
        callback()
    assert sent == [(meeting.pk,)]


def test_notify_mails_each_current_member_once_with_the_link(
    meeting, members, mailoutbox, settings
):
    settings.SITE_URL = "https://portaal.nhn.example/"
    mark_published(meeting)

    assert meeting_agenda_published_notify(meeting.pk) == 3

    assert sorted(m.to[0] for m in mailoutbox) == members["to"]
    link = "https://portaal.nhn.example" + reverse(
        "regiobureau:meeting_detail", kwargs={"pk": meeting.pk}
    )
    for message in mailoutbox:
        # One recipient per mail: members do not see each other's addresses.
        assert len(message.to) == 1
        assert message.cc == [] and message.bcc == []
        assert link in message.body
        assert "Platform Wonen NHN" in message.subject
        assert "\n" not in message.subject
        assert message.from_email == settings.DEFAULT_FROM_EMAIL
        for address in members["not"]:
            assert address not in message.to


def test_a_redelivered_notify_mails_the_members_only_once(meeting, members, mailoutbox):
    mark_published(meeting)
    assert meeting_agenda_published_notify(meeting.pk) == 3
    meeting.refresh_from_db()
    assert meeting.members_notified_at is not None
    record = AuditRecord.objects.get(verb="meeting_notify_members", object_id=str(meeting.pk))
    assert record.changes == {"recipients": 3}
    # The broker hands the task out again (late acknowledgement after a lost worker).
    assert meeting_agenda_published_notify(meeting.pk) == 0
    assert len(mailoutbox) == 3


def test_a_failed_mail_leaves_the_meeting_unmarked_for_the_retry(
    meeting, members, mailoutbox, monkeypatch
):
    from regiobureau.services import meetings as sending

    mark_published(meeting)

    def refuse(*args, **kwargs):
        raise ConnectionError("mail server down")

    with monkeypatch.context() as patched:
        patched.setattr(sending, "send_templated_mail", refuse)
        with pytest.raises(ConnectionError):
            meeting_agenda_published_notify(meeting.pk)
    meeting.refresh_from_db()
    assert meeting.members_notified_at is None
    assert meeting_agenda_published_notify(meeting.pk) == 3


def test_notify_never_carries_confidential_content(meeting, members, mailoutbox):
    mark_published(meeting)
    meeting_agenda_published_notify(meeting.pk)
    assert mailoutbox
    for message in mailoutbox:
        text = (
            message.subject
            + message.body
            + "".join(str(content) for content, _mime in getattr(message, "alternatives", []))
        )
        for secret in (SECRET_TITLE, SECRET_DOCUMENT, SECRET_ANNOTATION, "Grondaankoop"):
            assert secret not in text
        assert message.attachments == []


def test_notify_without_members_sends_nothing(mailoutbox):
    meeting = MeetingFactory(published=True)
    assert meeting_agenda_published_notify(meeting.pk) == 0
    assert mailoutbox == []


def test_notify_skips_a_meeting_cancelled_before_the_mail_went_out(mailoutbox, secretary):
    meeting = MeetingFactory(published=True)
    member_of(meeting.body, roles=())
    meeting_cancel(actor=secretary, meeting=meeting, reason="Geen quorum")
    assert meeting_agenda_published_notify(meeting.pk) == 0
    assert mailoutbox == []


def test_notify_mails_a_login_on_its_own_address(meeting, mailoutbox):
    user = UserFactory(email="bestuurder@alkmaar.example")
    person = PersonFactory(user=user, email="oud-adres@alkmaar.example")
    MembershipFactory(person=person, body=meeting.body)
    mark_published(meeting)
    meeting_agenda_published_notify(meeting.pk)
    assert [m.to for m in mailoutbox] == [["bestuurder@alkmaar.example"]]
