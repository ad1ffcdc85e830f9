"""Form plumbing shared by every app: NL Design System widget classes, a service's errors on a
form, the hidden version guard and a field for several files at once.

Forms only parse and validate input; the writes happen in services, whose ValidationErrors the
views copy back onto the form with `add_service_errors`.
"""

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


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
            if type(widget) is forms.Select:
                widget.__class__ = QuickSelect  # same attributes, choices and required flag
            for widget_class, css in WIDGET_CLASSES.items():
                if isinstance(widget, widget_class):
                    widget.attrs.setdefault("class", css)
                    break


def _attributes(attrs: dict) -> str:
    """Django's widgets/attrs.html in Python: True is a bare name, False leaves it out."""
    parts = []
    for name, value in attrs.items():
        if value is True:
            parts.append(f" {name}")
        elif value is not False:
            parts.append(f' {name}="{conditional_escape(str(value))}"')
    return "".join(parts)


class QuickSelect(forms.Select):
    """A Select whose HTML is written in Python, the same markup as Django's select and
    select_option templates: with a template include per option, a list of the 80 items of
    an agenda cost more than the rest of the form. Every plain Select of a form
    with UtrechtFormMixin becomes one."""

    def render(self, name, value, attrs=None, renderer=None):
        context = self.get_context(name, value, attrs)["widget"]
        html = [f'<select name="{conditional_escape(name)}"{_attributes(context["attrs"])}>']
        for group_name, options, _index in context["optgroups"]:
            if group_name:
                html.append(f'<optgroup label="{conditional_escape(group_name)}">')
            html.extend(
                f'<option value="{conditional_escape(str(option["value"]))}"'
                f"{_attributes(option['attrs'])}>{conditional_escape(option['label'])}</option>"
                for option in options
            )
            if group_name:
                html.append("</optgroup>")
        html.append("</select>")
        return mark_safe("".join(html))  # noqa: S308 - every value above is escaped


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
    # "Handeling", not the action item of a meeting ("Actiepunt").
    action = forms.ChoiceField(label=pgettext_lazy("audit", "Action"), required=False)
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
