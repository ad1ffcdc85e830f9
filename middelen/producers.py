"""The core message as a kind of document of the production pipeline: the subject is an
adopted CoreMessage, one public audience; drafts are not produced."""

from django.utils.translation import gettext_lazy

from nhn_portal.core.access import is_secretariat
from nhn_portal.core.production.registry import (
    ProducedDocument,
    ProductionRefused,
    register_document_kind,
)

from .constants import CORE_MESSAGE_AUDIENCE, CORE_MESSAGE_PDF

PDF_TEMPLATE = "middelen/pdf/core_message.html"


def message_audiences(message) -> list[tuple[str, object]]:
    return [(CORE_MESSAGE_AUDIENCE, gettext_lazy("Public"))]


def produce_core_message(message, audience: str) -> ProducedDocument:
    if message.adopted_on is None:
        raise ProductionRefused("Een concept van de kernboodschap wordt niet gepubliceerd.")
    return ProducedDocument(
        template=PDF_TEMPLATE,
        context={"message": message, "confidential": False},
        title=f"Het verhaal van NHN (versie {message.version})",
        confidential=False,
    )


def may_download(user, message, audience: str) -> bool:
    return message.adopted_on is not None or is_secretariat(user)


register_document_kind(
    kind=CORE_MESSAGE_PDF,
    label=gettext_lazy("Core message"),
    subject_model="middelen.CoreMessage",
    audiences=message_audiences,
    produce=produce_core_message,
    may_download=may_download,
)
