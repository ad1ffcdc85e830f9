"""Forms for decisions and action items; the services do the real checks."""

from django import forms
from django.db.models import F
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from gremia.models.registry import Organisation, Person
from nhn_portal.core.forms import UtrechtFormMixin
from regiobureau.constants import ActionStatus, DecisionOutcome, VoteChoice
from regiobureau.selectors.agenda import number_items

NO_VOTE = ""


class AgendaItemChoiceField(forms.ModelChoiceField):
    """The meeting's items in agenda order (4, 4a, 4b, 5), each labelled with its number."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.numbers: dict[int, str] = {}  # item pk → agenda number, set per meeting

    def label_from_instance(self, obj):
        number = self.numbers.get(obj.pk)
        return f"{number}. {obj.title}" if number else obj.title


def agenda_items_for_choice(field: AgendaItemChoiceField, meeting) -> None:
    items = meeting.items.order_by(
        Coalesce("parent__position", "position"), F("parent").asc(nulls_first=True), "position"
    )
    field.queryset = items
    field.numbers = number_items(list(items))


class DecisionForm(UtrechtFormMixin, forms.Form):
    item = AgendaItemChoiceField(label=_("Agenda item"), queryset=None)
    text = forms.CharField(label=_("Decision"), widget=forms.Textarea(attrs={"rows": 3}))
    outcome = forms.ChoiceField(
        label=_("Outcome"),
        required=False,
        choices=[("", _("Follows from the votes"))]
        + [c for c in DecisionOutcome.choices if c[0] != DecisionOutcome.NO_QUORUM],
    )
    urgency_reason = forms.CharField(
        label=_("Reason for deciding before the deadline"),
        help_text=_(
            "Only when the councils' consultation on this item has not yet closed (“spoed”)."
        ),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, meeting, voters: list[Person], **kwargs):
        super().__init__(*args, **kwargs)
        agenda_items_for_choice(self.fields["item"], meeting)
        self.voters = voters
        for person in voters:
            stand_in = getattr(person, "stand_in", None)
            self.fields[f"vote_{person.pk}"] = forms.ChoiceField(
                label=(
                    _("%(member)s (substitute: %(substitute)s)")
                    % {"member": person.name, "substitute": stand_in.name}
                    if stand_in
                    else person.name
                ),
                required=False,
                choices=[(NO_VOTE, _("absent or did not vote"))] + list(VoteChoice.choices),
            )
        self.style_widgets()

    def vote_fields(self):
        return [self[f"vote_{person.pk}"] for person in self.voters]

    def votes(self) -> dict[int, str]:
        return {
            person.pk: self.cleaned_data[f"vote_{person.pk}"]
            for person in self.voters
            if self.cleaned_data.get(f"vote_{person.pk}")
        }


class ActionItemForm(UtrechtFormMixin, forms.Form):
    description = forms.CharField(label=_("Action"), widget=forms.Textarea(attrs={"rows": 2}))
    owner_person = forms.ModelChoiceField(
        label=_("Owner (person)"), queryset=Person.objects.order_by("name"), required=False
    )
    owner_organisation = forms.ModelChoiceField(
        label=_("or owner (organisation)"),
        queryset=Organisation.objects.order_by("name"),
        required=False,
    )
    deadline = forms.DateField(label=_("Deadline"), widget=forms.DateInput(attrs={"type": "date"}))
    item = AgendaItemChoiceField(label=_("From agenda item"), queryset=None, required=False)

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        agenda_items_for_choice(self.fields["item"], meeting)

    def clean(self):
        data = super().clean()
        if bool(data.get("owner_person")) == bool(data.get("owner_organisation")):
            raise forms.ValidationError(
                _("An action has exactly one owner: a person or an organisation.")
            )
        return data


class ActionStatusForm(UtrechtFormMixin, forms.Form):
    status = forms.ChoiceField(choices=ActionStatus.choices)
