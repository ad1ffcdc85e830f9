"""OParl 1.1 objects as dicts. Every object here came through publiek.oparl.selectors, so it
is public; a serializer only shapes it. `id` is the object's own URL under settings.SITE_URL
(never the request's Host header); `type` is the schema URL."""

import datetime

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from regiobureau.constants import MeetingStatus, Presence

SCHEMA = "https://schema.oparl.org/1.1/"
OPARL_VERSION = "https://schema.oparl.org/1.1/"
BODY_KEY = "nhn"

MEETING_STATE = {
    MeetingStatus.PLANNED: "terminiert",
    MeetingStatus.AGENDA_PUBLISHED: "eingeladen",
    MeetingStatus.HELD: "durchgeführt",
    MeetingStatus.CLOSED: "durchgeführt",
    MeetingStatus.CANCELLED: "abgesagt",
}


def url(name: str, **kwargs) -> str:
    return settings.SITE_URL.rstrip("/") + reverse(name, kwargs=kwargs or None)


def oparl_url(name: str, **kwargs) -> str:
    return url(f"oparl:{name}", **kwargs)


def stamp(value: datetime.datetime | None) -> str | None:
    return timezone.localtime(value).isoformat(timespec="seconds") if value else None


def _common(kind: str, obj_url: str, obj=None) -> dict:
    data = {"id": obj_url, "type": SCHEMA + kind}
    if obj is not None:
        data["created"] = stamp(obj.created_at)
        data["modified"] = stamp(obj.updated_at)
        data["deleted"] = False
    return data


def _drop_empty(data: dict) -> dict:
    """OParl leaves out what is not known rather than sending null or an empty text."""
    return {key: value for key, value in data.items() if value not in (None, "")}


# --- The region --------------------------------------------------------------------------

LEGISLATIVE_TERMS = (
    # The municipal council terms (raadsperiodes): from one election to the next.
    (2018, datetime.date(2018, 3, 21), datetime.date(2022, 3, 15)),
    (2022, datetime.date(2022, 3, 16), datetime.date(2026, 3, 17)),
    (2026, datetime.date(2026, 3, 18), datetime.date(2030, 3, 19)),
)


def legislative_term(year: int) -> dict:
    for start_year, start, end in LEGISLATIVE_TERMS:
        if start_year == year:
            return {
                **_common("LegislativeTerm", oparl_url("legislative_term", year=year)),
                "body": oparl_url("body", key=BODY_KEY),
                "name": f"Raadsperiode {start.year}-{end.year}",
                "startDate": start.isoformat(),
                "endDate": end.isoformat(),
            }
    raise KeyError(year)


def system() -> dict:
    return {
        **_common("System", oparl_url("system")),
        "oparlVersion": OPARL_VERSION,
        "name": "NHN Portal",
        "body": oparl_url("body_list"),
        "website": settings.SITE_URL.rstrip("/") + "/",
        "web": settings.SITE_URL.rstrip("/") + "/",
    }


def body() -> dict:
    key = {"key": BODY_KEY}
    return {
        **_common("Body", oparl_url("body", **key)),
        "system": oparl_url("system"),
        "shortName": "NHN",
        "name": "Regio Noord-Holland Noord",
        "classification": "Regionale samenwerking",
        "website": settings.SITE_URL.rstrip("/") + "/",
        "web": url("publiek:body_list"),
        "organization": oparl_url("organization_list", **key),
        "person": oparl_url("person_list", **key),
        "meeting": oparl_url("meeting_list", **key),
        "paper": oparl_url("paper_list", **key),
        "agendaItem": oparl_url("agenda_item_list", **key),
        "file": oparl_url("file_list", **key),
        "membership": oparl_url("membership_list", **key),
        "legislativeTerm": [legislative_term(year) for year, _s, _e in LEGISLATIVE_TERMS],
        "legislativeTermList": oparl_url("legislative_term_list", **key),
    }


# --- Gremia, people and seats --------------------------------------------------------------


def organization(gremium) -> dict:
    return _drop_empty(
        {
            **_common("Organization", oparl_url("organization", pk=gremium.pk), gremium),
            "body": oparl_url("body", key=BODY_KEY),
            "name": gremium.name,
            "shortName": gremium.short_name,
            "organizationType": "Gremium",
            "classification": str(gremium.get_kind_display()),
            "startDate": gremium.established_on.isoformat(),
            "endDate": gremium.dissolved_on.isoformat() if gremium.dissolved_on else None,
            "membership": [
                oparl_url("membership", pk=seat.pk) for seat in getattr(gremium, "public_seats", [])
            ],
            "meeting": oparl_url("organization_meeting_list", pk=gremium.pk),
            "web": url("publiek:body_detail", slug=gremium.slug),
        }
    )


def membership(seat) -> dict:
    return _drop_empty(
        {
            **_common("Membership", oparl_url("membership", pk=seat.pk), seat),
            "person": oparl_url("person", pk=seat.person_id),
            "organization": oparl_url("organization", pk=seat.body_id),
            "role": str(seat.get_role_display()),
            "startDate": seat.start.isoformat(),
            "endDate": seat.end.isoformat() if seat.end else None,
        }
    )


def person(holder) -> dict:
    """A public office holder: name, function and seats; nothing else about them."""
    return {
        **_common("Person", oparl_url("person", pk=holder.pk), holder),
        "body": oparl_url("body", key=BODY_KEY),
        "name": holder.name,
        "status": [str(holder.get_function_display())],
        "membership": [membership(seat) for seat in getattr(holder, "seats", [])],
    }


# --- Meetings, items, stukken --------------------------------------------------------------


def file(document) -> dict:
    version = document.current_version
    download = url("regiobureau:document_download", pk=document.pk)
    item = document.agenda_item
    return {
        **_common("File", oparl_url("file", pk=document.pk), document),
        "name": document.title,
        "fileName": version.original_name,
        "mimeType": version.content_type,
        "date": timezone.localtime(version.uploaded_at).date().isoformat(),
        "size": version.size,
        "accessUrl": download,
        "downloadUrl": download,
        "meeting": [oparl_url("meeting", pk=item.meeting_id)],
        "agendaItem": [oparl_url("agenda_item", pk=item.pk)],
        "paper": [oparl_url("paper", pk=document.pk)],
    }


def paper(document) -> dict:
    """A public stuk: its file is the paper's main file."""
    return {
        **_common("Paper", oparl_url("paper", pk=document.pk), document),
        "body": oparl_url("body", key=BODY_KEY),
        "name": document.title,
        "reference": f"NHN-{document.pk}",
        "date": timezone.localtime(document.created_at).date().isoformat(),
        "paperType": "Stuk",
        "mainFile": file(document),
    }


def agenda_item(item, consultations=None) -> dict:
    """An item; `consultations` ({item pk: [ConsultationPart]}) adds the public consultation
    of the councils on it: its parts as auxiliary files, and the Consultation itself."""
    data = {
        **_common("AgendaItem", oparl_url("agenda_item", pk=item.pk), item),
        "meeting": oparl_url("meeting", pk=item.meeting_id),
        "number": item_number(item),
        "order": item.position,
        "name": item.title,
        "public": True,
        "auxiliaryFile": [file(document) for document in getattr(item, "public_files", [])],
        "web": url("regiobureau:item_detail", pk=item.pk),
    }
    decisions = getattr(item, "public_decisions", [])
    if decisions:
        decision = decisions[0]  # the latest recorded decision
        data["result"] = str(decision.get_outcome_display())
        data["resolutionText"] = decision.text
    parts = (consultations or {}).get(item.pk, [])
    if parts:
        data["auxiliaryFile"] += [consultation_file(part) for part in parts]
        # OParl's AgendaItem has one consultation (1:1): the first on this item.
        drafts = [part for part in parts if part.item_ids[0] == item.pk]
        if drafts:
            data["consultation"] = oparl_url("consultation", pk=drafts[0].consultation_id)
    return data


# --- Consultations of the councils ---------------------------------------------------------

CONSULTATION_ROLE = "Consultatie van de gemeenteraden (wensen en bedenkingen)"


def part_slug(part) -> str:
    """The File's key under its consultation: consultatie, reactie-<pk> or reactienota."""
    return part.key.split("-", 2)[2] if part.key.count("-") >= 2 else "consultatie"


def _part_dates(part) -> dict:
    return {"created": stamp(part.modified), "modified": stamp(part.modified), "deleted": False}


def consultation_file(part) -> dict:
    """A part of a public consultation (the question, a council's response, the
    reactienota's PDF) as a File of the draft's item (and the final decision's)."""
    link = url_of(part.link)
    data = {
        "id": oparl_url("consultation_file", pk=part.consultation_id, part=part_slug(part)),
        "type": SCHEMA + "File",
        **_part_dates(part),
        "name": part.title,
        "mimeType": part.media_type,
        "date": part.created.isoformat(),
        "size": part.size,
        "sha1Checksum": None,
        "accessUrl": link,
        "meeting": [oparl_url("meeting", pk=pk) for pk in part.meeting_ids],
        "agendaItem": [oparl_url("agenda_item", pk=pk) for pk in part.item_ids],
        "web": url_of(part.page),
    }
    if part.media_type == "application/pdf":
        data["downloadUrl"] = link
    return _drop_empty(data)


def consultation(parts) -> dict:
    """OParl's Consultation: the draft decision's item put to the councils (the body of
    the meeting is the organization that consults); its parts are files of that item."""
    first = parts[0]
    return {
        "id": oparl_url("consultation", pk=first.consultation_id),
        "type": SCHEMA + "Consultation",
        **_part_dates(first),
        "agendaItem": oparl_url("agenda_item", pk=first.item_ids[0]),
        "meeting": oparl_url("meeting", pk=first.meeting_ids[0]),
        "organization": [oparl_url("organization", pk=first.body_id)],
        "authoritative": False,
        "role": CONSULTATION_ROLE,
        "keyword": ["consultatie", "wensen en bedenkingen"],
        "web": url_of(first.page),
    }


def url_of(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def item_number(item) -> str:
    if item.parent_id:
        return f"{item.parent.position}.{item.position}"
    return str(item.position)


def location(meeting_obj) -> dict:
    """The place of a public meeting, as the portal has it: one line of text."""
    return {
        **_common("Location", oparl_url("meeting_location", pk=meeting_obj.pk), meeting_obj),
        "description": meeting_obj.location,
        "meetings": [oparl_url("meeting", pk=meeting_obj.pk)],
    }


def meeting(meeting_obj, consultations=None) -> dict:
    """A public meeting with its public items; a closed one by its body and date only."""
    data = {
        **_common("Meeting", oparl_url("meeting", pk=meeting_obj.pk), meeting_obj),
        "cancelled": meeting_obj.status == MeetingStatus.CANCELLED,
        "meetingState": MEETING_STATE.get(meeting_obj.status, "terminiert"),
        "start": stamp(meeting_obj.starts_at),
        "end": stamp(meeting_obj.ends_at),
        "organization": [oparl_url("organization", pk=meeting_obj.body_id)],
    }
    if meeting_obj.is_public:
        data["name"] = str(meeting_obj)
        data["web"] = url("regiobureau:meeting_detail", pk=meeting_obj.pk)
        data["agendaItem"] = [
            agenda_item(item, consultations) for item in getattr(meeting_obj, "oparl_items", [])
        ]
        if meeting_obj.location:
            data["location"] = location(meeting_obj)
        present = [
            row.substitute_id if row.presence == Presence.SUBSTITUTED else row.membership.person_id
            for row in getattr(meeting_obj, "oparl_participants", [])
        ]
        if present:
            data["participant"] = [oparl_url("person", pk=pk) for pk in dict.fromkeys(present)]
    return data
