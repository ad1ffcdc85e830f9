"""The settings module: every environment variable is documented, and production fails closed."""

import os
import re
import subprocess
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
SETTINGS = BASE_DIR / "nhn_portal" / "settings.py"
ENV_EXAMPLE = BASE_DIR / ".env.example"

# env("X", …), env.bool("X", …), env.db("X", …), env.list(…), env.cache(…), env.path(…), …
ENV_READ = re.compile(r"\benv(?:\.\w+)?\(\s*[\"']([A-Z][A-Z0-9_]*)[\"']")
# A documented variable: `NAME=value` or a commented-out `# NAME=value`.
ENV_DOCUMENTED = re.compile(r"^#?\s*([A-Z][A-Z0-9_]*)=", re.MULTILINE)


def variables_read_by_settings() -> set[str]:
    return set(ENV_READ.findall(SETTINGS.read_text(encoding="utf-8")))


def test_the_parser_finds_the_settings_variables():
    assert {"SECRET_KEY", "DEBUG", "DATABASE_URL", "CELERY_BROKER_URL"} <= (
        variables_read_by_settings()
    )


def test_env_example_lists_every_variable_settings_reads():
    documented = set(ENV_DOCUMENTED.findall(ENV_EXAMPLE.read_text(encoding="utf-8")))
    missing = sorted(variables_read_by_settings() - documented)
    assert not missing, f"Add these to .env.example, with a comment: {', '.join(missing)}"


def _manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    """`manage.py <args>` in a clean environment (no SECRET_KEY, no DEBUG unless given),
    ignoring a developer's own .env file."""
    code = (
        "import environ, runpy, sys; environ.Env.read_env = lambda *args, **kwargs: None; "
        f"sys.argv = ['manage.py', *{list(args)!r}]; "
        "runpy.run_path('manage.py', run_name='__main__')"
    )
    clean = {"PATH": os.environ.get("PATH", ""), "HOME": os.environ.get("HOME", "/"), **env}
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=BASE_DIR,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _import_settings(**env: str) -> subprocess.CompletedProcess:
    """Import nhn_portal.settings in a clean process, ignoring a developer's own .env file."""
    code = (
        "import environ; environ.Env.read_env = lambda *args, **kwargs: None; "
        "import nhn_portal.settings as s; print('DEBUG', s.DEBUG)"
    )
    clean = {"PATH": os.environ.get("PATH", ""), "HOME": os.environ.get("HOME", "/"), **env}
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=BASE_DIR,
        env=clean,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_without_debug_a_missing_secret_key_stops_the_start():
    result = _import_settings()
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_debug_is_off_by_default():
    result = _import_settings(SECRET_KEY="x")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "DEBUG False"


def test_the_demo_may_run_without_a_secret_key():
    result = _import_settings(DEBUG="true")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "DEBUG True"


def test_the_migration_check_runs_on_a_bare_checkout(tmp_path):
    """makemigrations --check reads only the code: no secret needed, and models and
    migrations agree."""
    result = _manage(
        "makemigrations",
        "--check",
        "--dry-run",
        DATABASE_URL=f"sqlite:///{tmp_path / 'check.sqlite3'}",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No changes detected" in result.stdout


def test_a_serving_command_still_needs_the_secret_key():
    result = _manage("check")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def _csp(**env: str) -> str:
    code = (
        "import environ; environ.Env.read_env = lambda *args, **kwargs: None; "
        "import nhn_portal.settings as s; print(s.CONTENT_SECURITY_POLICY)"
    )
    clean = {"PATH": os.environ.get("PATH", ""), "HOME": os.environ.get("HOME", "/"), **env}
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=BASE_DIR, env=clean, capture_output=True, text=True,
        timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_the_viewer_may_fetch_from_the_object_store_and_nowhere_else():
    # Files on disk: the viewer fetches from the portal only.
    assert "connect-src 'self';" in _csp(SECRET_KEY="x")
    # On object storage a download redirects to the store: its public origin, path dropped.
    csp = _csp(
        SECRET_KEY="x",
        S3_BUCKET="stukken",
        S3_ENDPOINT_URL="http://minio:9000",
        S3_PUBLIC_URL="https://objecten.nhn.example/_objects",
    )
    assert "connect-src 'self' https://objecten.nhn.example;" in csp
    assert "minio" not in csp


def _settings_values(expression: str, **env: str) -> str:
    code = (
        "import environ; environ.Env.read_env = lambda *args, **kwargs: None; "
        f"import nhn_portal.settings as s; print({expression})"
    )
    clean = {"PATH": os.environ.get("PATH", ""), "HOME": os.environ.get("HOME", "/"), **env}
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=BASE_DIR, env=clean, capture_output=True, text=True,
        timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_production_keeps_connections_and_compiled_templates():
    """Issue 26: persistent, health-checked connections and the cached template loader."""
    out = _settings_values(
        "s.DATABASES['default']['CONN_MAX_AGE'], s.DATABASES['default']['CONN_HEALTH_CHECKS'], "
        "s.TEMPLATES[0]['OPTIONS']['loaders'][0][0]",
        SECRET_KEY="x" * 60,
        DATABASE_URL="postgres://u:p@db:5432/nhn",
    )
    assert out == "300 True django.template.loaders.cached.Loader"
