"""The portal's own pages: the signed-in overview and the public accessibility statement."""

from django.contrib.auth.decorators import login_not_required
from django.shortcuts import render

from gremia import selectors as gremia_selectors
from raden import selectors as letter_selectors
from regiobureau import decision_selectors
from regiobureau import permissions as meeting_permissions
from regiobureau import selectors as meeting_selectors

HOME_MEETINGS = 5


def home(request):
    """The signed-in overview: what waits for this user (meetings, actions, letters), then
    the registry. The secretariat sees the whole region's coming meetings; a member those of
    the bodies they sit on; a griffie the letters its council has not yet confirmed."""
    user = request.user
    person = gremia_selectors.person_for_user(user=user)
    memberships = gremia_selectors.person_memberships(person=person)["current"] if person else []
    secretariat = meeting_permissions.is_secretariat(user)
    if secretariat:
        meetings = meeting_selectors.meeting_list_upcoming(user=user)
    else:
        meetings = meeting_selectors.meeting_list_for_member(user=user)
    actions = decision_selectors.action_list_for_user(user=user, person=person)
    return render(
        request,
        "core/home.html",
        {
            "person": person,
            "memberships": memberships,
            "secretariat": secretariat,
            "meetings": list(meetings[:HOME_MEETINGS]),
            "open_actions": actions,
            "overdue_count": sum(1 for action in actions if action.is_overdue()),
            "griffie_letters": letter_selectors.unconfirmed_for_griffie(user=user),
            "unconfirmed_copies": letter_selectors.unconfirmed_copy_count(user=user),
        },
    )


@login_not_required
def accessibility(request):
    return render(request, "core/accessibility.html")
