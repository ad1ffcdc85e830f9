"""The secretariat's form for an entry in the ledger of outcomes."""

from decimal import Decimal, InvalidOperation

from django import forms
from django.utils.translation import gettext_lazy as _

from gremia.constants import OrganisationKind
from gremia.models.registry import Organisation, Subregion
from netwerk.constants import OutcomeKind
from netwerk.models.regio_deal import RegioDealProject
from nhn_portal.core.forms import UtrechtFormMixin
from regiobureau.constants import DecisionOutcome
from regiobureau.models.decisions import Decision


class DecisionChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        meeting = obj.item.meeting
        return f"{meeting.starts_at:%d-%m-%Y} – {obj.item.title}"


def _municipality_key(name: str) -> str:
    name = name.strip().lower()
    return name.removeprefix("gemeente ").strip()


class OutcomeForm(UtrechtFormMixin, forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    kind = forms.ChoiceField(label=_("Kind"), choices=OutcomeKind.choices)
    amount = forms.DecimalField(
        label=_("Amount in euros"), min_value=Decimal("0.01"), max_digits=14, decimal_places=2
    )
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    project = forms.ModelChoiceField(
        label=_("Regio Deal project"),
        queryset=RegioDealProject.objects.order_by("title"),
        required=False,
        help_text=_(
            "For a Regio Deal entry. Without places of its own, the euros land "
            "evenly in the project's municipalities."
        ),
    )
    decision = DecisionChoice(
        label=_("Decision"),
        queryset=Decision.objects.none(),
        required=False,
        help_text=_("For a decision with a place-bound investment."),
    )
    subregion = forms.ModelChoiceField(
        label=_("Whole sub-region"),
        queryset=Subregion.objects.order_by("name"),
        required=False,
        help_text=_("Spread over its municipalities by their inhabitants (CBS)."),
    )
    shares = forms.CharField(
        label=_("Municipalities"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "One municipality per line, optionally with its share in percent, e.g. "
            "“Alkmaar = 60”. Without shares the amount is split evenly."
        ),
    )
    confidential = forms.BooleanField(
        label=_("Confidential (not on the public page)"), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decision"].queryset = (
            Decision.objects.filter(outcome=DecisionOutcome.ADOPTED)
            .select_related("item__meeting")
            .order_by("-item__meeting__starts_at", "item__position")
        )

    def clean_shares(self):
        text = self.cleaned_data["shares"]
        municipalities = {
            _municipality_key(m.name): m
            for m in Organisation.objects.filter(kind=OrganisationKind.MUNICIPALITY)
        }
        shares, errors = [], []
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            name, _sep, weight = line.partition("=")
            municipality = municipalities.get(_municipality_key(name))
            if municipality is None:
                errors.append(
                    _("Line %(line)s: “%(name)s” is not a municipality of the region.")
                    % {"line": number, "name": name.strip()}
                )
                continue
            value = None
            if weight.strip():
                try:
                    value = Decimal(weight.strip().rstrip("%").strip().replace(",", "."))
                except InvalidOperation:
                    errors.append(
                        _("Line %(line)s: “%(weight)s” is not a percentage.")
                        % {"line": number, "weight": weight.strip()}
                    )
                    continue
            shares.append((municipality, value))
        if errors:
            raise forms.ValidationError(errors)
        return shares

    @staticmethod
    def shares_text(entry) -> str:
        return "\n".join(
            f"{share.municipality.name}"
            + (f" = {share.weight}" if share.weight is not None else "")
            for share in entry.shares.all()
        )
