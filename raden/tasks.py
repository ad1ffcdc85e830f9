"""Thin tasks: take primary keys, call one service or send one mail."""

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mass_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from nhn_portal.core.constants import Role
from nhn_portal.core.models import User

from . import services
from .constants import DeliveryStatus
from .models import CouncilLetterDelivery


@shared_task(acks_late=True)
def council_letter_deliveries_sync() -> int:
    """Beat, every minute: the safety net behind the pipeline's on_finished follow-up; makes
    copies whose PDF job finished available and retries failed ones."""
    return services.deliveries_sync()


@shared_task(acks_late=True, autoretry_for=(ConnectionError,), retry_backoff=True, max_retries=5)
def council_letter_delivery_notify(delivery_id: int) -> int:
    """Mail the griffie of the council that its letter is ready: a link, never the content.

    Once per copy: a task delivered again after the mail went out (late acknowledgement)
    finds the copy marked notified and sends nothing. A worker lost between sending and
    marking sends it again: better twice than never."""
    delivery = CouncilLetterDelivery.objects.select_related("letter", "municipality").get(
        pk=delivery_id
    )
    if delivery.status == DeliveryStatus.PENDING or delivery.notified_at is not None:
        return 0
    recipients = sorted(
        set(
            User.objects.filter(
                is_active=True,
                groups__name=Role.CLERK.value,
                person__organisation_id=delivery.municipality_id,
            ).values_list("email", flat=True)
        )
        - {""}
    )
    if not recipients:
        return 0
    link = settings.SITE_URL.rstrip("/") + reverse(
        "raden:delivery_detail", kwargs={"pk": delivery.pk}
    )
    with translation.override("nl"):
        context = {"delivery": delivery, "letter": delivery.letter, "link": link}
        subject = render_to_string("raden/email/letter_issued_subject.txt", context)
        body = render_to_string("raden/email/letter_issued_body.txt", context)
    messages = [
        (" ".join(subject.split()), body, settings.DEFAULT_FROM_EMAIL, [address])
        for address in recipients
    ]
    sent = send_mass_mail(messages, fail_silently=False)
    services.delivery_mark_notified(delivery_id=delivery.pk, recipients=recipients)
    return sent
