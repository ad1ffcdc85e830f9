"""Forms of the agenda editor; choices come from lists the editor already loaded."""

from typing import NamedTuple

from django import forms
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _

from gremia.models.registry import Person
from nhn_portal.core.forms import UtrechtFormMixin, VersionField
from regiobureau.constants import ItemPurpose
from regiobureau.models.meetings import Dossier


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
            "presenter": _instance(Person, self.persons.get(data["presenter"])),
            "planned_minutes": data["planned_minutes"],
            "is_public": data["is_public"],
            "dossier": _instance(Dossier, self.dossiers.get(data["dossier"])),
            "parent": self.parents.get(data["parent"]),
        }


class Choice(NamedTuple):
    """One remembered entry of a choice list: what the list shows and validates against."""

    pk: int
    name: str

    def __str__(self) -> str:
        return self.name


def _instance(model, choice):
    """The model instance of a chosen entry (a query on a valid POST only); a remembered
    Choice of a row deleted in the meantime is refused as the list would refuse it."""
    if choice is None or isinstance(choice, model):
        return choice
    instance = model.objects.only("pk", "name").filter(pk=choice.pk).first()
    if instance is None:
        raise ValidationError(_("Select a valid choice."))
    return instance


# The person and dossier lists are the same for every item and every secretary: they are
# remembered in the cache under a version that every save or delete of a person or dossier
# bumps (signals, so factories, the admin and the services all count), so an htmx edit
# partial runs no query for them.
CHOICES_VERSION_KEY = "agenda-choices:version"
CHOICES_SECONDS = 60 * 60


def choices_changed(**kwargs) -> None:
    cache.add(CHOICES_VERSION_KEY, 0, None)
    try:
        cache.incr(CHOICES_VERSION_KEY)
    except ValueError:
        cache.set(CHOICES_VERSION_KEY, 1, None)


for _model in (Person, Dossier):
    post_save.connect(choices_changed, sender=_model, dispatch_uid=f"agenda-choices-{_model}")
    post_delete.connect(choices_changed, sender=_model, dispatch_uid=f"agenda-choices-d{_model}")


def choices_version() -> int:
    """Bumped by every save or delete of a Person or Dossier (`choices_changed`)."""
    return cache.get(CHOICES_VERSION_KEY) or 0


def person_and_dossier_choices() -> tuple[list[Choice], list[Choice]]:
    version = choices_version()
    key = f"agenda-choices:{version}"
    remembered = cache.get(key)
    if remembered is None:
        remembered = (
            [Choice(*row) for row in Person.objects.order_by("name").values_list("pk", "name")],
            [Choice(*row) for row in Dossier.objects.order_by("name").values_list("pk", "name")],
        )
        cache.set(key, remembered, CHOICES_SECONDS)
    return remembered


def editor_choices(meeting_items) -> dict:
    """The choice lists of AgendaItemForm: persons and dossiers from the cache (two queries
    after a change), the parents from the items the caller loaded."""
    persons, dossiers = person_and_dossier_choices()
    return {
        "persons": persons,
        "dossiers": dossiers,
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
