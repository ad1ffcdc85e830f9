"""The induction pack as a kind of document of the production pipeline: the subject is the
Succession, one audience ("lid"). It is personal (the new member's bodies and meetings), so
the file is confidential: the secretariat and the member download it, and the member's
personal link (links.py)."""

from django.utils.translation import gettext_lazy

from nhn_portal.core.access import is_secretariat
from nhn_portal.core.production.registry import ProducedDocument, register_document_kind

from .constants import INDUCTION_AUDIENCE, INDUCTION_PACK
from .links import PackLinkHolder
from .selectors import induction_pack
from .services import induction_pack_finished

PDF_TEMPLATE = "verkiezingen/pdf/induction_pack.html"


def pack_audiences(succession) -> list[tuple[str, object]]:
    return [(INDUCTION_AUDIENCE, gettext_lazy("New member"))]


def produce_induction_pack(succession, audience: str) -> ProducedDocument:
    pack = induction_pack(succession)
    person = succession.membership.person
    return ProducedDocument(
        template=PDF_TEMPLATE,
        context={"pack": pack, "person": person, "confidential": True},
        title=f"Introductiepakket {person.name}",
        confidential=True,
    )


def may_download(user, succession, audience: str) -> bool:
    if isinstance(user, PackLinkHolder):
        return user.succession_id == succession.pk
    person = succession.membership.person
    return is_secretariat(user) or (
        getattr(user, "is_authenticated", False) and person.user_id == user.pk
    )


register_document_kind(
    kind=INDUCTION_PACK,
    label=gettext_lazy("Induction pack"),
    subject_model="verkiezingen.Succession",
    audiences=pack_audiences,
    produce=produce_induction_pack,
    may_download=may_download,
    on_finished=induction_pack_finished,
)
