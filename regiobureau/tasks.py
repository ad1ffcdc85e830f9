"""Thin tasks: take primary keys, call one service or send one mail."""

import datetime

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mass_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from gremia.models import Membership

from . import services
from .constants import MeetingStatus
from .decision_services import action_overdue_remind
from .models import Meeting


@shared_task(acks_late=True, autoretry_for=(ConnectionError,), retry_backoff=True, max_retries=5)
def meeting_agenda_published_notify(meeting_id: int) -> int:
    """Mail every current member of the body that the agenda is out: a link, never content."""
    meeting = Meeting.objects.select_related("body").get(pk=meeting_id)
    if meeting.status != MeetingStatus.AGENDA_PUBLISHED:
        # Cancelled (or otherwise moved on) before the worker got to it: announce nothing.
        return 0
    if meeting.members_notified_at is not None:
        # The same task handed out again (late acknowledgement): the mail went out already.
        return 0
    recipients = sorted(
        {
            (m.person.user.email if m.person.user_id else m.person.email)
            for m in Membership.objects.current(timezone.localdate())
            .filter(body=meeting.body)
            .select_related("person__user")
        }
        - {""}
    )
    if not recipients:
        return 0
    link = settings.SITE_URL.rstrip("/") + reverse(
        "regiobureau:meeting_detail", kwargs={"pk": meeting.pk}
    )
    with translation.override("nl"):
        context = {"meeting": meeting, "link": link}
        subject = render_to_string("regiobureau/email/agenda_published_subject.txt", context)
        body = render_to_string("regiobureau/email/agenda_published_body.txt", context)
    messages = [
        (" ".join(subject.split()), body, settings.DEFAULT_FROM_EMAIL, [address])
        for address in recipients
    ]
    sent = send_mass_mail(messages, fail_silently=False)
    services.meeting_mark_members_notified(meeting_id=meeting.pk, recipients=recipients)
    return sent


@shared_task(acks_late=True, autoretry_for=(ConnectionError,), retry_backoff=True, max_retries=3)
def action_overdue_reminders(today: str | None = None) -> int:
    """Daily (beat): one e-mail per owner listing all their overdue actions (issue 5)."""
    day = datetime.date.fromisoformat(today) if today else None
    return action_overdue_remind(today=day)
