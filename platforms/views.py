"""Theme pages: the bodies that work on a policy theme (read from the registry, gremia)."""

from django.shortcuts import render

from gremia import selectors as registry
from gremia.permissions import access_theme


def theme_detail(request, slug):
    theme = access_theme(user=request.user, slug=slug)
    context = {"theme": theme, "bodies": registry.theme_bodies(theme=theme)}
    return render(request, "platforms/theme_detail.html", context)
