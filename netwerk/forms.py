from django import forms
from django.utils.translation import gettext_lazy as _

from gremia.models import Body
from nhn_portal.core.forms import UtrechtFormMixin

from .constants import OpportunityKind, OpportunityOutcome


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


def _bodies():
    return Body.objects.filter(dissolved_on__isnull=True).order_by("name")


class OpportunityForm(UtrechtFormMixin, forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    kind = forms.ChoiceField(label=_("Kind"), choices=OpportunityKind.choices)
    source = forms.CharField(label=_("Source"), max_length=300, required=False)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    signalled_on = forms.DateField(label=_("Signalled on"), widget=DateInput())
    deadline = forms.DateField(label=_("External deadline"), widget=DateInput())
    deciding_body = forms.ModelChoiceField(label=_("Deciding body"), queryset=_bodies())


class StepForm(UtrechtFormMixin, forms.Form):
    body = forms.ModelChoiceField(label=_("Body"), queryset=_bodies())
    planned_on = forms.DateField(label=_("Planned on"), widget=DateInput())


class StepDoneForm(UtrechtFormMixin, forms.Form):
    done_on = forms.DateField(label=_("Done on"), widget=DateInput())


class DecisionForm(UtrechtFormMixin, forms.Form):
    decided_on = forms.DateField(label=_("Decided on"), widget=DateInput())
    outcome = forms.ChoiceField(label=_("Outcome"), choices=OpportunityOutcome.choices)
