"""The raadsinformatiebrief as a kind of document of the production pipeline.

One PDF per council: the audience is the municipality's slug. A griffie may download only its
own council's copy, and only once it has been made available; the secretariat all of them.
"""

from typing import Any

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gremia.models.registry import Organisation
from nhn_portal.core.production.registry import (
    ProducedDocument,
    ProductionRefused,
    register_document_kind,
)
from raden import permissions
from raden.models.letters import CouncilLetter
from raden.selectors.letters import council_name, letter_items, municipalities, offices
from raden.services.issuing import delivery_job_finished

from .constants import (
    COUNCIL_LETTER,
    COUNCIL_LETTER_SUBJECT,
    Addressee,
    DeliveryStatus,
    audience_addressee,
    delivery_audience,
)

PDF_TEMPLATE = "raden/pdf/council_letter.html"
COMPANION_TEMPLATE = "raden/pdf/college_letter.html"


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
    town = council_name(municipality)
    context = {
        "letter": letter,
        "meeting": letter.meeting,
        "body": letter.meeting.body,
        "items": letter_items(letter),
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


def companion_copy(
    letter: CouncilLetter, addressee: str, organisation: Organisation
) -> tuple[str, dict[str, Any], str]:
    """The collegebrief to one college, or the summary for one sub-region office."""
    template, context, _title = council_letter_copy(letter, organisation)
    is_office = addressee == Addressee.SUBREGION_OFFICE
    context |= {"is_office": is_office, "office": organisation if is_office else None}
    if is_office:
        title = f"Samenvatting {letter.title} – {organisation.name}"
    else:
        title = f"Collegebrief {letter.title} – college {council_name(organisation)}"
    if letter.is_revision:
        title += f" (herziene versie {letter.version})"
    return COMPANION_TEMPLATE, context, title


def municipality_audiences(letter) -> list[tuple[str, object]]:
    towns = list(municipalities())
    audiences = [(town.slug, town.name) for town in towns]
    # The collegebrief and the sub-region offices' summary, when the letter has them.
    if getattr(letter, "college_text", "").strip():
        audiences += [
            (delivery_audience(Addressee.COLLEGE, town.slug), f"college {town.name}")
            for town in towns
        ]
    if getattr(letter, "subregion_summary", "").strip():
        audiences += [
            (delivery_audience(Addressee.SUBREGION_OFFICE, office.slug), office.name)
            for office in offices()
        ]
    return audiences


def produce_council_letter(letter, audience: str) -> ProducedDocument:
    """The letter addressed to one council, with only its own sub-region's paragraph; or its
    companion for a college or a sub-region office."""
    addressee, slug = audience_addressee(audience)
    organisation = Organisation.objects.filter(slug=slug).select_related("subregion").first()
    if organisation is None:
        raise ProductionRefused(_("Unknown municipality: %(slug)s.") % {"slug": slug})
    if addressee == Addressee.COUNCIL:
        template, context, title = council_letter_copy(letter, organisation)
    else:
        template, context, title = companion_copy(letter, addressee, organisation)
    return ProducedDocument(template=template, context=context, title=title, confidential=False)


def may_download(user, letter, audience: str) -> bool:
    if permissions.is_secretariat(user):
        return True
    addressee, slug = audience_addressee(audience)
    if addressee != Addressee.COUNCIL:
        office = permissions.subregion_office(user)
        return office is not None and (
            letter.deliveries.filter(addressee=addressee, municipality__slug=slug)
            .exclude(status=DeliveryStatus.PENDING)
            .filter(
                Q(municipality=office)
                | Q(addressee=Addressee.COLLEGE, municipality__subregion_id=office.subregion_id)
            )
            .exists()
        )
    municipality = permissions.griffie_municipality(user)
    if municipality is None or municipality.slug != audience:
        return False
    return (
        letter.deliveries.filter(municipality=municipality, addressee=Addressee.COUNCIL)
        .exclude(status=DeliveryStatus.PENDING)
        .exists()
    )


def copy_job_finished(job_id: int) -> None:
    """The moment a council's PDF job ends, its copy becomes available (or is retried)."""
    delivery_job_finished(job_id)


register_document_kind(
    kind=COUNCIL_LETTER,
    label=gettext_lazy("Council information letter"),
    subject_model=COUNCIL_LETTER_SUBJECT,
    audiences=municipality_audiences,
    produce=produce_council_letter,
    may_download=may_download,
    on_finished=copy_job_finished,
)
