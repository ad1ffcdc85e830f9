"""The planning's part of `manage.py load_nhn --demo`: the forward agenda and a handed-in
stuk."""

from nhn_portal.core.seeding import register_seed
from planning.demo import load_demo_planning, load_demo_proposal


def load_demo(report) -> None:
    load_demo_planning(report=report)
    load_demo_proposal(report=report)


register_seed(app_label="planning", demo=load_demo)
