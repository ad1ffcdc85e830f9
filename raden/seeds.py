"""The council letters' part of `manage.py load_nhn --demo`: a letter to the 17 councils about
the Platform Wonen's previous meeting, with copies in several states."""

from nhn_portal.core.seeding import register_seed

from .demo import load_demo_council_letters

register_seed(
    app_label="raden",
    demo=lambda report: load_demo_council_letters(report=report),
)
