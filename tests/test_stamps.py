"""StampQuery (nhn_portal.core.stamps): a version stamp compiled by the ORM once and after
that run as SQL with the ids of the visit (issue 26). The stamp must follow the rows it
stands for, and must refuse a shape it cannot fill in."""

import pytest
from django.db.models import Count, Max

from nhn_portal.core.stamps import StampQuery
from regiobureau.models.meetings import AgendaItem
from tests.factories import AgendaItemFactory, MeetingFactory

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
