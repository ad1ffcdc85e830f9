"""Forms of the registry's own pages: rules of play and the cooperation agreement.
The admin keeps its model forms in admin.py."""

from django import forms
from django.utils.translation import gettext_lazy as _

from gremia.models.registry import Body, Organisation
from gremia.selectors.rules import AGREEMENT_KINDS
from nhn_portal.core.forms import UtrechtFormMixin

from .constants import CONDUCT_QUESTIONS, RULES_QUESTIONS


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class RulesScopeForm(UtrechtFormMixin, forms.Form):
    body = forms.ModelChoiceField(
        label=_("Body"),
        queryset=Body.objects.filter(dissolved_on__isnull=True).order_by("name"),
        required=False,
        empty_label=_("NHN-wide (the whole cooperation)"),
        help_text=_("Leave empty for the NHN-wide spelregelnotitie."),
    )


class RulesForm(UtrechtFormMixin, forms.Form):
    """The ten questions of the report, each answered in free text."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, label, question in RULES_QUESTIONS + CONDUCT_QUESTIONS:
            self.fields[name] = forms.CharField(
                label=label,
                help_text=question,
                required=False,
                widget=forms.Textarea(attrs={"rows": 3}),
            )
        self.fields["consultation_term_weeks"] = forms.IntegerField(
            label=_("Consultation term of the councils (weeks)"),
            min_value=1,
            max_value=52,
            required=False,
            help_text=_("The default term for wishes and objections, counted in working days."),
        )
        self.fields["consultation_required"] = forms.BooleanField(
            label=_("Decisions of this body need a consultation of the councils"),
            required=False,
        )
        self.fields["outcome_max_deviation"] = forms.IntegerField(
            label=_("Balance of outcomes: maximum deviation (percentage points)"),
            min_value=0,
            max_value=100,
            required=False,
            help_text=_(
                "How far a sub-region's share of the euros may differ from its share of the "
                "inhabitants before the balance page warns."
            ),
        )
        self.style_widgets()


class AgreementAdoptionForm(UtrechtFormMixin, forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.filter(kind__in=AGREEMENT_KINDS).order_by("name"),
    )
    adopted_on = forms.DateField(
        label=_("Adopted by the college on"),
        required=False,
        widget=DateInput(),
        help_text=_("Leave empty when the college has not (yet) adopted it."),
    )
    reference = forms.CharField(label=_("Decision reference"), max_length=200, required=False)


class AssistantChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        name = obj.get_full_name()
        return f"{name} ({obj.email})" if name else obj.email


class DelegationForm(UtrechtFormMixin, forms.Form):
    """A bestuurder names the assistant who may read her meetings."""

    assistant = AssistantChoiceField(
        label=_("Assistant"),
        queryset=None,
        help_text=_(
            "The assistant can read your meetings, confidential stukken and annotations "
            "included, until you revoke it, but cannot respond or mark items as read for you."
        ),
    )

    def __init__(self, *args, choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assistant"].queryset = choices
        self.style_widgets()
