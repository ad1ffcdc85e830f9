"""The secretariat's forms for the cost key and the core message."""

import datetime
from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from gremia.constants import OrganisationKind
from gremia.models.registry import Organisation
from nhn_portal.core.forms import UtrechtFormMixin
from regiobureau.selectors.decisions import decision_label, decisions_adopted_by_steering_group

PARTNER_KINDS = (
    OrganisationKind.MUNICIPALITY,
    OrganisationKind.PROVINCE,
    OrganisationKind.WATER_BOARD,
)


def cost_key_partners():
    """The partners that share the cost: the municipalities, the province, the water board."""
    return Organisation.objects.filter(kind__in=PARTNER_KINDS).order_by("kind", "name")


class EuroField(forms.DecimalField):
    """An amount in euros as the Dutch write it: "1.850.000,50" (dots group thousands, the
    comma marks the cents); "€" and spaces are ignored."""

    def to_python(self, value):
        if isinstance(value, str):
            value = value.replace("€", "").replace(" ", "").replace("\u00a0", "").strip()
            if "," in value:
                value = value.replace(".", "").replace(",", ".")
        return super().to_python(value)


def _euro_field(label, help_text):
    return EuroField(
        label=label,
        help_text=help_text,
        min_value=Decimal(0),
        max_digits=12,
        decimal_places=2,
        # Text, not type="number": a browser's number field refuses "1.850.000,50".
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
    )


class CostKeyForm(UtrechtFormMixin, forms.Form):
    """A year's budget and cost key: the budget, a fixed part per partner, the rest per
    inhabitant on a reference date, and each partner's in-kind hours."""

    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    budget = _euro_field(_("Budget (euros)"), _("The regiobureau's budget for the year."))
    fixed_part = _euro_field(
        _("Fixed part per partner (euros)"),
        _("Every partner pays this; the rest of the budget is shared per inhabitant."),
    )
    population_date = forms.DateField(
        label=_("Population reference date"),
        help_text=_("The inhabitants (CBS) on or before this date are used."),
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.partners = list(cost_key_partners())
        for organisation in self.partners:
            self.fields[f"hours_{organisation.pk}"] = forms.IntegerField(
                label=_("In-kind hours: %(name)s") % {"name": organisation.name},
                min_value=0,
                initial=0,
            )
        self.style_widgets()

    def clean(self):
        data = super().clean()
        budget, fixed = data.get("budget"), data.get("fixed_part")
        if budget is not None and fixed is not None and fixed * len(self.partners) > budget:
            self.add_error(
                "fixed_part",
                _("The fixed parts of the %(count)d partners exceed the budget.")
                % {"count": len(self.partners)},
            )
        return data

    def partner_hours(self):
        return [(o, self.cleaned_data[f"hours_{o.pk}"]) for o in self.partners]

    def hour_fields(self):
        return [self[f"hours_{o.pk}"] for o in self.partners]

    def main_fields(self):
        return [self[name] for name in ("year", "budget", "fixed_part", "population_date")]


class DecisionChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return decision_label(obj)


class AdoptForm(UtrechtFormMixin, forms.Form):
    decision = DecisionChoice(
        label=_("Adopting decision of the stuurgroep"),
        queryset=None,
        error_messages={"required": _("Choose the stuurgroep decision that adopts this.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decision"].queryset = decisions_adopted_by_steering_group()
        self.style_widgets()


class CoreMessageForm(UtrechtFormMixin, forms.Form):
    text = forms.CharField(
        label=_("Core message"),
        help_text=_("A short vision text: het verhaal van NHN."),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 6}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.style_widgets()


def euros_to_cents(value: Decimal) -> int:
    return int((value * 100).to_integral_value())


DEFAULT_POPULATION_DATE = datetime.date(2025, 1, 1)
