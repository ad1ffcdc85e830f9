"""The Celery app of the NHN Portal.

All configuration lives in Django settings under the `CELERY_` prefix, so the worker, beat and
the web process read one source. Tasks are found in each installed app's `tasks` module.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nhn_portal.settings")

app = Celery("nhn_portal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
