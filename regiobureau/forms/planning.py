"""Forms of the forward agenda (issue 10)."""

import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from gremia.models import Body, Subregion, Theme
from nhn_portal.core.forms import UtrechtFormMixin
from regiobureau.models.meetings import Dossier


class PlanningFilterForm(UtrechtFormMixin, forms.Form):
    body = forms.ModelChoiceField(
        label=_("Body"), queryset=Body.objects.all(), required=False, empty_label=_("All bodies")
    )
    theme = forms.ModelChoiceField(
        label=_("Theme"), queryset=Theme.objects.all(), required=False, empty_label=_("All themes")
    )
    subregion = forms.ModelChoiceField(
        label=_("Sub-region"),
        queryset=Subregion.objects.all(),
        required=False,
        empty_label=_("All sub-regions"),
    )
    dossier = forms.ModelChoiceField(
        label=_("Dossier"),
        queryset=Dossier.objects.all(),
        required=False,
        empty_label=_("All dossiers"),
    )


class MonthField(forms.DateField):
    widget = forms.DateInput(attrs={"type": "month"}, format="%Y-%m")
    input_formats = ["%Y-%m", "%Y-%m-%d"]

    def to_python(self, value):
        day = super().to_python(value)
        return datetime.date(day.year, day.month, 1) if day else day


class PlannedTopicForm(UtrechtFormMixin, forms.Form):
    body = forms.ModelChoiceField(
        label=_("Body"), queryset=Body.objects.filter(dissolved_on__isnull=True)
    )
    month = MonthField(label=_("Month"))
    title = forms.CharField(label=_("Topic"), max_length=300)
    dossier = forms.ModelChoiceField(
        label=_("Dossier"), queryset=Dossier.objects.all(), required=False
    )
    council_letter = forms.BooleanField(
        label=_("Council information letter moment"), required=False
    )
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
