"""The evaluation in the main navigation."""

from django.utils.translation import gettext_lazy as _

from nhn_portal.core.portal import MEETINGS, NavItem, in_namespace, register_nav_item

register_nav_item(
    NavItem(
        key="evaluation",
        label=_("Evaluation"),
        url_name="evaluation:evaluation_index",
        order=67,
        current=in_namespace(
            "evaluation", "evaluation_index", "evaluation_form", "evaluation_body"
        ),
        group=MEETINGS,
    )
)
