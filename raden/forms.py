import csv
import io

from django import forms
from django.utils.translation import gettext_lazy as _

from gremia.models.registry import Person, Subregion
from nhn_portal.core.forms import UtrechtFormMixin
from raden.constants import AgendaForum, DiscussionOutcome, GatheringKind, InformationPreference


class LetterForm(UtrechtFormMixin, forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    intro = forms.CharField(
        label=_("Introduction"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    contact_person = forms.ModelChoiceField(
        label=_("Contact person"), queryset=Person.objects.order_by("name"), required=False
    )
    college_text = forms.CharField(
        label=_("Collegebrief for the 17 colleges"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "When filled in, each college of B&W gets a companion letter with this text and "
            "the decisions, through the same pipeline."
        ),
    )
    subregion_summary = forms.CharField(
        label=_("Summary for the sub-region offices"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "When filled in, each sub-region office gets a summary for its boundary spanner."
        ),
    )


class LetterItemForm(UtrechtFormMixin, forms.Form):
    decision = forms.ModelChoiceField(label=_("Decision"), queryset=None)
    text = forms.CharField(
        label=_("Text for council members"), widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args, decisions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decision"].queryset = decisions
        self.fields["decision"].label_from_instance = lambda d: (
            f"{d.item.title} ({d.get_outcome_display().lower()})"
        )


class SubregionParagraphForm(UtrechtFormMixin, forms.Form):
    subregion = forms.ModelChoiceField(label=_("Sub-region"), queryset=Subregion.objects.all())
    text = forms.CharField(
        label=_("Paragraph for the councils of this sub-region"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Leave empty to remove the paragraph."),
    )


class ScheduleForm(UtrechtFormMixin, forms.Form):
    council_date = forms.DateField(
        label=_("Date of the council meeting"),
        # A date input takes and shows ISO dates (the browser displays them in Dutch).
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    council_link = forms.URLField(
        label=_("Link to the council's own system"),
        required=False,
        assume_scheme="https",
    )


class DashboardFilterForm(UtrechtFormMixin, forms.Form):
    days = forms.IntegerField(
        label=_("Not confirmed after (days)"), min_value=0, max_value=365, required=False
    )


# ---- Council gatherings --------------------------------------------------------------------


class GatheringForm(UtrechtFormMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Kind of gathering"), choices=GatheringKind.choices)
    programme = forms.CharField(
        label=_("Programme"), required=False, widget=forms.Textarea(attrs={"rows": 6})
    )
    capacity = forms.IntegerField(
        label=_("Capacity"),
        min_value=1,
        max_value=2000,
        required=False,
        help_text=_("Leave empty for no limit; beyond it registrations go on a waiting list."),
    )
    materials = forms.CharField(
        label=_("Materials afterwards"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Presentations, links and a report; shown to registered council members."),
    )


class GatheringCreateForm(GatheringForm):
    meeting = forms.ModelChoiceField(label=_("Meeting"), queryset=None)

    field_order = ["meeting", "kind", "programme", "capacity", "materials"]

    def __init__(self, *args, meetings, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = meetings
        self.fields["meeting"].label_from_instance = lambda m: (
            f"{m} ({m.starts_at:%d-%m-%Y})" if m.title else str(m)
        )
        self.order_fields(self.field_order)


class InvitationAnswerForm(UtrechtFormMixin, forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=200)
    email = forms.EmailField(label=_("Your e-mail address"))


class InviteListForm(UtrechtFormMixin, forms.Form):
    """A griffie's list: one council member per line, "name; e-mail address" (or comma or
    tab), typed in or as an uploaded CSV file."""

    entries = forms.CharField(
        label=_("Council members"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            'One per line: name; e-mail address, e.g. "Anna de Vries; a.devries@example.org".'
        ),
    )
    upload = forms.FileField(
        label=_("Or upload a list (CSV)"),
        required=False,
        help_text=_(
            "A CSV file with the name in the first column and the e-mail address in the second."
        ),
    )

    MAX_UPLOAD = 100_000

    def clean(self):
        data = super().clean()
        text = data.get("entries") or ""
        upload = data.get("upload")
        if upload is not None:
            if upload.size > self.MAX_UPLOAD:
                raise forms.ValidationError(_("The list is too large."))
            try:
                text += "\n" + upload.read().decode("utf-8-sig")
            except UnicodeDecodeError as error:
                raise forms.ValidationError(_("The list is not a text (CSV) file.")) from error
        rows = []
        for line in csv.reader(io.StringIO(text), delimiter=_sniff(text)):
            cells = [cell.strip() for cell in line if cell.strip()]
            if not cells:
                continue
            if len(cells) < 2:
                raise forms.ValidationError(
                    _("Line “%(line)s” has no e-mail address.") % {"line": ", ".join(cells)}
                )
            if "@" not in cells[1] and cells[0].lower() in {"naam", "name"}:
                continue  # a header row
            rows.append((cells[0], cells[1]))
        if not rows:
            raise forms.ValidationError(_("Give at least one name and e-mail address."))
        data["rows"] = rows
        return data


def _sniff(text: str) -> str:
    for delimiter in (";", "\t", ","):
        if delimiter in text:
            return delimiter
    return ";"


class AttendanceForm(forms.Form):
    attended = forms.BooleanField(required=False)


class PreferenceForm(UtrechtFormMixin, forms.Form):
    preference = forms.ChoiceField(
        label=_("How does your council want to be informed?"),
        choices=InformationPreference.choices,
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example which committee, or when the council meets."),
    )


class DiscussionForm(UtrechtFormMixin, forms.Form):
    forum = forms.ChoiceField(label=_("On the agenda of"), choices=AgendaForum.choices)
    agenda_date = forms.DateField(
        label=_("Agenda date"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    outcome = forms.ChoiceField(
        label=_("Outcome"),
        choices=[("", _("not yet dealt with")), *DiscussionOutcome.choices],
        required=False,
    )
    motion = forms.FileField(
        label=_("Adopted motion (PDF)"),
        required=False,
        help_text=_("Only when the council adopted a motion about the letter."),
    )
