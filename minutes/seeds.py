"""The minutes' part of `manage.py load_nhn --demo`: draft minutes of the held Platform Wonen
meeting."""

from minutes.demo import load_demo_minutes
from nhn_portal.core.seeding import register_seed


def load_demo(report) -> None:
    load_demo_minutes(report=report)


register_seed(app_label="minutes", demo=load_demo)
