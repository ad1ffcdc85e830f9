"""The member's evaluation of a meeting: one screen, three choices and a
remark; the service checks who may answer and that it is the first answer."""

from django import forms
from django.utils.translation import gettext_lazy as _

from evaluation.models import EvaluationPace, EvaluationScore
from nhn_portal.core.forms import UtrechtFormMixin


class EvaluationForm(UtrechtFormMixin, forms.Form):
    useful = forms.TypedChoiceField(
        label=_("Was this meeting useful to you?"),
        choices=EvaluationScore.choices,
        coerce=int,
        widget=forms.RadioSelect,
    )
    heard = forms.TypedChoiceField(
        label=_("Did every sub-region get heard?"),
        choices=EvaluationScore.choices,
        coerce=int,
        widget=forms.RadioSelect,
    )
    pace = forms.ChoiceField(
        label=_("What does the cooperation need now: accelerate or broaden?"),
        choices=EvaluationPace.choices,
        widget=forms.RadioSelect,
    )
    remark = forms.CharField(
        label=_("One remark"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Do not write your name or anything that reveals who you are: the secretariat "
            "reads the remarks without knowing who wrote them."
        ),
    )
