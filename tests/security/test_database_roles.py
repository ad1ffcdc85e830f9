"""The application's database role cannot wipe the audit trail (PostgreSQL).

Migrations run as the role that owns the tables; the web, worker and beat processes as another
role that `manage.py db_app_role` gives rows of every table and only INSERT and SELECT on the
audit trail. Connected as such a role, TRUNCATE, DELETE, UPDATE, switching the triggers off and
dropping them are all refused; a statement-level trigger refuses TRUNCATE even to a role that
was granted it. CI runs PostgreSQL, so there these tests never skip.
"""

import os
import uuid

import psycopg
import pytest
from django.core.management import CommandError, call_command
from django.db import connection, transaction

from nhn_portal.core.audit import audit_record_create
from nhn_portal.core.constants import AuditAction
from nhn_portal.core.models import AuditRecord
from tests.factories import UserFactory

pytestmark = [
    pytest.mark.skipif(
        not os.environ.get("DATABASE_URL", "").startswith("postgres"),
        reason="database roles are PostgreSQL's; CI runs PostgreSQL",
    ),
    # The grants must be committed for the role's own connection to see them.
    pytest.mark.django_db(transaction=True),
]

REFUSED = (psycopg.errors.InsufficientPrivilege, psycopg.errors.RaiseException)
ATTACKS = [
    "TRUNCATE core_auditrecord",
    "TRUNCATE core_auditrecord CASCADE",
    "DELETE FROM core_auditrecord",
    "UPDATE core_auditrecord SET verb = 'weggepoetst'",
    "UPDATE core_auditrecord SET actor_id = NULL",
    "ALTER TABLE core_auditrecord DISABLE TRIGGER USER",
    "ALTER TABLE core_auditrecord DISABLE TRIGGER ALL",
    "DROP TRIGGER pgtrigger_audit_record_no_delete_384e5 ON core_auditrecord",
    "ALTER TABLE core_auditrecord RENAME TO core_auditrecord_old",
    "DROP TABLE core_auditrecord",
    # pgtrigger's own switch to skip its triggers changes nothing: the rights are missing.
    "SELECT set_config('pgtrigger.ignore', '{pgtrigger_audit_record_no_delete_384e5}', false);"
    " DELETE FROM core_auditrecord",
]


def _connect(role: str, password: str) -> psycopg.Connection:
    settings = connection.settings_dict
    return psycopg.connect(
        host=settings["HOST"] or "127.0.0.1",
        port=settings["PORT"] or 5432,
        dbname=settings["NAME"],
        user=role,
        password=password,
        autocommit=True,
    )


@pytest.fixture
def make_role():
    """Make login roles on the test's server; dropped (with their grants) afterwards."""
    made = []

    def make(*, create: bool = True) -> tuple[str, str]:
        role, password = f"nhn_app_test_{uuid.uuid4().hex[:10]}", uuid.uuid4().hex
        if create:
            with connection.cursor() as cursor:
                cursor.execute(f"CREATE ROLE {role} LOGIN PASSWORD %s", [password])
        made.append(role)
        return role, password

    yield make
    with connection.cursor() as cursor:
        for role in made:
            cursor.execute(f"DROP OWNED BY {role}")
            cursor.execute(f"DROP ROLE {role}")


def test_an_existing_deployment_gets_its_app_role_from_the_migrations_run(make_role, settings):
    """compose's migrate service: the role is made with DATABASE_APP_PASSWORD and granted."""
    role, password = make_role(create=False)
    settings.DATABASE_APP_PASSWORD = password
    call_command("db_app_role", role, stdout=open(os.devnull, "w"))  # noqa: SIM115
    with _connect(role, password) as app:
        assert app.execute("SELECT count(*) FROM core_user").fetchone()[0] >= 0
        superuser, can_create = app.execute(
            "SELECT rolsuper, rolcreaterole FROM pg_roles WHERE rolname = current_user"
        ).fetchone()
        assert (superuser, can_create) == (False, False)
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            app.execute("DELETE FROM core_auditrecord")


@pytest.fixture
def app_role(make_role):
    """A connection as the application's role, granted by `db_app_role`."""
    role, password = make_role()
    call_command("db_app_role", role, stdout=open(os.devnull, "w"))  # noqa: SIM115
    with _connect(role, password) as app:
        yield app


@pytest.fixture
def audited():
    user = UserFactory()
    with transaction.atomic():
        return audit_record_create(
            actor=user, obj=user, action=AuditAction.UPDATE, verb="bewijs", changes={}
        )


@pytest.mark.parametrize("statement", ATTACKS)
def test_the_app_role_cannot_wipe_or_change_the_audit_trail(app_role, audited, statement):
    with pytest.raises(REFUSED):
        app_role.execute(statement)
    record = AuditRecord.objects.get(pk=audited.pk)
    assert record.verb == "bewijs" and record.actor_id is not None


def test_the_app_role_adds_and_reads_audit_records_and_works_the_other_tables(app_role, audited):
    count = AuditRecord.objects.count()
    app_role.execute(
        "INSERT INTO core_auditrecord (created_at, action, verb, content_type_id, object_id, "
        "object_repr, changes) SELECT now(), 'create', 'door de app', content_type_id, "
        "object_id, object_repr, '{}' FROM core_auditrecord WHERE id = %s",
        [audited.pk],
    )
    assert AuditRecord.objects.count() == count + 1
    assert app_role.execute("SELECT count(*) FROM core_auditrecord").fetchone()[0] == count + 1
    # Every other table: rows in, changed and out.
    app_role.execute("UPDATE core_user SET first_name = 'Anna' WHERE id = %s", [audited.actor_id])
    app_role.execute("DELETE FROM django_session")
    # It owns nothing, so it cannot alter or empty any table.
    owned = app_role.execute(
        "SELECT count(*) FROM pg_class WHERE relowner = (SELECT oid FROM pg_roles "
        "WHERE rolname = current_user)"
    ).fetchone()[0]
    assert owned == 0
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        app_role.execute("TRUNCATE django_session")
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        app_role.execute("DELETE FROM django_migrations")


def test_deleting_a_login_empties_the_actor_through_the_database(app_role, audited):
    """The one change to audit rows: the database's own ON DELETE SET NULL, as the owner."""
    user_id = audited.actor_id
    app_role.execute("DELETE FROM core_user WHERE id = %s", [user_id])
    record = AuditRecord.objects.get(pk=audited.pk)
    assert record.actor_id is None and record.verb == "bewijs"


def test_a_trigger_refuses_truncate_even_to_a_role_that_was_granted_it(make_role, audited):
    role, password = make_role()
    with connection.cursor() as cursor:
        cursor.execute(f"GRANT USAGE ON SCHEMA public TO {role}")
        cursor.execute(f"GRANT TRUNCATE ON core_auditrecord TO {role}")
    with _connect(role, password) as other, pytest.raises(psycopg.errors.RaiseException):
        other.execute("TRUNCATE core_auditrecord")
    assert AuditRecord.objects.filter(pk=audited.pk).exists()


def test_the_command_refuses_an_owner_or_a_superuser_as_the_app_role(make_role):
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_user")
        (owner,) = cursor.fetchone()
    with pytest.raises(CommandError, match="owns the tables"):
        call_command("db_app_role", owner)
    with pytest.raises(CommandError, match="does not exist"):
        call_command("db_app_role", "nhn_app_test_nobody")
    role, _password = make_role()
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE TABLE {role}_own (id int)")
        cursor.execute(f"ALTER TABLE {role}_own OWNER TO {role}")
    try:
        with pytest.raises(CommandError, match="REASSIGN OWNED"):
            call_command("db_app_role", role)
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"DROP TABLE {role}_own")
