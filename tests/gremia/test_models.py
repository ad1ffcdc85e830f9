"""The registry's invariants hold in the database, not only in forms."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from gremia.constants import MembershipRole, OrganisationKind
from gremia.models.registry import Body, Membership, Organisation
from tests.factories import BodyFactory, MembershipFactory, OrganisationFactory, PersonFactory

pytestmark = pytest.mark.django_db

JAN_1 = datetime.date(2025, 1, 1)


def test_membership_end_before_start_is_refused_by_the_database():
    person = PersonFactory()
    body = BodyFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(
            person=person,
            body=body,
            organisation=person.organisation,
            start=JAN_1,
            end=JAN_1 - datetime.timedelta(days=1),
        )
    assert not Membership.objects.exists()


def test_membership_may_end_on_its_start_day():
    membership = MembershipFactory(start=JAN_1, end=JAN_1)
    membership.full_clean()


def test_second_open_membership_in_the_same_role_is_refused_by_the_database():
    first = MembershipFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(
            person=first.person,
            body=first.body,
            organisation=first.organisation,
            role=first.role,
            start=datetime.date(2025, 3, 1),
        )


def test_same_person_may_hold_another_role_or_a_closed_earlier_membership():
    first = MembershipFactory(ended=True)
    MembershipFactory(person=first.person, body=first.body, start=datetime.date(2026, 1, 1))
    MembershipFactory(person=first.person, body=first.body, role=MembershipRole.SUBSTITUTE)
    assert Membership.objects.count() == 3


def test_duplicate_open_membership_is_named_by_full_clean():
    first = MembershipFactory()
    duplicate = Membership(
        person=first.person, body=first.body, organisation=first.organisation, start=JAN_1
    )
    with pytest.raises(ValidationError) as error:
        duplicate.full_clean()
    assert (
        _("This person already has an open membership of this body in this role.")
        in error.value.messages
    )


def test_dissolved_body_takes_no_new_membership():
    body = BodyFactory(dissolved=True)
    person = PersonFactory()
    membership = Membership(body=body, person=person, organisation=person.organisation, start=JAN_1)
    with pytest.raises(ValidationError) as error:
        membership.full_clean()
    assert "body" in error.value.message_dict
    assert error.value.message_dict["body"] == [
        _("%(body)s was dissolved on %(date)s and takes no new memberships.")
        % {"body": body, "date": date_format(body.dissolved_on, "j F Y")}
    ]


def test_membership_starting_after_dissolution_is_refused_even_when_edited():
    body = BodyFactory(dissolved_on=datetime.date(2026, 6, 1))
    membership = MembershipFactory(body=body, start=datetime.date(2026, 1, 1))
    membership.start = datetime.date(2026, 7, 1)
    with pytest.raises(ValidationError):
        membership.full_clean()


def test_body_cannot_be_dissolved_before_it_was_established_in_the_database():
    body = BodyFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Body.objects.filter(pk=body.pk).update(dissolved_on=datetime.date(2024, 12, 31))


def test_body_cannot_prepare_itself_in_the_database():
    body = BodyFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Body.objects.filter(pk=body.pk).update(prepares=body)


def test_circle_of_preparation_is_refused():
    steering = BodyFactory(steering_group=True)
    platform = BodyFactory(prepares=steering)
    working_group = BodyFactory(working_group=True, prepares=platform)
    steering.prepares = working_group
    with pytest.raises(ValidationError) as error:
        steering.full_clean()
    assert "prepares" in error.value.message_dict


def test_chain_of_preparation_is_fine():
    steering = BodyFactory(steering_group=True)
    platform = BodyFactory(prepares=steering)
    working_group = BodyFactory.build(working_group=True, prepares=platform, slug="wg", name="WG")
    working_group.full_clean()


def test_only_a_municipality_can_be_central():
    with pytest.raises(IntegrityError), transaction.atomic():
        Organisation.objects.create(
            name="Provincie",
            slug="provincie",
            kind=OrganisationKind.PROVINCE,
            is_central_municipality=True,
        )
    organisation = OrganisationFactory.build(province=True, is_central_municipality=True)
    with pytest.raises(ValidationError):
        organisation.full_clean()


def test_str_of_every_registry_model():
    membership = MembershipFactory(person__name="Anna (demo)", body__name="Platform X")
    assert str(membership).startswith("Anna (demo) – Platform X")
    assert str(membership.body) == "Platform X"
    assert str(membership.person) == "Anna (demo)"
    assert str(membership.organisation) == membership.organisation.name
    assert str(membership.organisation.subregion) == membership.organisation.subregion.name
