"""The regiobureau's places in the portal frame: the calendar, "Mijn vergaderingen", dossiers
and "Mijn acties" in the main navigation; the coming meetings and one's own action items on
the overview."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gremia.selectors.registry import person_for_user
from nhn_portal.core.access import is_secretariat
from nhn_portal.core.portal import (
    MEETINGS,
    ORGANISATION,
    WORK,
    NavItem,
    Panel,
    in_namespace,
    register_nav_item,
    register_panel,
    register_todo,
)
from platforms.adoption import AdoptingDecision, register_decision_source
from regiobureau.selectors.actions import action_list_for_user
from regiobureau.selectors.decisions import decision_label, decisions_adopted_by_steering_group
from regiobureau.selectors.meetings import meeting_list_for_member, meeting_list_upcoming
from regiobureau.selectors.todo import (
    action_lines,
    own_body_material_lines,
    reading_lines,
    review_lines,
    secretary_lines,
)

# How many coming meetings the overview lists.
OVERVIEW_MEETINGS = 5

register_nav_item(
    NavItem(
        key="calendar",
        label=_("Regional calendar"),
        url_name="regiobureau:calendar",
        order=30,
        current=in_namespace("regiobureau", "calendar"),
        public=True,
        group=MEETINGS,
    )
)
register_nav_item(
    NavItem(
        key="meeting_archive",
        label=_("Meeting archive"),
        url_name="regiobureau:meeting_archive",
        order=35,
        current=in_namespace("regiobureau", "meeting_archive"),
        public=True,
        group=MEETINGS,
    )
)
register_nav_item(
    NavItem(
        key="my_meetings",
        label=_("My meetings"),
        url_name="regiobureau:my_meetings",
        order=40,
        current=in_namespace("regiobureau", "my_meetings", "my_comments"),
        group=WORK,
    )
)
register_nav_item(
    NavItem(
        key="dossiers",
        label=_("Dossiers"),
        url_name="regiobureau:dossier_list",
        order=50,
        current=in_namespace("regiobureau", "dossier_list", "dossier_detail"),
        group=ORGANISATION,
    )
)
register_nav_item(
    NavItem(
        key="my_actions",
        label=_("My actions"),
        url_name="regiobureau:my_actions",
        order=60,
        current=in_namespace("regiobureau", "my_actions"),
        group=WORK,
    )
)


def overview_meetings(request) -> dict:
    """The secretariat sees the whole region's coming meetings (with the stukken deadline);
    a member those of the bodies they sit on."""
    user = request.user
    secretariat = is_secretariat(user)
    if secretariat:
        meetings = meeting_list_upcoming(user=user)
    else:
        meetings = meeting_list_for_member(user=user)
    return {"secretariat": secretariat, "meetings": list(meetings[:OVERVIEW_MEETINGS])}


def overview_actions(request) -> dict:
    """One's own open action items (and one's organisation's), with how many are overdue."""
    person = person_for_user(user=request.user)
    actions = action_list_for_user(user=request.user, person=person)
    return {
        "open_actions": actions,
        "overdue_count": sum(1 for action in actions if action.is_overdue()),
    }


register_panel(
    Panel(
        page="overview",
        name="meetings",
        template="regiobureau/_overview_meetings.html",
        context=overview_meetings,
        order=10,
        slot="status",
    )
)
register_panel(
    Panel(
        page="overview",
        name="actions",
        template="regiobureau/_overview_actions.html",
        context=overview_actions,
        order=20,
        slot="status",
    )
)


# The overview's to-do lines (nhn_portal.core.portal.todo_lines).
register_todo("meetings_secretary", secretary_lines, order=10)
register_todo("annotation_reviews", review_lines, order=15)
register_todo("meetings_reading", reading_lines, order=20)
register_todo("meetings_material", own_body_material_lines, order=25)
register_todo("actions", action_lines, order=30)


def _adopting_decision(decision) -> AdoptingDecision:
    return AdoptingDecision(
        pk=decision.pk,
        label=decision_label(decision),
        decided_on=timezone.localdate(decision.item.meeting.starts_at),
        url=decision.item.meeting.get_absolute_url(),
    )


def _scenario_decision_choices() -> list[AdoptingDecision]:
    return [_adopting_decision(d) for d in decisions_adopted_by_steering_group()[:50]]


def _scenario_decision_get(pk: int) -> AdoptingDecision | None:
    decision = decisions_adopted_by_steering_group().filter(pk=pk).first()
    return _adopting_decision(decision) if decision else None


# Applying a growth scenario (platforms, a floor below) requires a stuurgroep decision.
register_decision_source(choices=_scenario_decision_choices, get=_scenario_decision_get)
