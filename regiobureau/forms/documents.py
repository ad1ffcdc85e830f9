"""Forms for stukken: upload (several files at once), a new version, confidentiality."""

from django import forms
from django.utils.translation import gettext_lazy as _

from nhn_portal.core.forms import MultipleFileField, UtrechtFormMixin
from regiobureau.constants import Confidentiality


class DocumentUploadForm(UtrechtFormMixin, forms.Form):
    files = MultipleFileField(
        label=_("Files"),
        help_text=_("PDF, DOCX, XLSX, PPTX, ODT, PNG or JPG; you can choose several files."),
    )
    title = forms.CharField(
        label=_("Title"),
        max_length=300,
        required=False,
        help_text=_("Only for a single file; leave empty to use the file name."),
    )
    confidentiality = forms.ChoiceField(
        label=_("Confidentiality"),
        choices=Confidentiality.choices,
        initial=Confidentiality.PUBLIC,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, item=None, **kwargs):
        super().__init__(*args, **kwargs)
        if item is not None and item.stukken_confidential_by_default:
            # A closed item or meeting: confidential unless chosen otherwise.
            self.fields["confidentiality"].initial = Confidentiality.CONFIDENTIAL


class DocumentVersionForm(UtrechtFormMixin, forms.Form):
    file = forms.FileField(label=_("New version"))


class ConfidentialityForm(UtrechtFormMixin, forms.Form):
    confidentiality = forms.ChoiceField(
        label=_("Confidentiality"), choices=Confidentiality.choices, widget=forms.RadioSelect
    )
