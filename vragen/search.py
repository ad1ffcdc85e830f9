"""What the questions of council members make searchable: a sent answer that is published
(public); a question still open, or an answer kept closed, is not in the index at all."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from nhn_portal.core.models import SearchEntry
from nhn_portal.core.search import IndexedEntry, register_indexer, register_preparer
from vragen.models import CouncilQuestion


def index_question(question: CouncilQuestion) -> IndexedEntry | None:
    if not question.is_public:
        return None
    return IndexedEntry(
        kind="council_question",
        title=question.subject,
        text=f"{question.question}\n{question.answer}",
        url=reverse("vragen:public_detail", kwargs={"pk": question.pk}),
        visibility=SearchEntry.Visibility.PUBLIC,
        date=question.sent_at,
        dossier_name=question.dossier.name if question.dossier_id else "",
    )


register_indexer(
    CouncilQuestion,
    index_question,
    kind="council_question",
    label=_("Question from a council member"),
)
register_preparer(CouncilQuestion, lambda qs: qs.select_related("municipality", "dossier"))
