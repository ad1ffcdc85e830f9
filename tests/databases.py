"""The test databases of a parallel run on PostgreSQL: migrated once, copied for each worker.

pytest-xdist gives each worker its own test database (`test_<name>_gw0`, `_gw1`, ...), and
pytest-django migrates each of them: some seconds of CPU per worker, on a machine where CI is
bound by CPU. Here the first worker to take the lock migrates its database as usual and copies
it as a template (`test_<name>_template`); every other worker's database is a copy of that
template (`CREATE DATABASE ... TEMPLATE`, under a second). The controller drops the template
when the run ends. SQLite, a single process and `--reuse-db` keep pytest-django's own set-up.
"""

from __future__ import annotations

import fcntl
import re
from pathlib import Path

from django.conf import settings
from django.db import connections


def template_name(test_name: str) -> str:
    """`test_nhn_portal_gw1` and `test_nhn_portal` → `test_nhn_portal_template`."""
    return re.sub(r"_gw\d+$", "", test_name) + "_template"


def _execute(connection, sql: str) -> None:
    # CREATE/DROP DATABASE run outside a transaction, on the server's maintenance database.
    with connection._nodb_cursor() as cursor:
        cursor.execute(sql)


def worker_databases_setup(*, shared: Path, verbosity: int) -> list[tuple]:
    """Give this worker its test database; returns the `old_config` that Django's
    `teardown_databases` takes to drop it again."""
    connection = connections["default"]
    quote = connection.ops.quote_name
    original_name = connection.settings_dict["NAME"]
    test_name = connection.creation._get_test_db_name()
    template = template_name(test_name)
    shared.mkdir(parents=True, exist_ok=True)
    ready = shared / "database-template"
    with open(shared / "database.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not ready.exists():
            _execute(connection, f"DROP DATABASE IF EXISTS {quote(template)}")
            connection.creation.create_test_db(
                verbosity=verbosity, autoclobber=True, serialize=False
            )
            # A template must have no open connection while it is copied.
            connection.close()
            _execute(connection, f"CREATE DATABASE {quote(template)} TEMPLATE {quote(test_name)}")
            ready.write_text(template)
        else:
            _execute(connection, f"DROP DATABASE IF EXISTS {quote(test_name)}")
            _execute(connection, f"CREATE DATABASE {quote(test_name)} TEMPLATE {quote(template)}")
            connection.close()
            settings.DATABASES[connection.alias]["NAME"] = test_name
            connection.settings_dict["NAME"] = test_name
    return [(connection, original_name, True)]


def template_drop() -> None:
    """Drop the run's template database (the controller, after the workers have finished)."""
    connection = connections["default"]
    if connection.vendor != "postgresql":
        return
    template = template_name(connection.creation._get_test_db_name())
    _execute(connection, f"DROP DATABASE IF EXISTS {connection.ops.quote_name(template)}")
