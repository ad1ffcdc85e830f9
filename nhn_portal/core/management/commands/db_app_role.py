"""Give the application's own database role exactly what the portal needs, and no more.

Migrations run as the role that owns the tables (in docker-compose.yml: POSTGRES_USER); the
web, worker and beat processes connect as another role (DATABASE_APP_ROLE) that owns nothing.
So the application can read and write its rows, but cannot TRUNCATE, ALTER a table or switch
its triggers off — and the audit trail only takes new rows: INSERT and SELECT, no UPDATE or
DELETE (the triggers refuse those too). Run after every `migrate`, as the owner (compose's
migrate service does); safe to run again. PostgreSQL only.

    python manage.py db_app_role nhn_app

With DATABASE_APP_PASSWORD set, a missing role is made (a login without any other right)
and an existing one gets that password, so an existing deployment needs no manual step.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from nhn_portal.core.models import AuditRecord

# Tables the application reads but never writes.
READ_ONLY = ("django_migrations",)
# Tables it may only add to.
APPEND_ONLY = (AuditRecord._meta.db_table,)


class Command(BaseCommand):
    help = "Grant the application's database role its rights (after migrate, as the owner)."

    def add_arguments(self, parser):
        parser.add_argument(
            "role",
            nargs="?",
            default=settings.DATABASE_APP_ROLE,
            help="the application's role (default: DATABASE_APP_ROLE)",
        )

    def handle(self, *args, role: str, **options):
        if connection.vendor != "postgresql":
            raise CommandError("Database roles are PostgreSQL's; this database is not.")
        if not role:
            raise CommandError("Name the application's role (or set DATABASE_APP_ROLE).")
        with connection.cursor() as cursor:
            cursor.execute("SELECT current_user")
            (owner,) = cursor.fetchone()
            if role == owner:
                raise CommandError(
                    f"{role} is the role that runs this command and owns the tables; the "
                    "application needs a role of its own."
                )
            quoted = connection.ops.quote_name(role)
            cursor.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [role])
            exists = cursor.fetchone() is not None
            password = settings.DATABASE_APP_PASSWORD
            if not exists and not password:
                raise CommandError(
                    f"The role {role} does not exist; create it, or set DATABASE_APP_PASSWORD."
                )
            if not exists:
                cursor.execute(
                    f"CREATE ROLE {quoted} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD %s",
                    [password],
                )
            elif password:
                cursor.execute(f"ALTER ROLE {quoted} LOGIN PASSWORD %s", [password])
            cursor.execute(
                "SELECT count(*) FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner "
                "WHERE r.rolname = %s",
                [role],
            )
            (owned,) = cursor.fetchone()
            if owned:
                raise CommandError(
                    f"{role} owns {owned} tables or sequences; as their owner it could empty "
                    f"or alter them. Hand them over first: REASSIGN OWNED BY {role} TO {owner};"
                )
            cursor.execute("SELECT rolsuper FROM pg_roles WHERE rolname = %s", [role])
            if cursor.fetchone()[0]:
                raise CommandError(f"{role} is a superuser; the application's role may not be.")
            statements = [
                f"GRANT USAGE ON SCHEMA public TO {quoted}",
                f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {quoted}",
                f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {quoted}",
                *(f"REVOKE INSERT, UPDATE, DELETE ON {table} FROM {quoted}" for table in READ_ONLY),
                *(f"REVOKE UPDATE, DELETE ON {table} FROM {quoted}" for table in APPEND_ONLY),
                f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {quoted}",
                # Tables a later migration makes are the application's to use at once; the
                # audit trail's rights above stay as they are.
                f"ALTER DEFAULT PRIVILEGES IN SCHEMA public "
                f"GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {quoted}",
                f"ALTER DEFAULT PRIVILEGES IN SCHEMA public "
                f"GRANT USAGE, SELECT ON SEQUENCES TO {quoted}",
            ]
            for statement in statements:
                cursor.execute(statement)
        self.stdout.write(
            f"{role}: rows of every table, only INSERT and SELECT on the audit trail; owns "
            "nothing, no TRUNCATE, ALTER or triggers."
        )
