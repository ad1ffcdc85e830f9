"""The real structure of Noord-Holland Noord as data, and the idempotent loader for it.

Source: the 2025 advisory report (shared/reference/governance-report-nhn-2025.txt), chapter 5
"Basismodel governance: Krachtig Noord-Holland Noord". Slugs are the natural keys: the loader
creates what is missing and never overwrites what exists, because a beheerder may have edited it.
"""

import datetime

from django.utils.text import slugify

from gremia.models.registry import Body, Organisation, Subregion, Theme
from gremia.models.rules import BalanceNorm
from nhn_portal.core.seeding import LoadReport

from . import services
from .constants import BodyKind, DecisionRule, NormKind, OrganisationKind, Sector

# The report proposes the base model in 2025 without a formal date; a beheerder can correct it.
BASE_MODEL_ESTABLISHED_ON = datetime.date(2025, 1, 1)

SUBREGIONS = [
    # (slug, name, municipalities; the central municipality (centrumgemeente) first)
    (
        "kop-van-noord-holland",
        "Kop van Noord-Holland",
        ["Den Helder", "Hollands Kroon", "Schagen", "Texel"],
    ),
    (
        "west-friesland",
        "West-Friesland",
        ["Hoorn", "Drechterland", "Enkhuizen", "Koggenland", "Medemblik", "Opmeer", "Stede Broec"],
    ),
    (
        "regio-alkmaar",
        "Regio Alkmaar",
        ["Alkmaar", "Bergen", "Castricum", "Dijk en Waard", "Heiloo", "Uitgeest"],
    ),
]
CENTRAL_MUNICIPALITIES = {"Den Helder", "Hoorn", "Alkmaar"}

# (slug, name, kind, sub-region slug or None)
OTHER_ORGANISATIONS = [
    ("provincie-noord-holland", "Provincie Noord-Holland", OrganisationKind.PROVINCE, None),
    (
        "hoogheemraadschap-hollands-noorderkwartier",
        "Hoogheemraadschap Hollands Noorderkwartier",
        OrganisationKind.WATER_BOARD,
        None,
    ),
    (
        "regiobureau-west-friesland",
        "Regiobureau West-Friesland",
        OrganisationKind.SUBREGIONAL_OFFICE,
        "west-friesland",
    ),
    (
        "regiobureau-kop-van-noord-holland",
        "Regiobureau Kop van Noord-Holland",
        OrganisationKind.SUBREGIONAL_OFFICE,
        "kop-van-noord-holland",
    ),
    (
        "team-regio-alkmaar",
        "Team Regio Alkmaar",
        OrganisationKind.SUBREGIONAL_OFFICE,
        "regio-alkmaar",
    ),
    ("regiobureau-nhn", "Regiobureau NHN", OrganisationKind.REGIONAL_OFFICE, None),
]

# Identifiers in the government's TOOI register, as DiWoo's value lists give them (the Woo
# publisher of a body's documents is named by one). Filled in where empty, never overwritten.
TOOI = "https://identifier.overheid.nl/tooi/id/"
TOOI_URIS = {
    "Gemeente Alkmaar": TOOI + "gemeente/gm0361",
    "Gemeente Bergen": TOOI + "gemeente/gm0373",
    "Gemeente Castricum": TOOI + "gemeente/gm0383",
    "Gemeente Den Helder": TOOI + "gemeente/gm0400",
    "Gemeente Dijk en Waard": TOOI + "gemeente/gm1980",
    "Gemeente Drechterland": TOOI + "gemeente/gm0498",
    "Gemeente Enkhuizen": TOOI + "gemeente/gm0388",
    "Gemeente Heiloo": TOOI + "gemeente/gm0399",
    "Gemeente Hollands Kroon": TOOI + "gemeente/gm1911",
    "Gemeente Hoorn": TOOI + "gemeente/gm0405",
    "Gemeente Koggenland": TOOI + "gemeente/gm1598",
    "Gemeente Medemblik": TOOI + "gemeente/gm0420",
    "Gemeente Opmeer": TOOI + "gemeente/gm0432",
    "Gemeente Schagen": TOOI + "gemeente/gm0441",
    "Gemeente Stede Broec": TOOI + "gemeente/gm0532",
    "Gemeente Texel": TOOI + "gemeente/gm0448",
    "Gemeente Uitgeest": TOOI + "gemeente/gm0450",
    "Provincie Noord-Holland": TOOI + "provincie/pv27",
    "Hoogheemraadschap Hollands Noorderkwartier": TOOI + "waterschap/ws0651",
}

THEMES = [
    ("wonen", "Wonen", "Woningbouw en de regionale woonopgave, waaronder de Woondeal."),
    ("mobiliteit", "Mobiliteit", "Bereikbaarheid van de regio over weg, spoor en water (MIRT)."),
    ("economie", "Economie", "Regionale economie, innovatie en arbeidsmarkt, met de triple helix."),
]

STEERING_GROUP = "publieke-stuurgroep-nhn"


def _platform(theme: str, name: str) -> dict:
    return {
        "slug": f"platform-{theme}",
        "name": f"Platform {name}",
        "short_name": name,
        "kind": BodyKind.PLATFORM,
        "theme": theme,
        "prepares": STEERING_GROUP,
        # The platforms' meetings are public, as their demo meetings show.
        "public_by_default": True,
        "purpose": (
            f"Inhoudelijke afstemming en voortgang op het thema {name.lower()}: agenda's "
            "opstellen, afstemming zoeken met de betrokken triple helix-partijen en afspraken "
            "over uitvoering maken."
        ),
        "chair_role": (
            "Voorzitter of trekker van het platform; neemt namens het platform deel aan de "
            "publieke stuurgroep. Leidende posities evenwichtig verdeeld: voorkom "
            "oververtegenwoordiging door de centrumgemeenten."
        ),
        "council_involvement": "Via de raadsinformatiebrieven en de raadsbijeenkomsten NHN.",
        "composition": (
            "Bestuurders uit elke basisregio en een gedeputeerde; bedrijfsleven en/of onderwijs "
            "nemen deel afhankelijk van doel en agenda."
        ),
    }


def _directors(theme: str, name: str) -> dict:
    return {
        "slug": f"directeurenoverleg-{theme}",
        "name": f"Directeurenoverleg {name}",
        "kind": BodyKind.DIRECTORS,
        "theme": theme,
        "prepares": f"platform-{theme}",
        "purpose": (
            f"Bereidt de overleggen van het Platform {name} voor en draagt bij aan de "
            "afstemming tussen de overheidsorganisaties."
        ),
    }


def _working_group(theme: str, name: str) -> dict:
    return {
        "slug": f"werkgroep-{theme}",
        "name": f"Werkgroep {name}",
        "kind": BodyKind.WORKING_GROUP,
        "theme": theme,
        "prepares": f"directeurenoverleg-{theme}",
        "purpose": (
            f"Voorbereidende ambtelijke werkgroep voor het thema {name.lower()}: bereidt de "
            "inhoud voor, waarbij de ambtelijke trekkers nauw samenwerken met het "
            "Regiobureau NHN."
        ),
    }


_THEME_NAMES = [(slug, name) for slug, name, _description in THEMES]

# Ordered so a body comes after the body it prepares. Keys are keyword arguments of
# services.body_create, except "theme"/"prepares" (slugs) and "composition" (added to purpose).
BODIES = [
    {
        "slug": STEERING_GROUP,
        "name": "Publieke stuurgroep NHN",
        "short_name": "Stuurgroep",
        "kind": BodyKind.STEERING_GROUP,
        # The *publieke* stuurgroep meets in public; a closed meeting is the exception.
        "public_by_default": True,
        "purpose": (
            "Hier komen de horizontale (inhoudelijke platforms) en verticale lijnen "
            "(basisregio's) samen. De stuurgroep stelt kaders en spelregels vast voor de "
            "NHN-samenwerking, stuurt op integraliteit, richt platforms in of heft ze op, "
            "bevordert de bestuurlijke samenwerking tussen de basisregio's en bewaakt de "
            "continuïteit. Versnellen versus verbreden is een terugkerend onderwerp."
        ),
        "composition": (
            "Voorzitters/trekkers van de inhoudelijke platforms, drie burgemeesters (één per "
            "basisregio) en de gebiedsgedeputeerde van de provincie."
        ),
        "meeting_frequency": "3 à 4 keer per jaar",
        "chair_role": "Procesregie en opdrachtgeverschap; slagvaardig en niet te groot.",
        "council_involvement": (
            "Raden worden tijdig geïnformeerd via raadsinformatiebrieven per gemeente; de "
            "wijze van betrekken wordt afgestemd met een vertegenwoordiging van de griffies."
        ),
    },
    *[_platform(slug, name) for slug, name in _THEME_NAMES],
    {
        "slug": "regio-overleg-nhn",
        "name": "Regio-overleg NHN",
        "kind": BodyKind.REGIONAL_MEETING,
        "purpose": (
            "Brede informele afstemming op Noord-Holland Noord-schaal over de voortgang en de "
            "ontwikkelingen die op de regio afkomen. Een netwerkoverleg dat in de plaats komt "
            "van het IBAO en de Regiodagen NHN."
        ),
        "composition": (
            "Alle betrokken collegeleden; onderwijs en bedrijfsleven worden uitgenodigd."
        ),
        "meeting_frequency": "ongeveer 2 keer per jaar",
    },
    {
        "slug": "raadsbijeenkomsten-nhn",
        "name": "Raadsbijeenkomsten NHN",
        "kind": BodyKind.COUNCIL_GATHERING,
        "purpose": (
            "Bijeenkomsten voor raadsleden om gedachten uit te wisselen en vragen te stellen: "
            "informele raadsbijeenkomst of regiosessie, regionale raadswerkgroep, regionaal "
            "raadsplatform, informatiesessies en webinars, jaarlijkse raadsconferentie."
        ),
        "council_involvement": (
            "Vorm en frequentie afgestemd met een vertegenwoordiging vanuit de griffies."
        ),
        "meeting_frequency": "periodiek; jaarlijks een raadsconferentie of themadag",
        "public_by_default": True,
    },
    {
        "slug": "ambtelijk-opdrachtgeversoverleg",
        "name": "Ambtelijk opdrachtgeversoverleg",
        "kind": BodyKind.PRINCIPALS,
        "prepares": STEERING_GROUP,
        "purpose": (
            "Ambtelijke stuurgroep: opdrachtgever van het Regiobureau NHN en voorbereiding van "
            "de publieke stuurgroep. Stuurt op het 'hoe': de ambtelijke inzet en de "
            "wisselwerking met de basisregiobureaus; de bestuurders blijven verantwoordelijk "
            "voor het 'wat'."
        ),
        "composition": "Vertegenwoordiging bepaald door de Kring van gemeentesecretarissen.",
        "meeting_frequency": "bepaald door de Kring van gemeentesecretarissen",
    },
    *[_directors(slug, name) for slug, name in _THEME_NAMES],
    *[_working_group(slug, name) for slug, name in _THEME_NAMES],
]


def load_reference(*, report: LoadReport) -> None:
    """Create the NHN sub-regions, organisations, themes and bodies that are missing."""
    subregions = {}
    for slug, name, municipalities in SUBREGIONS:
        subregion = (
            Subregion.objects.filter(slug=slug).first()
            or Subregion.objects.filter(name=name).first()
        )
        report.count("basisregio's", created=subregion is None)
        if subregion is None:
            subregion = services.subregion_create(actor=None, name=name, slug=slug)
        subregions[slug] = subregion
        for municipality in municipalities:
            _organisation(
                report,
                category="gemeenten",
                slug=f"gemeente-{slugify(municipality)}",
                name=f"Gemeente {municipality}",
                kind=OrganisationKind.MUNICIPALITY,
                subregion=subregion,
                is_central_municipality=municipality in CENTRAL_MUNICIPALITIES,
            )
    for slug, name, kind, subregion_slug in OTHER_ORGANISATIONS:
        _organisation(
            report,
            category="overige organisaties",
            slug=slug,
            name=name,
            kind=kind,
            subregion=subregions[subregion_slug] if subregion_slug else None,
        )

    themes = {}
    for slug, name, description in THEMES:
        theme = Theme.objects.filter(slug=slug).first() or Theme.objects.filter(name=name).first()
        report.count("thema's", created=theme is None)
        if theme is None:
            theme = services.theme_create(actor=None, name=name, slug=slug, description=description)
        themes[slug] = theme

    for spec in BODIES:
        spec = dict(spec)
        slug, name = spec["slug"], spec["name"]
        body = Body.objects.filter(slug=slug).first() or Body.objects.filter(name=name).first()
        report.count("gremia", created=body is None)
        if body is not None:
            continue
        composition = spec.pop("composition", "")
        if composition:
            spec["purpose"] = f"{spec.get('purpose', '')}\n\nSamenstelling: {composition}".strip()
        theme_slug = spec.pop("theme", None)
        prepares_slug = spec.pop("prepares", None)
        services.body_create(
            actor=None,
            theme=themes[theme_slug] if theme_slug else None,
            prepares=Body.objects.filter(slug=prepares_slug).first() if prepares_slug else None,
            established_on=BASE_MODEL_ESTABLISHED_ON,
            decision_rule=spec.pop("decision_rule", DecisionRule.CONSENSUS),
            **spec,
        )
    load_norms(report=report)


# The balance norms the report asks for (sections 5.2 and 7); the beheerder
# changes or adds norms in management. Keyed by name. (name, kind, body kind, limit)
NORMS = [
    (
        "Hoogstens één voorzitterschap per centrumgemeente",
        NormKind.MAX_CHAIRS_CENTRAL,
        "",
        1,
    ),
    ("Elke basisregio aan tafel bij elk platform", NormKind.EVERY_SUBREGION, BodyKind.PLATFORM, 1),
]


def load_norms(*, report: LoadReport) -> None:
    for name, kind, body_kind, limit in NORMS:
        exists = BalanceNorm.objects.filter(name=name).exists()
        report.count("evenwichtsnormen", created=not exists)
        if not exists:
            services.balance_norm_create(
                actor=None, name=name, kind=kind, body_kind=body_kind, limit=limit
            )


def _organisation(report: LoadReport, *, category: str, slug: str, name: str, **fields) -> None:
    # Fall back on the name: a beheerder may have made the same organisation under another slug.
    existing = Organisation.objects.filter(slug=slug).first() or (
        Organisation.objects.filter(name=name).first()
    )
    report.count(category, created=existing is None)
    tooi_uri = TOOI_URIS.get(name, "")
    if existing is None:
        services.organisation_create(
            actor=None, name=name, slug=slug, sector=Sector.GOVERNMENT, tooi_uri=tooi_uri, **fields
        )
    elif tooi_uri and not existing.tooi_uri:
        services.organisation_tooi_set(actor=None, organisation=existing, tooi_uri=tooi_uri)
