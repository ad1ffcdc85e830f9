"""Test settings: only environment defaults, then the one real settings module.

CI points DATABASE_URL at PostgreSQL; the quick local run uses SQLite.
"""

import os

os.environ.setdefault("SECRET_KEY", "tests-only-not-secret")
os.environ.setdefault("STATIC_MANIFEST", "false")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
os.environ.setdefault("DATABASE_URL", "sqlite:///:memory:")
# Production's cache is Redis; the tests keep theirs per process, so they need no server (the
# two-node test, tests/test_two_nodes.py, runs its nodes on Redis).
os.environ.setdefault("CACHE_URL", "locmemcache://")

from nhn_portal.settings import *  # noqa: E402,F403

# SQLite: the test database is a file of this process rather than memory, so a Celery worker
# started by a test (tests/test_production.py) opens the same database; the process id keeps
# runs in one checkout apart. Django deletes the file when the run ends.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    import tempfile

    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": os.path.join(tempfile.gettempdir(), f"nhn_portal_test_{os.getpid()}.sqlite3")
    }

# The tests serve static files through the finders, not a collected STATIC_ROOT: WhiteNoise
# then looks files up per request instead of warning that the (uncollected) folder is missing.
WHITENOISE_AUTOREFRESH = True

# Logins are made and checked in many tests (factories, the demo loader, the browser tests):
# a fast hasher keeps them quick. Tests of the production settings import those directly.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
