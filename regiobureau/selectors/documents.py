"""Reads of stukken: access to a stuk and to a version (404 when not allowed), an item's
stukken, the version history."""

from nhn_portal.core.access import NotFound
from regiobureau import permissions
from regiobureau.constants import Confidentiality
from regiobureau.models.documents import Document, DocumentVersion
from regiobureau.models.meetings import AgendaItem


def access_document(*, user, pk: int) -> Document:
    document = (
        Document.objects.select_related(
            "current_version",
            "agenda_item",
            "agenda_item__parent",
            "agenda_item__meeting",
            "agenda_item__meeting__body",
        )
        .filter(pk=pk)
        .first()
    )
    if document is None:
        raise NotFound
    item = document.agenda_item
    meeting = item.meeting
    if not permissions.can_see_meeting(user, meeting) or not permissions.can_see_document(
        user, document, item, meeting
    ):
        raise NotFound
    return document


def access_document_version(*, user, document_pk: int, number: int | None) -> DocumentVersion:
    """The requested version (the current one by default), or 404; earlier versions are
    for the secretariat, readers always get the newest."""
    document = access_document(user=user, pk=document_pk)
    if number is None:
        if document.current_version is None:
            raise NotFound
        return document.current_version
    if not permissions.is_secretariat(user):
        raise NotFound
    version = document.versions.filter(number=number).first()
    if version is None:
        raise NotFound
    return version


def item_documents(*, user, item: AgendaItem) -> list[Document]:
    """The stukken of an item the user may see (the item itself already passed access)."""
    meeting = item.meeting
    qs = item.documents.select_related("current_version").order_by("title", "pk")
    if not permissions.can_see_confidential(user, meeting.body_id):
        qs = qs.filter(confidentiality=Confidentiality.PUBLIC)
    return list(qs)


def document_versions(*, user, document: Document) -> list[DocumentVersion]:
    """Every version with who uploaded it; the history is for the secretariat only."""
    if not permissions.is_secretariat(user):
        raise NotFound
    return list(document.versions.select_related("uploaded_by").order_by("-number"))
