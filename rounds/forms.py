"""Forms of the schriftelijke ronde; the services check the rules."""

from django import forms
from django.utils.translation import gettext_lazy as _

from gremia.models.registry import Body
from nhn_portal.core.forms import UtrechtFormMixin
from regiobureau.constants import VoteChoice


class WrittenRoundForm(UtrechtFormMixin, forms.Form):
    body = forms.ModelChoiceField(
        label=_("Body"), queryset=Body.objects.filter(dissolved_on__isnull=True).order_by("name")
    )
    title = forms.CharField(label=_("Title"), max_length=300)
    proposal = forms.CharField(
        label=_("Proposal"), widget=forms.Textarea(attrs={"rows": 6}), max_length=20000
    )
    deadline = forms.DateTimeField(
        label=_("Deadline"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
    )


class RoundVoteForm(UtrechtFormMixin, forms.Form):
    choice = forms.ChoiceField(
        label=_("Your answer"),
        choices=[
            (VoteChoice.FOR, _("Agree")),
            (VoteChoice.AGAINST, _("Disagree")),
            (VoteChoice.ABSTAIN, _("Abstain")),
        ],
        widget=forms.RadioSelect,
    )
    remark = forms.CharField(
        label=_("Remark"), required=False, widget=forms.Textarea(attrs={"rows": 3}), max_length=5000
    )
