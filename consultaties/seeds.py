"""The consultations' part of `manage.py load_nhn --demo`: one closed consultation with its
reactienota and final decision, one open with mixed statuses and one council late."""

from nhn_portal.core.seeding import register_seed

from .demo import load_demo_consultations


def load_demo(report):
    load_demo_consultations(report=report)


register_seed(app_label="consultaties", demo=load_demo)
