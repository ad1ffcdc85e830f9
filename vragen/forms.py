from django import forms
from django.utils.translation import gettext_lazy as _

from nhn_portal.core.forms import UtrechtFormMixin
from regiobureau.models.meetings import Dossier


class AskForm(UtrechtFormMixin, forms.Form):
    """The question as the griffie (or the secretariat, with the council) enters it."""

    municipality = forms.ModelChoiceField(label=_("Council"), queryset=None)
    asker_name = forms.CharField(label=_("Council member"), max_length=200)
    asker_email = forms.EmailField(label=_("E-mail address of the council member"), required=False)
    subject = forms.CharField(label=_("Subject"), max_length=300)
    question = forms.CharField(label=_("Question"), widget=forms.Textarea(attrs={"rows": 6}))
    dossier = forms.ModelChoiceField(
        label=_("Dossier"), queryset=Dossier.objects.order_by("name"), required=False
    )

    def __init__(self, *args, municipalities=None, **kwargs):
        super().__init__(*args, **kwargs)
        if municipalities is None:
            del self.fields["municipality"]
        else:
            self.fields["municipality"].queryset = municipalities


class LinkAskForm(UtrechtFormMixin, forms.Form):
    """The question as the council member asks it herself through her personal link."""

    subject = forms.CharField(label=_("Subject"), max_length=300)
    question = forms.CharField(label=_("Question"), widget=forms.Textarea(attrs={"rows": 6}))
    dossier = forms.ModelChoiceField(
        label=_("Dossier"), queryset=Dossier.objects.order_by("name"), required=False
    )


class AssignForm(UtrechtFormMixin, forms.Form):
    assignee = forms.ModelChoiceField(label=_("Answered by (regiobureau)"), queryset=None)

    def __init__(self, *args, users=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = users


class AnswerForm(UtrechtFormMixin, forms.Form):
    answer = forms.CharField(label=_("Answer"), widget=forms.Textarea(attrs={"rows": 8}))
    closed_reason = forms.CharField(
        label=_("Reason not to publish"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Leave empty to publish the question and answer once sent."),
    )
