"""The demo's forward agenda — the Woondeal and MIRT dossiers along the preparation chain for the
coming half year, a council letter moment, one topic at two administrative tables in the same
month and one platform entry before its directors' meeting (the two warnings) — and the stuk
the ambtenaar of the Werkgroep Wonen handed in for the coming Directeurenoverleg Wonen."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from gremia.models.registry import Body
from nhn_portal.core.models import User
from nhn_portal.core.seeding import LoadReport
from planning.models import PlannedTopic, ProposedDocument
from planning.services import planned_topic_create, proposal_submit
from regiobureau.demo.agendas import DOSSIERS, SECRETARY_EMAIL
from regiobureau.demo.meetings import demo_pdf, demo_title, ensure_dossiers
from regiobureau.models.meetings import Meeting

# (dossier slug, body slug, months from now, topic, council letter moment)
PLAN = [
    ("woondeal-nhn", "werkgroep-wonen", 1, "Woondeal: monitor woningbouw eerste helft", False),
    (
        "woondeal-nhn",
        "directeurenoverleg-wonen",
        2,
        "Woondeal: voorstel versnellingsmiddelen",
        False,
    ),
    ("woondeal-nhn", "platform-wonen", 3, "Woondeal: besluit versnellingsmiddelen", True),
    ("woondeal-nhn", "publieke-stuurgroep-nhn", 3, "Woondeal: stand van zaken", False),
    ("mirt-verkenning", "directeurenoverleg-mobiliteit", 5, "MIRT: inzet BO MIRT", False),
    ("mirt-verkenning", "platform-mobiliteit", 4, "MIRT: bestuurlijke inzet", False),
    ("mirt-verkenning", "publieke-stuurgroep-nhn", 6, "MIRT: vaststellen regionale inzet", True),
]


def _month(offset: int) -> datetime.date:
    today = timezone.localdate()
    index = today.month - 1 + offset
    return datetime.date(today.year + index // 12, index % 12 + 1, 1)


def load_demo_planning(*, report: LoadReport | None = None) -> int:
    """Plan the demo topics once (a topic already planned for its body is skipped)."""
    actor = User.objects.filter(email=SECRETARY_EMAIL).first()
    dossiers = ensure_dossiers(actor)
    bodies = {b.slug: b for b in Body.objects.filter(slug__in={p[1] for p in PLAN})}
    created = 0
    for dossier_slug, body_slug, offset, title, council_letter in PLAN:
        body = bodies.get(body_slug)
        if body is None or dossier_slug not in {d[0] for d in DOSSIERS}:
            continue
        if PlannedTopic.objects.filter(body=body, title=title).exists():
            continue
        planned_topic_create(
            actor=actor,
            body=body,
            month=_month(offset),
            title=title,
            dossier=dossiers[dossier_slug],
            council_letter=council_letter,
        )
        created += 1
    if report is not None:
        report.count("jaarplanning (demo)", created=bool(created))
    return created


AMBTENAAR_EMAIL = "ambtenaar@example.org"
PROPOSAL_TITLE = "Monitor woningbouw Kop van Noord-Holland (concept)"


def load_demo_proposal(*, report: LoadReport | None = None) -> ProposedDocument | None:
    official = User.objects.filter(email=AMBTENAAR_EMAIL).first()
    working_group = Body.objects.filter(slug="werkgroep-wonen").first()
    if official is None or working_group is None or working_group.prepares is None:
        return None
    existing = ProposedDocument.objects.filter(title=PROPOSAL_TITLE).first()
    if existing is not None:
        if report is not None:
            report.count("aangeleverde stukken (demo)", created=False)
        return existing
    meeting = Meeting.objects.filter(
        body=working_group.prepares,
        title=demo_title(working_group.prepares),
        starts_at__gt=timezone.now(),
    ).first()
    if meeting is None:
        return None
    proposal = proposal_submit(
        actor=official,
        meeting=meeting,
        from_body=working_group,
        title=PROPOSAL_TITLE,
        upload=SimpleUploadedFile(
            "monitor-woningbouw-kop.pdf",
            demo_pdf(PROPOSAL_TITLE, "Werkgroep Wonen"),
            "application/pdf",
        ),
        item_title="Woningbouwmonitor Kop van Noord-Holland",
    )
    if report is not None:
        report.count("aangeleverde stukken (demo)", created=True)
    return proposal
