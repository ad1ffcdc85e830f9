# Load the Celery app when Django starts, so `shared_task` and `delay_on_commit` use it.
from nhn_portal.celery import app as celery_app

__all__ = ["celery_app"]
