"""Services validate, write and audit in one transaction; a refused write leaves no trace."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from gremia import services
from gremia.constants import BodyKind, MembershipRole, OrganisationKind
from gremia.models.registry import Body, Membership, Organisation
from nhn_portal.core import services as core_services
from nhn_portal.core.constants import AuditAction, Role
from nhn_portal.core.models import AuditRecord, User
from tests.factories import (
    BodyFactory,
    MembershipFactory,
    PersonFactory,
    SubregionFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

JAN_1 = datetime.date(2025, 1, 1)


def test_membership_create_saves_and_audits_with_the_actor():
    actor = UserFactory(roles=[Role.MANAGER])
    person, body = PersonFactory(), BodyFactory()
    membership = services.membership_create(
        actor=actor,
        person=person,
        body=body,
        organisation=person.organisation,
        role=MembershipRole.CHAIR,
        start=JAN_1,
    )
    record = AuditRecord.objects.get()
    assert record.actor == actor
    assert record.action == AuditAction.CREATE
    assert record.verb == "membership_create"
    assert record.object_id == str(membership.pk)


@pytest.mark.parametrize(
    "case", ["end_before_start", "duplicate", "dissolved_body"], ids=lambda case: case
)
def test_invalid_membership_is_refused_and_nothing_is_saved_or_audited(case):
    person = PersonFactory()
    body = BodyFactory(dissolved=case == "dissolved_body")
    end = JAN_1 - datetime.timedelta(days=1) if case == "end_before_start" else None
    if case == "duplicate":
        MembershipFactory(person=person, body=body)
    memberships_before = Membership.objects.count()
    with pytest.raises(ValidationError):
        services.membership_create(
            actor=None,
            person=person,
            body=body,
            organisation=person.organisation,
            role=MembershipRole.MEMBER,
            start=JAN_1,
            end=end,
        )
    assert Membership.objects.count() == memberships_before
    assert not AuditRecord.objects.exists()


def test_membership_end_records_the_change():
    membership = MembershipFactory()
    services.membership_end(actor=None, membership=membership, end=datetime.date(2026, 3, 31))
    record = AuditRecord.objects.get()
    assert record.actor is None
    assert record.changes == {"end": [None, "2026-03-31"]}


def test_body_dissolve_ends_open_memberships_and_audits_each():
    body = BodyFactory()
    MembershipFactory.create_batch(2, body=body)
    services.body_dissolve(actor=None, body=body, on=datetime.date(2026, 6, 1))
    assert not body.memberships.filter(end__isnull=True).exists()
    verbs = sorted(AuditRecord.objects.values_list("verb", flat=True))
    assert verbs == ["body_dissolve", "membership_end", "membership_end"]


def test_body_create_audits_as_the_system():
    steering = services.body_create(
        actor=None, name="Stuurgroep", slug="stuurgroep", kind=BodyKind.STEERING_GROUP
    )
    record = AuditRecord.objects.get()
    assert (record.actor, record.verb, record.object_repr) == (None, "body_create", "Stuurgroep")
    assert steering.established_on is not None


def test_body_create_refuses_a_duplicate_slug_and_audits_nothing():
    BodyFactory(slug="platform-wonen")
    with pytest.raises(ValidationError):
        services.body_create(
            actor=None, name="Ander platform", slug="platform-wonen", kind=BodyKind.PLATFORM
        )
    assert Body.objects.count() == 1
    assert not AuditRecord.objects.exists()


def test_organisation_create_refuses_a_central_province():
    with pytest.raises(ValidationError):
        services.organisation_create(
            actor=None,
            name="Provincie",
            slug="provincie",
            kind=OrganisationKind.PROVINCE,
            is_central_municipality=True,
        )
    assert not Organisation.objects.exists()
    assert not AuditRecord.objects.exists()


def test_organisation_and_subregion_create_audit():
    subregion = services.subregion_create(actor=None, name="West-Friesland", slug="wf")
    services.organisation_create(
        actor=None,
        name="Gemeente Hoorn",
        slug="gemeente-hoorn",
        kind=OrganisationKind.MUNICIPALITY,
        subregion=subregion,
        is_central_municipality=True,
    )
    assert sorted(AuditRecord.objects.values_list("verb", flat=True)) == [
        "organisation_create",
        "subregion_create",
    ]


def test_user_create_sets_roles_links_the_person_and_never_audits_the_password():
    person = PersonFactory(user=None)
    SubregionFactory()
    user = services.person_user_create(
        actor=None,
        email="Anna@Example.org",
        password="nhn-demo-2026",
        roles=[Role.ADMINISTRATOR],
        person=person,
    )
    person.refresh_from_db()
    assert user.email == "anna@example.org"
    assert user.check_password("nhn-demo-2026")
    assert user.has_role(Role.ADMINISTRATOR)
    assert person.user == user
    assert sorted(AuditRecord.objects.values_list("verb", flat=True)) == [
        "person_link_user",
        "user_create",
    ]
    assert "nhn-demo-2026" not in str(list(AuditRecord.objects.values_list("changes", flat=True)))


def test_user_create_refuses_a_taken_email():
    UserFactory(email="anna@example.org")
    with pytest.raises(ValidationError):
        core_services.user_create(actor=None, email="anna@example.org", password="x")
    assert User.objects.count() == 1
    assert not AuditRecord.objects.exists()


def test_registry_object_save_records_the_diff():
    body = BodyFactory(name="Oud")
    before = {"name": "Oud"}
    body.name = "Nieuw"
    core_services.admin_object_save(actor=None, obj=body, fields=["name"], before=before)
    record = AuditRecord.objects.get()
    assert record.action == AuditAction.UPDATE
    assert record.changes == {"name": ["Oud", "Nieuw"]}
