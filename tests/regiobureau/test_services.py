"""Meeting, agenda and annotation services: validate, write and audit in one transaction;
a refused write changes nothing."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from nhn_portal.core.constants import AuditAction, Role
from nhn_portal.core.models import AuditRecord
from regiobureau.constants import AnnotationStatus, ItemPurpose, MeetingStatus
from regiobureau.models.annotations import Annotation, AnnotationComment, AnnotationVersion
from regiobureau.models.meetings import AgendaItem, AgendaTemplateItem, Meeting
from regiobureau.selectors.agenda import number_items
from regiobureau.services import meetings as meeting_services
from regiobureau.services.agenda import (
    agenda_item_create,
    agenda_item_delete,
    agenda_item_move,
    agenda_item_update,
    agenda_reorder,
)
from regiobureau.services.annotation_reviews import annotation_adopt, annotation_send_for_review
from regiobureau.services.annotations import (
    annotation_comment_add,
    annotation_comment_resolve,
    annotation_save,
    annotation_set_status,
    read_mark_set,
)
from regiobureau.services.guards import StaleAgendaError
from regiobureau.services.meetings import (
    meeting_cancel,
    meeting_create,
    meeting_publish_agenda,
    meeting_set_status,
    meeting_update,
)
from tests.factories import (
    AgendaItemFactory,
    AnnotationFactory,
    BodyFactory,
    MeetingFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

AMS = ZoneInfo("Europe/Amsterdam")


def at(year, month, day, hour=10, minute=0):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=AMS)


def create(actor, body, *, starts_at=None, ends_at=None, **kwargs):
    starts_at = starts_at or at(2027, 1, 21, 10)
    ends_at = ends_at or starts_at + datetime.timedelta(hours=2)
    return meeting_create(actor=actor, body=body, starts_at=starts_at, ends_at=ends_at, **kwargs)


def titles(meeting):
    return list(
        meeting.items.filter(parent=None).order_by("position").values_list("title", flat=True)
    )


def positions(meeting):
    return dict(meeting.items.values_list("pk", "position"))


def fresh(meeting):
    return Meeting.objects.get(pk=meeting.pk)


# --- meeting_create -------------------------------------------------------------------------


def test_meeting_create_inserts_the_default_opening_and_closing_items(secretary, body):
    meeting = create(secretary, body)

    rows = list(
        meeting.items.order_by("position").values_list(
            "position", "title", "standard_key", "purpose", "parent"
        )
    )
    assert rows == [
        (1, "Opening en mededelingen", "opening", ItemPurpose.INFORMATION, None),
        (2, "Verslag vorige vergadering", "opening", ItemPurpose.DECISION, None),
        (3, "Actielijst", "opening", ItemPurpose.DISCUSSION, None),
        (4, "Rondvraag", "closing", ItemPurpose.DISCUSSION, None),
        (5, "Sluiting", "closing", ItemPurpose.INFORMATION, None),
    ]
    assert meeting.status == MeetingStatus.DRAFT
    assert meeting.agenda_version == 1


def test_meeting_create_uses_the_bodys_own_template_opening_before_closing(secretary, body):
    # Created out of order on purpose: closing rows first, positions not in insertion order.
    for placement, position, title in [
        ("closing", 2, "Afsluiting met borrel"),
        ("closing", 1, "Wvttk"),
        ("opening", 2, "Vaststellen agenda"),
        ("opening", 1, "Welkom"),
    ]:
        AgendaTemplateItem.objects.create(
            body=body,
            placement=placement,
            position=position,
            title=title,
            purpose=ItemPurpose.INFORMATION,
        )
    other_body = BodyFactory()

    meeting = create(secretary, body)
    other = create(secretary, other_body)

    assert titles(meeting) == ["Welkom", "Vaststellen agenda", "Wvttk", "Afsluiting met borrel"]
    assert list(meeting.items.order_by("position").values_list("standard_key", flat=True)) == [
        "opening",
        "opening",
        "closing",
        "closing",
    ]
    # Another body's template does not leak into this one.
    assert titles(other)[0] == "Opening en mededelingen"


@pytest.mark.parametrize(
    ("starts_at", "deadline"),
    [
        # Thursday → ten working days back is the Thursday two weeks earlier.
        (at(2027, 1, 21, 10), datetime.date(2027, 1, 7)),
        # Monday → Monday two weeks earlier (two weekends skipped).
        (at(2027, 1, 25, 14), datetime.date(2027, 1, 11)),
        # Tuesday 00:30 in Amsterdam is still Monday in UTC: the local date counts.
        (at(2027, 1, 26, 0, 30), datetime.date(2027, 1, 12)),
        # Over Christmas: weekends and both Christmas days skipped (working days
        # are Monday to Friday without the Dutch public holidays).
        (at(2026, 12, 31, 9), datetime.date(2026, 12, 16)),
        # Over King's Day 2027 (Tuesday 27 April).
        (at(2027, 4, 30, 10), datetime.date(2027, 4, 15)),
    ],
)
def test_meeting_create_default_deadline_is_ten_working_days_before(
    secretary, body, starts_at, deadline
):
    meeting = create(secretary, body, starts_at=starts_at)
    assert meeting.documents_deadline == deadline
    assert fresh(meeting).documents_deadline == deadline


def test_meeting_create_keeps_an_explicit_deadline(secretary, body):
    meeting = create(secretary, body, documents_deadline=datetime.date(2027, 1, 18))
    assert fresh(meeting).documents_deadline == datetime.date(2027, 1, 18)


@pytest.mark.parametrize("minutes", [0, -30])
def test_meeting_create_refuses_end_not_after_start_and_saves_nothing(secretary, body, minutes):
    starts_at = at(2027, 1, 21, 10)
    with pytest.raises(ValidationError):
        create(
            secretary,
            body,
            starts_at=starts_at,
            ends_at=starts_at + datetime.timedelta(minutes=minutes),
        )
    assert not Meeting.objects.exists()
    assert not AgendaItem.objects.exists()
    assert not AuditRecord.objects.exists()


def test_meeting_create_refuses_a_dissolved_body(secretary):
    body = BodyFactory(dissolved=True)
    with pytest.raises(ValidationError):
        create(secretary, body)
    assert not Meeting.objects.exists()
    assert not AgendaItem.objects.exists()
    assert not AuditRecord.objects.exists()


def test_meeting_create_refuses_a_date_after_the_announced_dissolution(secretary):
    body = BodyFactory(dissolved_on=datetime.date(2027, 1, 1))
    with pytest.raises(ValidationError):
        create(secretary, body, starts_at=at(2027, 1, 21))
    assert not Meeting.objects.exists()
    # Before the dissolution date the body still meets.
    assert create(secretary, body, starts_at=at(2026, 12, 17)).pk


def test_meeting_create_writes_an_audit_record(secretary, body):
    meeting = create(secretary, body)
    record = AuditRecord.objects.get()
    assert record.actor == secretary
    assert record.action == AuditAction.CREATE
    assert record.verb == "meeting_create"
    assert record.object_id == str(meeting.pk)


def test_meeting_create_audit_shares_the_transaction(secretary, body, monkeypatch):
    """When the audit write fails, the meeting and its items are rolled back with it."""
    original = meeting_services.audit_record_create

    def audit_then_fail(**kwargs):
        original(**kwargs)
        raise IntegrityError("audit store broken")

    monkeypatch.setattr(meeting_services, "audit_record_create", audit_then_fail)
    with pytest.raises(IntegrityError):
        create(secretary, body)
    assert not Meeting.objects.exists()
    assert not AgendaItem.objects.exists()
    assert not AuditRecord.objects.exists()


# --- status flow ----------------------------------------------------------------------------

S = MeetingStatus
ALLOWED_SET_STATUS = {(S.DRAFT, S.PLANNED), (S.AGENDA_PUBLISHED, S.HELD), (S.HELD, S.CLOSED)}


@pytest.mark.parametrize("target", [S.DRAFT, S.PLANNED, S.HELD, S.CLOSED])
@pytest.mark.parametrize("current", list(S))
def test_meeting_set_status_follows_the_flow(secretary, current, target):
    yesterday = timezone.now() - datetime.timedelta(days=1)
    meeting = MeetingFactory(status=current, cancel_reason="Geen quorum", starts_at=yesterday)
    if (current, target) in ALLOWED_SET_STATUS:
        meeting_set_status(actor=secretary, meeting=meeting, status=target)
        assert fresh(meeting).status == target
        assert AuditRecord.objects.get().changes == {"status": [current, target]}
    else:
        with pytest.raises(ValidationError):
            meeting_set_status(actor=secretary, meeting=meeting, status=target)
        assert fresh(meeting).status == current
        assert not AuditRecord.objects.exists()


def test_a_meeting_that_has_not_begun_cannot_be_marked_held(secretary):
    meeting = MeetingFactory(published=True)
    with pytest.raises(ValidationError) as error:
        meeting_set_status(actor=secretary, meeting=meeting, status=S.HELD)
    assert error.value.code == "not_begun"
    assert fresh(meeting).status == S.AGENDA_PUBLISHED
    assert not AuditRecord.objects.exists()
    # From its start on, it can.
    meeting.starts_at = timezone.now() - datetime.timedelta(minutes=1)
    meeting.save(update_fields=["starts_at"])
    meeting_set_status(actor=secretary, meeting=meeting, status=S.HELD)
    assert fresh(meeting).status == S.HELD


@pytest.mark.parametrize("target", [S.AGENDA_PUBLISHED, S.CANCELLED])
def test_meeting_set_status_sends_publish_and_cancel_to_their_own_services(secretary, target):
    meeting = MeetingFactory(planned=True)
    with pytest.raises(ValueError):
        meeting_set_status(actor=secretary, meeting=meeting, status=target)
    assert fresh(meeting).status == S.PLANNED


def test_meeting_set_status_refuses_an_unknown_status(secretary):
    meeting = MeetingFactory()
    with pytest.raises(ValidationError):
        meeting_set_status(actor=secretary, meeting=meeting, status="bestaat-niet")
    assert fresh(meeting).status == S.DRAFT


@pytest.mark.parametrize("reason", ["", "   ", None])
def test_meeting_cancel_requires_a_reason(secretary, reason):
    meeting = MeetingFactory(published=True)
    with pytest.raises(ValidationError) as excinfo:
        meeting_cancel(actor=secretary, meeting=meeting, reason=reason)
    assert "cancel_reason" in excinfo.value.message_dict
    assert fresh(meeting).status == S.AGENDA_PUBLISHED
    assert not AuditRecord.objects.exists()


@pytest.mark.parametrize("current", [S.DRAFT, S.PLANNED, S.AGENDA_PUBLISHED])
def test_meeting_cancel_before_it_is_held(secretary, current):
    meeting = MeetingFactory(status=current)
    meeting_cancel(actor=secretary, meeting=meeting, reason="  Geen quorum  ")
    meeting = fresh(meeting)
    assert meeting.status == S.CANCELLED
    assert meeting.cancel_reason == "Geen quorum"
    assert AuditRecord.objects.get().verb == "meeting_cancel"


@pytest.mark.parametrize("current", [S.HELD, S.CLOSED, S.CANCELLED])
def test_meeting_cancel_refused_once_held_or_cancelled(secretary, current):
    meeting = MeetingFactory(status=current, cancel_reason="Eerder")
    with pytest.raises(ValidationError):
        meeting_cancel(actor=secretary, meeting=meeting, reason="Toch niet")
    assert fresh(meeting).status == current
    assert fresh(meeting).cancel_reason == "Eerder"


def test_database_refuses_a_cancelled_meeting_without_reason():
    with pytest.raises(IntegrityError), transaction.atomic():
        MeetingFactory(status=S.CANCELLED, cancel_reason="")


def test_database_refuses_a_meeting_ending_before_it_starts():
    starts_at = at(2027, 1, 21, 10)
    with pytest.raises(IntegrityError), transaction.atomic():
        MeetingFactory(starts_at=starts_at, ends_at=starts_at - datetime.timedelta(hours=1))


@pytest.mark.parametrize("current", [S.DRAFT, S.PLANNED])
def test_publish_without_own_items_is_refused_and_changes_nothing(secretary, body, current):
    meeting = create(secretary, body)
    Meeting.objects.filter(pk=meeting.pk).update(status=current)
    meeting = fresh(meeting)
    audits = AuditRecord.objects.count()

    with pytest.raises(ValidationError) as excinfo:
        meeting_publish_agenda(
            actor=secretary, meeting=meeting, expected_version=meeting.agenda_version
        )

    assert excinfo.value.code == "empty_agenda"
    # Neither the database nor the caller's instance (which the view renders) changed.
    assert meeting.status == current
    saved = fresh(meeting)
    assert saved.status == current
    assert saved.agenda_version == 1
    assert saved.agenda_published_at is None
    assert AuditRecord.objects.count() == audits


def test_publish_from_draft_or_planned(secretary, body):
    meeting = create(secretary, body)
    agenda_item_create(
        actor=secretary,
        meeting=meeting,
        expected_version=1,
        title="Woondeal NHN",
        purpose=ItemPurpose.DECISION,
    )
    meeting_publish_agenda(actor=secretary, meeting=meeting, expected_version=2)
    saved = fresh(meeting)
    assert saved.status == S.AGENDA_PUBLISHED
    assert saved.agenda_published_at is not None
    assert saved.agenda_version == 3
    assert AuditRecord.objects.filter(verb="meeting_publish_agenda").count() == 1


def test_publish_with_a_stale_version_is_refused(secretary, body):
    meeting = create(secretary, body)
    agenda_item_create(
        actor=secretary, meeting=meeting, expected_version=1, title="X", purpose="bespreking"
    )
    with pytest.raises(StaleAgendaError):
        meeting_publish_agenda(actor=secretary, meeting=fresh(meeting), expected_version=1)
    assert fresh(meeting).status == S.DRAFT


@pytest.mark.parametrize("current", [S.AGENDA_PUBLISHED, S.HELD, S.CLOSED, S.CANCELLED])
def test_publish_refused_in_later_states(secretary, current):
    meeting = MeetingFactory(status=current, cancel_reason="Geen quorum")
    AgendaItemFactory(meeting=meeting)
    with pytest.raises(ValidationError):
        meeting_publish_agenda(actor=secretary, meeting=meeting, expected_version=None)
    assert fresh(meeting).status == current


def test_meeting_update_changes_fields_bumps_version_and_audits(secretary):
    meeting = MeetingFactory()
    meeting_update(actor=secretary, meeting=meeting, expected_version=1, location="Provinciehuis")
    saved = fresh(meeting)
    assert saved.location == "Provinciehuis"
    assert saved.agenda_version == 2
    assert AuditRecord.objects.get().changes == {"location": ["", "Provinciehuis"]}


def test_meeting_update_refuses_end_before_start_and_stale_versions(secretary):
    meeting = MeetingFactory()
    with pytest.raises(ValidationError):
        meeting_update(
            actor=secretary,
            meeting=meeting,
            expected_version=1,
            ends_at=meeting.starts_at - datetime.timedelta(hours=1),
        )
    meeting = fresh(meeting)
    meeting_update(actor=secretary, meeting=meeting, expected_version=1, location="A")
    with pytest.raises(StaleAgendaError):
        meeting_update(actor=secretary, meeting=fresh(meeting), expected_version=1, location="B")
    saved = fresh(meeting)
    assert saved.location == "A"
    assert saved.agenda_version == 2


# --- agenda items ---------------------------------------------------------------------------


def add(meeting, title, *, parent=None, actor=None, **kwargs):
    meeting.refresh_from_db()
    return agenda_item_create(
        actor=actor,
        meeting=meeting,
        expected_version=meeting.agenda_version,
        title=title,
        purpose=kwargs.pop("purpose", ItemPurpose.DISCUSSION),
        parent=parent,
        **kwargs,
    )


def test_agenda_item_create_goes_before_the_closing_items(secretary, body):
    meeting = create(secretary, body)
    add(meeting, "Woondeal NHN", actor=secretary)
    add(meeting, "MIRT-verkenning", actor=secretary)
    assert titles(meeting) == [
        "Opening en mededelingen",
        "Verslag vorige vergadering",
        "Actielijst",
        "Woondeal NHN",
        "MIRT-verkenning",
        "Rondvraag",
        "Sluiting",
    ]
    assert sorted(positions(meeting).values()) == [1, 2, 3, 4, 5, 6, 7]
    record = AuditRecord.objects.filter(verb="agenda_item_create").last()
    assert record.actor == secretary
    assert fresh(meeting).agenda_version == 3


def test_agenda_item_create_without_closing_items_appends(secretary):
    meeting = MeetingFactory()
    first = add(meeting, "Een")
    second = add(meeting, "Twee")
    assert (first.position, second.position) == (1, 2)


def test_sub_items_are_numbered_with_letters(secretary):
    meeting = MeetingFactory()
    add(meeting, "Een")
    add(meeting, "Twee")
    three = add(meeting, "Drie")
    three_a = add(meeting, "Drie a", parent=three)
    three_b = add(meeting, "Drie b", parent=three)
    four = add(meeting, "Vier")

    numbers = number_items(list(meeting.items.all()))
    assert numbers[three.pk] == "3"
    assert numbers[three_a.pk] == "3a"
    assert numbers[three_b.pk] == "3b"
    assert numbers[four.pk] == "4"
    assert (three_a.position, three_b.position) == (1, 2)


def test_sub_items_follow_the_closing_rule_only_for_main_items(secretary, body):
    meeting = create(secretary, body)
    main = add(meeting, "Woondeal")
    sub = add(meeting, "Toelichting", parent=main)
    assert sub.parent == main
    assert titles(meeting)[-2:] == ["Rondvraag", "Sluiting"]


def test_number_items_past_the_alphabet():
    meeting_items = [AgendaItem(pk=1, position=1, parent_id=None)]
    meeting_items += [AgendaItem(pk=100 + i, position=i, parent_id=1) for i in range(28)]
    numbers = number_items(meeting_items)
    assert [numbers[100], numbers[125], numbers[126], numbers[127]] == ["1a", "1z", "1aa", "1ab"]


def test_sub_item_of_a_sub_item_or_of_another_meeting_is_refused(secretary):
    meeting = MeetingFactory()
    main = add(meeting, "Hoofdpunt")
    sub = add(meeting, "Subpunt", parent=main)
    foreign = AgendaItemFactory()
    count = AgendaItem.objects.count()
    for parent in (sub, foreign):
        with pytest.raises(ValidationError) as excinfo:
            add(meeting, "Te diep", parent=parent)
        assert "parent" in excinfo.value.message_dict
    assert AgendaItem.objects.count() == count


@pytest.mark.parametrize("title", ["", "   ", None])
def test_agenda_item_create_refuses_an_empty_title_and_moves_nothing(secretary, body, title):
    meeting = create(secretary, body)
    before = positions(meeting)
    with pytest.raises(ValidationError) as excinfo:
        add(meeting, title)
    assert "title" in excinfo.value.message_dict
    assert positions(meeting) == before
    assert fresh(meeting).agenda_version == 1


def test_agenda_item_update_refuses_an_empty_title(secretary):
    item = AgendaItemFactory(title="Woondeal")
    with pytest.raises(ValidationError):
        agenda_item_update(actor=secretary, item=item, expected_version=1, title="  ")
    assert AgendaItem.objects.get(pk=item.pk).title == "Woondeal"
    assert fresh(item.meeting).agenda_version == 1


@pytest.mark.parametrize("status", [S.CLOSED, S.CANCELLED])
def test_agenda_of_a_closed_or_cancelled_meeting_is_locked(secretary, status):
    meeting = MeetingFactory(status=status, cancel_reason="Geen quorum")
    item = AgendaItemFactory(meeting=meeting, title="Oud")
    with pytest.raises(ValidationError):
        add(meeting, "Nieuw")
    with pytest.raises(ValidationError):
        agenda_item_update(actor=secretary, item=item, expected_version=1, title="Anders")
    with pytest.raises(ValidationError):
        agenda_item_delete(actor=secretary, item=item, expected_version=1)
    assert list(meeting.items.values_list("title", flat=True)) == ["Oud"]


def test_two_edits_from_the_same_version_the_second_is_refused(secretary):
    item = AgendaItemFactory(title="Woondeal")
    meeting = item.meeting
    # Both secretaries loaded the agenda at version 1.
    copy_a = AgendaItem.objects.get(pk=item.pk)
    copy_b = AgendaItem.objects.get(pk=item.pk)

    agenda_item_update(actor=secretary, item=copy_a, expected_version=1, title="Woondeal NHN")
    with pytest.raises(StaleAgendaError) as excinfo:
        agenda_item_update(actor=secretary, item=copy_b, expected_version=1, title="Woondeal 2030")

    assert excinfo.value.code == "stale"
    saved = AgendaItem.objects.get(pk=item.pk)
    assert saved.title == "Woondeal NHN"
    assert fresh(meeting).agenda_version == 2
    assert AuditRecord.objects.filter(verb="agenda_item_update").count() == 1


def test_stale_create_inserts_nothing_and_moves_nothing(secretary, body):
    meeting = create(secretary, body)
    add(meeting, "Eerste")  # version 1 → 2
    before = positions(meeting)
    with pytest.raises(StaleAgendaError):
        agenda_item_create(
            actor=secretary, meeting=meeting, expected_version=1, title="Laat", purpose="bespreking"
        )
    assert positions(meeting) == before
    assert fresh(meeting).agenda_version == 2


def test_agenda_item_update_changes_and_audits(secretary):
    item = AgendaItemFactory(title="Woondeal", is_public=True)
    agenda_item_update(
        actor=secretary, item=item, expected_version=1, title="Woondeal NHN", is_public=False
    )
    saved = AgendaItem.objects.get(pk=item.pk)
    assert (saved.title, saved.is_public) == ("Woondeal NHN", False)
    assert AuditRecord.objects.get().changes == {
        "title": ["Woondeal", "Woondeal NHN"],
        "is_public": [True, False],
    }


def test_agenda_item_update_refuses_unknown_fields(secretary):
    item = AgendaItemFactory()
    with pytest.raises(TypeError):
        agenda_item_update(actor=secretary, item=item, expected_version=1, position=9)


def test_an_item_with_sub_items_cannot_become_a_sub_item(secretary):
    meeting = MeetingFactory()
    one = add(meeting, "Een")
    two = add(meeting, "Twee")
    add(meeting, "Twee a", parent=two)
    with pytest.raises(ValidationError):
        agenda_item_update(
            actor=secretary, item=two, expected_version=fresh(meeting).agenda_version, parent=one
        )
    assert AgendaItem.objects.get(pk=two.pk).parent_id is None


def test_an_item_cannot_be_its_own_main_item(secretary):
    item = AgendaItemFactory()
    with pytest.raises(ValidationError):
        agenda_item_update(actor=secretary, item=item, expected_version=1, parent=item)
    assert AgendaItem.objects.get(pk=item.pk).parent_id is None


def test_promoting_a_sub_item_puts_it_last_among_the_main_items_before_closing(secretary, body):
    meeting = create(secretary, body)
    main = add(meeting, "Woondeal")
    sub = add(meeting, "Toelichting", parent=main)
    agenda_item_update(
        actor=secretary, item=sub, expected_version=fresh(meeting).agenda_version, parent=None
    )
    assert titles(meeting) == [
        "Opening en mededelingen",
        "Verslag vorige vergadering",
        "Actielijst",
        "Woondeal",
        "Toelichting",
        "Rondvraag",
        "Sluiting",
    ]
    assert sorted(meeting.items.filter(parent=None).values_list("position", flat=True)) == [
        1,
        2,
        3,
        4,
        5,
        6,
        7,
    ]


def test_demoting_an_item_makes_it_the_last_sub_item_and_closes_the_gap(secretary):
    meeting = MeetingFactory()
    one = add(meeting, "Een")
    one_a = add(meeting, "Een a", parent=one)
    two = add(meeting, "Twee")
    three = add(meeting, "Drie")
    agenda_item_update(
        actor=secretary, item=two, expected_version=fresh(meeting).agenda_version, parent=one
    )
    numbers = number_items(list(meeting.items.all()))
    assert numbers[one_a.pk] == "1a"
    assert numbers[two.pk] == "1b"
    assert numbers[three.pk] == "2"
    assert AgendaItem.objects.get(pk=three.pk).position == 2


# --- reorder, move, delete ------------------------------------------------------------------


def main_ids(meeting):
    return list(meeting.items.filter(parent=None).order_by("position").values_list("pk", flat=True))


def test_agenda_reorder_puts_items_in_the_given_order(secretary):
    meeting = MeetingFactory()
    a, b, c = (add(meeting, t) for t in "ABC")
    agenda_reorder(
        actor=secretary, meeting=meeting, expected_version=4, ordered_ids=[c.pk, a.pk, b.pk]
    )
    assert main_ids(meeting) == [c.pk, a.pk, b.pk]
    assert positions(meeting) == {c.pk: 1, a.pk: 2, b.pk: 3}
    assert fresh(meeting).agenda_version == 5
    record = AuditRecord.objects.get(verb="agenda_reorder")
    assert record.changes == {"order": [[a.pk, b.pk, c.pk], [c.pk, a.pk, b.pk]]}


@pytest.mark.parametrize("case", ["other_meeting", "missing", "duplicate", "extra_sub_item"])
def test_agenda_reorder_refuses_a_bad_list_and_moves_nothing(secretary, case):
    meeting = MeetingFactory()
    a, b, c = (add(meeting, t) for t in "ABC")
    sub = add(meeting, "C a", parent=c)
    foreign = AgendaItemFactory()
    ordered = {
        "other_meeting": [c.pk, a.pk, foreign.pk],
        "missing": [c.pk, a.pk],
        "duplicate": [c.pk, a.pk, a.pk, b.pk],
        "extra_sub_item": [c.pk, a.pk, b.pk, sub.pk],
    }[case]
    before = positions(meeting)
    version = fresh(meeting).agenda_version

    with pytest.raises(ValidationError) as excinfo:
        agenda_reorder(
            actor=secretary, meeting=meeting, expected_version=version, ordered_ids=ordered
        )

    assert excinfo.value.code == "bad_order"
    assert positions(meeting) == before
    assert AgendaItem.objects.get(pk=foreign.pk).position == foreign.position
    assert fresh(meeting).agenda_version == version
    assert not AuditRecord.objects.filter(verb="agenda_reorder").exists()


def test_agenda_reorder_of_sub_items(secretary):
    meeting = MeetingFactory()
    main = add(meeting, "Hoofd")
    x = add(meeting, "x", parent=main)
    y = add(meeting, "y", parent=main)
    agenda_reorder(
        actor=secretary,
        meeting=meeting,
        expected_version=fresh(meeting).agenda_version,
        ordered_ids=[y.pk, x.pk],
        parent=main,
    )
    numbers = number_items(list(meeting.items.all()))
    assert (numbers[y.pk], numbers[x.pk]) == ("1a", "1b")


def test_agenda_reorder_with_a_stale_version_moves_nothing(secretary):
    meeting = MeetingFactory()
    a, b = add(meeting, "A"), add(meeting, "B")
    with pytest.raises(StaleAgendaError):
        agenda_reorder(
            actor=secretary, meeting=meeting, expected_version=1, ordered_ids=[b.pk, a.pk]
        )
    assert main_ids(meeting) == [a.pk, b.pk]


def move(item, direction):
    agenda_item_move(
        actor=None,
        item=item,
        expected_version=fresh(item.meeting).agenda_version,
        direction=direction,
    )


def test_agenda_item_move_up_and_down():
    meeting = MeetingFactory()
    a, b, c = (add(meeting, t) for t in "ABC")
    move(c, "up")
    assert main_ids(meeting) == [a.pk, c.pk, b.pk]
    move(a, "down")
    assert main_ids(meeting) == [c.pk, a.pk, b.pk]
    # At the edges nothing moves.
    move(c, "up")
    move(b, "down")
    assert main_ids(meeting) == [c.pk, a.pk, b.pk]
    with pytest.raises(ValidationError):
        move(a, "sideways")


def test_agenda_item_move_stays_among_siblings():
    meeting = MeetingFactory()
    one = add(meeting, "Een")
    two = add(meeting, "Twee")
    x = add(meeting, "x", parent=one)
    y = add(meeting, "y", parent=one)
    move(y, "up")
    move(y, "up")  # already first among its siblings: stays put, never jumps to main level
    numbers = number_items(list(meeting.items.all()))
    assert (numbers[y.pk], numbers[x.pk], numbers[two.pk]) == ("1a", "1b", "2")
    assert AgendaItem.objects.get(pk=y.pk).parent_id == one.pk


def test_agenda_item_delete_renumbers_and_removes_sub_items(secretary, body):
    meeting = create(secretary, body)
    a = add(meeting, "A")
    add(meeting, "A1", parent=a)
    b = add(meeting, "B")
    agenda_item_delete(actor=secretary, item=a, expected_version=fresh(meeting).agenda_version)
    assert titles(meeting) == [
        "Opening en mededelingen",
        "Verslag vorige vergadering",
        "Actielijst",
        "B",
        "Rondvraag",
        "Sluiting",
    ]
    assert sorted(positions(meeting).values()) == [1, 2, 3, 4, 5, 6]
    assert not AgendaItem.objects.filter(title="A1").exists()
    assert AgendaItem.objects.get(pk=b.pk).position == 4
    assert AuditRecord.objects.filter(verb="agenda_item_delete").count() == 1


def test_deleting_a_sub_item_renumbers_its_siblings_only(secretary):
    meeting = MeetingFactory()
    main = add(meeting, "Hoofd")
    x = add(meeting, "x", parent=main)
    y = add(meeting, "y", parent=main)
    z = add(meeting, "z", parent=main)
    agenda_item_delete(actor=secretary, item=y, expected_version=fresh(meeting).agenda_version)
    assert positions(meeting) == {main.pk: 1, x.pk: 1, z.pk: 2}


def test_stale_delete_removes_nothing(secretary):
    meeting = MeetingFactory()
    a = add(meeting, "A")
    add(meeting, "B")
    with pytest.raises(StaleAgendaError):
        agenda_item_delete(actor=secretary, item=a, expected_version=1)
    assert AgendaItem.objects.filter(pk=a.pk).exists()


# --- annotations ----------------------------------------------------------------------------


def test_every_annotation_save_is_a_version(secretary):
    item = AgendaItemFactory()
    first = annotation_save(
        actor=secretary, item=item, expected_version=0, background="Eerste aanleiding"
    )
    second = annotation_save(actor=secretary, item=item, expected_version=1, core_message="Kern")
    assert first.pk == second.pk
    assert second.version == 2
    versions = list(AnnotationVersion.objects.order_by("number"))
    assert [v.number for v in versions] == [1, 2]
    assert versions[0].content["background"] == "Eerste aanleiding"
    assert versions[0].content["core_message"] == ""
    assert versions[1].content["background"] == "Eerste aanleiding"
    assert versions[1].content["core_message"] == "Kern"
    assert all(v.saved_by == secretary for v in versions)
    assert AuditRecord.objects.filter(verb="annotation_save").count() == 2


def test_annotation_content_is_sanitised(secretary):
    item = AgendaItemFactory()
    dirty = (
        '<p onclick="steal()">Lees <strong>dit</strong> eerst.'
        "<script>alert('x')</script>"
        '<a href="javascript:alert(1)">klik</a> <a href="https://www.nhn.nl">NHN</a>'
        '<img src="x" onerror="alert(2)"></p>'
    )
    annotation = annotation_save(actor=secretary, item=item, expected_version=0, proposal=dirty)
    saved = Annotation.objects.get(pk=annotation.pk).proposal
    assert "<strong>dit</strong>" in saved
    assert "<p>" in saved
    for forbidden in ("<script", "alert(", "onclick", "onerror", "<img", "javascript:"):
        assert forbidden not in saved
    assert 'href="https://www.nhn.nl"' in saved
    assert AnnotationVersion.objects.get().content["proposal"] == saved


def test_stale_annotation_save_is_refused(secretary):
    item = AgendaItemFactory()
    annotation_save(actor=secretary, item=item, expected_version=0, background="Mijn")
    with pytest.raises(StaleAgendaError):
        annotation_save(actor=secretary, item=item, expected_version=0, background="Van een ander")
    assert Annotation.objects.get().background == "Mijn"
    assert AnnotationVersion.objects.count() == 1


def test_first_annotation_save_refused_when_stale_leaves_no_annotation(secretary):
    item = AgendaItemFactory()
    with pytest.raises(StaleAgendaError):
        annotation_save(actor=secretary, item=item, expected_version=3, background="X")
    assert not Annotation.objects.exists()


def test_annotation_save_refuses_unknown_fields(secretary):
    with pytest.raises(TypeError):
        annotation_save(
            actor=secretary, item=AgendaItemFactory(), expected_version=0, status="vastgesteld"
        )


A = AnnotationStatus


def test_annotation_status_flow(secretary):
    # Four eyes: the secretary sends it ter review, a second secretary adopts it
    # (tests/regiobureau/test_annotation_reviews.py has the rules of the review).
    annotation = AnnotationFactory()
    reviewer = UserFactory(roles=[Role.SECRETARY])
    annotation_send_for_review(
        actor=secretary, annotation=annotation, reviewers=[reviewer], due_on=timezone.localdate()
    )
    annotation_adopt(actor=reviewer, annotation=annotation)
    assert Annotation.objects.get().status == A.ADOPTED
    status_records = AuditRecord.objects.filter(changes__has_key="status").order_by("pk")
    assert [(r.actor, r.changes["status"]) for r in status_records] == [
        (secretary, [A.DRAFT, A.IN_REVIEW]),
        (reviewer, [A.IN_REVIEW, A.ADOPTED]),
    ]


@pytest.mark.parametrize("target", [A.IN_REVIEW, A.ADOPTED])
def test_annotation_set_status_does_not_bypass_the_review(secretary, target):
    current = A.DRAFT if target == A.IN_REVIEW else A.IN_REVIEW
    annotation = AnnotationFactory(status=current)
    with pytest.raises(ValidationError) as refused:
        annotation_set_status(actor=secretary, annotation=annotation, status=target)
    assert refused.value.code == "needs_review"
    assert Annotation.objects.get().status == current
    assert not AuditRecord.objects.exists()


@pytest.mark.parametrize(
    ("current", "target"),
    [
        (A.DRAFT, A.ADOPTED),
        (A.DRAFT, A.DRAFT),
        (A.ADOPTED, A.IN_REVIEW),
        (A.IN_REVIEW, A.IN_REVIEW),
        (A.DRAFT, "goedgekeurd"),
    ],
)
def test_annotation_status_refuses_invalid_transitions(secretary, current, target):
    annotation = AnnotationFactory(status=current)
    with pytest.raises(ValidationError):
        annotation_set_status(actor=secretary, annotation=annotation, status=target)
    assert Annotation.objects.get().status == current
    assert not AuditRecord.objects.exists()


def test_saving_an_adopted_annotation_makes_it_a_draft_again(secretary):
    annotation = AnnotationFactory(status=A.ADOPTED, version=1)
    saved = annotation_save(
        actor=secretary, item=annotation.agenda_item, expected_version=1, background="Gewijzigd"
    )
    assert saved.status == A.DRAFT
    assert AnnotationVersion.objects.get().status == A.DRAFT


@pytest.mark.parametrize("text", ["", "   \n ", None])
def test_a_comment_needs_text(text):
    annotation = AnnotationFactory()
    with pytest.raises(ValidationError):
        annotation_comment_add(actor=UserFactory(), annotation=annotation, text=text)
    assert not AnnotationComment.objects.exists()


def test_comment_add_and_resolve():
    annotation = AnnotationFactory()
    author = UserFactory()
    comment = annotation_comment_add(
        actor=author, annotation=annotation, text="  Graag toelichting op de financiën.  "
    )
    assert comment.text == "Graag toelichting op de financiën."
    annotation_comment_resolve(actor=author, comment=comment)
    assert AnnotationComment.objects.get().is_resolved
    assert list(AuditRecord.objects.order_by("pk").values_list("verb", flat=True)) == [
        "annotation_comment_add",
        "annotation_comment_resolve",
    ]


def test_read_mark_set_and_clear():
    item = AgendaItemFactory()
    user = UserFactory()
    read_mark_set(actor=user, item=item)
    read_mark_set(actor=user, item=item)
    assert user.read_marks.count() == 1
    read_mark_set(actor=user, item=item, read=False)
    assert user.read_marks.count() == 0
