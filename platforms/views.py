"""Theme pages: the bodies that work on a policy theme (read from the registry, gremia); and
the growth scenarios, which only the beheerder sees and applies."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from gremia.permissions import access_theme
from gremia.selectors.registry import theme_bodies
from nhn_portal.core.access import is_manager

from . import scenarios


def theme_detail(request, slug):
    theme = access_theme(user=request.user, slug=slug)
    context = {"theme": theme, "bodies": theme_bodies(theme=theme)}
    return render(request, "platforms/theme_detail.html", context)


def _require_manager(user) -> None:
    if not is_manager(user):
        raise Http404


def scenario_list(request):
    _require_manager(request.user)
    rows = [
        (scenario, len(scenarios.scenario_plan(scenario)))
        for scenario in scenarios.SCENARIOS.values()
    ]
    return render(request, "platforms/scenario_list.html", {"rows": rows})


def scenario_detail(request, key):
    """The preview of what the scenario changes; applying it (POST) is one action."""
    _require_manager(request.user)
    scenario = scenarios.scenario_get(key)
    if scenario is None:
        raise Http404
    if request.method == "POST":
        steps = scenarios.scenario_apply(actor=request.user, scenario=scenario)
        if steps:
            messages.success(
                request,
                ngettext(
                    "The scenario was applied: %(count)d change.",
                    "The scenario was applied: %(count)d changes.",
                    len(steps),
                )
                % {"count": len(steps)},
            )
        else:
            messages.info(request, _("Nothing to change: the scenario had been applied already."))
        return redirect("platforms:scenario_detail", key=key)
    return render(
        request,
        "platforms/scenario_detail.html",
        {"scenario": scenario, "steps": scenarios.scenario_plan(scenario)},
    )
