"""The vragen app's part of `manage.py load_nhn --demo`: questions from council members."""

from nhn_portal.core.seeding import register_seed

from .demo import load_demo_questions

register_seed(app_label="vragen", demo=lambda report: load_demo_questions(report=report))
