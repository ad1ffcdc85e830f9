"""What waits on the griffie and on the secretariat in the councils' work (the overview's
to-do list, `core.portal.register_todo`): letters to confirm, letters unconfirmed for long,
coming council gatherings. A fixed number of queries each."""

import datetime

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from nhn_portal.core.constants import Role
from nhn_portal.core.portal import COUNCILS, TodoLine
from nhn_portal.core.templatetags.nhn_dates import format_date
from raden import permissions
from raden.constants import Addressee, DeliveryStatus, RegistrationStatus
from raden.models.gatherings import Gathering
from raden.models.letters import CouncilLetterDelivery

from .letters import unconfirmed_for_griffie

# After how many days an unconfirmed copy is worth a reminder from the secretariat.
UNCONFIRMED_DAYS = 10
# How far ahead a griffie's list shows the coming council gatherings.
GATHERING_HORIZON_DAYS = 42


def griffie_letter_lines(user) -> list[TodoLine]:
    """The griffie's copies still to confirm, newest first ("nieuw" when not yet opened)."""
    lines = []
    for delivery in unconfirmed_for_griffie(user=user):
        new = delivery.status == DeliveryStatus.AVAILABLE
        since = delivery.available_at
        lines.append(
            TodoLine(
                text=_("Confirm receipt: %(letter)s") % {"letter": delivery.letter},
                url=reverse("raden:delivery_detail", args=[delivery.pk]),
                when=since,
                why=(
                    _("new, available since %(date)s")
                    if new
                    else _("downloaded, receipt not confirmed; available since %(date)s")
                )
                % {"date": format_date(since)},
                group=COUNCILS,
            )
        )
    return lines


def gathering_lines(user) -> list[TodoLine]:
    """The griffie: coming council gatherings, with how many of her council registered."""
    municipality = permissions.griffie_municipality(user)
    if municipality is None:
        return []
    now = timezone.now()
    gatherings = (
        Gathering.objects.filter(
            meeting__starts_at__gte=now,
            meeting__starts_at__lte=now + datetime.timedelta(GATHERING_HORIZON_DAYS),
        )
        .select_related("meeting__body")
        .order_by("meeting__starts_at")
    )
    gatherings = gatherings.annotate(
        own=Count(
            "registrations",
            filter=Q(registrations__municipality=municipality)
            & ~Q(registrations__status=RegistrationStatus.CANCELLED),
        )
    )
    return [
        TodoLine(
            text=_("Council gathering: %(gathering)s") % {"gathering": gathering},
            url=gathering.get_absolute_url(),
            when=gathering.meeting.starts_at,
            why=ngettext(
                "%(count)d member of your council registered",
                "%(count)d members of your council registered",
                gathering.own,
            )
            % {"count": gathering.own},
            group=COUNCILS,
        )
        for gathering in gatherings
    ]


def unconfirmed_letter_lines(user) -> list[TodoLine]:
    """The secretary: copies available for more than UNCONFIRMED_DAYS without confirmation."""
    if Role.SECRETARY.value not in user.role_names:
        return []
    cutoff = timezone.now() - datetime.timedelta(UNCONFIRMED_DAYS)
    waiting = CouncilLetterDelivery.objects.filter(
        status__in=[DeliveryStatus.AVAILABLE, DeliveryStatus.DOWNLOADED],
        addressee=Addressee.COUNCIL,
        available_at__lt=cutoff,
    ).order_by("available_at")
    oldest = waiting.values_list("available_at", flat=True).first()
    if oldest is None:
        return []
    count = waiting.count()
    url = reverse("raden:dashboard") + "?" + urlencode({"days": UNCONFIRMED_DAYS})
    return [
        TodoLine(
            text=ngettext(
                "%(count)d council letter copy not confirmed",
                "%(count)d council letter copies not confirmed",
                count,
            )
            % {"count": count},
            url=url,
            when=oldest,
            why=_("available for more than %(days)d days without confirmed receipt")
            % {"days": UNCONFIRMED_DAYS},
            group=COUNCILS,
        )
    ]
