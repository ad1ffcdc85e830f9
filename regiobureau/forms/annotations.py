"""Forms for annotations (seven structured fields), their review, comments and read marks."""

import datetime

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from nhn_portal.core.forms import UtrechtFormMixin, VersionField
from regiobureau.constants import ANNOTATION_FIELDS
from regiobureau.models.annotations import Annotation


def _annotation_field(name: str) -> forms.CharField:
    model_field = Annotation._meta.get_field(name)
    return forms.CharField(
        label=capfirst(model_field.verbose_name),
        required=False,
        # static/js/rich-text.js puts a small editor over the textarea; without script it
        # is a textarea for plain text or simple HTML.
        widget=forms.Textarea(attrs={"rows": 5, "data-rich-text": ""}),
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


class ReviewRequestForm(UtrechtFormMixin, forms.Form):
    """Send an annotation for review: to whom, and before when."""

    reviewers = forms.ModelMultipleChoiceField(
        label=_("Reviewers"),
        queryset=None,
        # Its own class: the Utrecht radio-button class (it is a RadioSelect) would shrink the
        # list to the width of one box.
        widget=forms.CheckboxSelectMultiple(attrs={"class": "rb-choices"}),
        help_text=_("Secretaries of the regiobureau and the chair of the body; not the author."),
    )
    due_on = forms.DateField(
        label=_("Please review before"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(self, *args, candidates=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reviewers"].queryset = (
            get_user_model()
            .objects.filter(pk__in=[user.pk for user in candidates])
            .order_by("first_name", "last_name", "email")
        )
        self.initial.setdefault("due_on", timezone.localdate() + datetime.timedelta(days=3))


class ReviewReturnForm(UtrechtFormMixin, forms.Form):
    comment = forms.CharField(
        label=_("What should change?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
    )
