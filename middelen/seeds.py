"""The means' part of `manage.py load_nhn`: reference data (the municipalities' inhabitants,
CBS) and, with --demo, the cost key of 2026 adopted by the stuurgroep, a draft for 2027 and
an adopted core message."""

import datetime

from django.db import transaction
from django.utils.text import slugify

from gremia.models.registry import Organisation
from gremia.reference import STEERING_GROUP
from middelen import services
from middelen.models import CoreMessage, CostKeyStatus, CostKeyYear, Population
from nhn_portal.core.models import User
from nhn_portal.core.seeding import register_seed
from regiobureau.constants import DecisionOutcome
from regiobureau.demo.agendas import SECRETARY_EMAIL
from regiobureau.models.decisions import Decision

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
    """An adopted decision of the demo stuurgroep's held meeting."""
    return (
        Decision.objects.filter(
            item__meeting__body__slug=STEERING_GROUP, outcome=DecisionOutcome.ADOPTED
        )
        .order_by("-item__meeting__starts_at")
        .first()
    )


@transaction.atomic
def load_demo(report) -> None:
    actor = User.objects.filter(email=SECRETARY_EMAIL).first()
    decision = _stuurgroep_decision()
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
        if adopt and key.status == CostKeyStatus.DRAFT and decision is not None:
            services.cost_key_year_adopt(actor=actor, key=key, decision=decision)
        report.count("kostenverdeling (demo)", created=created)
    message = CoreMessage.objects.first()
    created = message is None
    if created:
        message = services.core_message_create(actor=actor, text=CORE_MESSAGE)
    if message.adopted_on is None and decision is not None:
        services.core_message_adopt(actor=actor, message=message, decision=decision)
    report.count("kernboodschap (demo)", created=created)


register_seed(app_label="middelen", reference=load_reference, demo=load_demo)
