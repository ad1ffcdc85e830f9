from django import forms
from django.utils.translation import gettext_lazy as _

from gremia.constants import OrganisationKind
from gremia.models.registry import Body, Organisation, Person, Subregion, Theme
from netwerk.models.tables import RelatedTable
from nhn_portal.core.forms import UtrechtFormMixin
from regiobureau.models.decisions import Decision

from .constants import (
    Arena,
    OpportunityKind,
    OpportunityOutcome,
    ProgrammeLine,
    ProjectStatus,
    Workday,
)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


def _bodies():
    return Body.objects.filter(dissolved_on__isnull=True).order_by("name")


class OpportunityForm(UtrechtFormMixin, forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    kind = forms.ChoiceField(label=_("Kind"), choices=OpportunityKind.choices)
    source = forms.CharField(label=_("Source"), max_length=300, required=False)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    signalled_on = forms.DateField(label=_("Signalled on"), widget=DateInput())
    deadline = forms.DateField(label=_("External deadline"), widget=DateInput())
    deciding_body = forms.ModelChoiceField(label=_("Deciding body"), queryset=_bodies())


class StepForm(UtrechtFormMixin, forms.Form):
    body = forms.ModelChoiceField(label=_("Body"), queryset=_bodies())
    planned_on = forms.DateField(label=_("Planned on"), widget=DateInput())


class StepDoneForm(UtrechtFormMixin, forms.Form):
    done_on = forms.DateField(label=_("Done on"), widget=DateInput())


class DecisionForm(UtrechtFormMixin, forms.Form):
    decided_on = forms.DateField(label=_("Decided on"), widget=DateInput())
    outcome = forms.ChoiceField(label=_("Outcome"), choices=OpportunityOutcome.choices)


class LobbyDossierForm(UtrechtFormMixin, forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    arena = forms.ChoiceField(label=_("Arena"), choices=Arena.choices)
    position = forms.CharField(
        label=_("Regional position"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    lobbyist = forms.ModelChoiceField(
        label=_("Lobbyist"), queryset=Person.objects.order_by("name"), required=False
    )
    carriers = forms.ModelMultipleChoiceField(
        label=_("Bestuurders who carry it"),
        queryset=Person.objects.filter(user__isnull=False).order_by("name"),
        required=False,
    )
    decisions = forms.ModelMultipleChoiceField(
        label=_("Decisions that set the position"),
        queryset=Decision.objects.none(),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decisions"].queryset = Decision.objects.select_related("item").order_by(
            "-item__meeting__starts_at"
        )
        self.fields["decisions"].label_from_instance = lambda d: (
            f"{d.item.title} ({d.get_outcome_display().lower()})"
        )


class LobbyContactForm(UtrechtFormMixin, forms.Form):
    organisation = forms.CharField(label=_("Organisation"), max_length=200)
    role = forms.CharField(label=_("Role"), max_length=200)


class ExternalMomentForm(UtrechtFormMixin, forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    date = forms.DateField(label=_("Date"), widget=DateInput())
    preparing_body = forms.ModelChoiceField(
        label=_("Preparing body"), queryset=_bodies(), required=False
    )


class PublicSummaryForm(UtrechtFormMixin, forms.Form):
    summary = forms.CharField(label=_("Public summary"), widget=forms.Textarea(attrs={"rows": 4}))


class RelatedTableForm(UtrechtFormMixin, forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    purpose = forms.CharField(label=_("Purpose"), widget=forms.Textarea(attrs={"rows": 3}))
    contact = forms.CharField(label=_("Contact"), max_length=200, required=False)
    body = forms.ModelChoiceField(
        label=_("NHN body it touches"), queryset=_bodies(), required=False
    )
    theme = forms.ModelChoiceField(
        label=_("Theme"), queryset=Theme.objects.order_by("name"), required=False
    )
    meeting_rhythm = forms.CharField(label=_("Meeting rhythm"), max_length=200, required=False)


class AlignmentForm(UtrechtFormMixin, forms.Form):
    table = forms.ModelChoiceField(
        label=_("Related table"), queryset=RelatedTable.objects.order_by("name")
    )
    attends = forms.CharField(label=_("Attends"), max_length=200)
    attendee = forms.ModelChoiceField(
        label=_("Person from NHN"), queryset=Person.objects.order_by("name"), required=False
    )
    attendee_role = forms.CharField(label=_("Role from NHN"), max_length=200, required=False)


class ProjectForm(UtrechtFormMixin, forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    line = forms.ChoiceField(label=_("Programme line"), choices=ProgrammeLine.choices)
    status = forms.ChoiceField(label=_("Status"), choices=ProjectStatus.choices)
    summary = forms.CharField(label=_("Summary"), widget=forms.Textarea(attrs={"rows": 4}))
    partners = forms.CharField(
        label=_("Partners"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    results = forms.CharField(
        label=_("Results"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    municipalities = forms.ModelMultipleChoiceField(
        label=_("Municipalities involved"),
        queryset=Organisation.objects.filter(kind=OrganisationKind.MUNICIPALITY).order_by("name"),
        required=False,
    )


class ProjectImageForm(UtrechtFormMixin, forms.Form):
    upload = forms.FileField(label=_("Picture"))
    alt_text = forms.CharField(
        label=_("Alternative text"),
        max_length=300,
        help_text=_("What the picture shows, for people who cannot see it."),
    )


class SpannerForm(UtrechtFormMixin, forms.Form):
    subregion = forms.ModelChoiceField(
        label=_("Sub-region"), queryset=Subregion.objects.order_by("name")
    )
    person = forms.ModelChoiceField(
        label=_("Person"),
        queryset=Person.objects.filter(
            organisation__kind=OrganisationKind.SUBREGIONAL_OFFICE
        ).order_by("name"),
    )
    workday = forms.TypedChoiceField(
        label=_("Day for the region"),
        choices=[("", "—"), *Workday.choices],
        coerce=int,
        empty_value=None,
        required=False,
    )
