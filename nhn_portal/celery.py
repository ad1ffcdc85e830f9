"""The Celery app of the NHN Portal.

All configuration lives in Django settings under the `CELERY_` prefix, so the worker, beat and
the web process read one source. Tasks are found in each installed app's `tasks` module.
"""

import logging
import os

from celery import Celery, Task
from celery.signals import celeryd_init

from nhn_portal.stack import run_on_roomy_stack

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nhn_portal.settings")


class RoomyStackTask(Task):
    """Every task runs on a roomy frame stack (nhn_portal/stack.py): a PDF render is deep
    recursion, and at the wrong depth CPython 3.11 maps and unmaps a stack chunk thousands of
    times per render (4,600 page faults instead of 500 for the 80-item annotated agenda)."""

    def __call__(self, *args, **kwargs):
        return run_on_roomy_stack(super().__call__, *args, **kwargs)


app = Celery("nhn_portal", task_cls=RoomyStackTask)
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

logger = logging.getLogger("nhn_portal.worker")


@celeryd_init.connect
def preload_pdf_renderer(**kwargs) -> None:
    """Import WeasyPrint once in the worker's main process, before it forks its children
    (a lazy import in each child costs about a second), and warn when HarfBuzz subsetting is
    missing (fonts would take a path about 4x slower). Then freeze what is loaded, so the
    children share its memory instead of copying it (`pdf.freeze_before_fork`)."""
    from nhn_portal import pdf

    pdf.preload()
    pdf.check_fast_fonts(logger)
    pdf.freeze_before_fork()
