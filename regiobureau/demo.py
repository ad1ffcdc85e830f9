"""Demo meetings: one upcoming meeting per base-model body, with realistic Dutch agendas.

`load_demo_meetings()` is idempotent: a body that already has its demo meeting (recognised by
its title) is left alone, so running `manage.py load_nhn --demo` twice changes nothing. All
writes go through the services, so the demo leaves the same audit trail as real use. The
agendas follow two dossiers through the chain werkgroep → directeurenoverleg → platform →
stuurgroep ("Woondeal NHN" and "MIRT-verkenning"), the same discussion at several tables.
"""

import datetime
from dataclasses import dataclass, field

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from gremia.models import Body, Membership
from nhn_portal.core.models import User
from platforms.models import Theme

from . import services
from .constants import AnnotationStatus, Confidentiality, ItemPurpose, MeetingStatus
from .models import Dossier, Meeting

DECISION, DISCUSSION, INFORMATION = (
    ItemPurpose.DECISION,
    ItemPurpose.DISCUSSION,
    ItemPurpose.INFORMATION,
)
SECRETARY_EMAIL = "secretaris@example.org"

DOSSIERS = [
    (
        "woondeal-nhn",
        "Woondeal NHN",
        "wonen",
        "De afspraken tussen Rijk, provincie en de NHN-gemeenten over de woningbouwopgave tot "
        "2030: voortgang, knelpunten en de verdeling over de basisregio's.",
    ),
    (
        "mirt-verkenning",
        "MIRT-verkenning Noord-Holland Noord",
        "mobiliteit",
        "De verkenning naar de bereikbaarheid van Noord-Holland Noord over weg, spoor en water "
        "binnen het Meerjarenprogramma Infrastructuur, Ruimte en Transport (MIRT).",
    ),
    (
        "regio-deal-nhn",
        "Regio Deal NHN",
        "economie",
        "De aanvraag voor een Regio Deal met het Rijk: projectvoorstellen, cofinanciering en "
        "het tempo van besluitvorming in de regio.",
    ),
]


@dataclass
class Doc:
    title: str
    confidential: bool = False


@dataclass
class Item:
    title: str
    purpose: str = DISCUSSION
    dossier: str | None = None
    public: bool = True
    minutes: int | None = None
    docs: list[Doc] = field(default_factory=list)
    annotation: dict[str, str] | None = None
    subs: list["Item"] = field(default_factory=list)


def woondeal_annotation(stage: str) -> dict[str, str]:
    return {
        "background": (
            "<p>In de Woondeal NHN hebben Rijk, provincie en gemeenten afgesproken tot 2030 "
            "ruim 40.000 woningen te bouwen, waarvan twee derde betaalbaar.</p>"
        ),
        "core_message": (
            f"<p>{stage} De bouwproductie ligt op schema in Regio Alkmaar, maar blijft in de "
            "Kop van Noord-Holland achter door netcongestie en stikstof.</p>"
        ),
        "proposal": "<p>Kennisnemen van de voortgang en instemmen met de voorgestelde "
        "versnellingsmaatregelen.</p>",
        "discussion_points": "<ul><li>Hoe verdelen we de versnellingsmiddelen over de drie "
        "basisregio's?</li><li>Welke knelpunten leggen we bij het Rijk neer?</li></ul>",
        "relation_to_bodies": "<p>Voorbereid in de werkgroep en het directeurenoverleg Wonen; "
        "besluitvorming in het Platform Wonen, ter informatie naar de publieke stuurgroep.</p>",
        "meaning_for_subregions": "<p>Voor West-Friesland en de Kop betekent dit extra "
        "capaciteit voor planvorming; Regio Alkmaar deelt haar aanpak.</p>",
        "communication": "<p>Raadsinformatiebrief na de vergadering van het platform.</p>",
    }


def _mirt_annotation(stage: str) -> dict[str, str]:
    return {
        "background": "<p>De MIRT-verkenning brengt de bereikbaarheidsopgave van NHN in "
        "beeld: de N23/N99, de Kop-Noord-Holland spoorlijn en de vaarweg naar Den Helder.</p>",
        "core_message": f"<p>{stage} De regio spreekt met één stem richting het Rijk over "
        "de voorkeursvolgorde van de maatregelen.</p>",
        "proposal": "<p>Instemmen met de bestuurlijke inzet voor het BO MIRT in het najaar.</p>",
        "discussion_points": "<p>Versnellen (eerst de N23) of verbreden (het hele pakket "
        "tegelijk)?</p>",
        "relation_to_bodies": "<p>Werkgroep → directeurenoverleg → Platform Mobiliteit → "
        "publieke stuurgroep.</p>",
        "meaning_for_subregions": "<p>De Kop van Noord-Holland heeft het meeste belang bij "
        "de vaarweg en het spoor; West-Friesland bij de N23.</p>",
        "communication": "<p>Gezamenlijk persbericht na het BO MIRT.</p>",
    }


REGIO_DEAL = {
    "background": "<p>De vorige Regio Deal-aanvraag kostte anderhalf jaar. De stuurgroep wil "
    "dit keer binnen zes maanden een gedragen aanvraag.</p>",
    "core_message": "<p>Drie projectvoorstellen zijn rijp; cofinanciering is voor twee rond.</p>",
    "proposal": "<p>Instemmen met het indienen van de aanvraag met de twee gefinancierde "
    "voorstellen.</p>",
}


def woondeal_subregion_items() -> list[Item]:
    """The Woondeal's sub-items at the platform: two basisregio's with their own issue."""
    return [
        Item("Kop van Noord-Holland: netcongestie", DISCUSSION, "woondeal-nhn"),
        Item("West-Friesland: flexwonen", INFORMATION, "woondeal-nhn"),
    ]


ZUIDRAND_ANNOTATION = {
    "core_message": "<p>Vertrouwelijk: de onderhandelingsruimte voor de aankoop van de kavels "
    "aan de Zuidrand.</p>",
    "proposal": "<p>Instemmen met het mandaat tot het genoemde bedrag.</p>",
}

# Per body (slug from gremia/reference.py): days from today, public or closed, the agenda.
AGENDAS: dict[str, tuple[int, bool, list[Item]]] = {
    "werkgroep-wonen": (
        6,
        False,
        [
            Item(
                "Woondeal NHN: voortgang woningbouwprogramma",
                DISCUSSION,
                "woondeal-nhn",
                minutes=45,
                docs=[Doc("Monitor woningbouw Q2"), Doc("Planlijst per gemeente", True)],
                annotation=woondeal_annotation("Eerste ambtelijke bespreking."),
            ),
            Item("Flexwonen en huisvesting arbeidsmigranten", DISCUSSION, minutes=30),
        ],
    ),
    "werkgroep-mobiliteit": (
        7,
        False,
        [
            Item(
                "MIRT-verkenning Noord-Holland Noord: concept-probleemanalyse",
                DISCUSSION,
                "mirt-verkenning",
                minutes=60,
                docs=[Doc("Concept probleemanalyse MIRT")],
                annotation=_mirt_annotation("Ambtelijke eerste lezing."),
            ),
        ],
    ),
    "werkgroep-economie": (
        8,
        False,
        [
            Item(
                "Regio Deal aanvraag: uitwerking projectvoorstellen",
                DISCUSSION,
                "regio-deal-nhn",
                minutes=60,
                docs=[Doc("Projectfiches Regio Deal")],
            ),
            Item("Arbeidsmarkt en onderwijs: aansluiting mbo", INFORMATION, minutes=20),
        ],
    ),
    "directeurenoverleg-wonen": (
        13,
        False,
        [
            Item(
                "Woondeal NHN: voortgang",
                DISCUSSION,
                "woondeal-nhn",
                minutes=40,
                docs=[Doc("Voortgangsrapportage Woondeal")],
                annotation=woondeal_annotation("Voorbereiding van het platform."),
            ),
            Item("Regionale woonzorgvisie", INFORMATION, minutes=20),
        ],
    ),
    "directeurenoverleg-mobiliteit": (
        14,
        False,
        [
            Item(
                "MIRT-verkenning Noord-Holland Noord",
                DISCUSSION,
                "mirt-verkenning",
                minutes=45,
                docs=[Doc("Notitie voorkeursvolgorde maatregelen")],
                annotation=_mirt_annotation("Voorbereiding van het platform."),
            ),
        ],
    ),
    "directeurenoverleg-economie": (
        15,
        False,
        [
            Item(
                "Regio Deal aanvraag: cofinanciering",
                DISCUSSION,
                "regio-deal-nhn",
                minutes=40,
                docs=[Doc("Overzicht cofinanciering", True)],
            ),
        ],
    ),
    "platform-wonen": (
        21,
        True,
        [
            Item(
                "Woondeal NHN: uitwerking versnellingsmaatregelen per basisregio",
                DECISION,
                "woondeal-nhn",
                minutes=45,
                docs=[
                    Doc("Voortgangsrapportage Woondeal"),
                    Doc("Raadsvoorstel versnellingsmiddelen"),
                ],
                annotation=woondeal_annotation("Ter besluitvorming in het platform."),
                subs=woondeal_subregion_items(),
            ),
            Item(
                "Grondposities Zuidrand: onderhandelingsruimte",
                DECISION,
                public=False,
                minutes=20,
                docs=[Doc("Taxatierapport kavels Zuidrand", True)],
                annotation=ZUIDRAND_ANNOTATION,
            ),
        ],
    ),
    "platform-mobiliteit": (
        22,
        True,
        [
            Item(
                "MIRT-verkenning Noord-Holland Noord: bestuurlijke inzet",
                DECISION,
                "mirt-verkenning",
                minutes=60,
                docs=[Doc("Bestuurlijke inzet BO MIRT")],
                annotation=_mirt_annotation("Ter besluitvorming in het platform."),
            ),
            Item("Fietsroutenetwerk West-Friesland", INFORMATION, minutes=15),
        ],
    ),
    "platform-economie": (
        23,
        True,
        [
            Item(
                "Regio Deal aanvraag",
                DECISION,
                "regio-deal-nhn",
                minutes=45,
                docs=[Doc("Concept Regio Deal-aanvraag")],
                annotation=REGIO_DEAL,
            ),
            Item("Groeiscenario 2: verkenning Economic Board", DISCUSSION, minutes=40),
        ],
    ),
    "ambtelijk-opdrachtgeversoverleg": (
        27,
        False,
        [
            Item("Voorbereiding publieke stuurgroep", DISCUSSION, minutes=45),
            Item("Jaarplan Regiobureau NHN 2027", DECISION, minutes=30, docs=[Doc("Jaarplan")]),
        ],
    ),
    "publieke-stuurgroep-nhn": (
        34,
        True,
        [
            Item(
                "Woondeal NHN: voortgangsrapportage",
                INFORMATION,
                "woondeal-nhn",
                minutes=20,
                docs=[Doc("Voortgangsrapportage Woondeal")],
                annotation=woondeal_annotation("Ter informatie na besluit van het platform."),
            ),
            Item(
                "MIRT-verkenning Noord-Holland Noord: inzet BO MIRT",
                DECISION,
                "mirt-verkenning",
                minutes=40,
                docs=[Doc("Bestuurlijke inzet BO MIRT")],
                annotation=_mirt_annotation("Vaststelling van de regionale inzet."),
            ),
            Item(
                "Regio Deal aanvraag",
                DECISION,
                "regio-deal-nhn",
                minutes=30,
                annotation=REGIO_DEAL,
            ),
            Item("Versnellen versus verbreden: agenda 2027", DISCUSSION, minutes=45),
            Item(
                "Evaluatie samenwerking en spelregels",
                DISCUSSION,
                public=False,
                minutes=30,
                docs=[Doc("Evaluatie governance, vertrouwelijke bijlage", True)],
            ),
        ],
    ),
    "regio-overleg-nhn": (
        48,
        True,
        [
            Item("Terugblik: een jaar Krachtig Noord-Holland Noord", INFORMATION, minutes=30),
            Item("Versnellen versus verbreden: gesprek in tafels", DISCUSSION, minutes=90),
        ],
    ),
    "raadsbijeenkomsten-nhn": (
        41,
        True,
        [
            Item(
                "Woondeal NHN: wat betekent het voor uw gemeente?",
                INFORMATION,
                "woondeal-nhn",
                minutes=45,
            ),
            Item("Regionale raadswerkgroep: werkwijze en planning", DISCUSSION, minutes=30),
        ],
    ),
}


def demo_title(body: Body) -> str:
    return f"{body.short_name or body.name} (demo)"


def load_demo_meetings(*, stdout=None) -> list[Meeting]:
    """Create the demo meetings that are missing; returns the meetings created now."""
    actor = User.objects.filter(email=SECRETARY_EMAIL).first()
    dossiers = ensure_dossiers(actor)
    created = []
    for slug, (days, is_public, items) in AGENDAS.items():
        body = Body.objects.filter(slug=slug).first()
        if body is None or body.is_dissolved():
            continue
        if Meeting.objects.filter(body=body, title=demo_title(body)).exists():
            continue
        created.append(demo_meeting_create(actor, body, days, is_public, items, dossiers))
    if stdout is not None:
        stdout.write(f"  demovergaderingen: {len(created)} aangemaakt")
    return created


def ensure_dossiers(actor) -> dict[str, Dossier]:
    dossiers = {}
    for slug, name, theme_slug, description in DOSSIERS:
        dossier = Dossier.objects.filter(slug=slug).first()
        if dossier is None:
            dossier = services.dossier_create(
                actor=actor,
                name=name,
                slug=slug,
                description=description,
                theme=Theme.objects.filter(slug=theme_slug).first(),
            )
        dossiers[slug] = dossier
    return dossiers


def demo_meeting_create(
    actor, body, days, is_public, items, dossiers, *, title: str = ""
) -> Meeting:
    """A published meeting `days` from today (negative: in the past) with the given agenda."""
    day = timezone.localdate() + datetime.timedelta(days=days)
    # Meetings fall on working days, never on a weekend or a public holiday at year's end.
    while day.weekday() >= 5 or (day.month, day.day) in {(12, 25), (12, 26), (1, 1)}:
        day += datetime.timedelta(days=1)
    tz = timezone.get_current_timezone()
    starts = datetime.datetime.combine(day, datetime.time(14, 0), tzinfo=tz)
    # Keep an upcoming meeting's stukken on time: the deadline lies after today, before the
    # meeting. A past meeting keeps the usual deadline (its demo agenda has no stukken).
    deadline = services.default_documents_deadline(starts)
    if days >= 0:
        deadline = max(deadline, timezone.localdate() + datetime.timedelta(1))
    meeting = services.meeting_create(
        actor=actor,
        body=body,
        title=title or demo_title(body),
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=2),
        location="Provinciehuis Noord-Holland, Haarlem"
        if body.kind == "stuurgroep"
        else "Regiokantoor NHN, Alkmaar",
        online_url="https://vergaderen.example.org/nhn",
        is_public=is_public,
        documents_deadline=min(deadline, day - datetime.timedelta(days=1)),
    )
    presenters = [
        m.person for m in Membership.objects.current().filter(body=body).select_related("person")
    ]
    for index, spec in enumerate(items):
        presenter = presenters[index % len(presenters)] if presenters else None
        _item(actor, meeting, spec, dossiers, presenter, parent=None)
    meeting.refresh_from_db()
    services.meeting_publish_agenda(
        actor=actor, meeting=meeting, expected_version=meeting.agenda_version
    )
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.AGENDA_PUBLISHED
    return meeting


def _item(actor, meeting, spec: Item, dossiers, presenter, *, parent):
    item = services.agenda_item_create(
        actor=actor,
        meeting=meeting,
        expected_version=None,
        title=spec.title,
        purpose=spec.purpose,
        presenter=presenter,
        planned_minutes=spec.minutes,
        is_public=spec.public,
        dossier=dossiers.get(spec.dossier) if spec.dossier else None,
        parent=parent,
    )
    for doc in spec.docs:
        services.document_upload(
            actor=actor,
            item=item,
            title=doc.title,
            confidentiality=Confidentiality.CONFIDENTIAL
            if doc.confidential
            else Confidentiality.PUBLIC,
            upload=SimpleUploadedFile(
                f"{doc.title.lower().replace(' ', '-')[:60]}.pdf",
                demo_pdf(doc.title, str(meeting.body)),
                content_type="application/pdf",
            ),
        )
    if spec.annotation:
        annotation = services.annotation_save(
            actor=actor, item=item, expected_version=None, **spec.annotation
        )
        if meeting.body.kind in ("stuurgroep", "platform"):
            services.annotation_set_status(
                actor=actor, annotation=annotation, status=AnnotationStatus.IN_REVIEW
            )
            services.annotation_set_status(
                actor=actor, annotation=annotation, status=AnnotationStatus.ADOPTED
            )
    for sub in spec.subs:
        _item(actor, meeting, sub, dossiers, presenter, parent=item)
    return item


def demo_pdf(title: str, subtitle: str) -> bytes:
    """A small, valid one-page PDF (with a correct cross-reference table) showing the title."""

    def escape(text: str) -> str:
        text = text.encode("latin-1", "replace").decode("latin-1")
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    lines = [title, subtitle, "Demodocument NHN Portaal"]
    stream = "BT /F1 16 Tf 56 770 Td ({}) Tj /F1 11 Tf 0 -24 Td ({}) Tj 0 -18 Td ({}) Tj ET".format(
        *(escape(line) for line in lines)
    ).encode("latin-1")
    objects = [
        b"<</Type/Catalog/Pages 2 0 R>>",
        b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
        b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R"
        b"/Resources<</Font<</F1 5 0 R>>>>>>",
        b"<</Length %d>>stream\n" % len(stream) + stream + b"\nendstream",
        b"<</Type/Font/Subtype/Type1/BaseFont/Helvetica/Encoding/WinAnsiEncoding>>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<</Size %d/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)
