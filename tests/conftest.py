"""The fixtures the whole suite shares; each name means one thing everywhere.

Plain helpers (member_of, make_meeting, pdf_upload, ...) live in tests/builders.py
and are imported by name; a folder's conftest.py holds only fixtures local to that folder and
never redefines a name from here. The fast password hasher is set in tests/settings.py.
"""

import shutil

import pytest
from django.core.cache import cache
from zeal.listeners import n_plus_one_listener
from zeal.patch import get_instance_key

from gremia.models.registry import Person
from nhn_portal.core.constants import Role
from nhn_portal.core.pages import forget_pages
from nhn_portal.core.portal import forget_menus
from nhn_portal.core.production import services as production_services
from nhn_portal.core.release import forget_kept_fragments
from nhn_portal.core.stamps import ObjectQuery
from regiobureau.constants import Confidentiality, ItemPurpose
from regiobureau.services.agenda import agenda_item_create
from regiobureau.services.annotations import annotation_save
from regiobureau.services.documents import document_upload
from regiobureau.services.meetings import meeting_publish_agenda
from tests.builders import (
    CLOSED_TITLE,
    CONFIDENTIAL_DOC,
    PUBLIC_TITLE,
    FakePdf,
    adopt_annotation,
    make_meeting,
    make_meeting_with_decision,
    make_province,
    make_region,
    member_of,
    pdf_upload,
)
from tests.databases import template_drop, worker_databases_setup
from tests.demo import (
    database_restore,
    demo_snapshot_load,
    demo_snapshot_shared,
    pdfs_rendered_quickly,
)
from tests.factories import BodyFactory, UserFactory

# The N+1 guard (zeal, tests/settings.py) takes an instance loaded alone (`.get()`, `.first()`,
# a one-row result) for no loop: reading its relations twice is not a query per row. An
# ObjectQuery (nhn_portal.core.stamps) loads its instances with its own SQL, past zeal's hooks;
# tell zeal the same of its one-row results.
_object_query_all = ObjectQuery.all


def _object_query_all_noted(self, *ids, using="default"):
    objects = _object_query_all(self, *ids, using=using)
    if len(objects) == 1:
        n_plus_one_listener.ignore(get_instance_key(objects[0]))
    return objects


ObjectQuery.all = _object_query_all_noted


def _database_group(item) -> int:
    """pytest-django's order of a test: 0 plain database tests, 1 transactional ones (which
    flush the database, so they run after the plain ones), 2 tests without a database."""
    marker = item.get_closest_marker("django_db")
    options = marker.kwargs if marker else {}
    fixtures = set(item.fixturenames)
    if (
        options.get("transaction")
        or options.get("reset_sequences")
        or (marker and marker.args and marker.args[0])
        or fixtures & {"transactional_db", "live_server", "django_db_reset_sequences"}
    ):
        return 1
    return 0 if marker or "db" in fixtures else 2


@pytest.fixture(scope="session")
def django_db_setup(
    request,
    django_test_environment,
    django_db_blocker,
    django_db_use_migrations,
    django_db_keepdb,
    django_db_createdb,
    django_db_modify_db_settings,
    worker_id,
    tmp_path_factory,
):
    """pytest-django's set-up, except that the workers of a parallel run on PostgreSQL copy one
    migrated database instead of each migrating their own (tests/databases.py)."""
    from django.db import connection
    from django.test.utils import setup_databases, teardown_databases

    verbosity = request.config.option.verbose
    keepdb = django_db_keepdb and not django_db_createdb
    with django_db_blocker.unblock():
        if (
            worker_id != "master"
            and connection.vendor == "postgresql"
            and django_db_use_migrations
            and not keepdb
        ):
            shared = tmp_path_factory.getbasetemp().parent / "databases"
            old_config = worker_databases_setup(shared=shared, verbosity=verbosity)
        else:
            old_config = setup_databases(
                verbosity=verbosity,
                interactive=False,
                aliases={"default"},
                serialized_aliases=set(),
                keepdb=keepdb,
            )
    yield
    if not keepdb:
        with django_db_blocker.unblock():
            teardown_databases(old_config, verbosity=verbosity)


def pytest_sessionfinish(session):
    """The controller of a parallel run drops the template the workers copied."""
    if hasattr(session.config, "workerinput") or not session.config.getoption("numprocesses"):
        return
    from pytest_django.plugin import blocking_manager_key

    try:
        with session.config.stash[blocking_manager_key].unblock():
            template_drop()
    except Exception as error:  # noqa: BLE001 -- a leftover template fails no test
        print(f"tests/databases.py: the template database was left: {error}")


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """The long tests (markers `slow` and `twonode`) first, so no worker runs one alone at
    the end while the others have finished (pytest-xdist hands tests out in this order).

    The long tests without a database come first of all; those with one lead their group of
    pytest-django's order (plain, then transactional). The other tests without a database
    stay last: some change process state (test_celery_app makes its own Celery app the
    current one) that the database tests must not inherit."""

    def place(item) -> tuple[int, int]:
        long = item.get_closest_marker("slow") or item.get_closest_marker("twonode")
        group = _database_group(item)
        if group == 2:
            return (0, 0) if long else (3, 0)
        return (group + 1, 0 if long else 1)

    items.sort(key=place)


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploaded stukken and generated PDFs go to a throw-away directory, never into the
    project."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def empty_cache():
    """Every test starts with an empty cache, so the request limits (core.ratelimit) count
    only its own requests; and no menu kept from an earlier test (`portal.menu_html`)."""
    cache.clear()
    forget_menus()
    forget_kept_fragments()
    forget_pages()


@pytest.fixture
def own_cache(settings):
    """A cache of this test's own, in memory and empty: for the pages whose HTML is cached
    (editor, reading page, a council's letters, the dashboard)."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    cache.clear()
    forget_kept_fragments()
    forget_pages()


@pytest.fixture
def celery_eager():
    """Tasks run in-process when enqueued, and their errors propagate (the broker is not part
    of these tests). The raden tests use it for every test (`usefixtures`)."""
    from nhn_portal.celery import app

    previous = app.conf.task_always_eager, app.conf.task_eager_propagates
    app.conf.task_always_eager = True
    app.conf.task_eager_propagates = True
    yield app
    app.conf.task_always_eager, app.conf.task_eager_propagates = previous


# --- The demo (`load_nhn --demo`) ----------------------------------------------------------


@pytest.fixture(scope="session")
def demo_snapshot(django_db_setup, django_db_blocker, tmp_path_factory, worker_id):
    """The database as `load_nhn --demo` leaves it (PDFs made by tests.demo.quick_render),
    loaded once per run — under pytest-xdist by the first worker that needs it, the others
    reading its copy — and kept in memory by each process; use `nhn_demo`."""
    # Session scope: set up before any test's transaction opens, so the load commits.
    with django_db_blocker.unblock():
        if worker_id == "master":
            return demo_snapshot_load(tmp_path_factory.mktemp("demo-media"))
        # The workers' base directories share the run's own parent directory.
        return demo_snapshot_shared(tmp_path_factory.getbasetemp().parent / "demo-shared")


@pytest.fixture
def quick_pdfs():
    """The document pipeline renders with tests.demo.quick_render, not WeasyPrint: for demo
    loads in tests that do not check the PDFs themselves."""
    with pdfs_rendered_quickly():
        yield


@pytest.fixture
def nhn_demo(demo_snapshot, db, media_root):
    """This test's database and MEDIA_ROOT hold the demo of `load_nhn --demo` (and nothing
    else); the test's rollback, or a transactional test's flush, removes it afterwards."""
    database_restore(demo_snapshot.tables)
    shutil.copytree(demo_snapshot.media, media_root, dirs_exist_ok=True)
    yield demo_snapshot
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.clear_cache()


# --- People and a body ----------------------------------------------------------------------


@pytest.fixture
def secretary(db):
    """A login of the regiobureau's secretariat."""
    return UserFactory(roles=[Role.SECRETARY])


@pytest.fixture
def body(db):
    return BodyFactory(name="Platform Wonen test", slug="platform-wonen-test")


@pytest.fixture
def member(body):
    """A bestuurder who sits on `body`."""
    return member_of(body)


@pytest.fixture
def outsider(db):
    """A bestuurder who does not sit on `body`."""
    user = UserFactory(roles=[Role.ADMINISTRATOR])
    Person.objects.create(name="Buitenstaander", user=user)
    return user


# --- Meetings -------------------------------------------------------------------------------


@pytest.fixture
def published_meeting(secretary, body):
    """A published, public meeting of `body`: one public item (PUBLIC_TITLE) with a public and
    a confidential stuk (CONFIDENTIAL_DOC), one closed item (CLOSED_TITLE) with a stuk, and an
    adopted annotation on each. The items are at `.public_item` and `.closed_item`."""
    meeting = make_meeting(secretary=secretary, body=body)
    public = agenda_item_create(
        actor=secretary,
        meeting=meeting,
        expected_version=None,
        title=PUBLIC_TITLE,
        purpose=ItemPurpose.DECISION,
    )
    closed = agenda_item_create(
        actor=secretary,
        meeting=meeting,
        expected_version=None,
        title=CLOSED_TITLE,
        purpose=ItemPurpose.DISCUSSION,
        is_public=False,
    )
    document_upload(
        actor=secretary,
        item=public,
        title="Voortgangsrapportage",
        confidentiality=Confidentiality.PUBLIC,
        upload=pdf_upload("voortgang.pdf"),
    )
    document_upload(
        actor=secretary,
        item=public,
        title=CONFIDENTIAL_DOC,
        confidentiality=Confidentiality.CONFIDENTIAL,
        upload=pdf_upload("taxatie.pdf"),
    )
    document_upload(
        actor=secretary,
        item=closed,
        title="Koopovereenkomst concept",
        confidentiality=Confidentiality.PUBLIC,
        upload=pdf_upload("koop.pdf"),
    )
    for item in (public, closed):
        annotation = annotation_save(
            actor=secretary,
            item=item,
            expected_version=None,
            core_message=f"<p>Kern van {item.title}</p>",
            proposal="<p>Instemmen met het voorstel.</p>",
        )
        # Adopted (by a second secretary: four eyes), so the members read it (a concept
        # never adopted is not theirs).
        adopt_annotation(annotation, author=secretary)
    meeting.refresh_from_db()
    meeting_publish_agenda(
        actor=secretary, meeting=meeting, expected_version=meeting.agenda_version
    )
    meeting.refresh_from_db()
    meeting.public_item = public
    meeting.closed_item = closed
    return meeting


@pytest.fixture
def meeting_with_decision(secretary, province):
    """A held meeting of the Platform Wonen with one adopted decision on the Woondeal, the
    subject of the council letter tests (see make_meeting_with_decision)."""
    return make_meeting_with_decision(actor=secretary, province=province)


# --- The region (raden) ---------------------------------------------------------------------


@pytest.fixture
def region(db):
    """{town name: Organisation} for the 17 NHN municipalities in their three sub-regions."""
    return make_region()


@pytest.fixture
def province(db):
    return make_province()


@pytest.fixture
def fake_render(monkeypatch):
    """Replace WeasyPrint in the pipeline with a stand-in; add a town's name to the returned
    set to make its council's render fail."""
    failing: set[str] = set()

    def render(*, html):
        for town in failing:
            if f"gemeenteraad van {town}" in html:
                raise RuntimeError(f"render failed for {town}")
        return FakePdf(html[-200:])

    monkeypatch.setattr(production_services, "render_pdf_from_html", render)
    return failing


@pytest.fixture
def bundles_not_made(monkeypatch):
    """The meeting bundle's task (regiobureau.bundle) requests no jobs: for tests of what else
    publishing does, where an eager Celery would render both bundles inside the request.
    tests/regiobureau/test_bundle.py tests the bundle itself."""
    from regiobureau import tasks as regiobureau_tasks

    monkeypatch.setattr(regiobureau_tasks, "meeting_bundle_refresh_service", lambda **kwargs: [])
