"""Every transport-security setting comes from the environment, and
`check --deploy --fail-level WARNING` is clean with the production values of .env.example."""

import re
import secrets

from tests.test_settings import ENV_EXAMPLE, _manage

DEPLOY_CHECK = ("check", "--deploy", "--fail-level", "WARNING")


def production_env(**overrides) -> dict[str, str]:
    values = {}
    for line in ENV_EXAMPLE.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^([A-Z][A-Z0-9_]*)=(.*)$", line)
        if match and match.group(2):
            values[match.group(1)] = match.group(2)
    values |= {"SECRET_KEY": secrets.token_urlsafe(50), "DATABASE_URL": "sqlite:///:memory:"}
    values |= overrides
    return {name: value for name, value in values.items() if value is not None}


def test_the_deploy_check_is_clean_with_the_documented_production_values():
    result = _manage(*DEPLOY_CHECK, **production_env())
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_deploy_check_fails_without_hsts_preload():
    # The setting is read from the environment: leaving it out is caught.
    result = _manage(*DEPLOY_CHECK, **production_env(SECURE_HSTS_PRELOAD=None))
    assert result.returncode != 0
    assert "security.W021" in result.stdout + result.stderr


def test_the_deploy_check_fails_without_ssl_redirect():
    result = _manage(*DEPLOY_CHECK, **production_env(SECURE_SSL_REDIRECT="false"))
    assert result.returncode != 0
    assert "security.W008" in result.stdout + result.stderr
