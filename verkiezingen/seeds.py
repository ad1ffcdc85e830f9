"""The elections' part of `manage.py load_nhn --demo`."""

from nhn_portal.core.seeding import register_seed

from .demo import load_demo_elections

register_seed(app_label="verkiezingen", demo=lambda report: load_demo_elections(report=report))
