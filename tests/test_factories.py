from nhn_portal.core.constants import Role
from tests.factories import MembershipFactory, UserFactory


def test_factories_build_a_valid_membership(db):
    membership = MembershipFactory()
    membership.full_clean()
    assert membership.organisation == membership.person.organisation


def test_user_factory_assigns_roles(db):
    user = UserFactory(roles=[Role.SECRETARY])
    assert user.has_role(Role.SECRETARY)
    assert not user.has_role(Role.CLERK)
    assert user.check_password("nhn-test-2026")
