"""What a consultation makes searchable: its question and the councils' responses, public
once its draft decision is (a consultation on a draft not yet public is not in the index)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from consultaties import permissions
from consultaties.models import Consultation
from nhn_portal.core.models import SearchEntry
from nhn_portal.core.search import IndexedEntry, register_indexer, register_preparer
from regiobureau.search import register_item_dependent


def index_consultation(consultation: Consultation) -> IndexedEntry | None:
    if not permissions.is_public(consultation):
        return None
    parts = [consultation.question]
    parts += [
        f"{response.municipality.name}: {response.text}"
        for response in consultation.responses.all()
        if response.has_outcome and response.text
    ]
    body = consultation.agenda_item.meeting.body
    return IndexedEntry(
        kind="consultation",
        title=consultation.title,
        text="\n".join(part for part in parts if part),
        url=reverse("consultaties:public_detail", kwargs={"pk": consultation.pk}),
        visibility=SearchEntry.Visibility.PUBLIC,
        date=consultation.created_at,
        body_id=body.pk,
        body_name=body.name,
        theme_name=body.theme.name if body.theme_id else "",
    )


register_indexer(
    Consultation, index_consultation, kind="consultation", label=_("Consultation of the councils")
)
register_preparer(
    Consultation,
    lambda qs: qs.select_related("agenda_item__meeting__body__theme").prefetch_related(
        "responses__municipality"
    ),
)
# A consultation follows its draft's visibility: re-indexed (or removed) with the agenda item
# when the agenda is published or the item closed.
register_item_dependent(
    Consultation, item_field="agenda_item", related=("agenda_item__meeting__body__theme",)
)
