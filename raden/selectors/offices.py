"""What a sub-region office reads (read-only): the council copies of the letters to the
municipalities of its own sub-region, and the offices as the linking pins between the
regiobureau and the griffies on the distribution dashboard."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _

from gremia.models.registry import Organisation, Person
from nhn_portal.core.access import NotFound
from nhn_portal.core.constants import Role
from nhn_portal.core.portal import COUNCILS, TodoLine
from nhn_portal.core.templatetags.nhn_dates import format_date
from raden import permissions
from raden.constants import Addressee, DeliveryStatus
from raden.models.letters import CouncilLetterDelivery
from raden.selectors.letters import offices


def office_council_copies(*, user) -> list[CouncilLetterDelivery]:
    """The letters as the councils of the office's own sub-region received them (status and
    council date per municipality); nothing of another sub-region. The secretariat sees all;
    anyone else gets NotFound."""
    office = permissions.subregion_office(user)
    if office is None and not permissions.is_secretariat(user):
        raise NotFound
    qs = (
        CouncilLetterDelivery.objects.filter(addressee=Addressee.COUNCIL)
        .exclude(status=DeliveryStatus.PENDING)
        .select_related("letter", "municipality__subregion")
        .order_by("-letter__issued_at", "municipality__name")
    )
    if office is not None:
        qs = qs.filter(municipality__subregion_id=office.subregion_id)
    return list(qs)


@dataclass
class LinkingPin:
    office: Organisation
    people: list[Person]


def linking_pins() -> dict[int, LinkingPin]:
    """Per sub-region id, its office and the office's people with a login: through them the
    regiobureau's letters reach the griffies step by step. Two queries."""
    pins = {office.subregion_id: LinkingPin(office=office, people=[]) for office in offices()}
    people = Person.objects.filter(
        organisation__in=[pin.office for pin in pins.values()], user__isnull=False
    ).order_by("name")
    by_office = {pin.office.pk: pin for pin in pins.values()}
    for person in people:
        by_office[person.organisation_id].people.append(person)
    return pins


def office_todo_lines(user) -> list[TodoLine]:
    """The sub-region office's to-do list: its summaries still to forward to the griffies
    (not yet downloaded), and, read-only, the letters its municipalities' griffies have not
    yet confirmed. Civil servants only (the offices' logins); two queries at most."""
    if Role.CIVIL_SERVANT.value not in user.role_names:
        return []
    office = permissions.subregion_office(user)
    if office is None:
        return []
    url = reverse("raden:office_copies")
    lines = [
        TodoLine(
            text=_("Forward the summary to the griffies: %(letter)s") % {"letter": copy.letter},
            url=url,
            when=copy.available_at,
            why=_("available since %(date)s") % {"date": format_date(copy.available_at)},
            group=COUNCILS,
        )
        for copy in CouncilLetterDelivery.objects.filter(
            addressee=Addressee.SUBREGION_OFFICE,
            municipality=office,
            status=DeliveryStatus.AVAILABLE,
        )
        .select_related("letter")
        .order_by("available_at")
    ]
    waiting = list(
        CouncilLetterDelivery.objects.filter(
            addressee=Addressee.COUNCIL,
            municipality__subregion_id=office.subregion_id,
            status__in=[DeliveryStatus.AVAILABLE, DeliveryStatus.DOWNLOADED],
        )
        .select_related("letter", "municipality")
        .order_by("available_at")
    )
    lines += [
        TodoLine(
            text=_("%(council)s: receipt not yet confirmed (%(letter)s)")
            % {"council": copy.municipality.name, "letter": copy.letter},
            url=url,
            when=copy.available_at,
            why=_("the griffie's step; available since %(date)s")
            % {"date": format_date(copy.available_at)},
            group=COUNCILS,
        )
        for copy in waiting
    ]
    return lines
