"""The portal's own pages: the signed-in overview and the public accessibility statement."""

from django.contrib.auth.decorators import login_not_required
from django.shortcuts import render

from .portal import page_panels


def home(request):
    """The signed-in overview: what waits for this user, gathered from the apps' overview
    panels (meetings and actions, council letters, one's own memberships in the registry);
    each app decides what its panel shows to whom."""
    slots, context = page_panels("overview", request)
    return render(request, "core/home.html", {"slots": slots, **context})


@login_not_required
def accessibility(request):
    return render(request, "core/accessibility.html")
