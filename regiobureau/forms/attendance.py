"""Forms of the presentielijst: the member's registration and the secretariat's
one-screen record of who was there. The services check the rules (seat, organisation)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from gremia.models.registry import Person
from nhn_portal.core.forms import UtrechtFormMixin
from regiobureau.constants import Presence, Registration

NOT_RECORDED = ""


class RegistrationForm(UtrechtFormMixin, forms.Form):
    registration = forms.ChoiceField(
        label=_("Will you attend?"), choices=Registration.choices, widget=forms.RadioSelect
    )
    substitute = forms.ModelChoiceField(
        label=_("Substitute"),
        queryset=Person.objects.none(),
        required=False,
        help_text=_("A person of your organisation who attends in your place."),
    )

    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["substitute"].queryset = candidates

    def clean(self):
        data = super().clean()
        if data.get("registration") == Registration.SUBSTITUTE and not data.get("substitute"):
            self.add_error("substitute", _("Name the substitute."))
        return data


class AttendanceRecordForm(UtrechtFormMixin, forms.Form):
    """One presence choice and one substitute list per seat; the substitute list offers the
    people of the organisation the member represents (read in one query by the view)."""

    def __init__(self, *args, seats, candidates_by_organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.seats = seats
        for seat in seats:
            mid = seat.membership.pk
            self.fields[f"presence_{mid}"] = forms.ChoiceField(
                label=seat.person.name,
                required=False,
                choices=[(NOT_RECORDED, _("Not recorded"))] + list(Presence.choices),
                widget=forms.RadioSelect,
                initial=seat.presence,
            )
            people = candidates_by_organisation.get(seat.membership.organisation_id, [])
            self.fields[f"substitute_{mid}"] = forms.TypedChoiceField(
                label=_("Substitute for %(member)s") % {"member": seat.person.name},
                required=False,
                coerce=int,
                empty_value=None,
                choices=[("", _("Choose …"))]
                + [(p.pk, p.name) for p in people if p.pk != seat.person.pk],
                initial=seat.substitute.pk if seat.substitute else "",
            )
        self.style_widgets()

    def rows(self):
        return [
            (seat, self[f"presence_{seat.membership.pk}"], self[f"substitute_{seat.membership.pk}"])
            for seat in self.seats
        ]

    def entries(self) -> dict[int, tuple[str, int | None]]:
        return {
            seat.membership.pk: (
                self.cleaned_data.get(f"presence_{seat.membership.pk}") or NOT_RECORDED,
                self.cleaned_data.get(f"substitute_{seat.membership.pk}"),
            )
            for seat in self.seats
        }
