"""The griffie's steps with its council's copy: downloaded, receipt confirmed, scheduled in the
council (with a date and a link), noted. A step may be skipped forward, never taken back; every
step is audited (who, when).
"""

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from nhn_portal.core.audit import audited_update, timestamp_once
from raden.constants import (
    DELIVERY_ORDER,
    DeliveryStatus,
)
from raden.models.letters import CouncilLetterDelivery


def _advance(
    *,
    actor,
    delivery: CouncilLetterDelivery,
    status: str,
    verb: str,
    stamp: dict[str, Any],
) -> CouncilLetterDelivery:
    """Move a delivery forward to `status` (never back), with its step's timestamp."""
    if delivery.status == DeliveryStatus.PENDING:
        raise ValidationError(_("This letter is not available yet."), code="pending")
    values = dict(stamp)
    if DELIVERY_ORDER.index(status) > DELIVERY_ORDER.index(delivery.status):
        values |= {"status": status, "status_changed_at": timezone.now()}
    return audited_update(
        actor=actor, obj=delivery, verb=verb, recorded=["status", *stamp], **values
    )


def delivery_mark_notified(*, delivery_id: int, recipients: list[str]) -> bool:
    """Record that the griffie was mailed about its copy; False if that was recorded before."""
    return timestamp_once(
        model=CouncilLetterDelivery,
        pk=delivery_id,
        field="notified_at",
        verb="delivery_notify",
        changes={"recipients": recipients},
    )


@transaction.atomic
def delivery_mark_downloaded(*, actor, delivery: CouncilLetterDelivery) -> CouncilLetterDelivery:
    """The griffie downloaded its copy; only the first download is a status change."""
    delivery = CouncilLetterDelivery.objects.select_for_update().get(pk=delivery.pk)
    if delivery.downloaded_at is not None:
        return delivery
    return _advance(
        actor=actor,
        delivery=delivery,
        status=DeliveryStatus.DOWNLOADED,
        verb="delivery_mark_downloaded",
        stamp={"downloaded_at": timezone.now(), "downloaded_by": actor},
    )


@transaction.atomic
def delivery_confirm_receipt(*, actor, delivery: CouncilLetterDelivery) -> CouncilLetterDelivery:
    """ "Ontvangst bevestigen": once; a second confirmation is refused."""
    delivery = CouncilLetterDelivery.objects.select_for_update().get(pk=delivery.pk)
    if delivery.received_at is not None:
        raise ValidationError(
            _("Receipt of this letter was already confirmed on %(date)s.")
            % {"date": date_format(timezone.localtime(delivery.received_at), "j F Y")},
            code="already_confirmed",
        )
    return _advance(
        actor=actor,
        delivery=delivery,
        status=DeliveryStatus.RECEIVED,
        verb="delivery_confirm_receipt",
        stamp={"received_at": timezone.now(), "received_by": actor},
    )


@transaction.atomic
def delivery_schedule(
    *,
    actor,
    delivery: CouncilLetterDelivery,
    council_date: datetime.date,
    link: str = "",
) -> CouncilLetterDelivery:
    """ "Geagendeerd voor de raad op <datum>", with an optional link to the council's system.
    Scheduling implies receipt; a new date may be set later (the council postponed it)."""
    delivery = CouncilLetterDelivery.objects.select_for_update().get(pk=delivery.pk)
    if council_date is None:
        raise ValidationError({"council_date": _("Give the date of the council meeting.")})
    if delivery.status == DeliveryStatus.NOTED:
        raise ValidationError(_("The council has already taken note of this letter."), code="noted")
    now = timezone.now()
    stamp: dict[str, Any] = {
        "council_date": council_date,
        "council_link": (link or "").strip(),
        "scheduled_at": now,
    }
    if delivery.received_at is None:
        stamp |= {"received_at": now, "received_by": actor}
    return _advance(
        actor=actor,
        delivery=delivery,
        status=DeliveryStatus.SCHEDULED,
        verb="delivery_schedule",
        stamp=stamp,
    )


@transaction.atomic
def delivery_take_note(*, actor, delivery: CouncilLetterDelivery) -> CouncilLetterDelivery:
    """ "Ter kennisname aangenomen": the council has dealt with the letter."""
    delivery = CouncilLetterDelivery.objects.select_for_update().get(pk=delivery.pk)
    if delivery.status == DeliveryStatus.NOTED:
        raise ValidationError(_("The council has already taken note of this letter."), code="noted")
    now = timezone.now()
    stamp: dict[str, Any] = {"noted_at": now}
    if delivery.received_at is None:
        stamp |= {"received_at": now, "received_by": actor}
    return _advance(
        actor=actor,
        delivery=delivery,
        status=DeliveryStatus.NOTED,
        verb="delivery_take_note",
        stamp=stamp,
    )
