"""What the council letters make searchable: an issued letter, as sent to the
councils (public); a letter being composed is not in the index at all."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from nhn_portal.core.models import SearchEntry
from nhn_portal.core.search import IndexedEntry, register_indexer, register_preparer
from raden.models.letters import CouncilLetter


def index_letter(letter: CouncilLetter) -> IndexedEntry | None:
    if letter.issued_at is None:
        return None
    parts = [letter.intro]
    parts += [item.text for item in letter.items.all()]
    parts += [paragraph.text for paragraph in letter.subregion_paragraphs.all()]
    body = letter.meeting.body
    return IndexedEntry(
        kind="council_letter",
        title=letter.title,
        text="\n".join(part for part in parts if part),
        url=reverse("publiek:letter_detail", kwargs={"pk": letter.pk}),
        visibility=SearchEntry.Visibility.PUBLIC,
        date=letter.issued_at,
        body_id=body.pk,
        body_name=body.name,
        theme_name=body.theme.name if body.theme_id else "",
    )


register_indexer(CouncilLetter, index_letter, kind="council_letter", label=_("Council letter"))
register_preparer(
    CouncilLetter,
    lambda qs: qs.select_related("meeting__body__theme").prefetch_related(
        "items", "subregion_paragraphs"
    ),
)
