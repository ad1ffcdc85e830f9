"""Forms of the forward agenda and of the stukken handed in by preparing bodies."""

import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from gremia.models import Body, Subregion, Theme
from nhn_portal.core.forms import UtrechtFormMixin
from regiobureau.constants import Confidentiality
from regiobureau.forms.decisions import AgendaItemChoiceField, agenda_items_for_choice
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


class ProposalForm(UtrechtFormMixin, forms.Form):
    from_body = forms.ModelChoiceField(label=_("On behalf of"), queryset=Body.objects.none())
    title = forms.CharField(label=_("Title of the stuk"), max_length=300)
    upload = forms.FileField(label=_("File"))
    item = AgendaItemChoiceField(
        label=_("For agenda item"), queryset=None, required=False, empty_label=_("A new item")
    )
    item_title = forms.CharField(
        label=_("Proposed agenda item"),
        max_length=300,
        required=False,
        help_text=_("When the stuk belongs to no item yet."),
    )

    def __init__(self, *args, meeting, bodies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["from_body"].queryset = Body.objects.filter(pk__in=[b.pk for b in bodies])
        if len(bodies) == 1:
            self.fields["from_body"].initial = bodies[0].pk
        agenda_items_for_choice(self.fields["item"], meeting)
        self.style_widgets()


class ProposalAcceptForm(UtrechtFormMixin, forms.Form):
    confidentiality = forms.ChoiceField(label=_("Confidentiality"), choices=Confidentiality.choices)


class ProposalReturnForm(UtrechtFormMixin, forms.Form):
    remark = forms.CharField(
        label=_("Why is it returned?"), widget=forms.Textarea(attrs={"rows": 2})
    )
