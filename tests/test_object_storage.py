"""Files on object storage: the settings, `file_response` per backend, and moving
files from disk to the bucket. The S3 side is moto's server on loopback (tests/objectstore.py).
"""

import base64
import hashlib
import importlib
import json
import os
import subprocess
import sys
import uuid
from io import StringIO
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from django.contrib.sessions.backends import cached_db as cached_db_sessions
from django.contrib.sessions.backends import db as db_sessions
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.urls import reverse

from nhn_portal.core.production.selectors import generated_document_current
from nhn_portal.core.production.services import document_generation_request
from regiobureau.constants import AGENDA, PUBLIC
from tests.builders import CONFIDENTIAL_DOC, tiny_pdf
from tests.objectstore import moto_s3_server

BASE_DIR = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def s3_server():
    with moto_s3_server() as server:
        yield server


@pytest.fixture
def bucket(s3_server):
    return s3_server.create_bucket(f"nhn-{uuid.uuid4().hex[:12]}")


@pytest.fixture
def on_s3(settings, s3_server, bucket):
    """The portal's default storage is the bucket (as with S3_BUCKET set)."""
    settings.STORAGES = s3_server.storages(bucket, settings.STORAGES)
    return s3_server.client()


def _import_settings(**env: str) -> dict:
    code = (
        "import json, environ; environ.Env.read_env = lambda *args, **kwargs: None; "
        "import nhn_portal.settings as s; "
        "print(json.dumps({'default': s.STORAGES['default'], 'cache': s.CACHES['default'], "
        "'session': s.SESSION_ENGINE, 'accel': s.FILE_ACCEL_REDIRECT_PREFIX}))"
    )
    clean = {"PATH": os.environ.get("PATH", ""), "HOME": os.environ.get("HOME", "/"), **env}
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=BASE_DIR,
        env=clean,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return json.loads(result.stdout)


# --- Settings -------------------------------------------------------------------------------


def test_without_s3_settings_files_stay_on_disk():
    loaded = _import_settings(SECRET_KEY="x")
    assert loaded["default"] == {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    assert loaded["accel"] == ""


def test_s3_settings_give_private_objects_with_presigned_urls_and_checksums(s3_server):
    loaded = _import_settings(SECRET_KEY="x", **s3_server.env("nhn-media"), S3_URL_EXPIRE="60")
    # The helper the tests use is exactly what the settings build.
    assert loaded["default"] == s3_server.storages("nhn-media", {})["default"]
    options = loaded["default"]["OPTIONS"]
    assert options["default_acl"] == "private"
    assert options["querystring_auth"] is True
    assert options["object_parameters"] == {"ChecksumAlgorithm": "SHA256"}


def test_production_shares_the_cache_through_redis_and_keeps_sessions_in_the_database():
    loaded = _import_settings(SECRET_KEY="x", REDIS_URL="redis://redis.internal:6379/0")
    # Django's RedisCache with a per-process fallback while Redis is away.
    assert loaded["cache"]["BACKEND"] == "nhn_portal.core.cache.FailoverRedisCache"
    assert loaded["cache"]["LOCATION"] == "redis://redis.internal:6379/1"
    assert loaded["cache"]["OPTIONS"]["socket_connect_timeout"] <= 1
    assert_sessions_in_the_database(loaded["session"])


def test_the_embedded_demo_keeps_its_cache_in_memory_and_sessions_in_the_database():
    loaded = _import_settings(DEBUG="true")
    assert loaded["cache"]["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"
    assert_sessions_in_the_database(loaded["session"])


def assert_sessions_in_the_database(engine: str) -> None:
    """Django's database store, not a cached one (nhn_portal.core.sessions only compiles its
    read once, issue 26)."""
    store = importlib.import_module(engine).SessionStore
    assert issubclass(store, db_sessions.SessionStore)
    assert not issubclass(store, cached_db_sessions.SessionStore)


# --- Downloads from the bucket ----------------------------------------------------------------


def _stuk(meeting, title):
    return meeting.public_item.documents.get(title=title)


def test_a_stuk_on_s3_is_a_private_object_with_a_verified_checksum(on_s3, published_meeting):
    document = _stuk(published_meeting, "Voortgangsrapportage")
    version = document.current_version
    key = version.file.name
    head = on_s3.head_object(Bucket=default_storage.bucket_name, Key=key, ChecksumMode="ENABLED")
    expected = base64.b64encode(hashlib.sha256(tiny_pdf()).digest()).decode()
    assert head["ChecksumSHA256"].split("-")[0] == expected
    grants = on_s3.get_object_acl(Bucket=default_storage.bucket_name, Key=key)["Grants"]
    assert all("URI" not in grant["Grantee"] for grant in grants)  # no AllUsers/AuthUsers
    assert [grant["Permission"] for grant in grants] == ["FULL_CONTROL"]


def test_a_download_redirects_to_a_short_lived_presigned_url(client, on_s3, published_meeting):
    document = _stuk(published_meeting, "Voortgangsrapportage")
    response = client.get(reverse("regiobureau:document_download", args=[document.pk]))

    assert response.status_code == 302
    assert response["Cache-Control"] == "private, no-store"
    location = response["Location"]
    query = parse_qs(urlsplit(location).query)
    assert location.startswith(default_storage.endpoint_url)
    assert query["X-Amz-Expires"] == ["60"]
    assert "X-Amz-Signature" in query
    assert query["response-content-type"] == ["application/pdf"]
    assert query["response-content-disposition"] == ['attachment; filename="voortgang.pdf"']

    fetched = requests.get(location, timeout=10)
    assert fetched.status_code == 200
    assert fetched.content == tiny_pdf()
    assert fetched.headers["Content-Disposition"] == 'attachment; filename="voortgang.pdf"'
    assert fetched.headers["Content-Type"] == "application/pdf"


def test_a_public_url_replaces_the_internal_address_and_keeps_the_signature(
    client, settings, on_s3, published_meeting
):
    """As behind docker-compose.yml's nginx: /_objects/ is proxied to MinIO with the Host the
    link was signed for."""
    settings.S3_PUBLIC_URL = "/_objects/"
    document = _stuk(published_meeting, "Voortgangsrapportage")
    response = client.get(reverse("regiobureau:document_download", args=[document.pk]))

    location = response["Location"]
    assert location.startswith(f"/_objects/{default_storage.bucket_name}/stukken/")
    assert "X-Amz-Signature=" in location
    proxied = default_storage.endpoint_url + location.removeprefix("/_objects")
    assert requests.get(proxied, timeout=10).content == tiny_pdf()


def test_the_permission_check_comes_before_the_redirect(client, on_s3, published_meeting):
    confidential = _stuk(published_meeting, CONFIDENTIAL_DOC)
    response = client.get(reverse("regiobureau:document_download", args=[confidential.pk]))
    assert response.status_code == 404
    assert "Location" not in response


def test_a_generated_pdf_on_s3_is_served_through_a_presigned_url(
    client,
    on_s3,
    secretary,
    published_meeting,
    fake_render,
    celery_eager,
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        document_generation_request(
            actor=secretary, subject=published_meeting, kind=AGENDA, audience=PUBLIC
        )
    stored = generated_document_current(subject=published_meeting, kind=AGENDA, audience=PUBLIC)
    assert stored is not None
    assert default_storage.exists(stored.file.name)

    response = client.get(reverse("regiobureau:meeting_pdf_public", args=[published_meeting.pk]))
    assert response.status_code == 302
    fetched = requests.get(response["Location"], timeout=10)
    assert fetched.status_code == 200
    assert hashlib.sha256(fetched.content).hexdigest() == stored.sha256
    assert stored.filename in fetched.headers["Content-Disposition"]


# --- Files on disk behind nginx ---------------------------------------------------------------


def test_with_an_accel_prefix_nginx_sends_the_file(client, settings, published_meeting):
    settings.FILE_ACCEL_REDIRECT_PREFIX = "/_protected/"
    document = _stuk(published_meeting, "Voortgangsrapportage")
    response = client.get(reverse("regiobureau:document_download", args=[document.pk]))

    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == f"/_protected/{document.current_version.file.name}"
    assert response.content == b""
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="voortgang.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == "private, max-age=0"


def test_with_an_accel_prefix_a_file_missing_on_disk_is_a_404(client, settings, published_meeting):
    settings.FILE_ACCEL_REDIRECT_PREFIX = "/_protected/"
    document = _stuk(published_meeting, "Voortgangsrapportage")
    default_storage.delete(document.current_version.file.name)
    response = client.get(reverse("regiobureau:document_download", args=[document.pk]))
    assert response.status_code == 404


def test_without_either_the_file_is_streamed(client, published_meeting):
    document = _stuk(published_meeting, "Voortgangsrapportage")
    response = client.get(reverse("regiobureau:document_download", args=[document.pk]))
    assert response.status_code == 200
    assert "X-Accel-Redirect" not in response
    assert b"".join(response.streaming_content) == tiny_pdf()


# --- Moving the files from disk to the bucket -------------------------------------------------


def _move(**options) -> str:
    out = StringIO()
    call_command("media_to_object_storage", stdout=out, stderr=StringIO(), **options)
    return out.getvalue()


def test_files_move_from_disk_to_the_bucket_verified_and_idempotently(
    settings, s3_server, bucket, published_meeting, media_root
):
    names = sorted(
        version.file.name
        for document in published_meeting.public_item.documents.all()
        for version in document.versions.all()
    ) + sorted(
        version.file.name
        for document in published_meeting.closed_item.documents.all()
        for version in document.versions.all()
    )
    assert len(names) == 3
    settings.STORAGES = s3_server.storages(bucket, settings.STORAGES)

    assert "zou kopiëren: 3" in _move(source=str(media_root), dry_run=True)
    assert not default_storage.exists(names[0])

    assert _move(source=str(media_root)).startswith("Gekopieerd: 3, al aanwezig: 0")
    client = s3_server.client()
    for name in names:
        body = client.get_object(Bucket=bucket, Key=name)["Body"].read()
        assert body == (Path(media_root) / name).read_bytes()

    assert _move(source=str(media_root)).startswith("Gekopieerd: 0, al aanwezig: 3")


def test_an_object_with_other_content_is_reported_not_overwritten(
    settings, s3_server, bucket, published_meeting, media_root
):
    document = _stuk(published_meeting, "Voortgangsrapportage")
    name = document.current_version.file.name
    settings.STORAGES = s3_server.storages(bucket, settings.STORAGES)
    s3_server.client().put_object(Bucket=bucket, Key=name, Body=b"something else")

    with pytest.raises(CommandError, match="1 bestand"):
        _move(source=str(media_root))
    body = s3_server.client().get_object(Bucket=bucket, Key=name)["Body"].read()
    assert body == b"something else"


def test_a_file_changed_on_disk_since_its_upload_is_not_copied(
    settings, s3_server, bucket, published_meeting, media_root
):
    document = _stuk(published_meeting, "Voortgangsrapportage")
    name = document.current_version.file.name
    (Path(media_root) / name).write_bytes(b"%PDF-1.4 tampered")
    settings.STORAGES = s3_server.storages(bucket, settings.STORAGES)

    with pytest.raises(CommandError):
        _move(source=str(media_root))
    assert not default_storage.exists(name)


def test_the_move_refuses_when_the_default_storage_is_the_disk(media_root, db):
    with pytest.raises(CommandError, match="S3_BUCKET"):
        _move(source=str(media_root))
