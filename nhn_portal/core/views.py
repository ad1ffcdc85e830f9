"""The portal's own pages: the signed-in overview and the public accessibility statement."""

from django.contrib.auth.decorators import login_not_required
from django.shortcuts import render

from gremia import selectors as gremia_selectors


def home(request):
    person = gremia_selectors.person_for_user(user=request.user)
    memberships = gremia_selectors.person_memberships(person=person)["current"] if person else []
    return render(request, "core/home.html", {"person": person, "memberships": memberships})


@login_not_required
def accessibility(request):
    return render(request, "core/accessibility.html")
