"""Thin tasks: take primary keys, call one service (nhn_portal.core.tasking.portal_task)."""

from celery.schedules import crontab

from nhn_portal.core.tasking import MAIL, PERIODIC, portal_task
from raden.services.digest import council_digest_send, council_digests_send
from raden.services.gatherings import personal_link_send, registration_promoted_notify
from raden.services.issuing import deliveries_sync, delivery_notify_griffie


# Every minute: a safety net behind the pipeline's follow-up that makes each copy available.
@portal_task(name="raden.tasks.council_letter_deliveries_sync", kind=PERIODIC, schedule=60.0)
def council_letter_deliveries_sync() -> int:
    """Beat, every minute: the safety net behind the pipeline's on_finished follow-up; makes
    copies whose PDF job finished available and retries failed ones."""
    return deliveries_sync()


@portal_task(name="raden.tasks.council_letter_delivery_notify", kind=MAIL)
def council_letter_delivery_notify(delivery_id: int) -> int:
    """Mail the griffie of the council that its letter is ready (once per copy)."""
    return delivery_notify_griffie(delivery_id=delivery_id)


@portal_task(name="raden.tasks.gathering_personal_link_send", kind=MAIL)
def gathering_personal_link_send(
    gathering_id: int, municipality_id: int, name: str, email: str
) -> int:
    """Mail a council member their personal link for a council gathering."""
    return personal_link_send(
        gathering_id=gathering_id, municipality_id=municipality_id, name=name, email=email
    )


@portal_task(name="raden.tasks.gathering_registration_promoted_notify", kind=MAIL)
def gathering_registration_promoted_notify(registration_id: int) -> int:
    """Mail a council member who moved up from the waiting list."""
    return registration_promoted_notify(registration_id=registration_id)


# Mondays 8.00: councils that prefer a digest get one mail a week instead of one per letter.
@portal_task(
    name="raden.tasks.council_digests", kind=MAIL, schedule=crontab(day_of_week=1, hour=8, minute=0)
)
def council_digests() -> int:
    """Weekly (beat): the digest to every council that prefers one."""
    return council_digests_send()


@portal_task(name="raden.tasks.council_digest", kind=MAIL)
def council_digest(municipality_id: int) -> int:
    """The digest of one council now (its griffie left the digest for another preference)."""
    return council_digest_send(municipality_id=municipality_id)
