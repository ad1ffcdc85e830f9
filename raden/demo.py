"""Demo council letter about the Platform Wonen's previous meeting.

That meeting, held two weeks ago with its decisions and actions, is the regiobureau's demo
(regiobureau.demo.meetings.load_demo_previous_meeting); here a council letter about its
Woondeal decision goes to the 17 councils, with copies in several states.
`load_demo_council_letters()` is idempotent: once the meeting has its letter, nothing is done
again. All writes go through the services (the same audit trail as real use). The 17 PDFs are
rendered here, synchronously through the document pipeline's own service, so the demo shows
copies in several states without a running worker.
"""

import datetime

from django.utils import timezone

from gremia.models.registry import Person, Subregion
from nhn_portal.core.models import User
from nhn_portal.core.production.services import document_generation_run
from nhn_portal.core.seeding import LoadReport
from raden.models.letters import CouncilLetter
from raden.services.composing import (
    council_letter_adopt,
    council_letter_create,
    council_letter_item_add,
    council_letter_paragraph_set,
)
from raden.services.delivery import (
    delivery_confirm_receipt,
    delivery_mark_downloaded,
    delivery_schedule,
)
from raden.services.discussions import letter_discussion_record
from raden.services.gatherings import gathering_create, gathering_register
from raden.services.issuing import council_letter_issue, deliveries_sync
from raden.services.preferences import council_preference_set
from regiobureau.demo.agendas import PREVIOUS_MEETING_TITLE, SECRETARY_EMAIL
from regiobureau.demo.meetings import load_demo_previous_meeting

from .constants import AgendaForum, DeliveryStatus

# The meeting the demo letter is about (kept under this name for the tests and the browser
# fixture that look it up).
MEETING_TITLE = PREVIOUS_MEETING_TITLE
LETTER_TITLE = "Woondeal NHN: versnellingsmaatregelen (demo)"
WOONDEAL_ITEM = "Woondeal NHN: voortgang en versnellingsmaatregelen"


def load_demo_council_letters(*, report: LoadReport | None = None) -> CouncilLetter | None:
    """Issue a council letter about the previous Platform Wonen meeting's Woondeal decision
    to the 17 councils (holding that meeting first if the regiobureau's demo has not), with
    deliveries in several states."""
    meeting = load_demo_previous_meeting()
    if meeting is None:
        return None
    # By title: the consultations' demo issues its own letters about this meeting too.
    existing = CouncilLetter.objects.filter(meeting=meeting, title=LETTER_TITLE).first()
    if report is not None:
        report.count("demo-raadsinformatiebrieven", created=existing is None)
    if existing is not None:
        return existing
    woondeal = meeting.items.get(title=WOONDEAL_ITEM).decisions.first()
    actor = User.objects.filter(email=SECRETARY_EMAIL).first()
    return _issue_letter(actor, meeting, woondeal)


def _thursday_from(day: datetime.date) -> datetime.date:
    """The first Thursday from `day` on, outside the Christmas recess (21 December – 6 January)."""
    day += datetime.timedelta(days=(3 - day.weekday()) % 7)
    while (day.month, day.day) >= (12, 21) or (day.month, day.day) <= (1, 6):
        day += datetime.timedelta(days=7)
    return day


def _issue_letter(actor, meeting, woondeal) -> CouncilLetter:
    contact = Person.objects.filter(user__email=SECRETARY_EMAIL).first()
    letter = council_letter_create(
        actor=actor,
        meeting=meeting,
        title=LETTER_TITLE,
        intro=(
            "Het Platform Wonen van de regionale samenwerking Noord-Holland Noord heeft "
            "besloten over de voortgang van de Woondeal en de versnellingsmaatregelen. Met "
            "deze brief informeren wij uw raad."
        ),
        contact_person=contact,
        # The summary the sub-region offices forward to the griffies of their municipalities.
        subregion_summary=(
            "Samenvatting voor de basisregio's: het Platform Wonen versnelt de woningbouw met "
            "extra capaciteit voor planvorming; de Kop van Noord-Holland krijgt voorrang "
            "vanwege de netcongestie. Wilt u dit doorgeven aan de griffies in uw basisregio en "
            "vragen van raadsleden terugmelden aan het regiobureau?"
        ),
    )
    council_letter_item_add(
        actor=actor,
        letter=letter,
        decision=woondeal,
        text=(
            "De regio versnelt de woningbouw met extra capaciteit voor planvorming. Uw "
            "gemeente kan een beroep doen op deze capaciteit; het college informeert u over "
            "de projecten in uw gemeente."
        ),
    )
    kop = Subregion.objects.filter(name="Kop van Noord-Holland").first()
    if kop is not None:
        council_letter_paragraph_set(
            actor=actor,
            letter=letter,
            subregion=kop,
            text=(
                "In de Kop van Noord-Holland blijft de bouwproductie achter door netcongestie. "
                "De extra capaciteit gaat daarom eerst naar projecten in uw basisregio."
            ),
        )
    council_letter_adopt(actor=actor, letter=letter)
    deliveries = council_letter_issue(actor=actor, letter=letter)
    # Render here rather than wait for a worker; the worker later finds the jobs done.
    for delivery in deliveries:
        document_generation_run(job_id=delivery.job_id)
    deliveries_sync(letter=letter)
    _walk_griffie_steps(letter)
    return letter


def _walk_griffie_steps(letter) -> None:
    by_slug = {d.municipality.slug: d for d in letter.deliveries.select_related("municipality")}
    texel_clerk = User.objects.filter(email="griffie.texel@example.org").first()
    hoorn_clerk = User.objects.filter(email="griffie.hoorn@example.org").first()
    texel = by_slug.get("gemeente-texel")
    if texel and texel.status == DeliveryStatus.AVAILABLE:
        delivery_mark_downloaded(actor=texel_clerk, delivery=texel)
        delivery_confirm_receipt(actor=texel_clerk, delivery=texel)
    hoorn = by_slug.get("gemeente-hoorn")
    if hoorn and hoorn.status == DeliveryStatus.AVAILABLE:
        delivery_mark_downloaded(actor=hoorn_clerk, delivery=hoorn)
        delivery_schedule(
            actor=hoorn_clerk,
            delivery=hoorn,
            # Councils meet on weekday evenings: the first Thursday four weeks or more ahead.
            council_date=_thursday_from(timezone.localdate() + datetime.timedelta(days=28)),
            link="https://hoorn.raadsinformatie.example.org/vergadering/demo",
        )
    # Both griffies put the letter on their agendas: Texel's committee first, Hoorn's committee
    # and then the council meeting it was scheduled for (no outcome yet: the dates lie ahead).
    today = timezone.localdate()
    if texel and texel_clerk and not texel.discussions.exists():
        letter_discussion_record(
            actor=texel_clerk,
            delivery=texel,
            forum=AgendaForum.COMMITTEE,
            agenda_date=_thursday_from(today + datetime.timedelta(days=7)),
        )
    if hoorn and hoorn_clerk and not hoorn.discussions.exists():
        hoorn.refresh_from_db()
        letter_discussion_record(
            actor=hoorn_clerk,
            delivery=hoorn,
            forum=AgendaForum.COMMITTEE,
            agenda_date=_thursday_from(today + datetime.timedelta(days=14)),
        )
        if hoorn.council_date:
            letter_discussion_record(
                actor=hoorn_clerk,
                delivery=hoorn,
                forum=AgendaForum.COUNCIL,
                agenda_date=hoorn.council_date,
            )
    # Two more councils have downloaded their copy (by a griffie without a demo login).
    for slug in ("gemeente-alkmaar", "gemeente-den-helder"):
        delivery = by_slug.get(slug)
        if delivery and delivery.status == DeliveryStatus.AVAILABLE:
            delivery_mark_downloaded(actor=None, delivery=delivery)


# ---- Council gatherings and preferences ----------------------------------------------------

GATHERING_PROGRAMME = (
    "14.00 Ontvangst met koffie\n"
    "14.15 Opening door de voorzitter van de stuurgroep\n"
    "14.30 Woondeal NHN: wat betekent het voor uw gemeente?\n"
    "15.15 Werktafels per basisregio: versnellen of verbreden?\n"
    "15.45 Regionale raadswerkgroep: werkwijze en planning\n"
    "16.00 Afsluiting en borrel"
)

# (name, e-mail, municipality slug): council members who registered for the demo conference.
GATHERING_REGISTRATIONS = [
    ("Anna de Vries", "a.devries@raad-texel.example.org", "gemeente-texel"),
    ("Pieter Bakker", "p.bakker@raad-texel.example.org", "gemeente-texel"),
    ("Fatima el Amrani", "f.elamrani@raad-hoorn.example.org", "gemeente-hoorn"),
    ("Jan Schouten", "j.schouten@raad-alkmaar.example.org", "gemeente-alkmaar"),
    ("Els Visser", "e.visser@raad-alkmaar.example.org", "gemeente-alkmaar"),
    ("Kees Dekker", "k.dekker@raad-den-helder.example.org", "gemeente-den-helder"),
    ("Sanne Mulder", "s.mulder@raad-enkhuizen.example.org", "gemeente-enkhuizen"),
    ("Ruud de Boer", "r.deboer@raad-schagen.example.org", "gemeente-schagen"),
]

# (municipality slug, preference, note, griffie's e-mail or None)
PREFERENCES = [
    (
        "gemeente-texel",
        "brief_commissie",
        "Toelichting in de commissie Bestuur, bij voorkeur op dinsdagavond.",
        "griffie.texel@example.org",
    ),
    ("gemeente-hoorn", "digest", "Eén verzamelbericht per week.", "griffie.hoorn@example.org"),
    ("gemeente-alkmaar", "jaarlijkse_bijeenkomst", "", None),
    ("gemeente-den-helder", "brief", "", None),
]


def load_demo_gatherings(*, report: LoadReport | None = None):
    """The upcoming council gathering of the regiobureau's demo (a yearly council
    conference) with registrations from several councils, and the preferences of a few."""
    from gremia.models.registry import Organisation
    from raden.models.gatherings import Gathering
    from raden.models.preferences import CouncilPreference
    from regiobureau.models.meetings import Meeting

    from . import links
    from .constants import GATHERINGS_BODY_SLUG, GatheringKind

    actor = User.objects.filter(email=SECRETARY_EMAIL).first()
    towns = {town.slug: town for town in Organisation.objects.filter(slug__startswith="gemeente-")}
    for slug, preference, note, clerk_email in PREFERENCES:
        town = towns.get(slug)
        exists = CouncilPreference.objects.filter(municipality__slug=slug).exists()
        if report is not None:
            report.count("demo-raadsvoorkeuren", created=not exists)
        if town is None or exists:
            continue
        clerk = User.objects.filter(email=clerk_email).first() if clerk_email else None
        council_preference_set(actor=clerk, municipality=town, preference=preference, note=note)
    meeting = (
        Meeting.objects.filter(body__slug=GATHERINGS_BODY_SLUG, starts_at__gt=timezone.now())
        .order_by("starts_at")
        .first()
    )
    if meeting is None:
        return None
    existing = Gathering.objects.filter(meeting=meeting).first()
    if report is not None:
        report.count("demo-raadsbijeenkomsten", created=existing is None)
    if existing is not None:
        return existing
    gathering = gathering_create(
        actor=actor,
        meeting=meeting,
        kind=GatheringKind.CONFERENCE,
        programme=GATHERING_PROGRAMME,
        capacity=60,
    )
    for name, email, slug in GATHERING_REGISTRATIONS:
        town = towns.get(slug)
        if town is None:
            continue
        gathering_register(
            token=links.personal_token(
                gathering_id=gathering.pk, municipality_id=town.pk, name=name, email=email
            )
        )
    return gathering


# ---- The regional council working group (raadswerkgroep NHN) -------------------------------

WORKING_GROUP_SLUG = "raadswerkgroep-nhn"
# (name, municipality slug, chair?): two council members per sub-region.
WORKING_GROUP_MEMBERS = [
    ("Marjan Eelman", "gemeente-texel", False),
    ("Sanne Koster", "gemeente-den-helder", False),
    ("Ruud Kaag", "gemeente-hoorn", True),
    ("Lotte Zeeman", "gemeente-enkhuizen", False),
    ("Peter Jonk", "gemeente-alkmaar", False),
    ("Mirjam Dekker", "gemeente-dijk-en-waard", False),
]
# (days from today, title, agenda items)
WORKING_GROUP_MEETINGS = [
    (
        24,
        "Raadswerkgroep NHN: regionale woonagenda",
        ["Advies van de raadswerkgroep over de regionale woonagenda", "Werkwijze en planning"],
    ),
]


def load_demo_council_working_group(*, report: LoadReport | None = None):
    """The regional council working group: council members of each sub-region who follow the
    regional agenda for their councils and advise on consultations, with its coming meeting.
    Idempotent: an existing body, person or meeting (by title) is left alone."""
    from django.utils.text import slugify

    from gremia import services as gremia_services
    from gremia.constants import BodyKind, MembershipRole, PersonFunction
    from gremia.models.registry import Body, Membership, Organisation
    from regiobureau.demo.agendas import Item
    from regiobureau.demo.meetings import demo_meeting_create
    from regiobureau.models.meetings import Meeting

    actor = User.objects.filter(email=SECRETARY_EMAIL).first()
    body = Body.objects.filter(slug=WORKING_GROUP_SLUG).first()
    if report is not None:
        report.count("demo-raadswerkgroep", created=body is None)
    if body is None:
        body = gremia_services.body_create(
            actor=actor,
            name="Raadswerkgroep NHN",
            slug=WORKING_GROUP_SLUG,
            kind=BodyKind.COUNCIL_GATHERING,
            purpose=(
                "Regionale raadswerkgroep: raadsleden uit elke basisregio volgen de regionale "
                "agenda namens hun raden, brengen advies uit bij consultaties van de raden en "
                "koppelen terug aan hun eigen raad."
            ),
            meeting_frequency="ongeveer 6 keer per jaar",
            public_by_default=True,
        )
    today = timezone.localdate()
    for name, slug, chair in WORKING_GROUP_MEMBERS:
        town = Organisation.objects.filter(slug=slug).first()
        if town is None:
            continue
        # Fictional, and recognisably so, like every demo person.
        person = Person.objects.filter(name=f"{name} (demo)", organisation=town).first()
        if person is None:
            person = gremia_services.person_create(
                actor=actor,
                name=f"{name} (demo)",
                function=PersonFunction.COUNCIL_MEMBER,
                organisation=town,
                email=f"{slugify(name).replace('-', '.')}@example.org",
            )
        if not Membership.objects.filter(person=person, body=body).exists():
            gremia_services.membership_create(
                actor=actor,
                person=person,
                body=body,
                organisation=town,
                role=MembershipRole.CHAIR if chair else MembershipRole.MEMBER,
                start=today.replace(month=1, day=1),
            )
    for days, title, items in WORKING_GROUP_MEETINGS:
        if Meeting.objects.filter(body=body, title=title).exists():
            continue
        demo_meeting_create(
            actor, body, days, True, [Item(item) for item in items], {}, title=title
        )
    return body
