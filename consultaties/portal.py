"""The consultations' places in the portal frame: one navigation entry (councils group) for
the secretariat and the griffies, their to-do lines, and the public list."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from consultaties.constants import NotaStatus
from consultaties.selectors import (
    consultations_for_meeting,
    decisions_missing_consultation,
    nota_work,
    open_for_griffie,
)
from consultaties.services import adoption_check
from nhn_portal.core.access import is_secretariat
from nhn_portal.core.constants import Role
from nhn_portal.core.portal import (
    COUNCILS,
    PUBLIC,
    NavItem,
    Panel,
    TodoLine,
    in_namespace,
    register_nav_item,
    register_panel,
    register_todo,
)
from regiobureau.adoption import register_adoption_check


def _uses(user) -> bool:
    return Role.CLERK.value in user.role_names or is_secretariat(user)


register_nav_item(
    NavItem(
        key="consultations",
        label=gettext_lazy("Consultations"),
        url_name="consultaties:list",
        order=73,
        visible=_uses,
        current=in_namespace("consultaties", "list", "create", "detail", "recess"),
        group=COUNCILS,
    )
)


def griffie_lines(user):
    """A griffie's open consultations: put it on the agenda, record the outcome."""
    if Role.CLERK.value not in user.role_names:
        return []
    return [
        TodoLine(
            text=_("Record your council's response to “%(title)s”")
            % {"title": response.consultation.title},
            url=reverse("consultaties:detail", kwargs={"pk": response.consultation_id}),
            when=response.consultation.deadline,
            why=_("consultation of the councils"),
            group=COUNCILS,
        )
        for response in open_for_griffie(user)
    ]


def secretariat_lines(user):
    """The secretaries: a reactienota due after the deadline, or waiting for a reviewer (the
    beheerder's list is about the system, as for the meetings' lines)."""
    if Role.SECRETARY.value not in user.role_names:
        return []
    lines = []
    for consultation in nota_work(user):
        due = consultation.nota_status == NotaStatus.DRAFT
        template = (
            _("Write the reactienota for “%(title)s”")
            if due
            else _("Review the reactienota for “%(title)s”")
        )
        lines.append(
            TodoLine(
                text=template % {"title": consultation.title},
                url=consultation.get_absolute_url(),
                when=consultation.deadline,
                why=_("the councils' deadline has passed") if due else _("four eyes"),
                group=COUNCILS,
            )
        )
    return lines


# A decision adopted on a draft the councils are still consulted on needs a reason ("spoed").
register_adoption_check("consultations_deadline", adoption_check)

register_todo("consultations_griffie", griffie_lines, order=56)
register_todo("consultations_secretariat", secretariat_lines, order=57)


def meeting_consultations(request, *, meeting, **objects) -> dict:
    """The meeting page: the consultations of the councils on its items, and for the
    secretariat the warning on a decision the rules of play say needs one that has none."""
    return {
        "meeting_consultations": consultations_for_meeting(user=request.user, meeting=meeting),
        "missing_consultation": decisions_missing_consultation(meeting=meeting)
        if is_secretariat(request.user)
        else [],
    }


register_panel(
    Panel(
        page="meeting",
        name="consultations",
        template="consultaties/_meeting_links.html",
        context=meeting_consultations,
        order=30,
        slot="links",
    )
)

# For a visitor: the public consultations, in the public menu.
register_nav_item(
    NavItem(
        key="public_consultations",
        label=gettext_lazy("Consultations of the councils"),
        url_name="consultaties:public_list",
        order=37,
        current=in_namespace("consultaties", "public_list", "public_detail"),
        visible=lambda user: False,
        public=True,
        group=PUBLIC,
    )
)
