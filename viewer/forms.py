from django import forms
from django.utils.translation import gettext_lazy as _

from nhn_portal.core.forms import UtrechtFormMixin
from viewer.models import NOTE_MAX_LENGTH


class PageNoteForm(UtrechtFormMixin, forms.Form):
    page = forms.IntegerField(label=_("Page"), min_value=1)
    text = forms.CharField(
        label=_("Your note"), widget=forms.Textarea(attrs={"rows": 3}), max_length=NOTE_MAX_LENGTH
    )


class PageNoteTextForm(UtrechtFormMixin, forms.Form):
    text = forms.CharField(
        label=_("Your note"), widget=forms.Textarea(attrs={"rows": 3}), max_length=NOTE_MAX_LENGTH
    )
