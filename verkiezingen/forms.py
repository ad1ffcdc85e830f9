from django import forms
from django.utils.translation import gettext_lazy as _

from gremia.constants import OrganisationKind
from gremia.models.registry import Person
from nhn_portal.core.forms import UtrechtFormMixin

from .constants import ElectionKind


class ElectionForm(UtrechtFormMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Kind of election"), choices=ElectionKind.choices)
    held_on = forms.DateField(
        label=_("Election day"), widget=forms.DateInput(attrs={"type": "date"})
    )
    installed_on = forms.DateField(
        label=_("Installation"),
        help_text=_("The day the new councils, states or boards and their executives start."),
        widget=forms.DateInput(attrs={"type": "date"}),
    )


class SeatLabel(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.body.name} – {obj.organisation.name} – {obj.person.name}"


class PersonLabel(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name} ({obj.organisation})" if obj.organisation_id else obj.name


class SuccessorForm(UtrechtFormMixin, forms.Form):
    """One form for every successor: which seat, who takes it over, from when."""

    previous = SeatLabel(label=_("Seat"), queryset=None)
    person = PersonLabel(
        label=_("Successor"),
        help_text=_("Not in the list? Add the person in the registry first."),
        queryset=Person.objects.none(),
    )
    start = forms.DateField(
        label=_("Start"),
        required=False,
        help_text=_("Empty: the installation."),
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, *args, seats=None, organisation_kind=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["previous"].queryset = seats
        self.fields["person"].queryset = (
            Person.objects.filter(
                organisation__kind=organisation_kind or OrganisationKind.MUNICIPALITY
            )
            .select_related("organisation")
            .order_by("name")
        )
        self.style_widgets()
