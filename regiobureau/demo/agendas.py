"""The demo's agendas as data: the dossiers, and per base-model body an upcoming meeting's
items with annotations and stukken; the Platform Wonen's previous meeting.

The agendas follow two dossiers through the chain werkgroep → directeurenoverleg → platform →
stuurgroep ("Woondeal NHN" and "MIRT-verkenning"), the same discussion at several tables.
"""

from dataclasses import dataclass, field

from regiobureau.constants import ItemPurpose

DECISION, DISCUSSION, INFORMATION = (
    ItemPurpose.DECISION,
    ItemPurpose.DISCUSSION,
    ItemPurpose.INFORMATION,
)
SECRETARY_EMAIL = "secretaris@example.org"

DOSSIERS = [
    (
        "woondeal-nhn",
        "Woondeal NHN",
        "wonen",
        "De afspraken tussen Rijk, provincie en de NHN-gemeenten over de woningbouwopgave tot "
        "2030: voortgang, knelpunten en de verdeling over de basisregio's.",
    ),
    (
        "mirt-verkenning",
        "MIRT-verkenning Noord-Holland Noord",
        "mobiliteit",
        "De verkenning naar de bereikbaarheid van Noord-Holland Noord over weg, spoor en water "
        "binnen het Meerjarenprogramma Infrastructuur, Ruimte en Transport (MIRT).",
    ),
    (
        "regio-deal-nhn",
        "Regio Deal NHN",
        "economie",
        "De lopende Regio Deal Noord-Holland Noord (2025–2029, € 65 miljoen waarvan € 32,5 "
        "miljoen van het Rijk) met de lijnen Beter Leren, Beter Leven en Beter Werken, "
        "uitgevoerd door een eigen stichting: afstemming met de regionale tafels en de "
        "projecten in de etalage.",
    ),
]


@dataclass
class Doc:
    title: str
    confidential: bool = False


@dataclass
class Item:
    title: str
    purpose: str = DISCUSSION
    dossier: str | None = None
    public: bool = True
    minutes: int | None = None
    docs: list[Doc] = field(default_factory=list)
    annotation: dict[str, str] | None = None
    subs: list["Item"] = field(default_factory=list)


def woondeal_annotation(stage: str) -> dict[str, str]:
    return {
        "background": (
            "<p>In de Woondeal NHN hebben Rijk, provincie en gemeenten afgesproken tot 2030 "
            "ruim 40.000 woningen te bouwen, waarvan twee derde betaalbaar.</p>"
        ),
        "core_message": (
            f"<p>{stage} De bouwproductie ligt op schema in Regio Alkmaar, maar blijft in de "
            "Kop van Noord-Holland achter door netcongestie en stikstof.</p>"
        ),
        "proposal": "<p>Kennisnemen van de voortgang en instemmen met de voorgestelde "
        "versnellingsmaatregelen.</p>",
        "discussion_points": "<ul><li>Hoe verdelen we de versnellingsmiddelen over de drie "
        "basisregio's?</li><li>Welke knelpunten leggen we bij het Rijk neer?</li></ul>",
        "relation_to_bodies": "<p>Voorbereid in de werkgroep en het directeurenoverleg Wonen; "
        "besluitvorming in het Platform Wonen, ter informatie naar de publieke stuurgroep.</p>",
        "meaning_for_subregions": "<p>Voor West-Friesland en de Kop betekent dit extra "
        "capaciteit voor planvorming; Regio Alkmaar deelt haar aanpak.</p>",
        "communication": "<p>Raadsinformatiebrief na de vergadering van het platform.</p>",
    }


def _mirt_annotation(stage: str) -> dict[str, str]:
    return {
        "background": "<p>De MIRT-verkenning brengt de bereikbaarheidsopgave van NHN in "
        "beeld: de N23/N99, de Kop-Noord-Holland spoorlijn en de vaarweg naar Den Helder.</p>",
        "core_message": f"<p>{stage} De regio spreekt met één stem richting het Rijk over "
        "de voorkeursvolgorde van de maatregelen.</p>",
        "proposal": "<p>Instemmen met de bestuurlijke inzet voor het BO MIRT in het najaar.</p>",
        "discussion_points": "<p>Versnellen (eerst de N23) of verbreden (het hele pakket "
        "tegelijk)?</p>",
        "relation_to_bodies": "<p>Werkgroep → directeurenoverleg → Platform Mobiliteit → "
        "publieke stuurgroep.</p>",
        "meaning_for_subregions": "<p>De Kop van Noord-Holland heeft het meeste belang bij "
        "de vaarweg en het spoor; West-Friesland bij de N23.</p>",
        "communication": "<p>Gezamenlijk persbericht na het BO MIRT.</p>",
    }


REGIO_DEAL = {
    "background": "<p>De Regio Deal Noord-Holland Noord loopt van 2025 tot en met 2029: € 65 "
    "miljoen, waarvan € 32,5 miljoen van het Rijk, in drie lijnen (Beter Leren, Beter Leven, "
    "Beter Werken). Een eigen stichting en programmaorganisatie voeren hem uit, buiten de "
    "NHN-governance.</p>",
    "core_message": "<p>De eerste projecten in Beter Werken lopen; twee zijn klaar om in de "
    "etalage te zetten.</p>",
    "proposal": "<p>Kennisnemen van de voortgang en de afstemming met de stichting; de "
    "projecten zichtbaar maken op de openbare Regio Deal-pagina.</p>",
}


def woondeal_subregion_items() -> list[Item]:
    """The Woondeal's sub-items at the platform: two basisregio's with their own issue."""
    return [
        Item("Kop van Noord-Holland: netcongestie", DISCUSSION, "woondeal-nhn"),
        Item("West-Friesland: flexwonen", INFORMATION, "woondeal-nhn"),
    ]


ZUIDRAND_ANNOTATION = {
    "core_message": "<p>Vertrouwelijk: de onderhandelingsruimte voor de aankoop van de kavels "
    "aan de Zuidrand.</p>",
    "proposal": "<p>Instemmen met het mandaat tot het genoemde bedrag.</p>",
}

# Per body (slug from gremia/reference.py): days from today, public or closed, the agenda.
AGENDAS: dict[str, tuple[int, bool, list[Item]]] = {
    "werkgroep-wonen": (
        6,
        False,
        [
            Item(
                "Woondeal NHN: voortgang woningbouwprogramma",
                DISCUSSION,
                "woondeal-nhn",
                minutes=45,
                docs=[Doc("Monitor woningbouw Q2"), Doc("Planlijst per gemeente", True)],
                annotation=woondeal_annotation("Eerste ambtelijke bespreking."),
            ),
            Item("Flexwonen en huisvesting arbeidsmigranten", DISCUSSION, minutes=30),
        ],
    ),
    "werkgroep-mobiliteit": (
        7,
        False,
        [
            Item(
                "MIRT-verkenning Noord-Holland Noord: concept-probleemanalyse",
                DISCUSSION,
                "mirt-verkenning",
                minutes=60,
                docs=[Doc("Concept probleemanalyse MIRT")],
                annotation=_mirt_annotation("Ambtelijke eerste lezing."),
            ),
        ],
    ),
    "werkgroep-economie": (
        8,
        False,
        [
            Item(
                "Regio Deal NHN: aansluiting projecten Beter Werken",
                DISCUSSION,
                "regio-deal-nhn",
                minutes=60,
                docs=[Doc("Projectfiches Regio Deal Beter Werken")],
            ),
            Item("Arbeidsmarkt en onderwijs: aansluiting mbo", INFORMATION, minutes=20),
        ],
    ),
    "directeurenoverleg-wonen": (
        13,
        False,
        [
            Item(
                "Woondeal NHN: voortgang",
                DISCUSSION,
                "woondeal-nhn",
                minutes=40,
                docs=[Doc("Voortgangsrapportage Woondeal")],
                annotation=woondeal_annotation("Voorbereiding van het platform."),
            ),
            Item("Regionale woonzorgvisie", INFORMATION, minutes=20),
        ],
    ),
    "directeurenoverleg-mobiliteit": (
        14,
        False,
        [
            Item(
                "MIRT-verkenning Noord-Holland Noord",
                DISCUSSION,
                "mirt-verkenning",
                minutes=45,
                docs=[Doc("Notitie voorkeursvolgorde maatregelen")],
                annotation=_mirt_annotation("Voorbereiding van het platform."),
            ),
        ],
    ),
    "directeurenoverleg-economie": (
        15,
        False,
        [
            Item(
                "Regio Deal NHN: afstemming met de stichting",
                DISCUSSION,
                "regio-deal-nhn",
                minutes=40,
                docs=[Doc("Voortgangsrapportage stichting Regio Deal", True)],
            ),
        ],
    ),
    "platform-wonen": (
        21,
        True,
        [
            Item(
                "Woondeal NHN: uitwerking versnellingsmaatregelen per basisregio",
                DECISION,
                "woondeal-nhn",
                minutes=45,
                docs=[
                    Doc("Voortgangsrapportage Woondeal"),
                    Doc("Raadsvoorstel versnellingsmiddelen"),
                ],
                annotation=woondeal_annotation("Ter besluitvorming in het platform."),
                subs=woondeal_subregion_items(),
            ),
            Item(
                "Grondposities Zuidrand: onderhandelingsruimte",
                DECISION,
                public=False,
                minutes=20,
                docs=[Doc("Taxatierapport kavels Zuidrand", True)],
                annotation=ZUIDRAND_ANNOTATION,
            ),
        ],
    ),
    "platform-mobiliteit": (
        22,
        True,
        [
            Item(
                "MIRT-verkenning Noord-Holland Noord: bestuurlijke inzet",
                DECISION,
                "mirt-verkenning",
                minutes=60,
                docs=[Doc("Bestuurlijke inzet BO MIRT")],
                annotation=_mirt_annotation("Ter besluitvorming in het platform."),
            ),
            Item("Fietsroutenetwerk West-Friesland", INFORMATION, minutes=15),
        ],
    ),
    "platform-economie": (
        23,
        True,
        [
            Item(
                "Regio Deal NHN: voortgang en etalage",
                DECISION,
                "regio-deal-nhn",
                minutes=45,
                docs=[Doc("Voortgangsrapportage Regio Deal 2025")],
                annotation=REGIO_DEAL,
            ),
            Item("Groeiscenario 2: verkenning Economic Board", DISCUSSION, minutes=40),
        ],
    ),
    "ambtelijk-opdrachtgeversoverleg": (
        27,
        False,
        [
            Item("Voorbereiding publieke stuurgroep", DISCUSSION, minutes=45),
            Item("Jaarplan Regiobureau NHN 2027", DECISION, minutes=30, docs=[Doc("Jaarplan")]),
        ],
    ),
    "publieke-stuurgroep-nhn": (
        34,
        True,
        [
            Item(
                "Woondeal NHN: voortgangsrapportage",
                INFORMATION,
                "woondeal-nhn",
                minutes=20,
                docs=[Doc("Voortgangsrapportage Woondeal")],
                annotation=woondeal_annotation("Ter informatie na besluit van het platform."),
            ),
            Item(
                "MIRT-verkenning Noord-Holland Noord: inzet BO MIRT",
                DECISION,
                "mirt-verkenning",
                minutes=40,
                docs=[Doc("Bestuurlijke inzet BO MIRT")],
                annotation=_mirt_annotation("Vaststelling van de regionale inzet."),
            ),
            Item(
                "Regio Deal NHN: voortgang en etalage",
                DECISION,
                "regio-deal-nhn",
                minutes=30,
                annotation=REGIO_DEAL,
            ),
            Item("Versnellen versus verbreden: agenda 2027", DISCUSSION, minutes=45),
            Item(
                "Evaluatie samenwerking en spelregels",
                DISCUSSION,
                public=False,
                minutes=30,
                docs=[Doc("Evaluatie governance, vertrouwelijke bijlage", True)],
            ),
        ],
    ),
    "regio-overleg-nhn": (
        48,
        True,
        [
            Item("Terugblik: een jaar Krachtig Noord-Holland Noord", INFORMATION, minutes=30),
            Item("Versnellen versus verbreden: gesprek in tafels", DISCUSSION, minutes=90),
        ],
    ),
    "raadsbijeenkomsten-nhn": (
        41,
        True,
        [
            Item(
                "Woondeal NHN: wat betekent het voor uw gemeente?",
                INFORMATION,
                "woondeal-nhn",
                minutes=45,
            ),
            Item("Regionale raadswerkgroep: werkwijze en planning", DISCUSSION, minutes=30),
        ],
    ),
}


# The Platform Wonen's previous meeting, two weeks ago: held, with decisions and actions (and,
# in raden's demo, the council letter about it).
PREVIOUS_BODY_SLUG = "platform-wonen"
PREVIOUS_MEETING_TITLE = "Wonen, vorige vergadering (demo)"
PREVIOUS_DAYS_AGO = 14
# The previous meeting's agenda; its stukken are left out, since uploading them now would be
# after that meeting's deadline and flag them late.
PREVIOUS_AGENDA = [
    Item(
        "Woondeal NHN: voortgang en versnellingsmaatregelen",
        DECISION,
        "woondeal-nhn",
        minutes=45,
        annotation=woondeal_annotation("Ter besluitvorming in het platform."),
        subs=woondeal_subregion_items(),
    ),
    Item(
        "Grondposities Zuidrand: onderhandelingsruimte",
        DECISION,
        public=False,
        minutes=20,
        annotation=ZUIDRAND_ANNOTATION,
    ),
]

# The Platform Wonen's meeting before that, six weeks ago: held, its decisions recorded and its
# besluitenlijst adopted in the previous meeting, so citizens find adopted decisions (the
# closed item's decision stays inside the body).
EARLIER_MEETING_TITLE = "Wonen, eerdere vergadering (demo)"
EARLIER_DAYS_AGO = 42
EARLIER_AGENDA = [
    Item(
        "Regionale woningbouwprogrammering 2027",
        DECISION,
        "woondeal-nhn",
        minutes=40,
    ),
    Item("Huisvesting arbeidsmigranten: gezamenlijke aanpak", DECISION, minutes=30),
    Item("Strategische grondaankoop Noordrand", DECISION, public=False, minutes=20),
]
# What the platform decided there (item title → decision text).
EARLIER_DECISIONS = {
    "Regionale woningbouwprogrammering 2027": (
        "Het platform stelt de regionale woningbouwprogrammering 2027 vast: 4.300 woningen, "
        "waarvan twee derde betaalbaar, verdeeld over de drie subregio's."
    ),
    "Huisvesting arbeidsmigranten: gezamenlijke aanpak": (
        "Het platform stemt in met een gezamenlijke aanpak voor de huisvesting van "
        "arbeidsmigranten en vraagt de subregio's om locaties voor flexwonen aan te dragen."
    ),
    "Strategische grondaankoop Noordrand": (
        "Het platform geeft mandaat voor de onderhandelingen over de grondaankoop."
    ),
}
