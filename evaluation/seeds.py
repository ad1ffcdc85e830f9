"""The evaluation's part of `manage.py load_nhn --demo`: an evaluated stuurgroep meeting with
its half-year summary."""

from evaluation.demo import load_demo_evaluation
from nhn_portal.core.seeding import register_seed


def load_demo(report) -> None:
    load_demo_evaluation(report=report)


register_seed(app_label="evaluation", demo=load_demo)
