"""Forms of the minutes: one account per agenda item with its version guard, the
term for comments, and a member's comment."""

from django import forms
from django.utils.translation import gettext_lazy as _

from nhn_portal.core.forms import UtrechtFormMixin, VersionField


class MinutesEntryForm(UtrechtFormMixin, forms.Form):
    """The account of one agenda item; the version it was loaded with guards the save."""

    text = forms.CharField(
        required=False, max_length=20_000, widget=forms.Textarea(attrs={"rows": 4})
    )
    minutes_version = VersionField()

    def __init__(self, *args, row, **kwargs):
        # Every item's form is on one page: the ids must differ.
        kwargs.setdefault("auto_id", f"entry{row.item.pk}-%s")
        kwargs.setdefault("initial", {"text": row.text, "minutes_version": row.version})
        super().__init__(*args, **kwargs)
        self.row = row
        self.fields["text"].label = _("Account of item %(number)s: %(title)s") % {
            "number": row.number,
            "title": row.item.title,
        }


class MinutesSendForm(UtrechtFormMixin, forms.Form):
    comment_deadline = forms.DateField(
        label=_("Comments until"),
        help_text=_("Members can comment on the draft until the end of this day."),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )


class MinutesCommentForm(UtrechtFormMixin, forms.Form):
    """A member's comment, on one item's account or on the whole."""

    entry = forms.TypedChoiceField(label=_("About"), required=False, coerce=int, empty_value=None)
    text = forms.CharField(
        label=_("Your comment"), max_length=5_000, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, rows, **kwargs):
        super().__init__(*args, **kwargs)
        self.entries = {row.entry.pk: row for row in rows if row.visible and row.entry}
        self.fields["entry"].choices = [("", _("The minutes as a whole"))] + [
            (pk, f"{row.number}. {row.item.title}") for pk, row in self.entries.items()
        ]
        self.style_widgets()

    def chosen_entry(self):
        pk = self.cleaned_data.get("entry")
        return self.entries[pk].entry if pk in self.entries else None


class MinutesAdoptForm(UtrechtFormMixin, forms.Form):
    """Adopt the minutes, optionally with the textual changes the meeting made: one field per
    item's account, filled with the current text (an unchanged one stays as it is)."""

    def __init__(self, *args, rows, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = {}
        for row in rows:
            if not row.visible:
                continue
            name = f"text_{row.item.pk}"
            self.fields[name] = forms.CharField(
                label=_("Account of item %(number)s: %(title)s")
                % {"number": row.number, "title": row.item.title},
                required=False,
                max_length=20_000,
                initial=row.text,
                widget=forms.Textarea(attrs={"rows": 3}),
            )
            self.rows[name] = row
        self.style_widgets()

    def changes(self) -> dict:
        """{agenda item: new text} for the accounts that were changed."""
        return {
            row.item: self.cleaned_data[name]
            for name, row in self.rows.items()
            if name in self.data and self.cleaned_data[name].strip() != row.text
        }
