"""The council letters' part of `manage.py load_nhn --demo`: a letter to the 17 councils about
the Platform Wonen's previous meeting, with copies in several states; the upcoming council
conference with registrations from several councils, and the preferences of a few councils."""

from nhn_portal.core.seeding import register_seed

from .demo import (
    load_demo_council_letters,
    load_demo_council_working_group,
    load_demo_gatherings,
)


def load_demo(report):
    load_demo_council_letters(report=report)
    load_demo_gatherings(report=report)
    load_demo_council_working_group(report=report)


register_seed(app_label="raden", demo=load_demo)
