"""Demo opportunities: open ones with a route (one on schedule, one that cannot make
its deadline) and decided ones over several years, so the lead-time overview has numbers.
Fictional but plausible; every write goes through the services, so the audit trail is real.
Historic records are written as they would have been on their own dates (`today=`).
Idempotent: an opportunity with the same title is left alone.
"""

import datetime
from decimal import Decimal

from django.utils import timezone

from gremia.models.registry import Body, Organisation, Person, Subregion
from netwerk.models.lobby import LobbyDossier
from netwerk.models.opportunities import Opportunity
from netwerk.models.outcomes import OutcomeEntry
from netwerk.models.regio_deal import RegioDealProject
from netwerk.models.spanners import BoundarySpanner
from netwerk.services.lobby import (
    external_moment_add,
    lobby_contact_add,
    lobby_dossier_create,
    lobby_dossier_publish_summary,
    lobby_dossier_set_confidential,
)
from netwerk.services.opportunities import (
    opportunity_create,
    opportunity_decide,
    opportunity_step_add,
    opportunity_step_complete,
)
from netwerk.services.outcomes import outcome_entry_create
from netwerk.services.regio_deal import (
    regio_deal_project_create,
    regio_deal_project_review,
    regio_deal_project_submit,
)
from netwerk.services.spanners import boundary_spanner_set, spanner_reports_request_monthly
from nhn_portal.core.models import User
from nhn_portal.core.seeding import LoadReport
from regiobureau.constants import DecisionOutcome
from regiobureau.models.decisions import Decision

from .constants import (
    Arena,
    OpportunityKind,
    OpportunityOutcome,
    OutcomeKind,
    ProgrammeLine,
    ProjectStatus,
    Workday,
)

ROUTE_WONEN = ["werkgroep-wonen", "directeurenoverleg-wonen", "platform-wonen"]
STEERING_GROUP = "publieke-stuurgroep-nhn"

# (title, kind, source, signalled days ago, deadline in days, deciding body,
#  route as [(body slug, planned in days from today, done days ago or None)])
OPEN = [
    (
        "Woningbouwimpuls ronde 2027 (demo)",
        OpportunityKind.SUBSIDY_ROUND,
        "Ministerie van Volkshuisvesting en Ruimtelijke Ordening",
        10,
        75,
        STEERING_GROUP,
        [
            ("werkgroep-wonen", -3, 3),
            ("directeurenoverleg-wonen", 12, None),
            ("platform-wonen", 30, None),
            (STEERING_GROUP, 55, None),
        ],
    ),
    (
        "Oproep innovatieve mobiliteitshubs (demo)",
        OpportunityKind.CALL,
        "Ministerie van Infrastructuur en Waterstaat",
        5,
        40,
        STEERING_GROUP,
        [
            ("werkgroep-mobiliteit", 9, None),
            ("directeurenoverleg-mobiliteit", 23, None),
            ("platform-mobiliteit", 44, None),
        ],
    ),
]

# (title, kind, source, signalled on, deciding body, decided on, outcome, route slugs)
DECIDED = [
    (
        "Regio Deal-aanvraag NHN (demo)",
        OpportunityKind.POLICY_WINDOW,
        "Ministerie van Binnenlandse Zaken",
        datetime.date(2022, 9, 1),
        STEERING_GROUP,
        datetime.date(2024, 3, 1),
        OpportunityOutcome.SUBMITTED,
    ),
    (
        "EFRO-oproep energie-infrastructuur (demo)",
        OpportunityKind.CALL,
        "Kansen voor West",
        datetime.date(2024, 2, 12),
        STEERING_GROUP,
        datetime.date(2024, 6, 20),
        OpportunityOutcome.SUBMITTED,
    ),
    (
        "Ronde startersleningen regio (demo)",
        OpportunityKind.SUBSIDY_ROUND,
        "Provincie Noord-Holland",
        datetime.date(2025, 3, 3),
        "platform-wonen",
        datetime.date(2025, 5, 15),
        OpportunityOutcome.SUBMITTED,
    ),
    (
        "Beleidsvenster arbeidsmarktregio's (demo)",
        OpportunityKind.POLICY_WINDOW,
        "Ministerie van Sociale Zaken en Werkgelegenheid",
        datetime.date(2025, 9, 1),
        "platform-economie",
        datetime.date(2025, 10, 20),
        OpportunityOutcome.DECLINED,
    ),
]


def load_demo_opportunities(*, report: LoadReport | None = None, actor=None) -> int:
    bodies = {body.slug: body for body in Body.objects.all()}
    needed = {STEERING_GROUP, *ROUTE_WONEN}
    if not needed <= set(bodies):
        if report is not None:
            report.skipped.append("kansen: de overleggen van de registry ontbreken")
        return 0
    today = timezone.localdate()
    created = 0
    for title, kind, source, ago, deadline_in, deciding, route in OPEN:
        if _present(report, title):
            continue
        opportunity = opportunity_create(
            actor=actor,
            title=title,
            kind=kind,
            source=source,
            deciding_body=bodies[deciding],
            signalled_on=today - datetime.timedelta(days=ago),
            deadline=today + datetime.timedelta(days=deadline_in),
        )
        for slug, planned_in, done_ago in route:
            if slug not in bodies:
                continue
            step = opportunity_step_add(
                actor=actor,
                opportunity=opportunity,
                body=bodies[slug],
                planned_on=today + datetime.timedelta(days=planned_in),
            )
            if done_ago is not None:
                opportunity_step_complete(
                    actor=actor, step=step, done_on=today - datetime.timedelta(days=done_ago)
                )
        created += 1
    for title, kind, source, signalled_on, deciding, decided_on, outcome in DECIDED:
        if _present(report, title) or deciding not in bodies:
            continue
        opportunity = opportunity_create(
            actor=actor,
            title=title,
            kind=kind,
            source=source,
            deciding_body=bodies[deciding],
            signalled_on=signalled_on,
            deadline=decided_on + datetime.timedelta(days=14),
            today=signalled_on,
        )
        step = opportunity_step_add(
            actor=actor, opportunity=opportunity, body=bodies[deciding], planned_on=decided_on
        )
        opportunity_step_complete(actor=actor, step=step, done_on=decided_on)
        opportunity_decide(
            actor=actor, opportunity=opportunity, decided_on=decided_on, outcome=outcome
        )
        created += 1
    return created


def _present(report: LoadReport | None, title: str) -> bool:
    present = Opportunity.objects.filter(title=title).exists()
    if report is not None:
        report.count("demo-kansen", created=not present)
    return present


# ---- Public-affairs agenda ------------------------------------------------------------------

CARRIER_EMAIL = "bestuurder@example.org"

# (title, arena, position, confidential, public summary or "", contacts, moments as
#  (title, days from today, preparing body slug or None))
LOBBY = [
    (
        "MIRT-verkenning A7/A8-corridor (demo)",
        Arena.NATIONAL,
        "De regio vraagt het Rijk de verkenning naar de A7/A8-corridor in het najaars-BO MIRT "
        "te starten, met regionale cofinanciering onder voorwaarden.",
        True,
        "",
        [("Ministerie van Infrastructuur en Waterstaat", "MIRT-regisseur Noordwest-Nederland")],
        [
            ("BO MIRT najaar (demo)", 60, "platform-mobiliteit"),
            ("Commissiedebat MIRT Tweede Kamer (demo)", 12, "platform-mobiliteit"),
        ],
    ),
    (
        "Woondeal Noord-Holland Noord (demo)",
        Arena.NATIONAL,
        "Versnelling van de woningbouw met rijksbijdragen voor betaalbare woningen.",
        False,
        "De regio vraagt het Rijk om bijdragen voor betaalbare woningbouw en voor de "
        "infrastructuur die nieuwe wijken ontsluit.",
        [("Ministerie van Volkshuisvesting en Ruimtelijke Ordening", "Accounthouder regio")],
        [("Bestuurlijk overleg Woondeal (demo)", 45, "platform-wonen")],
    ),
    (
        "EU-fondsen 2028+ (demo)",
        Arena.EU,
        "De regio zet in op een plaats voor regio's buiten de Randstad in het cohesiebeleid.",
        True,
        "",
        [("Huis van de Nederlandse Provincies, Brussel", "Beleidsadviseur cohesiebeleid")],
        [("Sluiting consultatie Europese Commissie (demo)", 30, None)],
    ),
]


def load_demo_lobby(*, report: LoadReport | None = None, actor=None) -> int:
    bodies = {body.slug: body for body in Body.objects.all()}
    carrier = Person.objects.filter(user__email=CARRIER_EMAIL).first()
    lobbyist = Person.objects.filter(user__email="secretaris@example.org").first()
    today = timezone.localdate()
    created = 0
    for title, arena, position, confidential, summary, contacts, moments in LOBBY:
        present = LobbyDossier.objects.filter(title=title).exists()
        if report is not None:
            report.count("demo-lobbydossiers", created=not present)
        if present:
            continue
        dossier = lobby_dossier_create(
            actor=actor,
            title=title,
            arena=arena,
            position=position,
            lobbyist=lobbyist,
            carriers=[carrier] if carrier else [],
        )
        for organisation, role in contacts:
            lobby_contact_add(actor=actor, dossier=dossier, organisation=organisation, role=role)
        for moment_title, days_from_now, body_slug in moments:
            external_moment_add(
                actor=actor,
                dossier=dossier,
                title=moment_title,
                date=today + datetime.timedelta(days=days_from_now),
                preparing_body=bodies.get(body_slug) if body_slug else None,
            )
        if not confidential:
            lobby_dossier_set_confidential(actor=actor, dossier=dossier, confidential=False)
            lobby_dossier_publish_summary(actor=actor, dossier=dossier, summary=summary)
        created += 1
    return created


# ---- Regio Deal showcase -----------------------------------------------------------------

REVIEWER_EMAIL = "beheer@example.org"

# (title, line, status, summary, partners, results, municipality names)
PROJECTS = [
    (
        "Praktijkleren in de Kop (demo)",
        ProgrammeLine.LEARNING,
        ProjectStatus.RUNNING,
        "Leerlingen van het mbo leren een deel van hun opleiding in bedrijven uit de regio.",
        "Mbo-instellingen, werkgeversverenigingen",
        "Eerste lichting van 40 leerlingen gestart.",
        ["Gemeente Den Helder", "Gemeente Schagen"],
    ),
    (
        "Gezond opgroeien in West-Friesland (demo)",
        ProgrammeLine.LIVING,
        ProjectStatus.PREPARING,
        "Een aanpak voor sport, bewegen en gezonde voeding rond scholen.",
        "GGD, sportverenigingen, scholen",
        "",
        ["Gemeente Hoorn", "Gemeente Enkhuizen"],
    ),
    (
        "Techniekpact Regio Alkmaar (demo)",
        ProgrammeLine.WORKING,
        ProjectStatus.RUNNING,
        "Om- en bijscholing naar technische beroepen waar de regio tekorten heeft.",
        "Bedrijfsleven, UWV, onderwijs",
        "120 werkzoekenden begonnen aan een omscholingstraject.",
        ["Gemeente Alkmaar", "Gemeente Heiloo"],
    ),
]


def load_demo_regio_deal(*, report: LoadReport | None = None, actor=None) -> int:
    reviewer = User.objects.filter(email=REVIEWER_EMAIL).first()
    created = 0
    for title, line, status, summary, partners, results, towns in PROJECTS:
        present = RegioDealProject.objects.filter(title=title).exists()
        if report is not None:
            report.count("demo-regio-deal-projecten", created=not present)
        if present:
            continue
        project = regio_deal_project_create(
            actor=actor,
            title=title,
            line=line,
            status=status,
            summary=summary,
            partners=partners,
            results=results,
            municipalities=list(Organisation.objects.filter(name__in=towns)),
        )
        if actor is not None and reviewer is not None and reviewer != actor:
            regio_deal_project_submit(actor=actor, project=project)
            regio_deal_project_review(actor=reviewer, project=project, approve=True)
        created += 1
    return created


# (sub-region slug, the office login's e-mail, day for the region): gremia's demo makes the
# persons; the boundary spanner of each sub-region is the office's demo login.
SPANNERS = [
    ("kop-van-noord-holland", "kop@example.org", Workday.TUESDAY),
    ("west-friesland", "westfriesland@example.org", Workday.WEDNESDAY),
    ("regio-alkmaar", "alkmaar@example.org", Workday.THURSDAY),
]


def load_demo_spanners(*, report: LoadReport | None = None, actor=None) -> int:
    """One boundary spanner per sub-region and last month's report of each. A sub-region that
    has one (the demo's or the beheerder's) is left alone."""
    created = 0
    for slug, email, workday in SPANNERS:
        subregion = Subregion.objects.filter(slug=slug).first()
        person = Person.objects.filter(user__email=email).first()
        if subregion is None or person is None:
            continue
        present = BoundarySpanner.objects.filter(subregion=subregion).exists()
        if report is not None:
            report.count("demo-grensverkenners", created=not present)
        if present:
            continue
        boundary_spanner_set(actor=actor, subregion=subregion, person=person, workday=workday)
        created += 1
    if created:
        spanner_reports_request_monthly()
    return created


# ---- What each sub-region gets: the ledger of outcomes -------------------------------------

# (title, kind, euros, year, project title, sub-region slug, {municipality: share or None})
# Regio Alkmaar gets visibly more, as the report observes ("veel aandacht en geld lijkt te gaan
# naar Regio Alkmaar"), so the balance page's warning shows.
OUTCOMES = [
    ("Regio Deal: Praktijkleren in de Kop", OutcomeKind.REGIO_DEAL, 1_200_000, 2023,
     "Praktijkleren in de Kop (demo)", None, {}),
    ("Regio Deal: Praktijkleren in de Kop", OutcomeKind.REGIO_DEAL, 800_000, 2025,
     "Praktijkleren in de Kop (demo)", None, {}),
    ("Regio Deal: Gezond opgroeien in West-Friesland", OutcomeKind.REGIO_DEAL, 900_000, 2024,
     "Gezond opgroeien in West-Friesland (demo)", None, {}),
    ("Regio Deal: Gezond opgroeien in West-Friesland", OutcomeKind.REGIO_DEAL, 600_000, 2026,
     "Gezond opgroeien in West-Friesland (demo)", None, {}),
    ("Regio Deal: Techniekpact Regio Alkmaar", OutcomeKind.REGIO_DEAL, 2_000_000, 2023,
     "Techniekpact Regio Alkmaar (demo)", None, {}),
    ("Regio Deal: Techniekpact Regio Alkmaar", OutcomeKind.REGIO_DEAL, 1_500_000, 2024,
     "Techniekpact Regio Alkmaar (demo)", None, {}),
    ("Regio Deal: Techniekpact Regio Alkmaar", OutcomeKind.REGIO_DEAL, 1_500_000, 2025,
     "Techniekpact Regio Alkmaar (demo)", None, {}),
    ("Woondeal Regio Alkmaar (demo)", OutcomeKind.WOONDEAL, 6_000_000, 2024,
     None, "regio-alkmaar", {}),
    ("Woondeal West-Friesland (demo)", OutcomeKind.WOONDEAL, 1_500_000, 2026,
     None, "west-friesland", {}),
    ("MIRT bereikbaarheid Kop van Noord-Holland (demo)", OutcomeKind.MIRT, 2_500_000, 2025,
     None, None, {"Gemeente Den Helder": Decimal(70), "Gemeente Hollands Kroon": Decimal(30)}),
]  # fmt: skip
DECISION_OUTCOME = (
    "Investering warmtenet Alkmaar en Dijk en Waard (demo)", 3_000_000, 2026,
    {"Gemeente Alkmaar": Decimal(60), "Gemeente Dijk en Waard": Decimal(40)},
)  # fmt: skip


def _stuurgroep_decision():
    return (
        Decision.objects.filter(
            item__meeting__body__slug=STEERING_GROUP, outcome=DecisionOutcome.ADOPTED
        )
        .order_by("-item__meeting__starts_at")
        .first()
    )


def _outcome(report, actor, title, kind, euros, year, shares, **places) -> int:
    present = OutcomeEntry.objects.filter(title=title, year=year).exists()
    if report is not None:
        report.count("demo-opbrengsten", created=not present)
    if present:
        return 0
    municipalities = {o.name: o for o in Organisation.objects.filter(name__in=list(shares))}
    if len(municipalities) != len(shares):
        return 0
    outcome_entry_create(
        actor=actor,
        title=title,
        kind=kind,
        amount=Decimal(euros),
        year=year,
        shares=[(municipalities[name], share) for name, share in shares.items()],
        **places,
    )
    return 1


def load_demo_outcomes(*, report: LoadReport | None = None, actor=None) -> int:
    """The ledger of outcomes 2023–2026 for the three sub-regions: the Regio Deal projects'
    euros, two funds (Woondeal, MIRT) and one stuurgroep decision with a place-bound
    investment. Idempotent: an entry is known by its title and year."""
    created = 0
    for title, kind, euros, year, project_title, region_slug, shares in OUTCOMES:
        project = RegioDealProject.objects.filter(title=project_title).first()
        subregion = Subregion.objects.filter(slug=region_slug).first()
        if (project_title and project is None) or (region_slug and subregion is None):
            continue
        created += _outcome(
            report, actor, title, kind, euros, year, shares, project=project, subregion=subregion
        )
    decision = _stuurgroep_decision()
    if decision is not None:
        title, euros, year, shares = DECISION_OUTCOME
        created += _outcome(
            report, actor, title, OutcomeKind.DECISION, euros, year, shares, decision=decision
        )
    return created
