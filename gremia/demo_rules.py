"""Demo data of issue 13: the NHN-wide spelregelnotitie, version 1 adopted in May 2026 and a
draft of version 2 (regiobureau's demo has the stuurgroep adopt it by a decision), a draft for
the Platform Wonen, and the cooperation agreement adopted by a few colleges. Like the rest of
the demo, nothing that exists is overwritten."""

import datetime

from nhn_portal.core.seeding import LoadReport

from . import services
from .models import AgreementAdoption, Body, Organisation, RulesOfPlay

RULES_ADOPTED_ON = datetime.date(2026, 5, 20)

# The answers of the NHN-wide notitie, after the report (section 5 and 7).
NHN_RULES = {
    "mandate": (
        "De publieke stuurgroep stelt kaders en spelregels vast, richt platforms in of heft ze "
        "op en stuurt op integraliteit. De platforms werken de thema's inhoudelijk uit; de "
        "basisregio's blijven verantwoordelijk voor hun eigen opgaven."
    ),
    "decision_making": (
        "Besluiten worden bij consensus genomen. Lukt dat niet, dan besluit de stuurgroep bij "
        "meerderheid, met ten minste één stem uit elke basisregio."
    ),
    "disagreement": (
        "Een meningsverschil gaat eerst terug naar het platform; daarna bespreekt de stuurgroep "
        "het, en pas dan de colleges van de betrokken partners."
    ),
    "exit": (
        "Een partner die wil uitstappen meldt dat een jaar vooraf bij de stuurgroep; lopende "
        "verplichtingen worden afgemaakt."
    ),
    "openness": (
        "Agenda's en besluitenlijsten zijn openbaar, tenzij de Woo een reden geeft om iets "
        "vertrouwelijk te houden; lobbystrategie is vertrouwelijk."
    ),
    "council_involvement": (
        "Raden worden na elke stuurgroep geïnformeerd met een raadsinformatiebrief en jaarlijks "
        "uitgenodigd voor de raadsconferentie; de griffies denken mee over de vorm."
    ),
    "accountability": (
        "Het regiobureau rapporteert twee keer per jaar over voortgang en middelen aan de "
        "stuurgroep; de colleges leggen verantwoording af aan hun raad."
    ),
    "evaluation": "Elk half jaar een korte reflectie per gremium; na twee jaar een evaluatie.",
    "chair_role": (
        "De voorzitter voert procesregie, bewaakt de balans tussen de basisregio's en vertegen"
        "woordigt de tafel naar buiten; leidende posities worden evenwichtig verdeeld."
    ),
    "costs": (
        "De kosten van het regiobureau worden naar inwonertal verdeeld over de gemeenten; de "
        "provincie draagt bij per programma."
    ),
}

# Version 2 changes one answer: the two-minute reflection after each meeting (issue 13).
NHN_EVALUATION_V2 = (
    "Na elke vergadering een reflectie van twee minuten; elk half jaar een samenvatting per "
    "gremium op de agenda van de stuurgroep; na twee jaar een evaluatie van de samenwerking."
)

# (organisation slug, adopted on, reference)
AGREEMENT_ADOPTIONS = [
    ("gemeente-alkmaar", datetime.date(2026, 6, 2), "Collegebesluit 2026-0412"),
    ("gemeente-hoorn", datetime.date(2026, 6, 9), "B&W 9 juni 2026"),
    ("gemeente-texel", datetime.date(2026, 6, 16), ""),
    ("provincie-noord-holland", datetime.date(2026, 7, 1), "GS-besluit 1 juli 2026"),
]


def load_demo_rules(*, report: LoadReport) -> None:
    if not RulesOfPlay.objects.filter(body__isnull=True).exists():
        rules = services.rules_of_play_draft_create(actor=None, body=None, **NHN_RULES)
        services.rules_of_play_adopt(actor=None, rules=rules, on=RULES_ADOPTED_ON)
        report.count("spelregelnotities", created=True)
    else:
        report.count("spelregelnotities", created=False)
    if not RulesOfPlay.objects.filter(body__isnull=True, version__gte=2).exists():
        services.rules_of_play_draft_create(actor=None, body=None, evaluation=NHN_EVALUATION_V2)
        report.count("spelregelnotities", created=True)
    wonen = Body.objects.filter(slug="platform-wonen").first()
    if wonen is not None and not RulesOfPlay.objects.filter(body=wonen).exists():
        services.rules_of_play_draft_create(
            actor=None,
            body=wonen,
            **{
                **NHN_RULES,
                "decision_making": (
                    "Het platform besluit bij meerderheid; over de verdeling van "
                    "woondeal-middelen alleen met instemming van elke basisregio."
                ),
            },
        )
        report.count("spelregelnotities", created=True)
    for slug, adopted_on, reference in AGREEMENT_ADOPTIONS:
        organisation = Organisation.objects.filter(slug=slug).first()
        if organisation is None:
            continue
        exists = AgreementAdoption.objects.filter(organisation=organisation).exists()
        report.count("vaststellingen samenwerkingsovereenkomst", created=not exists)
        if not exists:
            services.agreement_adoption_record(
                actor=None, organisation=organisation, adopted_on=adopted_on, reference=reference
            )
