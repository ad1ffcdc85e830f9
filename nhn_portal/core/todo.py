"""The beheerder's to-do lines (`portal.register_todo`): background work that did not finish
(tasks the queue never took, documents that failed) and accounts locked out after failed
logins. Counts only, each line leading to the list in the management site; four queries."""

import datetime

from axes.models import AccessAttempt
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .access import is_manager
from .constants import GenerationStatus
from .models import GenerationJob, LoginThrottle, OutboxMessage
from .portal import MANAGEMENT, TodoLine, register_todo

# A task not handed to the queue after this long is stuck (the sweep runs every minute).
OUTBOX_STUCK_MINUTES = 10
# Failed documents of the last week.
FAILED_JOB_DAYS = 7


def management_lines(user) -> list[TodoLine]:
    if not is_manager(user):
        return []
    now = timezone.now()
    lines = []
    stuck = OutboxMessage.objects.filter(
        sent_at__isnull=True, created_at__lt=now - datetime.timedelta(minutes=OUTBOX_STUCK_MINUTES)
    )
    oldest = stuck.order_by("created_at").values_list("created_at", flat=True).first()
    if oldest is not None:
        count = stuck.count()
        lines.append(
            TodoLine(
                text=ngettext(
                    "%(count)d task not handed to the queue",
                    "%(count)d tasks not handed to the queue",
                    count,
                )
                % {"count": count},
                url=reverse("admin:core_outboxmessage_changelist")
                + "?"
                + urlencode({"sent_at__isempty": 1}),
                when=oldest,
                why=_("waiting for more than %(minutes)d minutes; is the queue (Redis) running?")
                % {"minutes": OUTBOX_STUCK_MINUTES},
                group=MANAGEMENT,
            )
        )
    failed = list(
        GenerationJob.objects.filter(
            status=GenerationStatus.FAILED,
            requested_at__gte=now - datetime.timedelta(FAILED_JOB_DAYS),
        )
        .order_by("-requested_at")
        .values_list("requested_at", flat=True)[:100]
    )
    if failed:
        lines.append(
            TodoLine(
                text=ngettext(
                    "%(count)d document failed to generate",
                    "%(count)d documents failed to generate",
                    len(failed),
                )
                % {"count": len(failed)},
                url=reverse("admin:core_generationjob_changelist")
                + "?"
                + urlencode({"status__exact": GenerationStatus.FAILED}),
                when=failed[0],
                why=_("in the last %(days)d days") % {"days": FAILED_JOB_DAYS},
                group=MANAGEMENT,
            )
        )
    locked = list(
        AccessAttempt.objects.filter(failures_since_start__gte=settings.AXES_FAILURE_LIMIT)
        .order_by("-attempt_time")
        .values_list("attempt_time", flat=True)[:100]
    )
    if locked:
        lines.append(
            TodoLine(
                text=ngettext(
                    "%(count)d login locked out", "%(count)d logins locked out", len(locked)
                )
                % {"count": len(locked)},
                url=reverse("admin:axes_accessattempt_changelist"),
                when=locked[0],
                why=_("%(count)d or more failed logins; unlocked after %(minutes)d minutes")
                % {
                    "count": settings.AXES_FAILURE_LIMIT,
                    "minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
                },
                group=MANAGEMENT,
            )
        )
    delayed = list(
        LoginThrottle.objects.filter(failures__gte=settings.LOGIN_DELAY_AFTER)
        .order_by("-last_failure_at")
        .values_list("last_failure_at", flat=True)[:100]
    )
    if delayed:
        lines.append(
            TodoLine(
                text=ngettext(
                    "%(count)d account slowed down after failed logins",
                    "%(count)d accounts slowed down after failed logins",
                    len(delayed),
                )
                % {"count": len(delayed)},
                url=reverse("admin:core_loginthrottle_changelist"),
                when=delayed[0],
                why=_("%(count)d or more failed logins in a row")
                % {"count": settings.LOGIN_DELAY_AFTER},
                group=MANAGEMENT,
            )
        )
    return lines


register_todo("management", management_lines, order=90)
