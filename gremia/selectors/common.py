"""What the registry's reads share: today's date, "active" and the map's order of bodies."""

from __future__ import annotations

import datetime

from django.db.models import Q
from django.utils import timezone

from gremia.constants import BodyKind
from gremia.models.registry import Body

# The order in which the administrative bodies appear on the governance map: the base model
# of the report reads from the stuurgroep down to the informal and council gatherings.
KIND_ORDER = {
    BodyKind.STEERING_GROUP: 0,
    BodyKind.BOARD: 1,
    BodyKind.PLATFORM: 1,
    BodyKind.REGIONAL_MEETING: 2,
    BodyKind.COUNCIL_GATHERING: 3,
    BodyKind.PRINCIPALS: 4,
    BodyKind.DIRECTORS: 5,
    BodyKind.WORKING_GROUP: 6,
}


def _today(on: datetime.date | None) -> datetime.date:
    return on or timezone.localdate()


def _active_q(on: datetime.date, prefix: str = "") -> Q:
    """Established and not (yet) dissolved on `on`."""
    return Q(**{f"{prefix}established_on__lte": on}) & (
        Q(**{f"{prefix}dissolved_on__isnull": True}) | Q(**{f"{prefix}dissolved_on__gt": on})
    )


def _sort_key(body: Body) -> tuple:
    return (KIND_ORDER.get(body.kind, 9), body.theme.name if body.theme else "", body.name)
