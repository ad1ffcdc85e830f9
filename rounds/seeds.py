"""The written rounds' part of `manage.py load_nhn --demo`."""

from nhn_portal.core.seeding import register_seed
from rounds.demo import load_demo_written_round


def load_demo(report) -> None:
    load_demo_written_round(report=report)


register_seed(app_label="rounds", demo=load_demo)
