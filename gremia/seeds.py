"""The registry's part of `manage.py load_nhn`: the real NHN structure and the demo people."""

from gremia.demo import load_demo_rules, load_demo_woo_publishers
from nhn_portal.core.seeding import register_seed

from .demo import load_demo
from .reference import load_reference

register_seed(
    app_label="gremia",
    reference=lambda report: load_reference(report=report),
    demo=lambda report: (
        load_demo(report=report),
        load_demo_rules(report=report),
        load_demo_woo_publishers(report=report),
    ),
)
