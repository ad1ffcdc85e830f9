"""Fictional demo data: persons, memberships and one login per role, for trying the portal;
the NHN-wide spelregelnotitie (version 1 adopted in May 2026 and a draft of version 2, which the
rules app's demo has the stuurgroep adopt by a decision), a draft for the Platform Wonen, and
the cooperation agreement adopted by a few colleges.

Every person is invented and marked "(demo)" in the name; e-mail addresses use example.org.
Natural keys: a person's e-mail, a login's e-mail, a membership's (person, body, role, start).
Like the reference data, nothing that exists is overwritten.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError

from gremia import services
from gremia.models.conduct import ConductAmbassador
from gremia.models.delegation import Delegation
from gremia.models.registry import Body, Membership, Organisation, Person, Subregion
from gremia.models.rules import AgreementAdoption, RulesOfPlay
from nhn_portal.core import services as core_services
from nhn_portal.core.constants import Role
from nhn_portal.core.models import User
from nhn_portal.core.seeding import LoadReport

from .constants import MembershipRole, OrganisationKind, PersonFunction, Sector

DEMO_PASSWORD = "nhn-demo-2026"  # noqa: S105 -- the README publishes it; demo data only (DEBUG)

# The municipal elections of March 2026 reshuffled the tables: the old term ended then.
PREVIOUS_TERM = (datetime.date(2025, 1, 1), datetime.date(2026, 3, 31))
CURRENT_TERM_START = datetime.date(2026, 4, 1)

# Triple-helix partners for the Economie platform; invented, hence "(demo)".
DEMO_ORGANISATIONS = [
    (
        "ondernemersplatform-noordkop-demo",
        "Ondernemersplatform Noordkop (demo)",
        OrganisationKind.BUSINESS,
        Sector.BUSINESS,
    ),
    (
        "ondernemerskring-westfriesland-demo",
        "Ondernemerskring Westfriesland (demo)",
        OrganisationKind.BUSINESS,
        Sector.BUSINESS,
    ),
    (
        "hogeschool-noordkust-demo",
        "Hogeschool Noordkust (demo)",
        OrganisationKind.KNOWLEDGE,
        Sector.EDUCATION,
    ),
]

# (key, name, function, organisation slug). The key is the local part of the e-mail address.
PERSONS = [
    ("secretaris", "Noor van Dijk (demo)", PersonFunction.REGIONAL_SECRETARY, "regiobureau-nhn"),
    # The second secretary reviews the first one's annotations (four eyes).
    ("reviewer", "Eva de Wit (demo)", PersonFunction.REGIONAL_SECRETARY, "regiobureau-nhn"),
    ("bestuurder", "Sanne Mulder (demo)", PersonFunction.ALDERMAN, "gemeente-hollands-kroon"),
    ("ambtenaar", "Joost van Leeuwen (demo)", PersonFunction.CIVIL_SERVANT, "gemeente-bergen"),
    ("griffie.texel", "Carla Timmer (demo)", PersonFunction.CLERK, "gemeente-texel"),
    ("griffie.hoorn", "Frank Huisman (demo)", PersonFunction.CLERK, "gemeente-hoorn"),
    # The bestuurder's assistant: reads her meetings through a delegation (DELEGATIONS).
    ("assistent", "Eva Jansen (demo)", PersonFunction.CIVIL_SERVANT, "gemeente-hollands-kroon"),
    # Stuurgroep: one mayor per sub-region and the province's area deputy.
    ("karin.bakker", "Karin Bakker (demo)", PersonFunction.MAYOR, "gemeente-den-helder"),
    ("johan.visser", "Johan Visser (demo)", PersonFunction.MAYOR, "gemeente-medemblik"),
    ("fatima.el.amrani", "Fatima El Amrani (demo)", PersonFunction.MAYOR, "gemeente-heiloo"),
    ("ruud.smit", "Ruud Smit (demo)", PersonFunction.DEPUTY, "provincie-noord-holland"),
    ("henk.willems", "Henk Willems (demo)", PersonFunction.MAYOR, "gemeente-hoorn"),
    # Platform aldermen.
    ("thomas.de.boer", "Thomas de Boer (demo)", PersonFunction.ALDERMAN, "gemeente-alkmaar"),
    ("linda.hendriks", "Linda Hendriks (demo)", PersonFunction.ALDERMAN, "gemeente-enkhuizen"),
    ("bas.kramer", "Bas Kramer (demo)", PersonFunction.ALDERMAN, "gemeente-hoorn"),
    ("iris.peeters", "Iris Peeters (demo)", PersonFunction.ALDERMAN, "gemeente-castricum"),
    ("marieke.vos", "Marieke Vos (demo)", PersonFunction.ALDERMAN, "gemeente-opmeer"),
    ("ahmed.yilmaz", "Ahmed Yilmaz (demo)", PersonFunction.ALDERMAN, "gemeente-den-helder"),
    ("wim.dekker", "Wim Dekker (demo)", PersonFunction.ALDERMAN, "gemeente-koggenland"),
    ("lotte.meijer", "Lotte Meijer (demo)", PersonFunction.ALDERMAN, "gemeente-schagen"),
    ("mark.peters", "Mark Peters (demo)", PersonFunction.ALDERMAN, "gemeente-dijk-en-waard"),
    ("jan.bos", "Jan Bos (demo)", PersonFunction.ALDERMAN, "gemeente-texel"),
    # Triple helix on Economie.
    (
        "sophie.brouwer",
        "Sophie Brouwer (demo)",
        PersonFunction.ENTREPRENEUR,
        "ondernemersplatform-noordkop-demo",
    ),
    (
        "yara.lambert",
        "Yara Lambert (demo)",
        PersonFunction.ENTREPRENEUR,
        "ondernemerskring-westfriesland-demo",
    ),
    ("daan.koster", "Daan Koster (demo)", PersonFunction.EDUCATOR, "hogeschool-noordkust-demo"),
    # Civil service.
    ("ingrid.post", "Ingrid Post (demo)", PersonFunction.MUNICIPAL_SECRETARY, "gemeente-medemblik"),
    ("paul.verbeek", "Paul Verbeek (demo)", PersonFunction.MUNICIPAL_SECRETARY, "gemeente-alkmaar"),
    ("roel.hermans", "Roel Hermans (demo)", PersonFunction.DIRECTOR, "gemeente-hoorn"),
    ("esther.kok", "Esther Kok (demo)", PersonFunction.DIRECTOR, "gemeente-schagen"),
    (
        "mila.jacobs",
        "Mila Jacobs (demo)",
        PersonFunction.CIVIL_SERVANT,
        "regiobureau-west-friesland",
    ),
    ("kees.schouten", "Kees Schouten (demo)", PersonFunction.CIVIL_SERVANT, "team-regio-alkmaar"),
    # The sub-region offices: each one's boundary spanner (netwerk's demo names them), the
    # linking pin between the regiobureau and the griffies of its municipalities.
    (
        "kop",
        "Anouk Zwart (demo)",
        PersonFunction.CIVIL_SERVANT,
        "regiobureau-kop-van-noord-holland",
    ),
    (
        "westfriesland",
        "Pieter Groot (demo)",
        PersonFunction.CIVIL_SERVANT,
        "regiobureau-west-friesland",
    ),
    ("alkmaar", "Sara Veenstra (demo)", PersonFunction.CIVIL_SERVANT, "team-regio-alkmaar"),
    # Opmeer's new alderman after the elections of March 2026: the elections' demo records
    # him as Marieke Vos's successor at the Platform Wonen.
    ("gerrit.zijlstra", "Gerrit Zijlstra (demo)", PersonFunction.ALDERMAN, "gemeente-opmeer"),
]

CHAIR = MembershipRole.CHAIR
MEMBER = MembershipRole.MEMBER
SUBSTITUTE = MembershipRole.SUBSTITUTE
SECRETARY = MembershipRole.SECRETARY
ADVISER = MembershipRole.ADVISER

# (person key, body slug, role, start, end). The represented organisation is the person's own.
_NOW = (CURRENT_TERM_START, None)
MEMBERSHIPS = [
    # Publieke stuurgroep NHN: 3 mayors, the deputy, the platform chairs, the secretary.
    ("karin.bakker", "publieke-stuurgroep-nhn", CHAIR, *_NOW),
    ("johan.visser", "publieke-stuurgroep-nhn", MEMBER, *_NOW),
    ("fatima.el.amrani", "publieke-stuurgroep-nhn", MEMBER, *_NOW),
    ("ruud.smit", "publieke-stuurgroep-nhn", MEMBER, *_NOW),
    ("bestuurder", "publieke-stuurgroep-nhn", MEMBER, *_NOW),
    ("thomas.de.boer", "publieke-stuurgroep-nhn", MEMBER, *_NOW),
    ("linda.hendriks", "publieke-stuurgroep-nhn", MEMBER, *_NOW),
    ("secretaris", "publieke-stuurgroep-nhn", SECRETARY, *_NOW),
    ("henk.willems", "publieke-stuurgroep-nhn", CHAIR, *PREVIOUS_TERM),
    # Platform Wonen.
    ("bestuurder", "platform-wonen", CHAIR, *_NOW),
    ("bas.kramer", "platform-wonen", MEMBER, *_NOW),
    ("iris.peeters", "platform-wonen", MEMBER, *_NOW),
    ("ruud.smit", "platform-wonen", MEMBER, *_NOW),
    ("secretaris", "platform-wonen", SECRETARY, *_NOW),
    ("marieke.vos", "platform-wonen", MEMBER, *PREVIOUS_TERM),
    # Platform Mobiliteit.
    ("thomas.de.boer", "platform-mobiliteit", CHAIR, *_NOW),
    ("ahmed.yilmaz", "platform-mobiliteit", MEMBER, *_NOW),
    ("wim.dekker", "platform-mobiliteit", MEMBER, *_NOW),
    ("ruud.smit", "platform-mobiliteit", MEMBER, *_NOW),
    ("lotte.meijer", "platform-mobiliteit", SUBSTITUTE, *_NOW),
    ("secretaris", "platform-mobiliteit", SECRETARY, *_NOW),
    # Platform Economie: the triple helix at the table.
    ("linda.hendriks", "platform-economie", CHAIR, *_NOW),
    ("mark.peters", "platform-economie", MEMBER, *_NOW),
    ("jan.bos", "platform-economie", MEMBER, *_NOW),
    ("ruud.smit", "platform-economie", MEMBER, *_NOW),
    ("sophie.brouwer", "platform-economie", MEMBER, *_NOW),
    ("yara.lambert", "platform-economie", MEMBER, *_NOW),
    ("daan.koster", "platform-economie", MEMBER, *_NOW),
    ("secretaris", "platform-economie", SECRETARY, *_NOW),
    # Civil-service line.
    ("ingrid.post", "ambtelijk-opdrachtgeversoverleg", CHAIR, *_NOW),
    ("paul.verbeek", "ambtelijk-opdrachtgeversoverleg", MEMBER, *_NOW),
    ("esther.kok", "ambtelijk-opdrachtgeversoverleg", MEMBER, *_NOW),
    ("secretaris", "ambtelijk-opdrachtgeversoverleg", SECRETARY, *_NOW),
    ("roel.hermans", "directeurenoverleg-wonen", CHAIR, *_NOW),
    ("esther.kok", "directeurenoverleg-wonen", MEMBER, *_NOW),
    ("esther.kok", "directeurenoverleg-mobiliteit", CHAIR, *_NOW),
    ("mila.jacobs", "werkgroep-wonen", CHAIR, *_NOW),
    ("ambtenaar", "werkgroep-wonen", MEMBER, *_NOW),
    ("kees.schouten", "werkgroep-wonen", MEMBER, *_NOW),
    ("kees.schouten", "werkgroep-mobiliteit", CHAIR, *_NOW),
    # The griffies advise on the council gatherings, as the report recommends.
    ("griffie.texel", "raadsbijeenkomsten-nhn", ADVISER, *_NOW),
    ("griffie.hoorn", "raadsbijeenkomsten-nhn", ADVISER, *_NOW),
]

# The demo beheerder's authenticator app secret (base32), to try MFA (README): add it to an
# authenticator app by hand. Public, like the demo password: demo data only.
DEMO_TOTP_EMAIL = "beheer@example.org"
DEMO_TOTP_SECRET = "NHNPORTAALDEMOBEHEERTOTP"  # noqa: S105 -- public demo secret, DEBUG only

# (e-mail, role, person key or None, superuser/staff)
LOGINS = [
    ("secretaris@example.org", Role.SECRETARY, "secretaris", False),
    ("reviewer@example.org", Role.SECRETARY, "reviewer", False),
    ("bestuurder@example.org", Role.ADMINISTRATOR, "bestuurder", False),
    ("ambtenaar@example.org", Role.CIVIL_SERVANT, "ambtenaar", False),
    ("griffie.texel@example.org", Role.CLERK, "griffie.texel", False),
    ("griffie.hoorn@example.org", Role.CLERK, "griffie.hoorn", False),
    ("beheer@example.org", Role.MANAGER, None, True),
    ("assistent@example.org", Role.CIVIL_SERVANT, "assistent", False),
    # The sub-region offices: read-only, what concerns their own municipalities.
    ("kop@example.org", Role.CIVIL_SERVANT, "kop", False),
    ("westfriesland@example.org", Role.CIVIL_SERVANT, "westfriesland", False),
    ("alkmaar@example.org", Role.CIVIL_SERVANT, "alkmaar", False),
]

# (principal's e-mail, assistant's e-mail): read access to the principal's meetings.
DELEGATIONS = [("bestuurder@example.org", "assistent@example.org")]


def person_email(key: str) -> str:
    return f"{key}@example.org"


def load_demo(*, report: LoadReport) -> None:
    """Create the fictional persons, memberships and logins that are missing.

    Needs the reference data; the caller refuses this outside DEBUG (demo passwords are public).
    """
    for slug, name, kind, sector in DEMO_ORGANISATIONS:
        existing = Organisation.objects.filter(slug=slug).first()
        report.count("demo-organisaties", created=existing is None)
        if existing is None:
            services.organisation_create(actor=None, name=name, slug=slug, kind=kind, sector=sector)

    persons = {}
    for key, name, function, organisation_slug in PERSONS:
        person = Person.objects.filter(email=person_email(key)).first()
        if person is None:
            organisation = Organisation.objects.filter(slug=organisation_slug).first()
            if organisation is None:
                report.skipped.append(f"{name}: organisatie {organisation_slug} bestaat niet")
                continue
            person = services.person_create(
                actor=None,
                name=name,
                function=function,
                organisation=organisation,
                email=person_email(key),
            )
            report.count("demo-personen", created=True)
        else:
            report.count("demo-personen", created=False)
        persons[key] = person

    bodies = {body.slug: body for body in Body.objects.all()}
    for key, body_slug, role, start, end in MEMBERSHIPS:
        person, body = persons.get(key), bodies.get(body_slug)
        if person is None or body is None or person.organisation is None:
            report.skipped.append(f"{key} in {body_slug}: persoon of gremium ontbreekt")
            continue
        exists = Membership.objects.filter(person=person, body=body, role=role, start=start)
        if exists.exists():
            report.count("demo-lidmaatschappen", created=False)
            continue
        try:
            services.membership_create(
                actor=None,
                person=person,
                body=body,
                organisation=person.organisation,
                role=role,
                start=start,
                end=end,
            )
        except ValidationError as error:
            # E.g. a beheerder dissolved the body or seated the person already: keep their data.
            report.skipped.append(f"{person} in {body}: {' '.join(error.messages)}")
            continue
        report.count("demo-lidmaatschappen", created=True)

    for email, role, person_key, is_manager in LOGINS:
        if User.objects.filter(email=email).exists():
            report.count("demo-logins", created=False)
            continue
        person = persons.get(person_key)
        first_name, _, last_name = (person.name if person else "Beheerder (demo)").partition(" ")
        login = {
            "actor": None,
            "email": email,
            "password": DEMO_PASSWORD,
            "roles": [role],
            "first_name": first_name,
            "last_name": last_name,
            "is_staff": is_manager,
            "is_superuser": is_manager,
        }
        if person is not None:
            services.person_user_create(person=person, **login)
        else:
            core_services.user_create(**login)
        report.count("demo-logins", created=True)

    for principal_email, assistant_email in DELEGATIONS:
        principal = User.objects.filter(email=principal_email).first()
        assistant = User.objects.filter(email=assistant_email).first()
        if principal is None or assistant is None:
            continue
        # Once: a delegation the bestuurder revoked in the demo stays revoked.
        exists = Delegation.objects.filter(principal=principal, assistant=assistant).exists()
        report.count("demo-leestoegang", created=not exists)
        if not exists:
            services.delegation_grant(actor=principal, assistant=assistant)

    # Only when MFA is switched on (MFA_REQUIRED=true bin/demo): otherwise every demo login
    # stays one step, as the README promises.
    beheer = User.objects.filter(email=DEMO_TOTP_EMAIL).first()
    if settings.MFA_REQUIRED and beheer is not None:
        created = core_services.user_totp_activate(actor=None, user=beheer, secret=DEMO_TOTP_SECRET)
        report.count("demo-authenticator", created=created)


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

# Version 2 changes one answer: the two-minute reflection after each meeting.
NHN_EVALUATION_V2 = (
    "Na elke vergadering een reflectie van twee minuten; elk half jaar een samenvatting per "
    "gremium op de agenda van de stuurgroep; na twee jaar een evaluatie van de samenwerking."
)

# Version 2 also brings the code of conduct (section 7 of the report).
NHN_CONDUCT = {
    "core_values": (
        "Gelijkwaardigheid: elke basisregio telt even zwaar, groot of klein.\n"
        "Vertrouwen: we doen wat we afspreken en zeggen het tijdig als dat niet lukt.\n"
        "Openheid: we delen informatie vroeg, ook als iets nog niet af is.\n"
        "Regio boven eigen belang: we kijken eerst naar wat Noord-Holland Noord verder helpt."
    ),
    "ways_of_working": (
        "We bereiden vergaderingen voor in de basisregio's en spreken daar met één mond.\n"
        "Wie een punt inbrengt, zorgt voor een stuk dat tien werkdagen vooraf klaar is.\n"
        "Tussen vergaderingen lopen de lijnen via de grensverkenners en het regiobureau.\n"
        "Spanningen bespreken we aan tafel, niet erbuiten; de ambassadeurs helpen daarbij."
    ),
}

# The code of conduct's ambassadors: (person key, body slug or None, sub-region slug or None).
AMBASSADORS = [
    ("karin.bakker", "publieke-stuurgroep-nhn", None),
    ("ingrid.post", "ambtelijk-opdrachtgeversoverleg", None),
    ("ahmed.yilmaz", None, "kop-van-noord-holland"),
    ("linda.hendriks", None, "west-friesland"),
    ("thomas.de.boer", None, "regio-alkmaar"),
]

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
        services.rules_of_play_draft_create(
            actor=None,
            body=None,
            evaluation=NHN_EVALUATION_V2,
            # The balance of outcomes: at most 10 percentage points between a sub-region's
            # share of the euros and its share of the inhabitants.
            outcome_max_deviation=10,
            **NHN_CONDUCT,
        )
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
    for key, body_slug, subregion_slug in AMBASSADORS:
        person = Person.objects.filter(email=person_email(key)).first()
        body = Body.objects.filter(slug=body_slug).first() if body_slug else None
        subregion = (
            Subregion.objects.filter(slug=subregion_slug).first() if subregion_slug else None
        )
        if person is None or (body is None and subregion is None):
            continue
        exists = ConductAmbassador.objects.filter(
            person=person, body=body, subregion=subregion
        ).exists()
        report.count("ambassadeurs gedragscode", created=not exists)
        if not exists:
            services.conduct_ambassador_name(
                actor=None, person=person, body=body, subregion=subregion, start=RULES_ADOPTED_ON
            )
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


# Who carries each body's secretariat, and so publishes its documents under the Woo (demo
# values a beheerder would set): the regiobureau's host for the NHN-wide tables, the province
# for mobility, the central municipality of West-Friesland for economy.
WOO_PUBLISHERS = {
    "publieke-stuurgroep-nhn": "gemeente-alkmaar",
    "ambtelijk-opdrachtgeversoverleg": "gemeente-alkmaar",
    "regio-overleg-nhn": "gemeente-alkmaar",
    "raadsbijeenkomsten-nhn": "gemeente-alkmaar",
    "platform-wonen": "gemeente-alkmaar",
    "directeurenoverleg-wonen": "gemeente-alkmaar",
    "werkgroep-wonen": "gemeente-alkmaar",
    "platform-mobiliteit": "provincie-noord-holland",
    "directeurenoverleg-mobiliteit": "provincie-noord-holland",
    "werkgroep-mobiliteit": "provincie-noord-holland",
    "platform-economie": "gemeente-hoorn",
    "directeurenoverleg-economie": "gemeente-hoorn",
    "werkgroep-economie": "gemeente-hoorn",
}


def load_demo_woo_publishers(*, report: LoadReport) -> None:
    """Set the Woo publisher of the bodies that have none yet (never overwrites a choice)."""
    publishers = {
        organisation.slug: organisation
        for organisation in Organisation.objects.filter(slug__in=set(WOO_PUBLISHERS.values()))
    }
    for body in Body.objects.filter(slug__in=WOO_PUBLISHERS, woo_publisher__isnull=True):
        publisher = publishers.get(WOO_PUBLISHERS[body.slug])
        if publisher is not None and publisher.tooi_uri:
            services.body_woo_publisher_set(actor=None, body=body, publisher=publisher)
            report.count("Woo-publicerende organisaties", created=True)
