"""Theme pages: the bodies that work on a policy theme."""

from django.shortcuts import render

from gremia.permissions import access_theme

from . import selectors


def theme_detail(request, slug):
    theme = access_theme(user=request.user, slug=slug)
    context = {"theme": theme, "bodies": selectors.theme_bodies(theme=theme)}
    return render(request, "platforms/theme_detail.html", context)
