"""Theme pages: the bodies that work on a policy theme (read from the registry, gremia); and
the growth scenarios, which only the beheerder sees and applies."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.utils.translation import ngettext

from gremia.permissions import access_theme
from gremia.selectors.registry import theme_bodies
from nhn_portal.core.access import is_manager
from nhn_portal.core.forms import UtrechtFormMixin, add_service_errors

from . import scenarios
from .adoption import decision_choices


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


class ScenarioAdoptForm(UtrechtFormMixin, forms.Form):
    """The stuurgroep decision on whose strength the beheerder applies the scenario."""

    decision = forms.TypedChoiceField(
        label=_lazy("Adopting decision of the stuurgroep"),
        help_text=_lazy("A growth scenario is applied only as the stuurgroep decided it."),
        coerce=int,
        error_messages={
            "required": _lazy("Choose the stuurgroep decision that adopts this scenario.")
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decision"].choices = [("", "—")] + [
            (d.pk, d.label) for d in decision_choices()
        ]
        self.style_widgets()


def scenario_detail(request, key):
    """The preview of what the scenario changes; applying it (POST) is one action, with the
    stuurgroep decision that adopts it."""
    _require_manager(request.user)
    scenario = scenarios.scenario_get(key)
    if scenario is None:
        raise Http404
    form = ScenarioAdoptForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                steps = scenarios.scenario_adopt(
                    actor=request.user,
                    scenario=scenario,
                    decision_id=form.cleaned_data["decision"],
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
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
                    messages.info(
                        request, _("Nothing to change: the scenario had been applied already.")
                    )
                return redirect("platforms:scenario_detail", key=key)
        status = 400
    return render(
        request,
        "platforms/scenario_detail.html",
        {
            "scenario": scenario,
            "steps": scenarios.scenario_plan(scenario),
            "form": form,
            "adoptions": scenarios.scenario_adoptions(scenario),
        },
        status=status,
    )
