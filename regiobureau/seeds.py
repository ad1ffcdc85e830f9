"""The regiobureau's part of `manage.py load_nhn --demo`: a published meeting per base-model
body, the Platform Wonen's previous meeting, held, with decisions, actions and draft minutes,
and an evaluated stuurgroep meeting with its half-year summary (issue 13)."""

from nhn_portal.core.seeding import register_seed
from regiobureau.demo import load_demo_meetings, load_demo_previous_meeting
from regiobureau.demo.evaluation import load_demo_evaluation
from regiobureau.demo.minutes import load_demo_minutes
from regiobureau.demo.planning import load_demo_planning
from regiobureau.demo.proposals import load_demo_proposal
from regiobureau.demo.rules import load_demo_rules_adoption


def load_demo(report) -> None:
    load_demo_meetings(report=report)
    load_demo_previous_meeting(report=report)
    load_demo_minutes(report=report)
    load_demo_planning(report=report)
    load_demo_proposal(report=report)
    load_demo_evaluation(report=report)
    load_demo_rules_adoption(report=report)


register_seed(app_label="regiobureau", demo=load_demo)
