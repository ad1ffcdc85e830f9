"""The raadsinformatiebrief as a kind of document of the production pipeline (issue #4/#5).

One PDF per council: the audience is the municipality's slug. A griffie may download only its
own council's copy, and only once it has been made available; the secretariat all of them.
"""

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gremia.models import Organisation
from nhn_portal.core.production import (
    ProducedDocument,
    ProductionRefused,
    register_document_kind,
)

from . import permissions, selectors, services
from .constants import COUNCIL_LETTER, COUNCIL_LETTER_SUBJECT, DeliveryStatus
from .models import CouncilLetter

PDF_TEMPLATE = "raden/pdf/council_letter.html"


def council_letter_copy(
    letter: CouncilLetter, municipality: Organisation
) -> tuple[str, dict[str, Any], str]:
    """Template, context and title of one council's copy: addressed to its council, with its
    own sub-region's paragraph only."""
    paragraph = (
        letter.subregion_paragraphs.filter(subregion_id=municipality.subregion_id).first()
        if municipality.subregion_id
        else None
    )
    town = selectors.council_name(municipality)
    context = {
        "letter": letter,
        "meeting": letter.meeting,
        "body": letter.meeting.body,
        "items": selectors.letter_items(letter),
        "municipality": municipality,
        "council_name": town,
        "subregion": municipality.subregion,
        "subregion_paragraph": paragraph,
        "contact_person": letter.contact_person,
        "is_revision": letter.is_revision,
        "issued_on": timezone.localtime(letter.issued_at or timezone.now()).date(),
        "confidential": False,
    }
    title = f"Raadsinformatiebrief {letter.title} – gemeenteraad {town}"
    if letter.is_revision:
        title += f" (herziene versie {letter.version})"
    return PDF_TEMPLATE, context, title


def municipality_audiences(letter) -> list[tuple[str, object]]:
    return [(town.slug, town.name) for town in selectors.municipalities()]


def produce_council_letter(letter, audience: str) -> ProducedDocument:
    """The letter addressed to one council, with only its own sub-region's paragraph."""
    municipality = Organisation.objects.filter(slug=audience).select_related("subregion").first()
    if municipality is None:
        raise ProductionRefused(_("Unknown municipality: %(slug)s.") % {"slug": audience})
    template, context, title = council_letter_copy(letter, municipality)
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
    """The moment a council's PDF job ends, its copy becomes available (or is retried)."""
    services.delivery_job_finished(job_id)


register_document_kind(
    kind=COUNCIL_LETTER,
    label=gettext_lazy("Council information letter"),
    subject_model=COUNCIL_LETTER_SUBJECT,
    audiences=municipality_audiences,
    produce=produce_council_letter,
    may_download=may_download,
    on_finished=copy_job_finished,
)
