import pytest

from nhn_portal.core.constants import Role
from tests.factories import BodyFactory, MembershipFactory, PersonFactory, UserFactory


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploaded stukken go to a throw-away directory, never into the project."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def celery_eager():
    """Run tasks in-process when enqueued (the broker is not part of these tests)."""
    from nhn_portal.celery import app

    previous = app.conf.task_always_eager, app.conf.task_eager_propagates
    app.conf.task_always_eager = True
    app.conf.task_eager_propagates = True
    yield app
    app.conf.task_always_eager, app.conf.task_eager_propagates = previous


def member_of(body, **membership):
    """A user with a login who currently sits on `body`."""
    user = UserFactory()
    person = PersonFactory(user=user, email="")
    MembershipFactory(person=person, body=body, **membership)
    return user


@pytest.fixture
def secretary(db):
    return UserFactory(roles=[Role.SECRETARY])


@pytest.fixture
def body(db):
    return BodyFactory()
