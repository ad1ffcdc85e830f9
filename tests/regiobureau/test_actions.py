"""Action items: exactly one owner, carried over to the body's next meeting under
"Actielijst", "Mijn acties", and one overdue reminder per owner per day."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from regiobureau.constants import ActionStatus
from regiobureau.models.decisions import ActionItem
from regiobureau.selectors.actions import open_actions_for_meeting
from regiobureau.services.actions import (
    action_item_create,
    action_item_set_status,
    action_overdue_remind,
)
from regiobureau.services.meetings import meeting_publish_agenda
from regiobureau.tasks import action_overdue_reminders
from tests.builders import make_meeting
from tests.factories import (
    AgendaItemFactory,
    BodyFactory,
    MeetingFactory,
    MembershipFactory,
    OrganisationFactory,
    PersonFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 6, 10)


def action(meeting, *, deadline=TODAY, person=None, organisation=None, text="Notitie maken"):
    return ActionItem.objects.create(
        origin_meeting=meeting,
        description=text,
        deadline=deadline,
        owner_person=person,
        owner_organisation=None if person else organisation,
    )


def test_exactly_one_owner_is_a_database_rule(secretary):
    meeting = MeetingFactory(held=True)
    person = PersonFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        ActionItem.objects.create(
            origin_meeting=meeting,
            description="x",
            deadline=TODAY,
            owner_person=person,
            owner_organisation=person.organisation,
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        ActionItem.objects.create(origin_meeting=meeting, description="x", deadline=TODAY)
    with pytest.raises(ValidationError):
        action_item_create(actor=secretary, meeting=meeting, description="x", deadline=TODAY)


def test_open_actions_return_under_actielijst_of_the_next_meeting(secretary, client):
    body = BodyFactory(public_by_default=True)
    first = make_meeting(secretary=secretary, body=body, days=-20)
    owner = PersonFactory(name="Wethouder Jansen")
    done = action_item_create(
        actor=secretary,
        meeting=first,
        description="Afgerond punt",
        deadline=TODAY,
        owner_person=owner,
    )
    action_item_create(
        actor=secretary,
        meeting=first,
        description="Notitie flexwonen opstellen",
        deadline=TODAY,
        owner_person=owner,
    )
    action_item_set_status(actor=secretary, action=done, status="gereed")
    next_meeting = make_meeting(secretary=secretary, body=body, days=10)
    other_body_meeting = make_meeting(secretary=secretary, body=BodyFactory(), days=11)
    AgendaItemFactory(meeting=next_meeting, position=50, title="Woondeal")
    meeting_publish_agenda(actor=secretary, meeting=next_meeting, expected_version=None)

    carried = open_actions_for_meeting(user=secretary, meeting=next_meeting)
    assert [a.description for a in carried] == ["Notitie flexwonen opstellen"]
    assert open_actions_for_meeting(user=secretary, meeting=first) == []
    assert open_actions_for_meeting(user=secretary, meeting=other_body_meeting) == []

    reader = UserFactory()
    client.force_login(reader)
    page = client.get(reverse("regiobureau:meeting_detail", args=[next_meeting.pk]))
    assert "Notitie flexwonen opstellen" in page.text
    assert "Afgerond punt" not in page.text
    member = UserFactory()
    MembershipFactory(person=PersonFactory(user=member), body=body)
    client.force_login(member)
    reading = client.get(reverse("regiobureau:meeting_reading", args=[next_meeting.pk]))
    assert "Notitie flexwonen opstellen" in reading.text


def test_actions_of_a_closed_item_stay_with_the_body(secretary):
    body = BodyFactory()
    first = MeetingFactory(
        body=body, held=True, starts_at=timezone.now() - datetime.timedelta(days=9)
    )
    closed = AgendaItemFactory(meeting=first, confidential=True)
    action_item_create(
        actor=secretary,
        meeting=first,
        item=closed,
        description="Geheime taxatie",
        deadline=TODAY,
        owner_person=PersonFactory(),
    )
    following = MeetingFactory(body=body, published=True)
    assert open_actions_for_meeting(user=UserFactory(), meeting=following) == []
    assert len(open_actions_for_meeting(user=secretary, meeting=following)) == 1


def test_my_actions_lists_own_and_organisation_actions(client):
    meeting = MeetingFactory(held=True)
    user = UserFactory()
    me = PersonFactory(user=user)
    action(meeting, person=me, text="Mijn eigen actie")
    action(meeting, organisation=me.organisation, text="Actie van mijn gemeente")
    action(meeting, person=PersonFactory(), text="Actie van een ander")
    client.force_login(user)
    page = client.get(reverse("regiobureau:my_actions"))
    assert page.status_code == 200
    assert "Mijn eigen actie" in page.text and "Actie van mijn gemeente" in page.text
    assert "Actie van een ander" not in page.text
    mine = ActionItem.objects.get(description="Mijn eigen actie")
    client.post(reverse("regiobureau:action_status", args=[mine.pk]), {"status": "gereed"})
    assert ActionItem.objects.get(pk=mine.pk).status == ActionStatus.DONE
    other = ActionItem.objects.get(description="Actie van een ander")
    assert (
        client.post(
            reverse("regiobureau:action_status", args=[other.pk]), {"status": "gereed"}
        ).status_code
        == 404
    )


def test_one_reminder_per_owner_listing_all_overdue_actions_and_none_twice_a_day(settings):
    settings.SITE_URL = "https://portaal.example.org"
    body = BodyFactory()
    meeting = MeetingFactory(body=body, held=True)
    anna = PersonFactory(user=UserFactory(email="anna@example.org"))
    bert = PersonFactory(email="bert@example.org")
    town = OrganisationFactory(name="Gemeente Schagen")
    MembershipFactory(
        body=body, person=PersonFactory(organisation=town, email="wethouder@schagen.example.org")
    )
    late = TODAY - datetime.timedelta(days=3)
    action(meeting, person=anna, deadline=late, text="Eerste achterstallige actie")
    action(meeting, person=anna, deadline=late, text="Tweede achterstallige actie")
    action(meeting, person=anna, deadline=TODAY + datetime.timedelta(days=5), text="Nog niet laat")
    action(meeting, person=bert, deadline=late, text="Actie van Bert")
    action(meeting, organisation=town, deadline=late, text="Actie van Schagen")
    closed = action(meeting, person=bert, deadline=late, text="Al gedaan")
    closed.status = ActionStatus.DONE
    closed.save()

    assert action_overdue_remind(today=TODAY) == 3
    by_recipient = {tuple(m.to): m for m in mail.outbox}
    assert set(by_recipient) == {
        ("anna@example.org",),
        ("bert@example.org",),
        ("wethouder@schagen.example.org",),
    }
    anna_mail = by_recipient[("anna@example.org",)]
    assert "Eerste achterstallige actie" in anna_mail.body
    assert "Tweede achterstallige actie" in anna_mail.body
    assert "Nog niet laat" not in anna_mail.body
    assert "https://portaal.example.org/vergaderingen/mijn/acties/" in anna_mail.body
    assert "Al gedaan" not in by_recipient[("bert@example.org",)].body

    # The same day again (the beat fired twice, or a worker redelivered): nothing.
    assert action_overdue_reminders.apply(kwargs={"today": TODAY.isoformat()}).get() == 0
    assert len(mail.outbox) == 3
    # The next day the owners are reminded again.
    assert action_overdue_remind(today=TODAY + datetime.timedelta(days=1)) == 3


def test_beat_schedule_runs_the_reminder_daily():
    from nhn_portal.celery import app

    entries = [
        e
        for e in app.conf.beat_schedule.values()
        if e["task"] == "regiobureau.tasks.action_overdue_reminders"
    ]
    assert len(entries) == 1
