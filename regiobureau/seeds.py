"""The meeting core's part of `manage.py load_nhn --demo`: a published meeting per base-model
body and the Platform Wonen's previous meeting, held, with decisions and actions."""

from nhn_portal.core.seeding import register_seed
from regiobureau.demo.meetings import (
    load_demo_adopted_decisions,
    load_demo_meetings,
    load_demo_previous_meeting,
)


def load_demo(report) -> None:
    load_demo_meetings(report=report)
    load_demo_previous_meeting(report=report)
    load_demo_adopted_decisions(report=report)


register_seed(app_label="regiobureau", demo=load_demo)
