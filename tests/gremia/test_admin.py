"""The beheerder's admin: every page works, every write is audited, bad input is refused."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.translation import gettext as _

from gremia.models.registry import Body, Membership, Organisation
from gremia.models.rules import BalanceNorm
from nhn_portal.core.constants import AuditAction, Role
from nhn_portal.core.models import AuditRecord, User
from tests.factories import (
    BodyFactory,
    MembershipFactory,
    OrganisationFactory,
    PersonFactory,
    ThemeFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

END_BEFORE_START = "The end date cannot be before the start date."
DUPLICATE = "This person already has an open membership of this body in this role."
DISSOLVED = "%(body)s was dissolved on %(date)s and takes no new memberships."


def dissolved_message(body):
    """The refusal a dissolved body gives, translated and escaped as the admin shows it."""
    return escape(_(DISSOLVED) % {"body": body, "date": date_format(body.dissolved_on, "j F Y")})


@pytest.fixture
def beheerder(client):
    user = UserFactory(roles=[Role.MANAGER], is_staff=True, is_superuser=True)
    client.force_login(user)
    return user


def membership_data(person, body, **overrides):
    data = {
        "person": person.pk,
        "body": body.pk,
        "role": "lid",
        "organisation": person.organisation_id,
        "start": "2026-04-01",
        "end": "",
    }
    return data | overrides


def body_data(body, memberships=(), **overrides):
    data = {
        "name": body.name,
        "short_name": body.short_name,
        "slug": body.slug,
        "kind": body.kind,
        "theme": body.theme_id or "",
        "prepares": body.prepares_id or "",
        "purpose": body.purpose,
        "established_on": body.established_on.isoformat(),
        "dissolved_on": body.dissolved_on.isoformat() if body.dissolved_on else "",
        "decision_rule": body.decision_rule,
        "meeting_frequency": body.meeting_frequency,
        "chair_role": body.chair_role,
        "council_involvement": body.council_involvement,
        "evaluation": body.evaluation,
        "memberships-TOTAL_FORMS": str(len(memberships)),
        "memberships-INITIAL_FORMS": "0",
        "memberships-MIN_NUM_FORMS": "0",
        "memberships-MAX_NUM_FORMS": "1000",
    }
    if body.public_by_default:
        data["public_by_default"] = "on"
    for index, membership in enumerate(memberships):
        for key, value in membership.items():
            data[f"memberships-{index}-{key}"] = value
    return data | overrides


def test_admin_has_the_portal_header(client, beheerder):
    response = client.get(reverse("admin:index"))
    assert response.status_code == 200
    assert str(_("NHN Portal — management")) in response.text


def test_anonymous_is_sent_to_login(client):
    response = client.get(reverse("admin:gremia_body_changelist"))
    assert response.status_code == 302


def test_a_secretary_without_staff_status_cannot_use_the_admin(client):
    client.force_login(UserFactory(roles=[Role.SECRETARY]))
    response = client.get(reverse("admin:gremia_body_changelist"))
    assert response.status_code == 302


@pytest.mark.parametrize(
    "name",
    [
        "gremia_subregion",
        "gremia_organisation",
        "gremia_person",
        "gremia_body",
        "gremia_membership",
        "gremia_theme",
        "gremia_balancenorm",
        "core_user",
        "core_auditrecord",
    ],
)
def test_every_admin_list_add_and_change_page_renders(client, beheerder, name):
    membership = MembershipFactory(body__theme=ThemeFactory())
    AuditRecord.objects.create(
        action=AuditAction.CREATE,
        verb="test",
        content_type_id=1,
        object_id="1",
        object_repr="x",
    )
    objects = {
        "gremia_subregion": membership.organisation.subregion,
        "gremia_organisation": membership.organisation,
        "gremia_person": membership.person,
        "gremia_body": membership.body,
        "gremia_membership": membership,
        "gremia_theme": membership.body.theme,
        "gremia_balancenorm": BalanceNorm.objects.create(name="Norm", kind="elke_basisregio"),
        "core_user": beheerder,
        "core_auditrecord": AuditRecord.objects.first(),
    }
    assert client.get(reverse(f"admin:{name}_changelist")).status_code == 200
    change = client.get(reverse(f"admin:{name}_change", args=[objects[name].pk]))
    assert change.status_code == 200
    add = client.get(reverse(f"admin:{name}_add"))
    assert add.status_code == (403 if name == "core_auditrecord" else 200)


def test_adding_a_membership_saves_and_audits_with_the_beheerder(client, beheerder):
    person, body = PersonFactory(), BodyFactory()
    response = client.post(reverse("admin:gremia_membership_add"), membership_data(person, body))
    assert response.status_code == 302
    membership = Membership.objects.get()
    record = AuditRecord.objects.get(verb="membership_create")
    assert (record.actor, record.object_id) == (beheerder, str(membership.pk))


@pytest.mark.parametrize(
    ("case", "message"),
    [
        ("end_before_start", END_BEFORE_START),
        ("duplicate", DUPLICATE),
        ("dissolved_body", DISSOLVED),
    ],
)
def test_invalid_membership_is_refused_in_the_admin_with_a_message(
    client, beheerder, case, message
):
    person = PersonFactory()
    body = BodyFactory(dissolved=case == "dissolved_body")
    if case == "duplicate":
        MembershipFactory(person=person, body=body)
    before = Membership.objects.count()
    data = membership_data(person, body)
    if case == "end_before_start":
        data["end"] = "2026-03-31"
    response = client.post(reverse("admin:gremia_membership_add"), data)
    assert response.status_code == 200
    expected = dissolved_message(body) if message == DISSOLVED else escape(_(message))
    assert expected in response.text
    assert response.context["adminform"].form.errors
    assert Membership.objects.count() == before
    assert not AuditRecord.objects.exists()


def test_membership_inline_on_a_body_is_saved_and_audited(client, beheerder):
    body, person = BodyFactory(), PersonFactory()
    inline = {
        "person": person.pk,
        "role": "voorzitter",
        "organisation": person.organisation_id,
        "start": "2026-04-01",
        "end": "",
    }
    response = client.post(
        reverse("admin:gremia_body_change", args=[body.pk]), body_data(body, [inline])
    )
    assert response.status_code == 302
    assert body.memberships.get().role == "voorzitter"
    assert AuditRecord.objects.filter(verb="membership_create", actor=beheerder).exists()


def test_invalid_membership_inline_is_refused_and_nothing_is_saved(client, beheerder):
    body, person = BodyFactory(name="Oude naam"), PersonFactory()
    inline = {
        "person": person.pk,
        "role": "lid",
        "organisation": person.organisation_id,
        "start": "2026-04-01",
        "end": "2026-01-01",
    }
    response = client.post(
        reverse("admin:gremia_body_change", args=[body.pk]),
        body_data(body, [inline], name="Nieuwe naam"),
    )
    assert response.status_code == 200
    assert str(_(END_BEFORE_START)) in response.text
    body.refresh_from_db()
    assert body.name == "Oude naam"
    assert not Membership.objects.exists()
    assert not AuditRecord.objects.exists()


def test_dissolving_a_body_in_the_admin_refuses_a_new_inline_member(client, beheerder):
    body, person = BodyFactory(dissolved=True), PersonFactory()
    inline = {
        "person": person.pk,
        "role": "lid",
        "organisation": person.organisation_id,
        "start": "2025-03-01",
        "end": "",
    }
    response = client.post(
        reverse("admin:gremia_body_change", args=[body.pk]), body_data(body, [inline])
    )
    assert response.status_code == 200
    assert dissolved_message(body) in response.text
    assert not Membership.objects.exists()


def test_editing_a_body_records_what_changed(client, beheerder):
    body = BodyFactory(name="Platform Economie", purpose="Oud doel")
    response = client.post(
        reverse("admin:gremia_body_change", args=[body.pk]),
        body_data(body, name="Economic Board NHN", kind="board"),
    )
    assert response.status_code == 302
    record = AuditRecord.objects.get(verb="body_update")
    assert record.actor == beheerder
    assert record.changes == {
        "name": ["Platform Economie", "Economic Board NHN"],
        "kind": ["platform", "board"],
    }


def test_a_circle_of_preparation_is_refused_in_the_admin(client, beheerder):
    steering = BodyFactory(steering_group=True)
    platform = BodyFactory(prepares=steering)
    response = client.post(
        reverse("admin:gremia_body_change", args=[steering.pk]),
        body_data(steering, prepares=platform.pk),
    )
    assert response.status_code == 200
    assert "prepares" in response.context["adminform"].form.errors
    steering.refresh_from_db()
    assert steering.prepares is None


def test_deleting_in_the_admin_is_audited(client, beheerder):
    organisation = OrganisationFactory(name="Gemeente Weg")
    response = client.post(
        reverse("admin:gremia_organisation_delete", args=[organisation.pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    assert not Organisation.objects.filter(pk=organisation.pk).exists()
    record = AuditRecord.objects.get(verb="organisation_delete")
    assert (record.actor, record.object_repr) == (beheerder, "Gemeente Weg")


def test_bulk_delete_action_is_audited_per_object(client, beheerder):
    bodies = BodyFactory.create_batch(2)
    response = client.post(
        reverse("admin:gremia_body_changelist"),
        {"action": "delete_selected", "_selected_action": [b.pk for b in bodies], "post": "yes"},
    )
    assert response.status_code == 302
    assert not Body.objects.exists()
    assert AuditRecord.objects.filter(verb="body_delete").count() == 2


def test_theme_is_edited_through_the_audited_admin(client, beheerder):
    response = client.post(
        reverse("admin:gremia_theme_add"),
        {"name": "Energie", "slug": "energie", "description": "Groeiscenario 1"},
    )
    assert response.status_code == 302
    assert AuditRecord.objects.filter(verb="theme_create", actor=beheerder).exists()


def test_beheerder_adds_a_user_by_email_with_a_role(client, beheerder):
    response = client.post(
        reverse("admin:core_user_add"),
        {
            "email": "nieuw@example.org",
            "usable_password": "true",
            "password1": "een-lang-wachtwoord-2026",
            "password2": "een-lang-wachtwoord-2026",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    user = User.objects.get(email="nieuw@example.org")
    assert user.check_password("een-lang-wachtwoord-2026")
    record = AuditRecord.objects.get(verb="user_create")
    assert record.actor == beheerder
    assert "password" not in record.changes


def test_changing_a_users_roles_is_audited(client, beheerder):
    user = UserFactory(email="anna@example.org")
    group = Group.objects.get(name=Role.SECRETARY.value)
    response = client.post(
        reverse("admin:core_user_change", args=[user.pk]),
        {
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "is_active": "on",
            "groups": [group.pk],
            "date_joined_0": "2026-01-01",
            "date_joined_1": "10:00:00",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert user.groups.get() == group
    record = AuditRecord.objects.get(verb="user_update", changes__has_key="groups")
    assert record.changes["groups"] == [[], ["secretaris"]]


def test_password_change_in_the_admin_is_audited_without_the_hash(client, beheerder):
    user = UserFactory()
    response = client.post(
        reverse("admin:auth_user_password_change", args=[user.pk]),
        {
            "password1": "nog-een-wachtwoord-2026",
            "password2": "nog-een-wachtwoord-2026",
        },
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("nog-een-wachtwoord-2026")
    record = AuditRecord.objects.get(verb="user_password_change")
    assert record.actor == beheerder
    assert record.changes == {"password": ["***", "***"]}


def test_audit_records_are_read_only(client, beheerder):
    MembershipFactory()
    record = AuditRecord.objects.create(
        action=AuditAction.CREATE, verb="x", content_type_id=1, object_id="1", object_repr="x"
    )
    change_url = reverse("admin:core_auditrecord_change", args=[record.pk])
    response = client.post(change_url, {"verb": "vervalst"})
    assert response.status_code == 403
    delete = client.post(
        reverse("admin:core_auditrecord_delete", args=[record.pk]), {"post": "yes"}
    )
    assert delete.status_code == 403
    record.refresh_from_db()
    assert record.verb == "x"
