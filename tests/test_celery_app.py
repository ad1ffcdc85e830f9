"""The Celery app: configured from settings, and a task really travels through a broker.

Two round trips start a real worker as a subprocess: one on a private Redis on a Unix socket
(the embedded default of bin/demo, bin/embedded-worker) and one on the Redis at REDIS_URL
(production and CI). Each uses its own queue name, so a worker of a colleague or of bin/demo
never takes the test's message.
"""

import os
import signal
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.conf import settings

from nhn_portal.celery import app
from nhn_portal.core.tasks import ping
from tests.redis_server import private_redis

BASE_DIR = Path(settings.BASE_DIR)
ROUND_TRIP_TIMEOUT = 25  # seconds: worker start-up included


def test_the_app_reads_the_celery_settings():
    conf = app.conf
    assert conf.task_acks_late is True
    assert conf.task_reject_on_worker_lost is True
    assert conf.worker_prefetch_multiplier == 1
    assert conf.task_soft_time_limit == settings.CELERY_TASK_SOFT_TIME_LIMIT
    assert conf.task_time_limit == settings.CELERY_TASK_TIME_LIMIT
    assert conf.task_soft_time_limit < conf.task_time_limit
    assert conf.task_serializer == "json"
    assert conf.result_serializer == "json"
    assert list(conf.accept_content) == ["json"]
    assert conf.timezone == "Europe/Amsterdam"
    assert conf.broker_url == settings.CELERY_BROKER_URL
    assert isinstance(conf.beat_schedule, dict)


def test_the_ping_task_is_registered_and_runs_eagerly():
    app.loader.import_default_modules()
    assert "nhn_portal.core.tasks.ping" in app.tasks
    assert ping.apply().get() == "pong"


def test_a_message_of_a_dead_worker_returns_after_ten_minutes_not_an_hour():
    """Redis hands an unacknowledged message out again after the visibility timeout: longer
    than any task may run or wait for its retry, much shorter than Kombu's hour."""
    timeout = settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"]
    assert settings.CELERY_TASK_TIME_LIMIT < timeout <= 600
    assert timeout > 300  # the longest retry backoff (tasking.portal_task)


def test_a_worker_runs_the_task_through_a_private_redis_on_a_unix_socket(tmp_path):
    with private_redis(tmp_path / "redis") as server:
        broker, results = server.url(scheme="kombu"), server.url(1, scheme="kombu")
        env = _clean_env(CELERY_BROKER_URL=broker, CELERY_RESULT_BACKEND=results)
        _round_trip(_client_app(broker, results), env, tmp_path)


def test_a_worker_runs_the_task_through_redis(tmp_path):
    redis_url = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
    env = _clean_env(CELERY_BROKER_URL=redis_url, CELERY_RESULT_BACKEND=redis_url)
    client = _client_app(redis_url, redis_url)
    try:
        client.connection_for_write().ensure_connection(max_retries=1)
    except Exception as error:  # any connection failure means: no Redis here
        if os.environ.get("CI_REQUIRE_REDIS"):  # .ci/run sets it: there a skip is a failure
            raise
        pytest.skip(f"no Redis at {redis_url}: {error}")
    _round_trip(client, env, tmp_path)


def _clean_env(**overrides: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("CELERY_")}
    env.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
    env.update(overrides)
    return env


def _client_app(broker: str, backend: str):
    """A bare sending app, so the test never changes the project app's cached configuration."""
    from celery import Celery

    client = Celery("nhn_portal_test_client", broker=broker, backend=backend)
    client.conf.update(
        task_serializer="json", accept_content=["json"], result_accept_content=["json"]
    )
    return client


def _round_trip(client, env: dict[str, str], tmp_path: Path) -> None:
    queue = f"test-{uuid.uuid4().hex[:12]}"
    log = tmp_path / "worker.log"
    command = [
        sys.executable, "-m", "celery", "-A", "nhn_portal", "worker", "--pool=solo",
        "-Q", queue, "-n", f"{queue}@%h", "--without-gossip", "--without-mingle",
        "--loglevel=INFO",
    ]  # fmt: skip
    with log.open("w") as log_file:
        worker = subprocess.Popen(
            command,
            cwd=BASE_DIR,
            env=env,
            stdout=log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        result = client.send_task("nhn_portal.core.tasks.ping", queue=queue)
        try:
            assert result.get(timeout=ROUND_TRIP_TIMEOUT) == "pong"
        except Exception:
            pytest.fail(f"No answer from the worker. Its log:\n{log.read_text()}")
        finally:
            result.forget()
    finally:
        _stop(worker)
        client.close()


def _stop(worker: subprocess.Popen) -> None:
    if worker.poll() is None:
        os.killpg(worker.pid, signal.SIGTERM)
        try:
            worker.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(worker.pid, signal.SIGKILL)
            worker.wait(timeout=5)
