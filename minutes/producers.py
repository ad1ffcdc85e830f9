"""The minutes as a meeting document ("verslag"), in a members' and a public version, made
through the document pipeline like the agenda."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from minutes.constants import MINUTES
from minutes.selectors import minutes_for, minutes_rows_for_members, minutes_rows_public
from nhn_portal.core.production.registry import (
    ProducedDocument,
    ProductionRefused,
    register_document_kind,
)
from regiobureau.constants import MEETING_SUBJECT, MEMBERS, PUBLIC, MeetingStatus
from regiobureau.models.meetings import Meeting
from regiobureau.producers import document_title, may_download


def _minutes_audiences(meeting: Meeting) -> list[tuple[str, object]]:
    """Once the meeting was held: the members' version, and for a public meeting the public
    one. Decided without a query (the status panel lists every kind); `produce_minutes`
    refuses the members' version of unsent minutes and the public one of unadopted minutes."""
    if meeting.status not in (MeetingStatus.HELD, MeetingStatus.CLOSED):
        return []
    audiences = [(MEMBERS, gettext_lazy("members"))]
    if meeting.is_public:
        audiences.insert(0, (PUBLIC, gettext_lazy("public")))
    return audiences


def produce_minutes(meeting: Meeting, audience: str) -> ProducedDocument:
    """The verslag: the members' version holds every item's account; the public version is
    read as an anonymous visitor, so a closed item is only its number and "besloten
    agendapunt"."""
    minutes = minutes_for(meeting)
    if minutes is None or minutes.is_draft:
        raise ProductionRefused(_("These minutes have not been sent for comments yet."))
    if audience == PUBLIC:
        if not (minutes.is_adopted and meeting.is_public):
            raise ProductionRefused(
                _("Only adopted minutes of a public meeting have a public version.")
            )
        rows = minutes_rows_public(meeting=meeting, minutes=minutes)
        confidential = False
    else:
        rows = minutes_rows_for_members(meeting=meeting, minutes=minutes)
        confidential = not meeting.is_public or any(not row.visible_publicly for row in rows)
    return ProducedDocument(
        template="minutes/pdf/minutes.html",
        context={"meeting": meeting, "minutes": minutes, "rows": rows},
        title=document_title("Verslag", meeting),
        confidential=confidential,
    )


register_document_kind(
    kind=MINUTES,
    label=gettext_lazy("Meeting minutes"),
    subject_model=MEETING_SUBJECT,
    audiences=_minutes_audiences,
    produce=produce_minutes,
    may_download=may_download,
)
