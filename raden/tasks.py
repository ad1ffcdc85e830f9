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
from .constants import RENDER_MAX_RETRIES, DeliveryStatus
from .models import CouncilLetterDelivery


@shared_task(bind=True, acks_late=True, max_retries=RENDER_MAX_RETRIES)
def council_letter_delivery_render(self, delivery_id: int) -> str:
    """Render one council's copy; a failure is retried with backoff, and stays "mislukt" on
    the dashboard (with a retry button) after the last attempt."""
    try:
        delivery = services.delivery_render(delivery_id=delivery_id)
    except Exception as error:
        if self.request.is_eager:
            # Tests and the demo run eagerly: the failure is recorded; no sleeping retries.
            return "mislukt"
        raise self.retry(exc=error, countdown=min(300, 10 * 2**self.request.retries)) from error
    return delivery.render_status


@shared_task(acks_late=True, autoretry_for=(ConnectionError,), retry_backoff=True, max_retries=5)
def council_letter_delivery_notify(delivery_id: int) -> int:
    """Mail the griffie of the council that its letter is ready: a link, never the content."""
    delivery = CouncilLetterDelivery.objects.select_related("letter", "municipality").get(
        pk=delivery_id
    )
    if delivery.status == DeliveryStatus.PENDING:
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
    return send_mass_mail(messages, fail_silently=False)
