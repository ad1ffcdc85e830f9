"""StampQuery and ObjectQuery (nhn_portal.core.stamps): a query compiled by the ORM once and
after that run as SQL with the ids of the visit (issue 26). The stamp must follow the rows it
stands for, the objects must be the ORM's own, and both must refuse a shape they cannot fill
in."""

import datetime

import pytest
from django.contrib.sessions.models import Session
from django.db.models import Count, Max
from django.utils import timezone

from nhn_portal.core.sessions import SessionStore
from nhn_portal.core.stamps import ObjectQuery, RowsQuery, StampQuery
from regiobureau.models.meetings import AgendaItem
from regiobureau.permissions import _MEMBER_BODY_IDS
from tests.factories import AgendaItemFactory, MeetingFactory, MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


def items_of(meeting_id):
    return (
        AgendaItem.objects.filter(meeting_id=meeting_id)
        .order_by()
        .values("meeting_id")
        .annotate(n=Count("pk"), at=Max("updated_at"))
    )


def test_the_stamp_follows_the_rows_of_the_id_it_is_given(django_assert_num_queries):
    stamp = StampQuery(items_of)
    first, second = MeetingFactory(), MeetingFactory()
    item = AgendaItemFactory(meeting=first, title="Woondeal")
    AgendaItemFactory(meeting=second)
    AgendaItemFactory(meeting=second)
    before = stamp(first.pk)
    assert [row[:2] for row in stamp.rows(first.pk)] == [(first.pk, 1)]
    assert [row[:2] for row in stamp.rows(second.pk)] == [(second.pk, 2)]
    assert stamp.rows(MeetingFactory().pk) == []  # no items: no row
    assert len({before, stamp(second.pk), stamp(MeetingFactory().pk)}) == 3
    assert " " not in before  # fit for any cache's keys
    item.title = "Woondeal, herzien"
    item.save()
    with django_assert_num_queries(1):
        after = stamp(first.pk)
    assert after != before
    assert stamp(first.pk) == after


def test_the_orm_compiles_the_query_once(monkeypatch):
    stamp = StampQuery(items_of)
    meeting = MeetingFactory()
    AgendaItemFactory(meeting=meeting)
    stamp(meeting.pk)
    monkeypatch.setattr(stamp, "build", lambda *ids: pytest.fail("compiled again"))
    assert stamp.rows(meeting.pk)[0][:2] == (meeting.pk, 1)


def test_an_id_the_sql_does_not_carry_is_refused():
    # The id is not used in the query: no parameter to fill in, so every visit would get the
    # stamp of the same rows.
    stamp = StampQuery(lambda meeting_id: items_of(7))
    with pytest.raises(ValueError, match="Every id"):
        stamp(MeetingFactory().pk)


def test_the_wrong_number_of_ids_is_refused():
    stamp = StampQuery(items_of)
    stamp(MeetingFactory().pk)
    with pytest.raises(TypeError):
        stamp(1, 2)


def items_with_their_meeting(meeting_id):
    return (
        AgendaItem.objects.select_related("meeting", "meeting__body", "parent")
        .filter(meeting_id=meeting_id)
        .order_by("position", "pk")
    )


def test_the_objects_are_the_orms_own_with_their_related_rows(django_assert_num_queries):
    query = ObjectQuery(items_with_their_meeting)
    meeting = MeetingFactory()
    main = AgendaItemFactory(meeting=meeting, title="Woondeal", position=1)
    sub = AgendaItemFactory(meeting=meeting, parent=main, title="Woonakkoord", position=2)
    AgendaItemFactory(title="Elders")  # another meeting's: not among them
    expected = list(items_with_their_meeting(meeting.pk))
    query.all(meeting.pk)  # compiled here
    with django_assert_num_queries(1):
        items = query.all(meeting.pk)
        # The related rows came with them: reading them asks nothing more.
        assert [item.meeting.body.name for item in items] == [meeting.body.name] * 2
        assert items[1].parent.title == "Woondeal"
    assert items == expected == [main, sub]
    for got, orm in zip(items, expected, strict=True):
        # Every field as the ORM converts it (an aware time, not SQLite's text).
        assert got.__dict__.keys() == orm.__dict__.keys()
        for name in ("title", "position", "created_at", "updated_at", "parent_id"):
            assert getattr(got, name) == getattr(orm, name), name
        assert got.meeting.starts_at == orm.meeting.starts_at
        assert got.meeting.starts_at.tzinfo is not None
        assert got._state.adding is False and got._state.db == "default"
    assert items[0].parent is None
    assert query.first(MeetingFactory().pk) is None  # no items: nothing
    assert query.first(meeting.pk) == main
    items[0].title = "Woondeal, herzien"
    items[0].save()  # an instance like any other
    main.refresh_from_db()
    assert main.title == "Woondeal, herzien"


def test_an_id_no_database_could_hold_finds_nothing():
    # A URL may carry any number of digits; the ORM answers "none", so must this.
    query = ObjectQuery(items_with_their_meeting)
    assert query.all(10**30) == []
    assert query.first(-(10**30)) is None


def test_values_prefetches_and_annotations_are_refused():
    with pytest.raises(ValueError, match="model instances"):
        ObjectQuery(items_of).all(MeetingFactory().pk)
    with pytest.raises(ValueError, match="model instances"):
        ObjectQuery(lambda pk: AgendaItem.objects.filter(pk=pk).prefetch_related("documents")).all(
            1
        )


def test_a_key_is_filled_in_as_text():
    # The session store's query (nhn_portal.core.sessions) looks up a session by its key.
    item = AgendaItemFactory(title="Woondeal")
    query = ObjectQuery(lambda title: AgendaItem.objects.filter(title=title).order_by())
    assert query.first("Woondeal") == item
    assert query.first("Woonakkoord") is None


def test_the_session_store_reads_a_live_session_and_refuses_an_expired_one():
    store = SessionStore()
    store["nhn_last_seen"] = 1
    store.create()
    key = store.session_key
    assert SessionStore(key).load() == {"nhn_last_seen": 1}
    Session.objects.filter(session_key=key).update(
        expire_date=timezone.now() - datetime.timedelta(seconds=1)
    )
    expired = SessionStore(key)
    assert expired.load() == {}
    assert expired.session_key is None  # a new one is made on save, as Django's store does
    assert SessionStore("x" * 32).load() == {}


def test_a_date_is_filled_in_as_the_database_takes_it():
    # Who sits on a body on a day (regiobureau.permissions.member_body_ids): the day is a
    # parameter like the user, not compiled in.
    membership = MembershipFactory(
        person__user=UserFactory(),
        start=datetime.date(2026, 1, 1),
        end=datetime.date(2026, 6, 30),
    )
    query = RowsQuery(_MEMBER_BODY_IDS.build)  # compiled afresh here, with dates
    user_id = membership.person.user_id
    assert query.rows(user_id, datetime.date(2026, 3, 1)) == [(membership.body_id,)]
    assert query.rows(user_id, datetime.date(2026, 7, 1)) == []
    assert query.rows(user_id, datetime.date(2025, 12, 31)) == []
    with pytest.raises(TypeError):
        query.rows(user_id, timezone.now())  # a time is not a day
