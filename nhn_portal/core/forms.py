"""Form plumbing shared by every app: NL Design System widget classes, a service's errors on a
form, the hidden version guard and a field for several files at once.

Forms only parse and validate input; the writes happen in services, whose ValidationErrors the
views copy back onto the form with `add_service_errors`.
"""

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def add_service_errors(form: forms.Form, error: ValidationError) -> None:
    """Show a service's ValidationError on the form: per field where the form has that
    field, otherwise above the form."""
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            field = name if name in form.fields else None
            for item in errors:
                form.add_error(field, item)
    else:
        for message in error.messages:
            form.add_error(None, message)


WIDGET_CLASSES = {
    forms.Textarea: "utrecht-textarea utrecht-textarea--html-textarea",
    forms.Select: "utrecht-select utrecht-select--html-select",
    forms.RadioSelect: "utrecht-radio-button utrecht-radio-button--html-input",
    forms.CheckboxInput: "utrecht-checkbox utrecht-checkbox--html-input",
    forms.ClearableFileInput: "utrecht-textbox utrecht-textbox--html-input",
    forms.FileInput: "utrecht-textbox utrecht-textbox--html-input",
    forms.widgets.Input: "utrecht-textbox utrecht-textbox--html-input",
}


class UtrechtFormMixin:
    """Gives every widget the NL Design System (Utrecht) class of its kind."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.style_widgets()

    def style_widgets(self):
        """Give every widget its class; forms that add fields later call it again. A list
        whose empty choice is Django's "---------" says "Kies …" instead."""
        for field in self.fields.values():
            if getattr(field, "empty_label", None) == "---------":
                field.empty_label = _("Choose …")
            widget = field.widget
            if isinstance(widget, forms.HiddenInput):
                continue
            for widget_class, css in WIDGET_CLASSES.items():
                if isinstance(widget, widget_class):
                    widget.attrs.setdefault("class", css)
                    break


class VersionField(forms.IntegerField):
    """The version (of an agenda, an annotation) the form was loaded with; a hidden field."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs):
        kwargs.setdefault("min_value", 0)
        super().__init__(**kwargs)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field; cleans to a list (one file is a list of one)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"multiple": True}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(d, initial) for d in data]
        return [single(data, initial)]


class AuditFilterForm(UtrechtFormMixin, forms.Form):
    """The filters of the beheerder's audit page (all optional, read from the query string)."""

    actor = forms.CharField(label=_("User (e-mail)"), required=False, max_length=254)
    action = forms.ChoiceField(label=_("Action"), required=False)
    content_type = forms.ModelChoiceField(
        label=_("Object type"), required=False, queryset=ContentType.objects.none()
    )
    since = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label=_("Up to and including"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from .constants import AuditAction
        from .models import AuditRecord

        self.fields["action"].choices = [("", _("All")), *AuditAction.choices]
        used = AuditRecord.objects.values_list("content_type_id", flat=True).distinct()
        self.fields["content_type"].queryset = ContentType.objects.filter(pk__in=used).order_by(
            "app_label", "model"
        )
        self.style_widgets()
