"""The confidentiality rules per role: a closed agenda item and a
vertrouwelijk stuk are for the body's members, the secretaries and the beheerder only; everyone
else gets 404 and at most the placeholder "Besloten agendapunt" on the public agenda."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser

from nhn_portal.core.access import NotFound
from nhn_portal.core.constants import Role
from regiobureau import permissions
from regiobureau.constants import AnnotationStatus, Confidentiality
from regiobureau.selectors.agenda import access_agenda_item, agenda_rows, flatten
from regiobureau.selectors.annotations import access_annotation
from regiobureau.selectors.documents import access_document, access_document_version, item_documents
from regiobureau.selectors.meetings import (
    access_meeting,
    meeting_list_for_member,
    meeting_list_upcoming,
)
from tests.builders import member_of
from tests.factories import (
    AgendaItemFactory,
    AnnotationFactory,
    BodyFactory,
    DocumentFactory,
    MeetingFactory,
    UserFactory,
)

ROLES = [
    "anonymous",
    "outsider",
    "member",
    "other_member",
    "former_member",
    "griffie",
    "secretaris",
    "beheerder",
    "beheerder_group",
]
ALL = set(ROLES)
STAFF = {"secretaris", "beheerder", "beheerder_group"}
INSIDERS = STAFF | {"member"}


def make_user(role, body):
    if role == "anonymous":
        return AnonymousUser()
    if role == "outsider":
        return UserFactory()
    if role == "member":
        return member_of(body, roles=())
    if role == "other_member":
        return member_of(BodyFactory(), roles=())
    if role == "former_member":
        return member_of(body, roles=(), end=datetime.date(2025, 12, 31))
    if role == "griffie":
        return UserFactory(roles=[Role.CLERK])
    if role == "secretaris":
        return UserFactory(roles=[Role.SECRETARY])
    if role == "beheerder":
        return UserFactory(is_superuser=True, is_staff=True)
    if role == "beheerder_group":
        return UserFactory(roles=[Role.MANAGER])
    raise AssertionError(role)


@pytest.fixture
def world(db):
    """One body with a public meeting (a public and a closed item, public and vertrouwelijke
    stukken), a closed meeting, a draft and a planned meeting (agenda not out yet)."""
    body = BodyFactory()
    w = {"body": body}
    w["public_meeting"] = MeetingFactory(body=body, published=True, is_public=True)
    w["public_item"] = AgendaItemFactory(meeting=w["public_meeting"], position=1)
    w["closed_item"] = AgendaItemFactory(meeting=w["public_meeting"], position=2, confidential=True)
    w["sub_of_closed"] = AgendaItemFactory(
        meeting=w["public_meeting"], parent=w["closed_item"], position=1, is_public=True
    )
    w["public_doc"] = DocumentFactory(agenda_item=w["public_item"], with_version=True)
    w["confidential_doc"] = DocumentFactory(
        agenda_item=w["public_item"], confidential=True, with_version=True
    )
    w["doc_on_closed_item"] = DocumentFactory(agenda_item=w["closed_item"], with_version=True)
    w["closed_meeting"] = MeetingFactory(body=body, published=True, closed_meeting=True)
    w["item_of_closed_meeting"] = AgendaItemFactory(meeting=w["closed_meeting"], is_public=True)
    w["doc_of_closed_meeting"] = DocumentFactory(
        agenda_item=w["item_of_closed_meeting"], with_version=True
    )
    w["draft_meeting"] = MeetingFactory(body=body, is_public=True)
    w["draft_item"] = AgendaItemFactory(meeting=w["draft_meeting"])
    w["draft_doc"] = DocumentFactory(agenda_item=w["draft_item"], with_version=True)
    w["planned_meeting"] = MeetingFactory(body=body, planned=True, is_public=True)
    w["planned_item"] = AgendaItemFactory(meeting=w["planned_meeting"])
    return w


def allowed(call) -> bool:
    try:
        call()
    except NotFound:
        return False
    return True


MEETING_RULES = {
    "public_meeting": ALL,
    "closed_meeting": ALL,  # the meeting is listed; its items are not (see below)
    "planned_meeting": ALL,
    "draft_meeting": STAFF,
}
ITEM_RULES = {
    "public_item": ALL,
    "closed_item": INSIDERS,
    "sub_of_closed": INSIDERS,  # a sub-item of a closed item is closed with it
    "item_of_closed_meeting": INSIDERS,
    "draft_item": STAFF,
    "planned_item": STAFF,  # the agenda is not out yet
}
DOCUMENT_RULES = {
    "public_doc": ALL,
    "confidential_doc": INSIDERS,
    "doc_on_closed_item": INSIDERS,
    "doc_of_closed_meeting": INSIDERS,
    "draft_doc": STAFF,
}


@pytest.mark.parametrize("role", ROLES)
def test_access_meeting_per_role(world, role):
    user = make_user(role, world["body"])
    for name, roles in MEETING_RULES.items():
        pk = world[name].pk
        assert allowed(lambda pk=pk: access_meeting(user=user, pk=pk)) == (role in roles), name


@pytest.mark.parametrize("role", ROLES)
def test_access_agenda_item_per_role(world, role):
    user = make_user(role, world["body"])
    for name, roles in ITEM_RULES.items():
        pk = world[name].pk
        assert allowed(lambda pk=pk: access_agenda_item(user=user, pk=pk)) == (role in roles), name


@pytest.mark.parametrize("role", ROLES)
def test_access_document_and_its_current_version_per_role(world, role):
    user = make_user(role, world["body"])
    for name, roles in DOCUMENT_RULES.items():
        pk = world[name].pk
        assert allowed(lambda pk=pk: access_document(user=user, pk=pk)) == (role in roles), name
        assert allowed(
            lambda pk=pk: access_document_version(user=user, document_pk=pk, number=None)
        ) == (role in roles), name


@pytest.mark.parametrize("role", ROLES)
def test_earlier_versions_are_for_the_secretariat(world, role):
    user = make_user(role, world["body"])
    pk = world["public_doc"].pk
    assert allowed(lambda: access_document_version(user=user, document_pk=pk, number=1)) == (
        role in STAFF
    )
    # A version that does not exist is a 404 for everyone.
    assert not allowed(lambda: access_document_version(user=user, document_pk=pk, number=99))


@pytest.mark.parametrize("role", ROLES)
def test_missing_objects_are_404_like_forbidden_ones(world, role):
    user = make_user(role, world["body"])
    assert not allowed(lambda: access_meeting(user=user, pk=999_999))
    assert not allowed(lambda: access_agenda_item(user=user, pk=999_999))
    assert not allowed(lambda: access_document(user=user, pk=999_999))


def test_a_document_without_a_version_has_no_download(world):
    user = make_user("secretaris", world["body"])
    document = DocumentFactory(agenda_item=world["public_item"])
    assert not allowed(
        lambda: access_document_version(user=user, document_pk=document.pk, number=None)
    )


@pytest.mark.parametrize("role", ROLES)
def test_annotations_are_for_insiders_only(world, role):
    user = make_user(role, world["body"])
    AnnotationFactory(agenda_item=world["public_item"], status=AnnotationStatus.ADOPTED)
    pk = world["public_item"].pk
    assert allowed(lambda: access_annotation(user=user, item_pk=pk)) == (role in INSIDERS)
    assert permissions.can_read_annotations(user, world["public_meeting"]) == (role in INSIDERS)


@pytest.mark.parametrize("role", ROLES)
def test_only_the_secretariat_manages_meetings(world, role):
    user = make_user(role, world["body"])
    assert permissions.can_manage_meetings(user) == (role in STAFF)
    pk = world["public_meeting"].pk
    assert allowed(lambda: access_meeting(user=user, pk=pk, for_update=True)) == (role in STAFF)


@pytest.mark.parametrize("role", ROLES)
def test_agenda_rows_show_placeholders_and_the_same_numbers_for_everyone(world, role):
    user = make_user(role, world["body"])
    AnnotationFactory(
        agenda_item=world["closed_item"],
        core_message="Geheim advies",
        status=AnnotationStatus.ADOPTED,
    )
    AnnotationFactory(
        agenda_item=world["public_item"],
        core_message="Openbaar advies",
        status=AnnotationStatus.ADOPTED,
    )
    rows = flatten(agenda_rows(user=user, meeting=world["public_meeting"], with_annotations=True))
    by_item = {row.item.pk: row for row in rows}

    assert [(row.item.pk, row.number) for row in rows] == [
        (world["public_item"].pk, "1"),
        (world["closed_item"].pk, "2"),
        (world["sub_of_closed"].pk, "2a"),
    ]
    for name in ("public_item", "closed_item", "sub_of_closed"):
        row = by_item[world[name].pk]
        assert row.visible == (role in ITEM_RULES[name]), name
        if not row.visible:
            assert row.documents == []
            assert row.annotation is None

    public_row = by_item[world["public_item"].pk]
    expected_docs = {world["public_doc"].pk}
    if role in INSIDERS:
        expected_docs.add(world["confidential_doc"].pk)
    assert {d.pk for d in public_row.documents} == expected_docs
    if role in INSIDERS:
        assert public_row.annotation.core_message == "Openbaar advies"
        assert by_item[world["closed_item"].pk].annotation.core_message == "Geheim advies"
    else:
        assert public_row.annotation is None


@pytest.mark.parametrize("role", ROLES)
def test_agenda_rows_of_a_closed_meeting_are_placeholders_for_outsiders(world, role):
    user = make_user(role, world["body"])
    rows = agenda_rows(user=user, meeting=world["closed_meeting"])
    assert [row.number for row in rows] == ["1"]
    assert rows[0].visible == (role in INSIDERS)
    assert bool(rows[0].documents) == (role in INSIDERS)


@pytest.mark.parametrize("role", ROLES)
def test_agenda_rows_of_a_draft_or_planned_meeting_only_for_the_secretariat(world, role):
    user = make_user(role, world["body"])
    for name in ("draft_meeting", "planned_meeting"):
        rows = agenda_rows(user=user, meeting=world[name])
        assert (rows != []) == (role in STAFF), name


@pytest.mark.parametrize("role", ROLES)
def test_item_documents_hide_vertrouwelijke_stukken(world, role):
    user = make_user(role, world["body"])
    documents = item_documents(user=user, item=world["public_item"])
    expected = {world["public_doc"].pk}
    if role in INSIDERS:
        expected.add(world["confidential_doc"].pk)
    assert {d.pk for d in documents} == expected


def test_document_confidentiality_can_change_access(world):
    user = make_user("outsider", world["body"])
    document = world["public_doc"]
    assert allowed(lambda: access_document(user=user, pk=document.pk))
    document.confidentiality = Confidentiality.CONFIDENTIAL
    document.save()
    assert not allowed(lambda: access_document(user=user, pk=document.pk))


@pytest.mark.parametrize("role", ROLES)
def test_meeting_lists_hide_drafts(world, role):
    user = make_user(role, world["body"])
    pks = set(meeting_list_upcoming(user=user, body=world["body"]).values_list("pk", flat=True))
    assert (world["draft_meeting"].pk in pks) == (role in STAFF)
    assert world["public_meeting"].pk in pks
    mine = set(meeting_list_for_member(user=user).values_list("pk", flat=True))
    if role == "member":
        assert mine == {
            world["public_meeting"].pk,
            world["closed_meeting"].pk,
            world["planned_meeting"].pk,
        }
    elif role in {"anonymous", "outsider", "griffie", "former_member"}:
        assert mine == set()
