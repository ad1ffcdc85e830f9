"""Forms for meetings: the calendar's filters, planning and changing a meeting, cancelling."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gremia.models.registry import Body, Subregion, Theme
from nhn_portal.core.forms import UtrechtFormMixin, VersionField


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


class ArchiveFilterForm(UtrechtFormMixin, forms.Form):
    """The archive's filters: body and year, as GET parameters."""

    body = forms.ModelChoiceField(
        label=_("Body"), queryset=Body.objects.all(), required=False, empty_label=_("All bodies")
    )
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)

    def __init__(self, *args, years: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [("", _("All years"))] + [(y, str(y)) for y in years]


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
        help_text=_(
            "Leave empty for the default: 10 working days before the meeting, "
            "weekends and public holidays not counted."
        ),
    )
    agenda_version = VersionField(required=False)
    # The fingerprint of the schedule warnings the secretary saw and confirmed ("Toch
    # opslaan"); a different set of warnings (another clash) asks again.
    confirmed_warnings = forms.CharField(required=False, widget=forms.HiddenInput)

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
