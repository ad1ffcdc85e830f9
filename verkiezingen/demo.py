"""Demo elections: the municipal elections of March 2026 (the demo's reshuffle: Marieke Vos's
seat at the Platform Wonen reopened, Gerrit Zijlstra recorded as her successor, his induction
pack made and mailed) and the provincial elections of March 2027, which will reopen the
deputy's seats. Every write goes through the services; idempotent by (kind, election day)
and by the seat."""

import datetime

from gremia.models.registry import Membership, Person
from nhn_portal.core.models import User
from nhn_portal.core.seeding import LoadReport

from .constants import ElectionKind
from .models import Election, Succession
from .services import election_create, successor_record

SECRETARY_EMAIL = "secretaris@example.org"

# (kind, election day, installation)
ELECTIONS = [
    (ElectionKind.MUNICIPAL, datetime.date(2026, 3, 18), datetime.date(2026, 4, 1)),
    (ElectionKind.PROVINCIAL, datetime.date(2027, 3, 17), datetime.date(2027, 5, 26)),
]

# (election kind, previous holder's e-mail, body slug, successor's e-mail)
SUCCESSIONS = [
    (
        ElectionKind.MUNICIPAL,
        "marieke.vos@example.org",
        "platform-wonen",
        "gerrit.zijlstra@example.org",
    ),
]


def load_demo_elections(*, report: LoadReport | None = None) -> int:
    actor = User.objects.filter(email=SECRETARY_EMAIL).first()
    elections = {}
    for kind, held_on, installed_on in ELECTIONS:
        election = Election.objects.filter(kind=kind, held_on=held_on).first()
        if report is not None:
            report.count("demo-verkiezingen", created=election is None)
        if election is None:
            election = election_create(
                actor=actor, kind=kind, held_on=held_on, installed_on=installed_on
            )
        elections[kind] = election
    created = 0
    for kind, previous_email, body_slug, successor_email in SUCCESSIONS:
        previous = (
            Membership.objects.filter(person__email=previous_email, body__slug=body_slug)
            .order_by("start")
            .first()
        )
        successor = Person.objects.filter(email=successor_email).first()
        if previous is None or successor is None:
            continue
        exists = Succession.objects.filter(previous=previous).exists()
        if report is not None:
            report.count("demo-opvolgers", created=not exists)
        if not exists:
            successor_record(
                actor=actor, election=elections[kind], previous=previous, person=successor
            )
            created += 1
    return created
