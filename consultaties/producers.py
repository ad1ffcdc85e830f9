"""The reactienota as a kind of document of the production pipeline: one public PDF that
answers each council by name (summary, answer, what it changed)."""

from django.utils import timezone
from django.utils.translation import gettext_lazy

from consultaties import permissions
from consultaties.constants import REACTIENOTA
from consultaties.selectors import matrix
from nhn_portal.core.access import is_secretariat
from nhn_portal.core.production.registry import ProducedDocument, register_document_kind

PDF_TEMPLATE = "consultaties/pdf/reactienota.html"


def produce_reactienota(consultation, audience: str) -> ProducedDocument:
    return ProducedDocument(
        template=PDF_TEMPLATE,
        context={
            "consultation": consultation,
            "item": consultation.agenda_item,
            "body": consultation.agenda_item.meeting.body,
            "responses": matrix(consultation),
            "adopted_on": timezone.localtime(consultation.nota_adopted_at or timezone.now()).date(),
            "confidential": False,
        },
        title=f"Reactienota {consultation.title}",
        confidential=False,
    )


def may_download(user, consultation, audience: str) -> bool:
    if is_secretariat(user):
        return True
    return consultation.nota_is_adopted and permissions.can_see(user, consultation)


register_document_kind(
    kind=REACTIENOTA,
    label=gettext_lazy("Reactienota"),
    subject_model="consultaties.Consultation",
    audiences=lambda consultation: [("public", gettext_lazy("public"))],
    produce=produce_reactienota,
    may_download=may_download,
)
