from django import forms
from django.utils.translation import gettext_lazy as _

from gremia.models import Person, Subregion
from nhn_portal.core.forms import UtrechtFormMixin


class LetterForm(UtrechtFormMixin, forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    intro = forms.CharField(
        label=_("Introduction"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    contact_person = forms.ModelChoiceField(
        label=_("Contact person"), queryset=Person.objects.order_by("name"), required=False
    )


class LetterItemForm(UtrechtFormMixin, forms.Form):
    decision = forms.ModelChoiceField(label=_("Decision"), queryset=None)
    text = forms.CharField(
        label=_("Text for council members"), widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args, decisions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decision"].queryset = decisions
        self.fields["decision"].label_from_instance = lambda d: (
            f"{d.item.title} ({d.get_outcome_display().lower()})"
        )


class SubregionParagraphForm(UtrechtFormMixin, forms.Form):
    subregion = forms.ModelChoiceField(label=_("Sub-region"), queryset=Subregion.objects.all())
    text = forms.CharField(
        label=_("Paragraph for the councils of this sub-region"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Leave empty to remove the paragraph."),
    )


class ScheduleForm(UtrechtFormMixin, forms.Form):
    council_date = forms.DateField(
        label=_("Date of the council meeting"),
        # A date input takes and shows ISO dates (the browser displays them in Dutch).
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    council_link = forms.URLField(
        label=_("Link to the council's own system"),
        required=False,
        assume_scheme="https",
    )


class DashboardFilterForm(UtrechtFormMixin, forms.Form):
    days = forms.IntegerField(
        label=_("Not confirmed after (days)"), min_value=0, max_value=365, required=False
    )
