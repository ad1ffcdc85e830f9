"""The questions' places in the portal frame: the navigation entry for the griffies and the
secretariat (under the councils' menu) and the overdue questions on the secretariat's list."""

from django.utils.translation import gettext_lazy as _

from nhn_portal.core.access import is_secretariat
from nhn_portal.core.constants import Role
from nhn_portal.core.portal import (
    COUNCILS,
    PUBLIC,
    NavItem,
    in_namespace,
    register_nav_item,
    register_todo,
)
from vragen.selectors import overdue_lines


def _uses_questions(user) -> bool:
    # By role alone (no query): the griffie's municipality is checked on the pages themselves.
    return Role.CLERK.value in user.role_names or is_secretariat(user)


register_nav_item(
    NavItem(
        key="council_questions",
        label=_("Questions from council members"),
        url_name="vragen:question_list",
        order=73,
        visible=_uses_questions,
        current=in_namespace("vragen", "question_list", "question_create", "question_detail"),
        group=COUNCILS,
    )
)

register_todo("council_questions_overdue", overdue_lines, order=52)

# For a visitor: the published answers, in the public menu.
register_nav_item(
    NavItem(
        key="public_council_questions",
        label=_("Answers to council members' questions"),
        url_name="vragen:public_list",
        order=38,
        current=in_namespace("vragen", "public_list", "public_detail"),
        visible=lambda user: False,
        public=True,
        group=PUBLIC,
    )
)
