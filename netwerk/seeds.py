"""The netwerk app's part of `manage.py load_nhn`: the related tables as reference data;
with --demo: opportunities with a clock
and the public-affairs agenda."""

from nhn_portal.core.models import User
from nhn_portal.core.seeding import register_seed
from regiobureau.demo.agendas import SECRETARY_EMAIL

from .demo import (
    load_demo_lobby,
    load_demo_opportunities,
    load_demo_outcomes,
    load_demo_regio_deal,
    load_demo_spanners,
)
from .reference import load_related_tables


def _demo(report):
    actor = User.objects.filter(email=SECRETARY_EMAIL).first()
    load_demo_opportunities(report=report, actor=actor)
    load_demo_lobby(report=report, actor=actor)
    load_demo_regio_deal(report=report, actor=actor)
    load_demo_spanners(report=report, actor=actor)
    load_demo_outcomes(report=report, actor=actor)


register_seed(
    app_label="netwerk",
    reference=lambda report: load_related_tables(report=report),
    demo=_demo,
)
