"""The rules' part of `manage.py load_nhn --demo`: the stuurgroep adopts version 2 of the
NHN-wide spelregelnotitie by a decision in a held meeting."""

from nhn_portal.core.seeding import register_seed
from rules.demo import load_demo_rules_adoption


def load_demo(report) -> None:
    load_demo_rules_adoption(report=report)


register_seed(app_label="rules", demo=load_demo)
