"""The means' part of `manage.py load_nhn`: reference data (the municipalities' inhabitants,
CBS) and, with --demo, the stuurgroep meeting on the means (prepared by the ambtelijk
opdrachtgeversoverleg) whose decisions adopt the cost key of 2026 (a draft for 2027 stays a
draft), the core message and growth scenario 1, and the route of the Ontwikkelperspectief and
the energy exploration with Energieregio NH as dossiers."""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from gremia.models.registry import Body, Organisation, Theme
from gremia.reference import STEERING_GROUP
from middelen import services
from middelen.models import CoreMessage, CostKeyStatus, CostKeyYear, Population
from nhn_portal.core.models import User
from nhn_portal.core.seeding import register_seed
from regiobureau.constants import DecisionOutcome, MeetingStatus
from regiobureau.demo.agendas import DECISION, DISCUSSION, SECRETARY_EMAIL, Item
from regiobureau.demo.meetings import demo_meeting_create
from regiobureau.models.decisions import Decision
from regiobureau.models.meetings import Dossier, Meeting
from regiobureau.services.agenda import dossier_create
from regiobureau.services.decisions import decision_record
from regiobureau.services.meetings import meeting_set_status

CBS_DATE = datetime.date(2025, 1, 1)
CBS_SOURCE = "CBS StatLine, bevolking op 1 januari 2025"
# Approximate figures.
INHABITANTS = {
    "Den Helder": 56_500,
    "Hollands Kroon": 49_900,
    "Schagen": 47_900,
    "Texel": 13_900,
    "Hoorn": 75_400,
    "Drechterland": 20_400,
    "Enkhuizen": 18_900,
    "Koggenland": 23_900,
    "Medemblik": 48_200,
    "Opmeer": 12_100,
    "Stede Broec": 22_400,
    "Alkmaar": 112_600,
    "Bergen": 30_200,
    "Castricum": 36_600,
    "Dijk en Waard": 92_100,
    "Heiloo": 24_800,
    "Uitgeest": 13_900,
}
OTHER_PARTNERS = ["provincie-noord-holland", "hoogheemraadschap-hollands-noorderkwartier"]
CORE_MESSAGE = (
    "Noord-Holland Noord is één regio met zeventien gemeenten, de provincie en het "
    "hoogheemraadschap. Samen met ondernemers en onderwijs werken wij aan wonen, werken, "
    "bereikbaarheid en een gezonde leefomgeving: dichtbij waar het kan, samen waar het moet."
)


@transaction.atomic
def load_reference(report) -> None:
    for name, inhabitants in INHABITANTS.items():
        organisation = Organisation.objects.filter(slug=f"gemeente-{slugify(name)}").first()
        if organisation is None:
            continue
        exists = Population.objects.filter(organisation=organisation, date=CBS_DATE).exists()
        if not exists:
            services.population_record(
                actor=None,
                organisation=organisation,
                date=CBS_DATE,
                inhabitants=inhabitants,
                source=CBS_SOURCE,
            )
        report.count("inwoners (CBS)", created=not exists)


def _partners():
    slugs = [f"gemeente-{slugify(name)}" for name in INHABITANTS] + OTHER_PARTNERS
    organisations = {o.slug: o for o in Organisation.objects.filter(slug__in=slugs)}
    return [
        (organisations[slug], 200 if slug in OTHER_PARTNERS else 80)
        for slug in slugs
        if slug in organisations
    ]


def _stuurgroep_decision():
    """An adopted decision of the demo stuurgroep's held meeting (the fallback when the
    meeting on the means could not be made)."""
    return (
        Decision.objects.filter(
            item__meeting__body__slug=STEERING_GROUP, outcome=DecisionOutcome.ADOPTED
        )
        .order_by("-item__meeting__starts_at")
        .first()
    )


# The route of the two strategic dossiers and the stuurgroep meeting on the means: the
# ambtelijk opdrachtgeversoverleg prepares (five weeks ago), the stuurgroep decides (three
# weeks ago): the budget and cost key 2026, the core message, the Ontwikkelperspectief, the
# energy exploration with Energieregio NH and growth scenario 1.
STORY_DOSSIERS = [
    (
        "ontwikkelperspectief-nhn",
        "Ontwikkelperspectief NHN",
        "economie",
        "Het gezamenlijke ontwikkelperspectief van de zeventien gemeenten, de provincie en het "
        "hoogheemraadschap: waar Noord-Holland Noord in 2040 wil staan en welke opgaven daarbij "
        "horen (wonen, werken, bereikbaarheid, leefomgeving).",
    ),
    (
        "energieverkenning-nhn",
        "Energieverkenning met Energieregio NH",
        "economie",
        "De gezamenlijke verkenning met Energieregio Noord-Holland Noord naar netcongestie, "
        "opwek en de energie-infrastructuur die wonen en werken in de regio mogelijk maakt.",
    ),
]
ENERGY = "energieverkenning-nhn"
PREP_BODY = "ambtelijk-opdrachtgeversoverleg"
PREP_TITLE = "Ambtelijk opdrachtgeversoverleg: voorbereiding middelen en verhaal (demo)"
PREP_DAYS = 35
MEANS_TITLE = "Stuurgroep: middelen, verhaal van NHN en groei (demo)"
MEANS_DAYS = 21
ITEM_COST_KEY = "Begroting en kostenverdeling Regiobureau NHN 2026"
ITEM_CORE = "Het verhaal van NHN: kernboodschap"
ITEM_PERSPECTIVE = "Ontwikkelperspectief NHN: vaststelling"
ITEM_ENERGY = "Energieverkenning met Energieregio NH: opdracht"
ITEM_SCENARIO = "Groeiscenario 1: thematische verbreding"
MEANS_DECISIONS = {
    ITEM_COST_KEY: (
        "De stuurgroep stelt de begroting 2026 van het Regiobureau NHN vast (€ 1.850.000) en "
        "de kostenverdeelsleutel: een vast deel van € 25.000 per partner, de rest naar "
        "inwonertal (CBS, 1 januari 2025), met de uren in natura per partner."
    ),
    ITEM_CORE: "De stuurgroep stelt de kernboodschap 'Het verhaal van NHN' (versie 1) vast.",
    ITEM_PERSPECTIVE: (
        "De stuurgroep stelt het Ontwikkelperspectief NHN vast en legt het voor aan de raden "
        "en staten ter kennisname."
    ),
    ITEM_ENERGY: (
        "De stuurgroep geeft samen met Energieregio NH opdracht voor de energieverkenning; "
        "de uitkomsten komen in het eerste kwartaal terug."
    ),
    ITEM_SCENARIO: (
        "De stuurgroep stelt groeiscenario 1 (thematische verbreding: platforms Energie, "
        "Ontwikkelperspectief en Arbeidsmarkt) vast; de beheerder past het toe in de portal."
    ),
}


def _story_dossiers(actor) -> dict:
    dossiers = {}
    for slug, name, theme_slug, description in STORY_DOSSIERS:
        dossier = Dossier.objects.filter(slug=slug).first() or dossier_create(
            actor=actor,
            name=name,
            slug=slug,
            description=description,
            theme=Theme.objects.filter(slug=theme_slug).first(),
        )
        dossiers[slug] = dossier
    return dossiers


def _held(actor, body_slug, title, days, items, dossiers, *, public=True, report=None):
    """The demo meeting `title` (made when missing), held once its time has passed."""
    meeting = Meeting.objects.filter(title=title).first()
    if report is not None:
        report.count("vergaderingen over middelen en dossiers (demo)", created=meeting is None)
    if meeting is None:
        body = Body.objects.filter(slug=body_slug).first()
        if body is None or body.is_dissolved():
            return None
        meeting = demo_meeting_create(actor, body, -days, public, items, dossiers, title=title)
    if meeting.status == MeetingStatus.AGENDA_PUBLISHED and meeting.starts_at < timezone.now():
        meeting_set_status(actor=actor, meeting=meeting, status=MeetingStatus.HELD)
    return meeting


def load_demo_story_route(actor, report) -> dict[str, Decision]:
    """The dossiers' route and the stuurgroep's decisions on the means; returns the
    decisions by item title (empty without a stuurgroep)."""
    dossiers = _story_dossiers(actor)
    _held(
        actor,
        PREP_BODY,
        PREP_TITLE,
        PREP_DAYS,
        [
            Item("Ontwikkelperspectief NHN: concept", DISCUSSION, "ontwikkelperspectief-nhn"),
            Item(
                "Energieverkenning: opzet met Energieregio NH", DISCUSSION, "energieverkenning-nhn"
            ),
            Item("Begroting en kostenverdeling 2026: voorbereiding", DISCUSSION),
        ],
        dossiers,
        public=False,
        report=report,
    )
    meeting = _held(
        actor,
        STEERING_GROUP,
        MEANS_TITLE,
        MEANS_DAYS,
        [
            Item(ITEM_COST_KEY, DECISION),
            Item(ITEM_CORE, DECISION, "ontwikkelperspectief-nhn"),
            Item(ITEM_PERSPECTIVE, DECISION, "ontwikkelperspectief-nhn"),
            Item(ITEM_ENERGY, DECISION, ENERGY),
            Item(ITEM_SCENARIO, DECISION),
        ],
        dossiers,
        report=report,
    )
    if meeting is None or meeting.status != MeetingStatus.HELD:
        return {}
    decisions = {}
    for item in meeting.items.all():
        if item.title not in MEANS_DECISIONS:
            continue
        decisions[item.title] = item.decisions.first() or decision_record(
            actor=actor,
            item=item,
            text=MEANS_DECISIONS[item.title],
            outcome=DecisionOutcome.ADOPTED,
        )
    return decisions


@transaction.atomic
def load_demo(report) -> None:
    actor = User.objects.filter(email=SECRETARY_EMAIL).first()
    decisions = load_demo_story_route(actor, report)
    fallback = _stuurgroep_decision()
    partners = _partners()
    if not partners:
        report.note("kostenverdeling (demo): geen partners, overgeslagen")
        return
    for year, budget, adopt in ((2026, 1_850_000_00, True), (2027, 1_920_000_00, False)):
        key = CostKeyYear.objects.filter(year=year).first()
        created = key is None
        if created:
            key = services.cost_key_year_create(
                actor=actor,
                year=year,
                budget_cents=budget,
                fixed_part_cents=25_000_00,
                population_date=CBS_DATE,
                partners=partners,
            )
        decision = decisions.get(ITEM_COST_KEY, fallback)
        if adopt and key.status == CostKeyStatus.DRAFT and decision is not None:
            services.cost_key_year_adopt(actor=actor, key=key, decision=decision)
        report.count("kostenverdeling (demo)", created=created)
    message = CoreMessage.objects.first()
    created = message is None
    if created:
        message = services.core_message_create(actor=actor, text=CORE_MESSAGE)
    decision = decisions.get(ITEM_CORE, fallback)
    if message.adopted_on is None and decision is not None:
        services.core_message_adopt(actor=actor, message=message, decision=decision)
    report.count("kernboodschap (demo)", created=created)


register_seed(app_label="middelen", reference=load_reference, demo=load_demo)
