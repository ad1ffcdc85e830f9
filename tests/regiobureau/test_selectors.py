"""Selectors: a fixed number of queries whatever the agenda's length, and the dossier trail in
time order with what the reader may not see left out."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from nhn_portal.core.constants import Role
from regiobureau.constants import AnnotationStatus
from regiobureau.selectors.agenda import agenda_rows, flatten
from regiobureau.selectors.dossiers import dossier_trail
from regiobureau.services.annotations import read_mark_set
from tests.builders import member_of
from tests.factories import (
    AgendaItemFactory,
    AnnotationFactory,
    BodyFactory,
    DocumentFactory,
    DossierFactory,
    MeetingFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def meeting_with(n_items: int, body=None):
    """A published meeting of `n_items` items (every fifth closed, every fourth a sub-item),
    three stukken each (one vertrouwelijk) and an annotation on every other item."""
    meeting = MeetingFactory(published=True, body=body or BodyFactory())
    parent = None
    for index in range(n_items):
        is_sub = index % 4 == 3 and parent is not None
        item = AgendaItemFactory(
            meeting=meeting,
            position=index + 1,
            parent=parent if is_sub else None,
            is_public=index % 5 != 4,
        )
        if not is_sub:
            parent = item
        DocumentFactory(agenda_item=item, with_version=True)
        DocumentFactory(agenda_item=item, with_version=True, with_version__arrived_late=True)
        DocumentFactory(agenda_item=item, with_version=True, confidential=True)
        if index % 2 == 0:
            AnnotationFactory(agenda_item=item, status=AnnotationStatus.ADOPTED)
    return meeting


def fresh_user(user):
    """A new instance per request, as the auth middleware gives (nothing cached on it)."""
    if not user.is_authenticated:
        return AnonymousUser()
    return type(user).objects.get(pk=user.pk)


def count_queries(user, meeting, **kwargs):
    user = fresh_user(user)
    with CaptureQueriesContext(connection) as context:
        rows = flatten(agenda_rows(user=user, meeting=meeting, **kwargs))
        # Touch what a template touches: numbers, titles, presenters, stukken and versions,
        # the late flag, annotations.
        for row in rows:
            _ = (row.number, row.item.title, row.item.presenter, row.item.dossier)
            for document in row.documents:
                _ = (document.title, document.current_version.size)
            _ = row.late_documents
            if row.annotation is not None:
                _ = row.annotation.core_message
    return len(context.captured_queries), rows


@pytest.mark.parametrize("role", ["secretaris", "member", "outsider", "anonymous"])
@pytest.mark.parametrize("with_annotations", [True, False])
def test_agenda_rows_runs_the_same_queries_for_10_and_80_items(role, with_annotations):
    body = BodyFactory()
    small, large = meeting_with(10, body), meeting_with(80, body)
    user = {
        "secretaris": lambda: UserFactory(roles=[Role.SECRETARY]),
        "member": lambda: member_of(body, roles=()),
        "outsider": UserFactory,
        "anonymous": AnonymousUser,
    }[role]()
    if user.is_authenticated:
        item = large.items.first()
        read_mark_set(actor=user, item=item)

    small_count, small_rows = count_queries(user, small, with_annotations=with_annotations)
    large_count, large_rows = count_queries(user, large, with_annotations=with_annotations)

    assert len(small_rows) == 10
    assert len(large_rows) == 80
    assert small_count == large_count
    assert large_count <= 6
    if role in ("secretaris", "member") and with_annotations:
        assert sum(row.annotation is not None for row in large_rows) == 40
        assert large_rows[0].is_read
        assert large_rows[0].late_documents


def test_agenda_rows_query_count_is_pinned(django_assert_num_queries):
    body = BodyFactory()
    meeting = meeting_with(80, body)
    user = fresh_user(member_of(body, roles=()))
    # groups (role names), memberships, items (+annotation), stukken (+version), read marks
    with django_assert_num_queries(5):
        agenda_rows(user=user, meeting=meeting, with_annotations=True)


def test_numbering_is_the_same_for_every_reader():
    body = BodyFactory()
    meeting = meeting_with(12, body)
    readers = [
        UserFactory(roles=[Role.SECRETARY]),
        member_of(body, roles=()),
        UserFactory(),
        AnonymousUser(),
    ]
    numberings = [
        [(row.item.pk, row.number) for row in flatten(agenda_rows(user=reader, meeting=meeting))]
        for reader in readers
    ]
    assert all(numbering == numberings[0] for numbering in numberings)
    assert [number for _pk, number in numberings[0]][:5] == ["1", "2", "3", "3a", "4"]


def test_dossier_trail_is_in_time_order_and_hides_what_the_reader_may_not_see():
    dossier = DossierFactory(name="Woondeal NHN")
    now = timezone.now()
    working_group = BodyFactory(working_group=True, name="Werkgroep Wonen")
    directors = BodyFactory(name="Directeurenoverleg")
    platform = BodyFactory(name="Platform Wonen")
    steering = BodyFactory(steering_group=True, name="Stuurgroep")

    def meeting(body, days, **kwargs):
        starts_at = now + datetime.timedelta(days=days)
        return MeetingFactory(
            body=body,
            starts_at=starts_at,
            ends_at=starts_at + datetime.timedelta(hours=2),
            **kwargs,
        )

    # Created out of time order on purpose.
    m_steering = meeting(steering, 40, published=True)
    m_working = meeting(working_group, -30, held=True)
    m_platform = meeting(platform, 10, published=True, closed_meeting=True)
    m_directors = meeting(directors, -5, published=True)
    m_draft = meeting(steering, 60)

    steering_item = AgendaItemFactory(meeting=m_steering, dossier=dossier, position=2)
    steering_intro = AgendaItemFactory(meeting=m_steering, dossier=dossier, position=1)
    working_item = AgendaItemFactory(meeting=m_working, dossier=dossier)
    platform_item = AgendaItemFactory(meeting=m_platform, dossier=dossier)
    directors_closed = AgendaItemFactory(
        meeting=m_directors, dossier=dossier, confidential=True, position=1
    )
    directors_open = AgendaItemFactory(meeting=m_directors, dossier=dossier, position=2)
    AgendaItemFactory(meeting=m_draft, dossier=dossier)
    AgendaItemFactory(meeting=m_working)  # not in the dossier

    def trail(user):
        return [
            (meeting.pk, [row.item.pk for row in rows])
            for meeting, rows in dossier_trail(user=user, dossier=dossier)
        ]

    outsider = UserFactory()
    assert trail(outsider) == [
        (m_working.pk, [working_item.pk]),
        (m_directors.pk, [directors_open.pk]),
        (m_steering.pk, [steering_intro.pk, steering_item.pk]),
    ]

    platform_member = member_of(platform, roles=())
    assert trail(platform_member) == [
        (m_working.pk, [working_item.pk]),
        (m_directors.pk, [directors_open.pk]),
        (m_platform.pk, [platform_item.pk]),
        (m_steering.pk, [steering_intro.pk, steering_item.pk]),
    ]

    secretary = UserFactory(roles=[Role.SECRETARY])
    full = trail(secretary)
    assert [pk for pk, _items in full] == [
        m_working.pk,
        m_directors.pk,
        m_platform.pk,
        m_steering.pk,
        m_draft.pk,
    ]
    assert full[1][1] == [directors_closed.pk, directors_open.pk]
    for _meeting, rows in dossier_trail(user=secretary, dossier=dossier):
        assert all(row.visible for row in rows)


def test_dossier_trail_runs_a_fixed_number_of_queries():
    dossier = DossierFactory()
    user = fresh_user(UserFactory())

    def count():
        with CaptureQueriesContext(connection) as context:
            dossier_trail(user=fresh_user(user), dossier=dossier)
        return len(context.captured_queries)

    AgendaItemFactory(meeting=MeetingFactory(published=True), dossier=dossier)
    few = count()
    for _ in range(10):
        AgendaItemFactory(meeting=MeetingFactory(published=True), dossier=dossier)
    assert count() == few
