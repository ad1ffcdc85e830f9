"""Forms for meetings, the agenda editor, stukken, annotations and comments.

Forms only parse and validate input; the writes happen in services, whose ValidationErrors
the views copy back onto the form with `add_service_errors`.
"""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from gremia.models import Body, Person, Subregion
from platforms.models import Theme

from .constants import ANNOTATION_FIELDS, Confidentiality, ItemPurpose
from .models import Annotation, Dossier


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
    """The agenda (or annotation) version the form was loaded with; a hidden field."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs):
        kwargs.setdefault("min_value", 0)
        super().__init__(**kwargs)


class CalendarFilterForm(UtrechtFormMixin, forms.Form):
    """The regiokalender's filters, sent as GET parameters."""

    body = forms.ModelChoiceField(
        label=_("Body"), queryset=Body.objects.all(), required=False, empty_label=_("All bodies")
    )
    theme = forms.ModelChoiceField(
        label=_("Theme"), queryset=Theme.objects.all(), required=False, empty_label=_("All themes")
    )
    subregion = forms.ModelChoiceField(
        label=_("Sub-region"),
        queryset=Subregion.objects.all(),
        required=False,
        empty_label=_("All sub-regions"),
    )


PUBLIC_CHOICES = [
    ("", _("As the body usually does")),
    ("1", _("Public")),
    ("0", _("Closed")),
]


class MeetingForm(UtrechtFormMixin, forms.Form):
    """Date and times are entered in Europe/Amsterdam and stored as aware datetimes."""

    body = forms.ModelChoiceField(label=_("Body"), queryset=Body.objects.none())
    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        required=False,
        help_text=_("Leave empty to use the body's name and the date."),
    )
    date = forms.DateField(
        label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    start_time = forms.TimeField(
        label=_("Start time"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    end_time = forms.TimeField(
        label=_("End time"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    location = forms.CharField(label=_("Place"), max_length=200, required=False)
    online_url = forms.URLField(label=_("Online link"), required=False, assume_scheme="https")
    is_public = forms.TypedChoiceField(
        label=_("Public or closed"),
        choices=PUBLIC_CHOICES,
        required=False,
        coerce=lambda value: value == "1",
        empty_value=None,
    )
    documents_deadline = forms.DateField(
        label=_("Deadline for documents"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Leave empty for the default: 10 working days before the meeting."),
    )
    agenda_version = VersionField(required=False)

    def __init__(self, *args, meeting=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.meeting = meeting
        if meeting is not None:
            # The body of an existing meeting does not change; plan a new meeting instead.
            del self.fields["body"]
            start = timezone.localtime(meeting.starts_at)
            end = timezone.localtime(meeting.ends_at)
            self.initial.update(
                title=meeting.title,
                date=start.date(),
                start_time=start.time(),
                end_time=end.time(),
                location=meeting.location,
                online_url=meeting.online_url,
                is_public="1" if meeting.is_public else "0",
                documents_deadline=meeting.documents_deadline,
                agenda_version=meeting.agenda_version,
            )
            self.fields["is_public"].choices = PUBLIC_CHOICES[1:]
        else:
            del self.fields["agenda_version"]
            today = timezone.localdate()
            self.fields["body"].queryset = Body.objects.exclude(dissolved_on__lte=today)

    def clean(self):
        data = super().clean()
        day, start, end = data.get("date"), data.get("start_time"), data.get("end_time")
        if day and start and end:
            tz = timezone.get_current_timezone()
            data["starts_at"] = timezone.make_aware(datetime.datetime.combine(day, start), tz)
            data["ends_at"] = timezone.make_aware(datetime.datetime.combine(day, end), tz)
            if data["ends_at"] <= data["starts_at"]:
                self.add_error("end_time", _("The meeting must end after it starts."))
        return data

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        kwargs = {
            "title": data["title"],
            "starts_at": data["starts_at"],
            "ends_at": data["ends_at"],
            "location": data["location"],
            "online_url": data["online_url"],
            "documents_deadline": data["documents_deadline"],
        }
        if data.get("is_public") is not None:
            kwargs["is_public"] = data["is_public"]
        return kwargs


class CancelForm(UtrechtFormMixin, forms.Form):
    reason = forms.CharField(
        label=_("Reason for cancellation"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Members see the reason; the calendar feeds show the meeting as cancelled."),
    )


class AgendaVersionForm(UtrechtFormMixin, forms.Form):
    """The version guard alone, for buttons (publish, move, remove)."""

    agenda_version = VersionField()


class AgendaItemForm(UtrechtFormMixin, forms.Form):
    """Add or change an agenda item. Choices come from lists the editor already loaded, so
    rendering the form does not cost a query per item."""

    title = forms.CharField(
        label=_("Title"),
        max_length=300,
        error_messages={"required": _("Give the agenda item a title.")},
    )
    purpose = forms.ChoiceField(
        label=_("Purpose"), choices=ItemPurpose.choices, initial=ItemPurpose.DISCUSSION
    )
    presenter = forms.TypedChoiceField(
        label=_("Presenter"), required=False, coerce=int, empty_value=None
    )
    planned_minutes = forms.IntegerField(
        label=_("Planned minutes"), required=False, min_value=1, max_value=600
    )
    is_public = forms.TypedChoiceField(
        label=_("Public or closed"),
        choices=[("1", _("Public item")), ("0", _("Closed item"))],
        coerce=lambda value: value == "1",
        initial="1",
    )
    dossier = forms.TypedChoiceField(
        label=_("Dossier"), required=False, coerce=int, empty_value=None
    )
    parent = forms.TypedChoiceField(
        label=_("Sub-item of"), required=False, coerce=int, empty_value=None
    )
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    agenda_version = VersionField()

    def __init__(self, *args, persons, dossiers, parents, item=None, **kwargs):
        # The add form and an open edit form share the editor page: ids must differ.
        kwargs.setdefault("auto_id", f"item{item.pk}-%s" if item else "new-item-%s")
        super().__init__(*args, **kwargs)
        self.persons = {p.pk: p for p in persons}
        self.dossiers = {d.pk: d for d in dossiers}
        self.parents = {p.pk: p for p in parents if item is None or p.pk != item.pk}
        self.fields["presenter"].choices = [("", "—")] + [
            (p.pk, str(p)) for p in self.persons.values()
        ]
        self.fields["dossier"].choices = [("", "—")] + [
            (d.pk, str(d)) for d in self.dossiers.values()
        ]
        self.fields["parent"].choices = [("", _("(main item)"))] + [
            (p.pk, str(p)) for p in self.parents.values()
        ]
        self.item = item
        if item is not None:
            self.initial.update(
                title=item.title,
                purpose=item.purpose,
                presenter=item.presenter_id,
                planned_minutes=item.planned_minutes,
                is_public="1" if item.is_public else "0",
                dossier=item.dossier_id,
                parent=item.parent_id,
                description=item.description,
            )

    def clean_title(self):
        title = self.cleaned_data["title"].strip()
        if not title:
            raise ValidationError(_("Give the agenda item a title."))
        return title

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        return {
            "title": data["title"],
            "purpose": data["purpose"],
            "description": data["description"],
            "presenter": self.persons.get(data["presenter"]),
            "planned_minutes": data["planned_minutes"],
            "is_public": data["is_public"],
            "dossier": self.dossiers.get(data["dossier"]),
            "parent": self.parents.get(data["parent"]),
        }


def editor_choices(meeting_items) -> dict:
    """The choice lists of AgendaItemForm: two queries, whatever the agenda's length."""
    return {
        "persons": list(Person.objects.only("pk", "name").order_by("name")),
        "dossiers": list(Dossier.objects.only("pk", "name").order_by("name")),
        "parents": [i for i in meeting_items if i.parent_id is None],
    }


class ReorderForm(UtrechtFormMixin, forms.Form):
    """The order after a drag and drop: comma-separated item ids."""

    order = forms.CharField()
    parent = forms.IntegerField(required=False)
    agenda_version = VersionField()

    def clean_order(self):
        raw = self.cleaned_data["order"]
        try:
            return [int(part) for part in raw.split(",") if part.strip()]
        except ValueError as exc:
            raise ValidationError(_("The new order could not be read.")) from exc


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"multiple": True}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(d, initial) for d in data]
        return [single(data, initial)]


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


class DocumentVersionForm(UtrechtFormMixin, forms.Form):
    file = forms.FileField(label=_("New version"))


class ConfidentialityForm(UtrechtFormMixin, forms.Form):
    confidentiality = forms.ChoiceField(
        label=_("Confidentiality"), choices=Confidentiality.choices, widget=forms.RadioSelect
    )


def _annotation_field(name: str) -> forms.CharField:
    model_field = Annotation._meta.get_field(name)
    return forms.CharField(
        label=capfirst(model_field.verbose_name),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )


class AnnotationForm(UtrechtFormMixin, forms.Form):
    """The seven structured fields (constants.ANNOTATION_FIELDS), in the order they are
    written, plus the annotation version the writer started from."""

    background = _annotation_field("background")
    core_message = _annotation_field("core_message")
    proposal = _annotation_field("proposal")
    discussion_points = _annotation_field("discussion_points")
    relation_to_bodies = _annotation_field("relation_to_bodies")
    meaning_for_subregions = _annotation_field("meaning_for_subregions")
    communication = _annotation_field("communication")
    version = VersionField()

    def __init__(self, *args, annotation=None, **kwargs):
        super().__init__(*args, **kwargs)
        if annotation is not None:
            self.initial.update({name: getattr(annotation, name) for name in ANNOTATION_FIELDS})
        self.initial.setdefault("version", annotation.version if annotation else 0)

    def content(self) -> dict[str, str]:
        return {name: self.cleaned_data[name] for name in ANNOTATION_FIELDS}


class CommentForm(UtrechtFormMixin, forms.Form):
    text = forms.CharField(
        label=_("Your response"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5000
    )


class ReadMarkForm(UtrechtFormMixin, forms.Form):
    read = forms.BooleanField(required=False)
