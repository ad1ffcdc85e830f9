"""The raadsinformatiebrief as a kind of document of the production pipeline (issue #4/#5).

One PDF per council: the audience is the municipality's slug. A griffie may download only its
own council's copy, and only once it has been made available; the secretariat all of them.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gremia.models import Organisation
from nhn_portal.core.production import (
    ProducedDocument,
    ProductionRefused,
    register_document_kind,
)

from . import permissions, selectors
from .constants import DeliveryStatus

COUNCIL_LETTER = "raadsinformatiebrief"


def municipality_audiences(letter) -> list[tuple[str, object]]:
    return [(town.slug, town.name) for town in selectors.municipalities()]


def produce_council_letter(letter, audience: str) -> ProducedDocument:
    """The letter addressed to one council, with only its own sub-region's paragraph."""
    from .services import council_letter_document

    municipality = Organisation.objects.filter(slug=audience).select_related("subregion").first()
    if municipality is None:
        raise ProductionRefused(_("Unknown municipality: %(slug)s.") % {"slug": audience})
    template, context, title = council_letter_document(letter, municipality)
    return ProducedDocument(template=template, context=context, title=title, confidential=False)


def may_download(user, letter, audience: str) -> bool:
    if permissions.is_secretariat(user):
        return True
    municipality = permissions.griffie_municipality(user)
    if municipality is None or municipality.slug != audience:
        return False
    return (
        letter.deliveries.filter(municipality=municipality)
        .exclude(status=DeliveryStatus.PENDING)
        .exists()
    )


def copy_job_finished(job_id: int) -> None:
    from .services import delivery_job_finished  # services import this module

    delivery_job_finished(job_id)


register_document_kind(
    kind=COUNCIL_LETTER,
    label=gettext_lazy("Council information letter"),
    subject_model="raden.CouncilLetter",
    audiences=municipality_audiences,
    produce=produce_council_letter,
    may_download=may_download,
    on_finished=copy_job_finished,
)
