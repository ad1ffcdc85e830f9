"""The demo's forward agenda (issue 10): the Woondeal and MIRT dossiers along the preparation
chain for the coming half year, with one council letter moment, one topic planned at two
administrative tables in the same month (the first warning) and one platform entry before
its directors' meeting (the second warning)."""

import datetime

from django.utils import timezone

from gremia.models import Body
from nhn_portal.core.models import User
from nhn_portal.core.seeding import LoadReport
from regiobureau.demo import SECRETARY_EMAIL, ensure_dossiers
from regiobureau.demo.agendas import DOSSIERS
from regiobureau.models.planning import PlannedTopic
from regiobureau.services.planning import planned_topic_create

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
