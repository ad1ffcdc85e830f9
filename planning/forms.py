"""Forms of the forward agenda and of the stukken handed in by preparing bodies."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gremia.models.registry import Body, Subregion, Theme
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
    confidentiality = forms.ChoiceField(
        label=_("Confidentiality"), choices=Confidentiality.choices, initial=Confidentiality.PUBLIC
    )

    def __init__(self, *args, meeting=None, **kwargs):
        super().__init__(*args, **kwargs)
        if meeting is not None and not meeting.is_public:
            # A stuk for a closed meeting is confidential unless chosen otherwise.
            self.fields["confidentiality"].initial = Confidentiality.CONFIDENTIAL


class ProposalReturnForm(UtrechtFormMixin, forms.Form):
    remark = forms.CharField(
        label=_("Why is it returned?"), widget=forms.Textarea(attrs={"rows": 2})
    )


class MeetingSeriesForm(UtrechtFormMixin, forms.Form):
    """A recurring series: "every six weeks on Thursday", from a first date."""

    body = forms.ModelChoiceField(label=_("Body"), queryset=Body.objects.none())
    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        required=False,
        help_text=_("Leave empty to use the body's name and the date."),
    )
    first_date = forms.DateField(
        label=_("First meeting"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("The weekday of this date is the weekday of the series."),
    )
    interval_weeks = forms.IntegerField(
        label=_("Every how many weeks"), min_value=1, max_value=52, initial=6
    )
    count = forms.IntegerField(label=_("Number of meetings"), min_value=1, max_value=26, initial=6)
    start_time = forms.TimeField(
        label=_("Start time"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    end_time = forms.TimeField(
        label=_("End time"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    location = forms.CharField(label=_("Place"), max_length=200, required=False)
    confirmed_warnings = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        today = timezone.localdate()
        self.fields["body"].queryset = Body.objects.exclude(dissolved_on__lte=today)

    def clean(self):
        data = super().clean()
        start, end = data.get("start_time"), data.get("end_time")
        if start and end and end <= start:
            self.add_error("end_time", _("The meeting must end after it starts."))
        first = data.get("first_date")
        if first and first < timezone.localdate():
            self.add_error("first_date", _("A series starts today or later."))
        return data

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        return {
            key: data[key]
            for key in (
                "body",
                "title",
                "first_date",
                "interval_weeks",
                "count",
                "start_time",
                "end_time",
                "location",
            )
        }
