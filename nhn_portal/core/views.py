"""The portal's own pages: the signed-in overview and the public accessibility statement."""

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.shortcuts import render

from .http import no_store
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


def login_locked_out(request, original_response=None, credentials=None):
    """django-axes' answer to a login attempt while its account or address is locked out:
    429 with a Dutch explanation, for the allauth login and the admin alike."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    response = render(request, "account/locked_out.html", {"cooloff_minutes": minutes}, status=429)
    response["Retry-After"] = str(minutes * 60)
    return no_store(response)
