"""Test settings: only environment defaults, then the one real settings module.

CI points DATABASE_URL at PostgreSQL; the quick local run uses SQLite.
"""

import os

os.environ.setdefault("SECRET_KEY", "tests-only-not-secret")
os.environ.setdefault("STATIC_MANIFEST", "false")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
os.environ.setdefault("DATABASE_URL", "sqlite:///:memory:")

from nhn_portal.settings import *  # noqa: E402,F403
