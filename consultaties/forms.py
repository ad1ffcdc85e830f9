from django import forms
from django.utils.translation import gettext_lazy as _

from consultaties.constants import OUTCOMES, AgendaBody, Effect, ResponseStatus
from gremia.models.registry import Subregion
from nhn_portal.core.forms import UtrechtFormMixin, VersionField


class ConsultationForm(UtrechtFormMixin, forms.Form):
    agenda_item = forms.ModelChoiceField(label=_("Draft decision (agenda item)"), queryset=None)
    title = forms.CharField(label=_("Title"), max_length=300)
    question = forms.CharField(
        label=_("Question to the councils"), widget=forms.Textarea(attrs={"rows": 4})
    )
    subregions = forms.ModelMultipleChoiceField(
        label=_("Sub-regions asked"),
        queryset=Subregion.objects.order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("None chosen: all councils of the region."),
    )
    deadline = forms.DateField(
        label=_("Deadline"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Empty: the term of the rules of play, in working days."),
    )

    def __init__(self, *args, items, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agenda_item"].queryset = items
        self.fields["agenda_item"].label_from_instance = lambda item: (
            f"{item.meeting.body.name}, {item.meeting.starts_at:%d-%m-%Y}: {item.title}"
        )


class ScheduleForm(UtrechtFormMixin, forms.Form):
    version = VersionField()
    agenda_body = forms.ChoiceField(label=_("On the agenda of"), choices=AgendaBody.choices)
    agenda_date = forms.DateField(
        label=_("Agenda date"), widget=forms.DateInput(attrs={"type": "date"})
    )


class OutcomeForm(UtrechtFormMixin, forms.Form):
    version = VersionField()
    outcome = forms.ChoiceField(
        label=_("Outcome"),
        choices=[(value, ResponseStatus(value).label) for value in OUTCOMES],
        widget=forms.RadioSelect,
    )
    outcome_date = forms.DateField(
        label=_("Adopted by the council on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    text = forms.CharField(
        label=_("Response of the council"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    stuk = forms.FileField(label=_("Council decision or motion"), required=False)


class AnswerForm(UtrechtFormMixin, forms.Form):
    summary = forms.CharField(
        label=_("Summary of the point"), widget=forms.Textarea(attrs={"rows": 2})
    )
    answer = forms.CharField(label=_("Answer"), widget=forms.Textarea(attrs={"rows": 3}))
    effect = forms.ChoiceField(label=_("Effect"), choices=Effect.choices)
    reason = forms.CharField(label=_("Because"), required=False)


class FinalDecisionForm(UtrechtFormMixin, forms.Form):
    decision = forms.ModelChoiceField(label=_("Final decision"), queryset=None)
    urgency_reason = forms.CharField(
        label=_("Reason for deciding before the deadline (spoed)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, decisions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decision"].queryset = decisions
        self.fields["decision"].label_from_instance = lambda d: (
            f"{d.item.meeting.body.name}, {d.item.meeting.starts_at:%d-%m-%Y}: {d.item.title}"
        )


class RecessForm(UtrechtFormMixin, forms.Form):
    label = forms.CharField(label=_("Name"), max_length=100)
    starts_on = forms.DateField(label=_("From"), widget=forms.DateInput(attrs={"type": "date"}))
    ends_on = forms.DateField(label=_("Until"), widget=forms.DateInput(attrs={"type": "date"}))


class AdviceForm(UtrechtFormMixin, forms.Form):
    text = forms.CharField(label=_("Advice"), widget=forms.Textarea(attrs={"rows": 4}))
    advised_on = forms.DateField(
        label=_("Date of the advice"), widget=forms.DateInput(attrs={"type": "date"})
    )
    meeting = forms.ModelChoiceField(
        label=_("Meeting of the working group"), queryset=None, required=False
    )
    stuk = forms.FileField(label=_("Advice as a document"), required=False)

    def __init__(self, *args, meetings, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = meetings
        self.fields["meeting"].label_from_instance = lambda m: (
            f"{m.body.name}, {m.starts_at:%d-%m-%Y}"
        )
