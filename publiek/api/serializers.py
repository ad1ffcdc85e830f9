"""ORI 2.0 representations. Every object here came through publiek.api.selectors, so it is
public; a serializer only shapes it."""

from django.urls import reverse
from rest_framework import serializers

from publiek.selectors import PUBLIC_OFFICE_FUNCTIONS
from regiobureau.constants import MeetingStatus

ORI_STATUS = {
    MeetingStatus.DRAFT: "gepland",
    MeetingStatus.PLANNED: "gepland",
    MeetingStatus.AGENDA_PUBLISHED: "gepland",
    MeetingStatus.HELD: "gehouden",
    MeetingStatus.CLOSED: "gehouden",
    MeetingStatus.CANCELLED: "geannuleerd",
}
# The standard's meeting types are those of councils, states and water boards; a regional
# body's meeting is closest to a committee meeting (its own kind is in x-nhn.gremiumsoort).
ORI_MEETING_TYPE = "commissievergadering"


def absolute(request, name: str, pk) -> str:
    return request.build_absolute_uri(reverse(f"ori:{name}-detail", kwargs={"pk": pk}))


def reference(request, name: str, pk) -> dict | None:
    if pk is None:
        return None
    return {"id": str(pk), "url": absolute(request, name, pk)}


class OriSerializer(serializers.Serializer):
    resource = ""

    url = serializers.SerializerMethodField()
    id = serializers.SerializerMethodField()

    def get_url(self, obj) -> str:
        return absolute(self.context["request"], self.resource, obj.pk)

    def get_id(self, obj) -> str:
        return str(obj.pk)

    def ref(self, name, pk):
        return reference(self.context["request"], name, pk)


class VergaderingSerializer(OriSerializer):
    resource = "vergadering"

    def to_representation(self, meeting):
        data = {
            "url": self.get_url(meeting),
            "id": self.get_id(meeting),
            "vergaderingstype": ORI_MEETING_TYPE,
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
                "gremiumnaam": meeting.body.name[:100],
            },
            "wijzigingsdatum": meeting.updated_at.date().isoformat(),
            "x-nhn": {
                "gremium": self.ref("organisatorische_eenheid", meeting.body_id),
                "gremiumsoort": meeting.body.kind,
                "openbaar": meeting.is_public,
            },
        }
        if meeting.is_public:
            # A closed meeting is published by its body and date only.
            data["naam"] = str(meeting)[:100]
            data["locatie"] = meeting.location[:100]
            data["agendapunten"] = [
                absolute(self.context["request"], "agendapunt", item.pk)
                for item in getattr(meeting, "public_items", [])
            ]
        return data


class AgendapuntSerializer(OriSerializer):
    resource = "agendapunt"

    def to_representation(self, item):
        return {
            "url": self.get_url(item),
            "id": self.get_id(item),
            "vergadering": self.ref("vergadering", item.meeting_id),
            "hoofdagendapunt": self.ref("agendapunt", item.parent_id),
            "agendapuntTitel": item.title[:100] or "-",
            "agendapuntOmschrijving": item.description,
            "agendapuntvolgnummer": str(item.position),
            "indicatorBesloten": False,
            "informatieobjecten": [
                absolute(self.context["request"], "informatieobject", document.pk)
                for document in item.documents.all()
            ],
            "x-nhn": {
                "dossier": item.dossier.name if item.dossier_id else None,
                "doel": item.purpose,
            },
        }


class BesluitSerializer(OriSerializer):
    resource = "besluit"

    def to_representation(self, decision):
        return {
            "url": self.get_url(decision),
            "id": self.get_id(decision),
            "besluitresultaat": str(decision.get_outcome_display())[:200],
            "besluittoelichting": decision.text,
            "x-nhn": {
                "agendapunt": self.ref("agendapunt", decision.item_id),
                "vergadering": self.ref("vergadering", decision.item.meeting_id),
                "besluitregel": decision.rule,
            },
        }


class InformatieObjectSerializer(OriSerializer):
    resource = "informatieobject"

    def to_representation(self, document):
        request = self.context["request"]
        version = document.current_version
        item = document.agenda_item
        data = {
            "url": self.get_url(document),
            "id": self.get_id(document),
            "titel": document.title[:200],
            "taal": "dut",
            "vertrouwelijkheidsaanduiding": "openbaar",
            "agendapunten": [self.ref("agendapunt", item.pk)],
            "vergaderingen": [self.ref("vergadering", item.meeting_id)],
            "x-nhn": {"bestand": None},
        }
        if version is not None:
            data["creatiedatum"] = version.uploaded_at.date().isoformat()
            data["versie"] = str(version.number)[:5]
            data["link"] = request.build_absolute_uri(
                reverse("regiobureau:document_download", kwargs={"pk": document.pk})
            )
            data["x-nhn"]["bestand"] = {
                "naam": version.original_name,
                "mediatype": version.content_type,
                "grootte": version.size,
                "sha256": version.sha256,
            }
        return data


class OrganisatorischeEenheidSerializer(OriSerializer):
    resource = "organisatorische_eenheid"

    def to_representation(self, body):
        return {
            "url": self.get_url(body),
            "id": self.get_id(body),
            "naam": body.name[:50],
            "naamVerkort": (body.short_name or body.name)[:25],
            "omschrijving": str(body.get_kind_display())[:80],
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

    def to_representation(self, person):
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

    def to_representation(self, attendance):
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
            "organisatie": organisation.name[:100],
            "stemmen": [],
            "x-nhn": {"vervangtVoor": stands_in_for},
        }
