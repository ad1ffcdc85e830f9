"""Reads of council letters and deliveries, with the griffie's isolation applied."""

import datetime
import hashlib
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Count, Max, Prefetch, Q, QuerySet
from django.utils import timezone

from gremia.constants import OrganisationKind
from gremia.models.registry import Body, Organisation, Person, Subregion
from nhn_portal.core.access import NotFound
from raden import permissions
from raden.constants import CONFIRMED_STATUSES, Addressee, DeliveryStatus, LetterStatus
from raden.models.discussions import LetterDiscussion
from raden.models.letters import CouncilLetter, CouncilLetterDelivery, CouncilLetterItem
from raden.models.preferences import CouncilPreference
from regiobureau.constants import MeetingStatus
from regiobureau.models.decisions import Decision, DecisionList
from regiobureau.models.meetings import Meeting


def municipalities() -> QuerySet[Organisation]:
    """The councils a letter goes to: every municipality, by sub-region then name."""
    return (
        Organisation.objects.filter(kind=OrganisationKind.MUNICIPALITY)
        .select_related("subregion")
        .order_by("subregion__name", "name")
    )


def council_name(municipality: Organisation) -> str:
    """ "Gemeente Texel" → "Texel", for "Aan de gemeenteraad van Texel"."""
    name = municipality.name
    for prefix in ("Gemeente ", "gemeente "):
        if name.startswith(prefix):
            return name[len(prefix) :]
    return name


def delivery_list_for_griffie(*, user) -> list[CouncilLetterDelivery]:
    """The letters for the griffie's own council, newest first; copies still being produced
    (or whose PDF failed) are not shown: nothing is available before it rendered."""
    municipality = permissions.griffie_municipality(user)
    if municipality is None:
        return []
    return list(
        CouncilLetterDelivery.objects.filter(municipality=municipality, addressee=Addressee.COUNCIL)
        .exclude(status=DeliveryStatus.PENDING)
        .select_related("letter__meeting__body", "letter__supersedes")
        .order_by("-letter__issued_at", "-pk")
    )


def delivery_list_version(*, municipality) -> str:
    """A version of a council's list of letters that changes with every write the list shows:
    a copy added or removed (the count) or changed (every write of a copy, a letter or a body
    sets its updated_at, so the latest one rises)."""
    stamp = CouncilLetterDelivery.objects.filter(
        municipality=municipality, addressee=Addressee.COUNCIL
    ).aggregate(
        copies=Count("pk"),
        copy_changed=Max("updated_at"),
        letter_changed=Max("letter__updated_at"),
        body_changed=Max("letter__meeting__body__updated_at"),
    )
    return ":".join(
        str(value.timestamp() if isinstance(value, datetime.datetime) else value)
        for value in stamp.values()
    )


def unconfirmed_for_griffie(*, user) -> list[CouncilLetterDelivery]:
    """The griffie's copies whose receipt it has not yet confirmed (for the overview)."""
    if not permissions.is_griffie(user):
        return []
    return [
        delivery
        for delivery in delivery_list_for_griffie(user=user)
        if delivery.status in (DeliveryStatus.AVAILABLE, DeliveryStatus.DOWNLOADED)
    ]


def unconfirmed_copy_count(*, user) -> int | None:
    """Secretariat: how many available copies still wait for a griffie's confirmation."""
    if not permissions.is_secretariat(user):
        return None
    return CouncilLetterDelivery.objects.filter(
        status__in=[DeliveryStatus.AVAILABLE, DeliveryStatus.DOWNLOADED],
        addressee=Addressee.COUNCIL,
    ).count()


def access_delivery(*, user, pk: int, for_update: bool = False) -> CouncilLetterDelivery:
    """One council's copy, or 404 when missing, of another municipality, or not yet rendered."""
    qs = CouncilLetterDelivery.objects.select_related(
        "letter__meeting__body",
        "letter__contact_person",
        "letter__supersedes",
        "municipality",
        "document",
    )
    if for_update:
        qs = qs.select_for_update(of=("self",))
    delivery = qs.filter(pk=pk).first()
    if delivery is None:
        raise NotFound
    if permissions.is_secretariat(user):
        return delivery
    municipality = permissions.griffie_municipality(user)
    if municipality is None or municipality.pk != delivery.municipality_id:
        raise NotFound
    if not delivery.is_council_copy:  # a college's copy is not the griffie's
        raise NotFound
    if delivery.status == DeliveryStatus.PENDING:
        raise NotFound
    return delivery


def access_letter(*, user, pk: int) -> CouncilLetter:
    """A letter for the secretariat (composing, issuing); everyone else gets 404."""
    if not permissions.is_secretariat(user):
        raise NotFound
    letter = (
        CouncilLetter.objects.select_related(
            "meeting__body", "contact_person", "supersedes", "superseded_by"
        )
        .filter(pk=pk)
        .first()
    )
    if letter is None:
        raise NotFound
    return letter


def letter_list(*, user) -> QuerySet[CouncilLetter]:
    if not permissions.is_secretariat(user):
        raise NotFound
    return CouncilLetter.objects.select_related("meeting__body").order_by(
        "-issued_at", "-created_at", "-pk"
    )


def letter_items(letter: CouncilLetter) -> list[CouncilLetterItem]:
    return list(letter.items.select_related("decision", "agenda_item").order_by("position", "pk"))


def letter_deliveries(letter: CouncilLetter) -> list[CouncilLetterDelivery]:
    """The letter's copies, each council with its preference when recorded."""
    return list(
        letter.deliveries.filter(addressee=Addressee.COUNCIL)
        .select_related("municipality__subregion", "municipality__council_preference")
        .order_by("municipality__subregion__name", "municipality__name")
    )


def letter_other_copies(letter: CouncilLetter) -> list[CouncilLetterDelivery]:
    """The letter's copies for the colleges and the sub-region offices."""
    return list(
        letter.deliveries.exclude(addressee=Addressee.COUNCIL)
        .select_related("municipality__subregion")
        .order_by("addressee", "municipality__subregion__name", "municipality__name")
    )


def offices() -> QuerySet[Organisation]:
    """The sub-region offices a letter's summary goes to (one per sub-region)."""
    return (
        Organisation.objects.filter(
            kind=OrganisationKind.SUBREGIONAL_OFFICE, subregion__isnull=False
        )
        .select_related("subregion")
        .order_by("subregion__name", "name")
    )


def office_copies(*, user) -> tuple[Organisation, list[CouncilLetterDelivery]]:
    """The sub-region office of the user (its boundary spanner or a colleague there) and the
    summaries and collegebrieven of its sub-region that were made available; 404 otherwise."""
    office = permissions.subregion_office(user)
    if office is None and not permissions.is_secretariat(user):
        raise NotFound
    qs = (
        CouncilLetterDelivery.objects.exclude(addressee=Addressee.COUNCIL)
        .exclude(status=DeliveryStatus.PENDING)
        .select_related("letter__meeting__body", "municipality__subregion")
        .order_by("-letter__issued_at", "addressee", "municipality__name")
    )
    if office is not None:
        qs = qs.filter(
            Q(addressee=Addressee.SUBREGION_OFFICE, municipality=office)
            | Q(addressee=Addressee.COLLEGE, municipality__subregion_id=office.subregion_id)
        )
    return office, list(qs)


def access_office_copy(*, user, pk: int) -> CouncilLetterDelivery:
    """One college or sub-region office copy for its sub-region's office, or the secretariat."""
    delivery = (
        CouncilLetterDelivery.objects.exclude(addressee=Addressee.COUNCIL)
        .exclude(status=DeliveryStatus.PENDING)
        .select_related("letter", "municipality", "document")
        .filter(pk=pk)
        .first()
    )
    if delivery is None:
        raise NotFound
    if permissions.is_secretariat(user):
        return delivery
    office = permissions.subregion_office(user)
    if office is None:
        raise NotFound
    if delivery.addressee == Addressee.SUBREGION_OFFICE and delivery.municipality_id == office.pk:
        return delivery
    if (
        delivery.addressee == Addressee.COLLEGE
        and delivery.municipality.subregion_id == office.subregion_id
    ):
        return delivery
    raise NotFound


def decisions_available_for_letter(letter: CouncilLetter) -> list[Decision]:
    """The meeting's decisions not yet in the letter, for the compose form."""
    used = letter.items.exclude(decision=None).values("decision_id")
    return list(
        Decision.objects.filter(item__meeting_id=letter.meeting_id)
        .exclude(pk__in=used)
        .select_related("item")
        .order_by("item__position", "pk")
    )


def meetings_for_letters() -> QuerySet[Meeting]:
    """Meetings a letter can be written about: held (or completed) ones, newest first."""
    return (
        Meeting.objects.filter(status__in=[MeetingStatus.HELD, MeetingStatus.CLOSED])
        .select_related("body")
        .order_by("-starts_at")
    )


def letters_about_meeting(meeting: Meeting) -> list[CouncilLetter]:
    """The letters already written about `meeting` (a second one is warned about)."""
    return list(CouncilLetter.objects.filter(meeting=meeting).order_by("created_at"))


def meeting_decision_list_adopted(meeting: Meeting) -> bool:
    """A council letter reports an adopted decision list."""
    return DecisionList.objects.filter(meeting=meeting, adopted_at__isnull=False).exists()


# ---- Distribution dashboard --------------------------------------------------------------


@dataclass
class Cell:
    municipality: Organisation
    delivery: CouncilLetterDelivery | None
    late: bool = False  # available for N days or more and not confirmed


@dataclass
class LetterRow:
    letter: CouncilLetter
    groups: list[tuple[Subregion | None, list[Cell]]] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    late_count: int = 0

    @property
    def confirmed(self) -> int:
        return sum(self.counts.get(status, 0) for status in CONFIRMED_STATUSES)


@dataclass
class Dashboard:
    subregions: list[tuple[Subregion | None, list[Organisation]]]
    rows: list[LetterRow]
    days: int | None


DASHBOARD_DELIVERY_FIELDS = (
    "letter_id",
    "municipality_id",
    "status",
    "status_changed_at",
    "available_at",
    "council_date",
    "council_link",
)


def distribution_dashboard(*, user, not_confirmed_days: int | None = None) -> Dashboard:
    """Letters × municipalities (grouped by sub-region), status per cell: three queries
    whatever the number of letters. With `not_confirmed_days`, only letters that have a copy
    available that long without confirmed receipt, with those cells marked."""
    if not permissions.is_secretariat(user):
        raise NotFound
    towns = list(municipalities())
    # Each column head shows how that council wants to be informed.
    preferences = {p.municipality_id: p for p in CouncilPreference.objects.all()}
    grouped: dict[int | None, tuple[Subregion | None, list[Organisation]]] = {}
    for town in towns:
        town.preference = preferences.get(town.pk)
        grouped.setdefault(town.subregion_id, (town.subregion, []))[1].append(town)
    letters = list(
        CouncilLetter.objects.exclude(issued_at=None)
        .select_related("meeting__body")
        .prefetch_related(
            Prefetch(
                "deliveries",
                # Only what a cell and the CSV show: 17 copies per letter, so every column
                # costs.
                queryset=CouncilLetterDelivery.objects.filter(addressee=Addressee.COUNCIL)
                .only(*DASHBOARD_DELIVERY_FIELDS)
                .order_by("pk"),
            )
        )
        .order_by("-issued_at", "-pk")
    )
    cutoff = (
        timezone.now() - datetime.timedelta(days=not_confirmed_days)
        if not_confirmed_days is not None
        else None
    )
    rows = []
    for letter in letters:
        by_town = {d.municipality_id: d for d in letter.deliveries.all()}
        row = LetterRow(letter=letter)
        for status in DeliveryStatus.values:
            row.counts[status] = 0
        for subregion, members in grouped.values():
            cells = []
            for town in members:
                delivery = by_town.get(town.pk)
                late = bool(
                    cutoff
                    and delivery
                    and delivery.status not in CONFIRMED_STATUSES
                    and delivery.available_at
                    and delivery.available_at <= cutoff
                )
                if delivery:
                    row.counts[delivery.status] += 1
                row.late_count += late
                cells.append(Cell(town, delivery, late))
            row.groups.append((subregion, cells))
        if cutoff is None or row.late_count:
            rows.append(row)
    return Dashboard(subregions=list(grouped.values()), rows=rows, days=not_confirmed_days)


def dashboard_version() -> str:
    """A version of the unfiltered dashboard that changes with every write it shows: per kind
    of row it reads (copies, letters, discussions, preferences, councils and offices,
    sub-regions, the offices' people, bodies) their number and latest updated_at; every write
    of these sets updated_at. One query: the eight small aggregates in one UNION ALL (table
    names from the models, nothing from a request)."""
    kinds = [
        CouncilLetterDelivery,
        CouncilLetter,
        LetterDiscussion,
        CouncilPreference,
        Organisation,
        Subregion,
        Person,
        Body,
    ]
    quote = connection.ops.quote_name
    sql = " UNION ALL ".join(
        f"SELECT COUNT(*), MAX(updated_at) FROM {quote(kind._meta.db_table)}"  # noqa: S608
        for kind in kinds
    )
    with connection.cursor() as cursor:
        cursor.execute(sql)
        stamps = ":".join(f"{rows}.{changed}" for rows, changed in cursor.fetchall())
    # A short key without spaces (the database's spelling of a time has them).
    return hashlib.blake2b(stamps.encode(), digest_size=12).hexdigest()


def letter_status_label(letter: CouncilLetter) -> str:
    return LetterStatus(letter.status).label


def council_letters_for_dossier(*, user, dossier) -> list[tuple[CouncilLetter, list]]:
    """Issued letters that reported an item of `dossier`, newest first, each with the copies
    the user may follow: every council for the secretariat, its own for a griffie, none for
    other readers (who see that, and when, the councils were informed)."""
    letters = list(
        CouncilLetter.objects.filter(items__agenda_item__dossier=dossier)
        .exclude(issued_at=None)
        .distinct()
        .select_related("meeting__body")
        .order_by("-issued_at", "-pk")
    )
    if not letters:
        return []
    deliveries = CouncilLetterDelivery.objects.filter(
        letter__in=letters, addressee=Addressee.COUNCIL
    ).select_related("municipality__subregion")
    if not permissions.is_secretariat(user):
        municipality = permissions.griffie_municipality(user)
        if municipality is None:
            deliveries = deliveries.none()
        else:
            deliveries = deliveries.filter(municipality=municipality).exclude(
                status=DeliveryStatus.PENDING
            )
    by_letter: dict[int, list] = {}
    for delivery in deliveries.order_by("municipality__subregion__name", "municipality__name"):
        by_letter.setdefault(delivery.letter_id, []).append(delivery)
    return [(letter, by_letter.get(letter.pk, [])) for letter in letters]


def letter_list_issued() -> QuerySet[CouncilLetter]:
    """Issued council letters, newest first: public as sent to the 17 councils (a letter
    holds public items only, see services.composing); the griffies' receipts stay internal."""
    return (
        CouncilLetter.objects.exclude(issued_at=None)
        .select_related("meeting__body", "superseded_by")
        .order_by("-issued_at", "-pk")
    )


def letters_issued_for_decision(decision: Decision) -> list[CouncilLetter]:
    """The issued council letters that report `decision`, newest first (public as sent)."""
    return list(letter_list_issued().filter(items__decision=decision).distinct())


def access_issued_letter(*, pk: int) -> CouncilLetter:
    """An issued letter for anyone; a draft or adopted-but-unsent one is 404."""
    letter = letter_list_issued().select_related("contact_person", "supersedes").filter(pk=pk)
    found = letter.first()
    if found is None:
        raise NotFound
    return found


def letter_paragraphs(letter: CouncilLetter) -> list:
    return list(letter.subregion_paragraphs.select_related("subregion").order_by("subregion__name"))
