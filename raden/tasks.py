"""Thin tasks: take primary keys, call one service (nhn_portal.core.tasking.portal_task)."""

from nhn_portal.core.tasking import MAIL, PERIODIC, portal_task

from . import services


@portal_task(name="raden.tasks.council_letter_deliveries_sync", kind=PERIODIC)
def council_letter_deliveries_sync() -> int:
    """Beat, every minute: the safety net behind the pipeline's on_finished follow-up; makes
    copies whose PDF job finished available and retries failed ones."""
    return services.deliveries_sync()


@portal_task(name="raden.tasks.council_letter_delivery_notify", kind=MAIL)
def council_letter_delivery_notify(delivery_id: int) -> int:
    """Mail the griffie of the council that its letter is ready (once per copy)."""
    return services.delivery_notify_griffie(delivery_id=delivery_id)
