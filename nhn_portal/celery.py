"""The Celery app of the NHN Portal.

All configuration lives in Django settings under the `CELERY_` prefix, so the worker, beat and
the web process read one source. Tasks are found in each installed app's `tasks` module.
"""

import logging
import os

from celery import Celery
from celery.signals import celeryd_init

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nhn_portal.settings")

app = Celery("nhn_portal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

logger = logging.getLogger("nhn_portal.worker")


@celeryd_init.connect
def preload_pdf_renderer(**kwargs) -> None:
    """Import WeasyPrint once in the worker's main process, before it forks its children
    (a lazy import in each child costs about a second), and warn when HarfBuzz subsetting is
    missing (fonts would take a path about 4x slower)."""
    from nhn_portal import pdf

    pdf.preload()
    pdf.check_fast_fonts(logger)
