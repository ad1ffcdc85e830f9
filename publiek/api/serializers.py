"""ORI 2.0 representations. Every object here came through publiek.api.selectors, so it is
public; a serializer only shapes it."""

from django.conf import settings
from django.urls import reverse
from rest_framework import serializers

from gremia.constants import BodyKind, OrganisationKind
from publiek.api.consultations import ConsultationPart
from publiek.selectors import PUBLIC_OFFICE_FUNCTIONS
from regiobureau.constants import DecisionOutcome, MeetingStatus, VoteChoice

ORI_STATUS = {
    MeetingStatus.DRAFT: "gepland",
    MeetingStatus.PLANNED: "gepland",
    MeetingStatus.AGENDA_PUBLISHED: "gepland",
    MeetingStatus.HELD: "gehouden",
    MeetingStatus.CLOSED: "gehouden",
    MeetingStatus.CANCELLED: "geannuleerd",
}
# The standard's meeting types are those of councils, states and water boards. A gathering of
# the region's councils is a council meeting, the board of the joint arrangement meets as an
# general board (algemeen bestuur); every other regional body prepares or advises, as a
# committee does (its own kind stays in x-nhn.gremiumsoort).
ORI_MEETING_TYPE = {
    BodyKind.COUNCIL_GATHERING: "raadsvergadering",
    BodyKind.BOARD: "algemene_bestuursvergadering",
}
DEFAULT_MEETING_TYPE = "commissievergadering"


def meeting_type(kind: str) -> str:
    return ORI_MEETING_TYPE.get(kind, DEFAULT_MEETING_TYPE)


def site_url(path: str) -> str:
    """An absolute URI from settings.SITE_URL: never from the request's Host header, so a
    harvester gets the same identifiers whatever name it used to reach the portal."""
    return settings.SITE_URL.rstrip("/") + path


def absolute(request, name: str, pk) -> str:
    return site_url(reverse(f"ori:{name}-detail", kwargs={"pk": pk}))


def reference(request, name: str, pk) -> dict | None:
    if pk is None:
        return None
    return {"id": str(pk), "url": absolute(request, name, pk)}


ELLIPSIS = "\u2026"


def clip(text: str, length: int) -> str:
    """At most `length` characters, the standard's maxLength; a longer text ends in an
    ellipsis (the whole text is then under x-nhn)."""
    text = text or ""
    return text if len(text) <= length else text[: length - 1].rstrip() + ELLIPSIS


def without_nulls(data):
    """The standard's nested objects are not nullable: an absent one is left out."""
    if isinstance(data, dict):
        return {
            key: without_nulls(value)
            for key, value in data.items()
            if value is not None or key == "x-nhn"
        }
    return data


class OriSerializer(serializers.Serializer):
    resource = ""

    url = serializers.SerializerMethodField()
    id = serializers.SerializerMethodField()

    def get_url(self, obj) -> str:
        return absolute(self.context.get("request"), self.resource, obj.pk)

    def get_id(self, obj) -> str:
        return str(obj.pk)

    def ref(self, name, pk):
        return reference(self.context.get("request"), name, pk)

    def to_representation(self, instance):
        return without_nulls(self.represent(instance))


class VergaderingSerializer(OriSerializer):
    resource = "vergadering"

    def represent(self, meeting):
        data = {
            "url": self.get_url(meeting),
            "id": self.get_id(meeting),
            "vergaderingstype": meeting_type(meeting.body.kind),
            "status": ORI_STATUS[meeting.status],
            "geplandeAanvangVergadering": serializers.DateTimeField().to_representation(
                meeting.starts_at
            ),
            "geplandeEindeVergadering": serializers.DateTimeField().to_representation(
                meeting.ends_at
            ),
            "geplandeVergaderdatum": meeting.starts_at.date().isoformat(),
            "georganiseerdDoorGremium": {
                "gremiumidentificatie": str(meeting.body_id),
                "gremiumnaam": clip(meeting.body.name, 100),
            },
            "wijzigingsdatum": meeting.updated_at.date().isoformat(),
            "x-nhn": {
                "gremium": self.ref("organisatorische_eenheid", meeting.body_id),
                "gremiumsoort": meeting.body.kind,
                "openbaar": meeting.is_public,
            },
        }
        if meeting.status in (MeetingStatus.HELD, MeetingStatus.CLOSED):
            # The meeting's times as recorded: a held meeting's record keeps its real start
            # and end (the secretary corrects them when the meeting ran otherwise).
            data["aanvangVergadering"] = data["geplandeAanvangVergadering"]
            data["eindeVergadering"] = data["geplandeEindeVergadering"]
            data["vergaderdatum"] = data["geplandeVergaderdatum"]
        if meeting.is_public:
            # A closed meeting is published by its body and date only.
            data["naam"] = clip(str(meeting), 100)
            data["x-nhn"]["naam"] = str(meeting)
            if meeting.location:
                data["locatie"] = clip(meeting.location, 100)
                data["x-nhn"]["locatie"] = meeting.location
            data["agendapunten"] = [
                absolute(self.context.get("request"), "agendapunt", item.pk)
                for item in getattr(meeting, "public_items", [])
            ]
        return data


class AgendapuntSerializer(OriSerializer):
    resource = "agendapunt"

    def represent(self, item):
        parts = self.context.get("consultation_parts", {}).get(("item", item.pk), [])
        return {
            "url": self.get_url(item),
            "id": self.get_id(item),
            "vergadering": self.ref("vergadering", item.meeting_id),
            "hoofdagendapunt": self.ref("agendapunt", item.parent_id),
            "agendapuntTitel": clip(item.title, 100) or "-",
            "agendapuntOmschrijving": item.description,
            "agendapuntvolgnummer": clip(str(item.position), 3),
            "indicatorBesloten": False,
            "informatieobjecten": [
                absolute(self.context.get("request"), "informatieobject", document.pk)
                for document in item.documents.all()
            ]
            + [absolute(None, "informatieobject", part.key) for part in parts],
            "x-nhn": {
                "titel": item.title,
                "dossier": item.dossier.name if item.dossier_id else None,
                "doel": item.purpose,
            },
        }


class BesluitSerializer(OriSerializer):
    resource = "besluit"

    def represent(self, decision):
        parts = self.context.get("consultation_parts", {}).get(("decision", decision.pk), [])
        return {
            "url": self.get_url(decision),
            "id": self.get_id(decision),
            "besluitresultaat": clip(str(decision.outcome_dutch), 200),
            "besluittoelichting": clip(decision.text, 200),
            "stemmingen": (
                [absolute(None, "stemming", decision.pk)]
                if getattr(decision, "has_vote", False)
                else []
            ),
            "x-nhn": {
                "besluittekst": decision.text,
                "pagina": site_url(decision.item.meeting.get_absolute_url()),
                "agendapunt": self.ref("agendapunt", decision.item_id),
                "vergadering": self.ref("vergadering", decision.item.meeting_id),
                "besluitregel": decision.rule,
                # The consultation of the councils that prepared it: the draft, each
                # council's response and the reactienota.
                "informatieobjecten": [
                    absolute(None, "informatieobject", part.key) for part in parts
                ],
            },
        }


class InformatieObjectSerializer(OriSerializer):
    resource = "informatieobject"

    def represent(self, document):
        if isinstance(document, ConsultationPart):
            return self.represent_consultation_part(document)
        version = document.current_version
        item = document.agenda_item
        data = {
            "url": self.get_url(document),
            "id": self.get_id(document),
            "titel": clip(document.title, 200),
            "taal": "dut",
            "vertrouwelijkheidsaanduiding": "openbaar",
            "agendapunten": [self.ref("agendapunt", item.pk)],
            "vergaderingen": [self.ref("vergadering", item.meeting_id)],
            "x-nhn": {"titel": document.title, "bestand": None},
        }
        if version is not None:
            data["creatiedatum"] = version.uploaded_at.date().isoformat()
            data["versie"] = str(version.number)[:5]
            data["link"] = site_url(
                reverse("regiobureau:document_download", kwargs={"pk": document.pk})
            )
            data["x-nhn"]["bestand"] = {
                "naam": version.original_name,
                "mediatype": version.content_type,
                "grootte": version.size,
                "sha256": version.sha256,
            }
        return data

    def represent_consultation_part(self, part):
        """A part of a public consultation of the councils: an informatieobject of the draft
        decision's agenda item and of the final decision's, once that is public."""
        data = {
            "url": self.get_url(part),
            "id": part.key,
            "titel": clip(part.title, 200),
            "taal": "dut",
            "vertrouwelijkheidsaanduiding": "openbaar",
            "creatiedatum": part.created.isoformat(),
            "link": site_url(part.link),
            "agendapunten": [self.ref("agendapunt", pk) for pk in part.item_ids],
            "vergaderingen": [self.ref("vergadering", pk) for pk in part.meeting_ids],
            "x-nhn": {
                "titel": part.title,
                "soort": part.kind,
                "consultatie": site_url(part.page),
                "gemeente": part.municipality or None,
                "besluit": self.ref("besluit", part.decision_id),
                "bestand": {
                    "mediatype": part.media_type,
                    "grootte": part.size,
                    "sha256": part.sha256 or None,
                },
            },
        }
        return data


class OrganisatorischeEenheidSerializer(OriSerializer):
    resource = "organisatorische_eenheid"

    def represent(self, body):
        return {
            "url": self.get_url(body),
            "id": self.get_id(body),
            "naam": clip(body.name, 50),
            "naamVerkort": clip(body.short_name or body.name, 25),
            "omschrijving": clip(str(body.get_kind_display()), 80),
            "toelichting": body.purpose,
            "x-nhn": {
                "naamVolledig": body.name,
                "lijn": body.line,
                "bereidtVoor": self.ref("organisatorische_eenheid", body.prepares_id),
                "thema": body.theme.name if body.theme_id else None,
            },
        }


# gremia's function → the standard's Functie (a heemraad sits in a water board's daily board).
ORI_FUNCTION = {
    "burgemeester": "burgemeester",
    "wethouder": "wethouder",
    "gedeputeerde": "gedeputeerde",
    "dijkgraaf": "dijkgraaf",
    "heemraad": "dagelijks_bestuurslid",
    "raadslid": "raadslid",
}
# A seat's role → the standard's RolNaam.
ORI_ROLE = {"voorzitter": "voorzitter"}
TUSSENVOEGSELS = frozenset(
    {"van", "de", "der", "den", "het", "ten", "ter", "te", "in", "op", "'t", "'s", "la", "le"}
)


def split_name(name: str) -> dict:
    """The standard's NaamNatuurlijkPersoon from one name field: the whole name as
    volledigeNaam; the surname after the first tussenvoegsel (lower case, as written in the
    middle of a Dutch name), otherwise the last word."""
    words = name.split()
    data = {"volledigeNaam": name[:300]}
    if not words:
        return {**data, "achternaam": "-"}
    start = next(
        (i for i, w in enumerate(words) if 0 < i < len(words) - 1 and w in TUSSENVOEGSELS), None
    )
    if start is None:
        given, infix, surname = words[:-1], [], words[-1:]
    else:
        end = start
        while end < len(words) - 1 and words[end] in TUSSENVOEGSELS:
            end += 1
        given, infix, surname = words[:start], words[start:end], words[end:]
    data["achternaam"] = " ".join(surname)[:200]
    if infix:
        data["tussenvoegsel"] = " ".join(infix)[:20]
    if given:
        data["voornamen"] = " ".join(given)[:200]
    return data


class NatuurlijkPersoonSerializer(OriSerializer):
    resource = "natuurlijk_persoon"

    def represent(self, person):
        return {
            "url": self.get_url(person),
            "id": self.get_id(person),
            "functie": ORI_FUNCTION[person.function],
            "naamNatuurlijkPersoon": split_name(person.name),
            "x-nhn": {
                "organisatie": person.organisation.name if person.organisation_id else None,
                "zetels": [
                    {
                        "gremium": self.ref("organisatorische_eenheid", seat.body_id),
                        "gremiumnaam": seat.body.name,
                        "rol": seat.role,
                        "vanaf": seat.start.isoformat(),
                        "tot": seat.end.isoformat() if seat.end else None,
                    }
                    for seat in person.memberships.all()
                ],
            },
        }


class AanwezigeDeelnemerSerializer(OriSerializer):
    resource = "aanwezige_deelnemer"

    def represent(self, attendance):
        membership = attendance.membership
        person = attendance.substitute if attendance.substitute_id else membership.person
        organisation = membership.organisation
        stands_in_for = None
        if attendance.substitute_id and membership.person.function in PUBLIC_OFFICE_FUNCTIONS:
            stands_in_for = self.ref("natuurlijk_persoon", membership.person_id)
        return {
            "url": self.get_url(attendance),
            "id": self.get_id(attendance),
            "natuurlijkPersoon": self.ref("natuurlijk_persoon", person.pk),
            "vergadering": self.ref("vergadering", attendance.meeting_id),
            "rolnaam": "overig"
            if attendance.substitute_id
            else ORI_ROLE.get(membership.role, "overig"),
            "organisatie": clip(organisation.name, 100),
            "stemmen": [
                absolute(None, "stem", pk)
                for pk in self.context.get("votes", {}).get(attendance.pk, [])
            ],
            "x-nhn": {"vervangtVoor": stands_in_for},
        }


# A vote's choice → the standard's StemKeuze.
ORI_CHOICE = {
    VoteChoice.FOR: "voor",
    VoteChoice.AGAINST: "tegen",
    VoteChoice.ABSTAIN: "onthouden",
}


def oral_result(decision) -> str:
    """The standard's StemmingResultaat from the votes counted (a tie is "gelijk"); without
    counted votes, from the decision's outcome."""
    votes = list(getattr(decision, "public_votes", []))
    voor = sum(1 for vote in votes if vote.choice == VoteChoice.FOR)
    tegen = sum(1 for vote in votes if vote.choice == VoteChoice.AGAINST)
    if votes and voor != tegen:
        return "voor" if voor > tegen else "tegen"
    if votes:
        return "gelijk"
    return "voor" if decision.outcome == DecisionOutcome.ADOPTED else "tegen"


class StemmingSerializer(OriSerializer):
    """One vote (stemming) per decision that was voted on: by name at the meeting under the
    majority rule, or in writing in a written round (its id is the decision's)."""

    resource = "stemming"

    def represent(self, decision):
        written = getattr(decision, "round_id", None) is not None
        data = {
            "url": self.get_url(decision),
            "id": self.get_id(decision),
            "agendapunt": self.ref("agendapunt", decision.item_id),
            "stemmingstype": "schriftelijk" if written else "hoofdelijk",
            "besluit": self.ref("besluit", decision.pk),
            "stemmen": [absolute(None, "stem", vote.pk) for vote in decision.public_votes],
            "x-nhn": {"schriftelijkeRonde": written},
        }
        if not written:
            data["resultaatMondelingeStemming"] = oral_result(decision)
        return data


class StemSerializer(OriSerializer):
    """A member's vote at a held public meeting, with the seat they were present in."""

    resource = "stem"

    def represent(self, vote):
        return {
            "url": self.get_url(vote),
            "id": self.get_id(vote),
            "aanwezigeDeelnemer": self.ref("aanwezige_deelnemer", vote.attendance_id),
            "stemming": self.ref("stemming", vote.decision_id),
            "keuzeStemming": ORI_CHOICE[vote.choice],
        }


# An organisation's kind → the standard's NaamDagelijksBestuursType and the board's name.
DAILY_BOARD = {
    OrganisationKind.MUNICIPALITY: ("college", "College van burgemeester en wethouders"),
    OrganisationKind.PROVINCE: ("gedeputeerde_staten", "Gedeputeerde Staten"),
    OrganisationKind.WATER_BOARD: ("dagelijks_bestuur", "Dagelijks bestuur"),
}


class DagelijksBestuurSerializer(OriSerializer):
    """A municipality's college (a province's or water board's daily board); its id is the
    organisation's. The portal keeps no CBS codes, so `gemeente` is left out."""

    resource = "dagelijks_bestuur"

    def represent(self, organisation):
        kind, title = DAILY_BOARD[organisation.kind]
        return {
            "url": self.get_url(organisation),
            "id": self.get_id(organisation),
            "dagelijksBestuursnaam": f"{title} ({organisation.name})",
            "dagelijksBestuurstype": kind,
            "x-nhn": {"organisatie": organisation.name},
        }
