from celery import shared_task


@shared_task(name="nhn_portal.core.tasks.ping")
def ping() -> str:
    """Answer "pong": proves a worker is consuming the queue (health checks, tests)."""
    return "pong"
