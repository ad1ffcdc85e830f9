"""The adoption of rules of play by a stuurgroep decision."""

from django import forms
from django.utils.translation import gettext_lazy as _

from gremia.constants import BodyKind
from nhn_portal.core.forms import UtrechtFormMixin
from regiobureau.constants import DecisionOutcome
from regiobureau.models.decisions import Decision


class DecisionLabel(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        meeting = obj.item.meeting
        return f"{meeting.starts_at:%d-%m-%Y} – {obj.item.title}"


class RulesAdoptForm(UtrechtFormMixin, forms.Form):
    decision = DecisionLabel(
        label=_("Stuurgroep decision"),
        help_text=_("The adopted decision of the stuurgroep that adopts these rules of play."),
        queryset=Decision.objects.none(),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decision"].queryset = (
            Decision.objects.filter(
                outcome=DecisionOutcome.ADOPTED,
                item__meeting__body__kind=BodyKind.STEERING_GROUP,
            )
            .select_related("item__meeting")
            .order_by("-item__meeting__starts_at", "item__position")
        )
