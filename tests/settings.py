"""Test settings: only environment defaults, then the one real settings module.

CI points DATABASE_URL at PostgreSQL; the quick local run uses SQLite.
"""

import os

os.environ.setdefault("SECRET_KEY", "tests-only-not-secret")
os.environ.setdefault("STATIC_MANIFEST", "false")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
os.environ.setdefault("DATABASE_URL", "sqlite:///:memory:")
# Most tests log in with force_login; tests/security/test_mfa.py switches MFA on itself.
os.environ.setdefault("MFA_REQUIRED", "false")
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

# PostgreSQL (CI): a test database needs no durability. A commit that does not wait for the
# write-ahead log to reach the disk makes the transactional tests (a flush after each) and the
# live servers' commits cheaper; a crash of the server loses nothing a test needs.
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":  # noqa: F405
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c synchronous_commit=off"  # noqa: F405

# The tests serve static files through the finders, not a collected STATIC_ROOT: WhiteNoise
# then looks files up per request instead of warning that the (uncollected) folder is missing.
WHITENOISE_AUTOREFRESH = True

# Logins are made and checked in many tests (factories, the demo loader, the browser tests):
# a fast hasher keeps them quick. Tests of the production settings import those directly.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# N+1 guard: django-zeal raises NPlusOneError when one request loads a relation
# lazily, one query per row, or runs the same .get() line over and over. Its middleware comes
# first, so each request (the test client's and the browser tests' live server's) is one
# scope, as in production; tests that call services directly in a row are not one request
# and are not judged as one. Pinned query counts stay as well.
INSTALLED_APPS = [*INSTALLED_APPS, "zeal"]  # noqa: F405
MIDDLEWARE = ["zeal.middleware.zeal_middleware", *MIDDLEWARE]  # noqa: F405
ZEAL_RAISE = True
# Single look-ups that zeal counts twice in one request because Django does them in its own
# code (the caller it names is then the first portal frame, a middleware): the session and the
# user of the request (read by the middleware, again by the admin's change view or the
# logout's key cycle), ContentType.get_for_model filling its per-process cache once per model,
# and a ModelChoiceField checking its posted pk. None of them is a query per row.
ZEAL_ALLOWLIST = [
    {"model": "sessions.Session", "field": "get()"},
    {"model": "core.User", "field": "get()"},
    {"model": "contenttypes.ContentType", "field": "get()"},
    {"model": "gremia.Body", "field": "get()"},
]
