from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "nhn_portal.core"
    label = "core"
    verbose_name = _("Portal core")

    def ready(self):
        # Each app's `producers` module registers its kinds of PDF with the document
        # production registry (nhn_portal.core.production); its `portal` module its
        # navigation entries and panels (nhn_portal.core.portal); its `tasks` module its Celery
        # tasks, so services can enqueue them by name in the web process too
        # (nhn_portal.core.tasking).
        autodiscover_modules("producers", "portal", "tasks", "search")
        # The beat's schedule is what the tasks modules just declared (tasking.portal_task).
        from nhn_portal.celery import app

        from .tasking import beat_schedule

        app.conf.beat_schedule = beat_schedule()
        # The beheerder's to-do lines (the apps register theirs in their portal modules).
        # The session clock starts at every login, also before the first request (tests).
        from . import (
            middleware,  # noqa: F401
            todo,  # noqa: F401
        )
