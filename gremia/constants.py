from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class OrganisationKind(models.TextChoices):
    MUNICIPALITY = "gemeente", _("Municipality")
    PROVINCE = "provincie", _("Province")
    WATER_BOARD = "waterschap", _("Water board")
    SUBREGIONAL_OFFICE = "subregionaal_bureau", _("Sub-regional office")
    REGIONAL_OFFICE = "regiobureau", _("Regional office")
    BUSINESS = "bedrijfsleven", _("Business platform")
    KNOWLEDGE = "kennisinstelling", _("Education or knowledge institution")
    OTHER = "overig", _("Other")


class Sector(models.TextChoices):
    """The triple helix: government, business, education/knowledge."""

    GOVERNMENT = "overheid", _("Government")
    BUSINESS = "ondernemers", _("Business")
    EDUCATION = "onderwijs", _("Education and knowledge")


class PersonFunction(models.TextChoices):
    MAYOR = "burgemeester", _("Mayor")
    ALDERMAN = "wethouder", _("Alderman")
    DEPUTY = "gedeputeerde", _("Provincial deputy")
    DIKEGRAAF = "dijkgraaf", _("Dike reeve")
    BOARD_MEMBER = "heemraad", _("Water board member")
    COUNCIL_MEMBER = "raadslid", _("Council member")
    CLERK = "griffier", pgettext_lazy("person function", "Council clerk")
    MUNICIPAL_SECRETARY = "gemeentesecretaris", _("Municipal secretary")
    DIRECTOR = "directeur", _("Director")
    CIVIL_SERVANT = "beleidsadviseur", _("Policy adviser")
    REGIONAL_SECRETARY = "regiosecretaris", _("Regional secretary")
    ENTREPRENEUR = "ondernemer", _("Entrepreneur")
    EDUCATOR = "bestuurder_onderwijs", _("Education administrator")
    OTHER = "overig", _("Other")


class BodyKind(models.TextChoices):
    STEERING_GROUP = "stuurgroep", _("Steering group")
    PLATFORM = "platform", _("Platform")
    REGIONAL_MEETING = "regio_overleg", _("Regional meeting")
    COUNCIL_GATHERING = "raadsbijeenkomst", _("Council gathering")
    PRINCIPALS = "opdrachtgeversoverleg", _("Civil-service principals' meeting")
    DIRECTORS = "directeurenoverleg", _("Directors' meeting")
    WORKING_GROUP = "werkgroep", _("Working group")
    BOARD = "board", _("Board")


class Line(models.TextChoices):
    """Administrative (bestuurlijk) versus civil-service (ambtelijk) line of the base model."""

    ADMINISTRATIVE = "bestuurlijk", _("Administrative")
    CIVIL_SERVICE = "ambtelijk", _("Civil service")


CIVIL_SERVICE_KINDS = {BodyKind.PRINCIPALS, BodyKind.DIRECTORS, BodyKind.WORKING_GROUP}


class DecisionRule(models.TextChoices):
    CONSENSUS = "consensus", _("Consensus")
    MAJORITY = "meerderheid", _("Majority")
    UNANIMITY = "unanimiteit", _("Unanimity")


class MembershipRole(models.TextChoices):
    CHAIR = "voorzitter", _("Chair")
    MEMBER = "lid", _("Member")
    SUBSTITUTE = "plaatsvervanger", _("Substitute")
    SECRETARY = "secretaris", _("Secretary")
    ADVISER = "adviseur", _("Adviser")


# Roles that hold a seat at the table; the balance figures count these (secretaries and
# advisers support the body, substitutes stand in for a seat that is already counted).
SEAT_ROLES = (MembershipRole.CHAIR, MembershipRole.MEMBER)


class RulesStatus(models.TextChoices):
    """A spelregelnotitie version: drafted by the secretariat, adopted by a stuurgroep
    decision, superseded when a later version is adopted."""

    DRAFT = "concept", _("Draft")
    ADOPTED = "vastgesteld", _("Adopted")
    SUPERSEDED = "vervallen", _("Superseded")


# The report's ten questions (section 7, "Spelregels voor samenwerking") as the fields of a
# rules-of-play version, in the order the page shows them: (field, label, the question).
RULES_QUESTIONS = [
    ("mandate", _("Mandate"), _("Who is responsible for what (the bodies)?")),
    ("decision_making", _("Decision making"), _("How are decisions taken?")),
    ("disagreement", _("Disagreement"), _("What happens when there is a disagreement?")),
    ("exit", _("Stepping out"), _("What if a partner wants to step out?")),
    ("openness", _("Public or confidential"), _("What is public, what is confidential?")),
    ("council_involvement", _("Councils"), _("How are the councils involved in decisions?")),
    (
        "accountability",
        _("Accountability and reporting"),
        _("Which accountability mechanisms are there and how are those involved informed?"),
    ),
    ("evaluation", _("Evaluation"), _("When are the agreements evaluated?")),
    ("chair_role", _("Role of the chair"), _("What is the role of the chair?")),
    ("costs", _("Costs"), _("How are the costs shared?")),
]
RULES_FIELDS = [name for name, _label, _question in RULES_QUESTIONS]
# How the councils are consulted on the body's draft decisions (not one of the ten questions,
# but data the portal acts on: the default term and the warning for a missing consultation).
# The norm for the balance of outcomes is carried over and adopted the same way: the most a
# sub-region's share of the euros may differ from its share of the inhabitants.
RULES_CONSULTATION_FIELDS = [
    "consultation_term_weeks",
    "consultation_required",
    "outcome_max_deviation",
]

# The code of conduct (gedragscode, the report's section 7): part of the rules of play, so it
# is versioned and adopted with them; its ambassadors are `gremia.models.conduct`.
CONDUCT_QUESTIONS = [
    ("core_values", _("Core values"), _("Which core values do the partners hold each other to?")),
    (
        "ways_of_working",
        _("Ways of working"),
        _("How do we work together, at and between meetings?"),
    ),
]
CONDUCT_FIELDS = [name for name, _label, _question in CONDUCT_QUESTIONS]
# Every answer a version of the rules of play carries: the ten questions and the code of conduct.
RULES_VERSIONED_FIELDS = RULES_FIELDS + CONDUCT_FIELDS


class NormKind(models.TextChoices):
    """Configurable balance norms: the report asks that no central municipality
    dominates the chairs, that every sub-region is at every table, and (for an Economic Board)
    a 1/3-1/3-1/3 composition."""

    MAX_CHAIRS_CENTRAL = "max_voorzitters_centrum", _("At most N chairs per central municipality")
    EVERY_SUBREGION = "elke_basisregio", _("Every sub-region at the table")
    SECTOR_SHARES = "sectorverdeling", _("Sector shares against a target")
