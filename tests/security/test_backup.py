"""bin/backup and bin/restore. A backup restored into a fresh PostgreSQL database
has the same row counts, and a stuk comes back with the same SHA-256; a tampered backup is
refused."""

import hashlib
import os
import subprocess
import uuid
from pathlib import Path

import psycopg
import pytest
from django.db import connection

from regiobureau.models.documents import DocumentVersion

BASE_DIR = Path(__file__).resolve().parent.parent.parent
TABLES = [
    "core_user",
    "core_auditrecord",
    "gremia_body",
    "gremia_membership",
    "regiobureau_meeting",
    "regiobureau_agendaitem",
    "regiobureau_document",
    "regiobureau_documentversion",
    "regiobureau_annotation",
]

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        not os.environ.get("DATABASE_URL", "").startswith("postgres"),
        reason="a pg_dump round trip; CI runs PostgreSQL",
    ),
]


def url_of(name: str) -> str:
    s = connection.settings_dict
    password = f":{s['PASSWORD']}" if s["PASSWORD"] else ""
    return f"postgresql://{s['USER']}{password}@{s['HOST']}:{s['PORT'] or 5432}/{name}"


def counts(dsn: str) -> dict[str, int]:
    with psycopg.connect(dsn) as conn:
        return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in TABLES}  # noqa: S608 -- fixed table names


def run(script: str, *args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(BASE_DIR / "bin" / script), *args],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture
def fresh_database():
    name = f"nhn_restore_{uuid.uuid4().hex[:10]}"
    admin = url_of("postgres")
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    yield url_of(name)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_a_backup_restores_into_a_fresh_database(published_meeting, media_root, tmp_path,
                                                 fresh_database):  # fmt: skip
    source = url_of(connection.settings_dict["NAME"])
    backup = tmp_path / "backup"
    result = run("backup", str(backup), DATABASE_URL=source, MEDIA_ROOT=str(media_root))
    assert result.returncode == 0, result.stderr
    assert {p.name for p in backup.iterdir()} == {"database.dump", "media.tar.gz", "SHA256SUMS"}

    restored_media = tmp_path / "restored-media"
    result = run(
        "restore", str(backup), DATABASE_URL=fresh_database, MEDIA_ROOT=str(restored_media)
    )
    assert result.returncode == 0, result.stderr
    before = counts(source)
    assert before["regiobureau_documentversion"] == 3
    assert counts(fresh_database) == before

    version = DocumentVersion.objects.order_by("pk").first()
    restored = restored_media / version.file.name
    assert hashlib.sha256(restored.read_bytes()).hexdigest() == version.sha256
    with psycopg.connect(fresh_database) as conn:
        sha = conn.execute(
            "SELECT sha256 FROM regiobureau_documentversion WHERE id = %s", [version.pk]
        ).fetchone()[0]
    assert sha == version.sha256


def test_a_tampered_backup_is_refused(published_meeting, media_root, tmp_path, fresh_database):
    source = url_of(connection.settings_dict["NAME"])
    backup = tmp_path / "backup"
    assert (
        run("backup", str(backup), DATABASE_URL=source, MEDIA_ROOT=str(media_root)).returncode == 0
    )
    with open(backup / "media.tar.gz", "ab") as handle:
        handle.write(b"x")
    result = run(
        "restore", str(backup), DATABASE_URL=fresh_database, MEDIA_ROOT=str(tmp_path / "m")
    )
    assert result.returncode != 0
    assert "manifest" in result.stderr
    assert not (tmp_path / "m").exists()
