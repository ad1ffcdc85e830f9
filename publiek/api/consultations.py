"""A public consultation of the councils as open data: its parts as informatieobjecten of
the decision it prepares — the consultation itself (the draft and the question put to the
councils), each council's response once recorded, and the adopted reactienota (its PDF).

Only what a visitor sees on the public page: a consultation whose draft is not public
(a closed item, a closed main item, a meeting whose agenda is not out) has no parts here.
The ORI API and the Woo sitemap read these; an ORI id is `consultatie-<pk>`,
`consultatie-<pk>-reactie-<pk>` or `consultatie-<pk>-reactienota`.
"""

import datetime
import re
from dataclasses import dataclass, field

from django.urls import reverse
from django.utils import timezone

from consultaties.constants import REACTIENOTA
from consultaties.selectors import public_consultations_for_open_data
from nhn_portal.core.production.selectors import generated_document_current

from . import selectors as api_selectors

CONSULTATION = "consultatie"
RESPONSE = "reactie"
NOTA = "reactienota"

ID_PATTERN = re.compile(r"^consultatie-(\d{1,18})(?:-(reactie)-(\d{1,18})|-(reactienota))?$")


@dataclass
class ConsultationPart:
    key: str
    kind: str
    title: str
    created: datetime.date
    modified: datetime.datetime
    page: str  # the public page (a path)
    link: str  # the content: the page, the council's stuk or the reactienota's PDF (a path)
    media_type: str
    consultation_id: int
    body_id: int | None = None  # the body whose draft it is (it consults the councils)
    municipality: str = ""
    # The public agenda items it belongs to: the draft's, and the final decision's.
    item_ids: list[int] = field(default_factory=list)
    meeting_ids: list[int] = field(default_factory=list)
    decision_id: int | None = None
    size: int | None = None
    sha256: str = ""

    @property
    def pk(self) -> str:
        return self.key


def _local_date(moment: datetime.datetime) -> datetime.date:
    return timezone.localtime(moment).date()


def consultation_parts() -> list[ConsultationPart]:
    """Every public consultation's parts, in a stable order (consultation, then response
    by council, then the reactienota)."""
    consultations = public_consultations_for_open_data()
    if not consultations:
        return []
    item_ids = {c.agenda_item_id for c in consultations} | {
        c.final_decision.item_id for c in consultations if c.final_decision_id
    }
    public_items = dict(
        api_selectors.public_items().filter(pk__in=item_ids).values_list("pk", "meeting_id")
    )
    public_decisions = set(
        api_selectors.decisions()
        .filter(pk__in=[c.final_decision_id for c in consultations if c.final_decision_id])
        .values_list("pk", flat=True)
    )
    parts = []
    for consultation in consultations:
        if consultation.agenda_item_id not in public_items:
            continue
        items = [consultation.agenda_item_id]
        decision_id = None
        if consultation.final_decision_id in public_decisions:
            decision_id = consultation.final_decision_id
            if consultation.final_decision.item_id not in items:
                items.append(consultation.final_decision.item_id)
        meetings = list(dict.fromkeys(public_items[pk] for pk in items))
        page = reverse("consultaties:public_detail", kwargs={"pk": consultation.pk})
        common = {
            "page": page,
            "consultation_id": consultation.pk,
            "body_id": consultation.agenda_item.meeting.body_id,
            "item_ids": items,
            "meeting_ids": meetings,
            "decision_id": decision_id,
        }
        parts.append(
            ConsultationPart(
                key=f"consultatie-{consultation.pk}",
                kind=CONSULTATION,
                title=f"Consultatie van de raden: {consultation.title}",
                created=consultation.opened_on,
                modified=consultation.updated_at,
                link=page,
                media_type="text/html",
                **common,
            )
        )
        for response in consultation.public_outcomes:
            stuk = bool(response.stuk)
            parts.append(
                ConsultationPart(
                    key=f"consultatie-{consultation.pk}-reactie-{response.pk}",
                    kind=RESPONSE,
                    title=f"Reactie van de raad ({response.municipality.name}): "
                    f"{consultation.title}",
                    created=response.outcome_date
                    or _local_date(response.recorded_at or response.updated_at),
                    modified=response.updated_at,
                    link=reverse("consultaties:public_stuk", kwargs={"pk": response.pk})
                    if stuk
                    else page,
                    media_type="application/pdf" if stuk else "text/html",
                    municipality=response.municipality.name,
                    **common,
                )
            )
        nota = (
            generated_document_current(subject=consultation, kind=REACTIENOTA, audience="public")
            if consultation.nota_is_adopted
            else None
        )
        if nota is not None:
            parts.append(
                ConsultationPart(
                    key=f"consultatie-{consultation.pk}-reactienota",
                    kind=NOTA,
                    title=f"Reactienota: {consultation.title}",
                    created=_local_date(consultation.nota_adopted_at or nota.created_at),
                    modified=max(nota.created_at, consultation.updated_at),
                    link=reverse("consultaties:nota_download", kwargs={"pk": consultation.pk}),
                    media_type="application/pdf",
                    size=nota.size,
                    sha256=nota.sha256,
                    **common,
                )
            )
    return parts


def consultation_part(key: str) -> ConsultationPart | None:
    if not ID_PATTERN.match(key or ""):
        return None
    return next((part for part in consultation_parts() if part.key == key), None)
