"""The meeting's PDFs, registered with the document production registry.

The public agenda is built from the same selector as the public meeting page, read as an
anonymous visitor, so a closed item or a vertrouwelijk stuk can never reach it. The members'
annotated agenda reads everything and is downloadable only by those who may see the
meeting's confidential content. The decisions issue registers "besluitenlijst" the same way.
"""

from django.contrib.auth.models import AnonymousUser
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from nhn_portal.core.production.registry import (
    ProducedDocument,
    ProductionRefused,
    register_document_kind,
)
from nhn_portal.core.templatetags.nhn_dates import format_long_date
from regiobureau import permissions
from regiobureau.bundle import bundle_audiences, produce_bundle
from regiobureau.constants import (
    AGENDA,
    ANNOTATED_AGENDA,
    BUNDLE,
    DECISION_LIST,
    MEETING_SUBJECT,
    MEMBERS,
    PUBLIC,
    MeetingStatus,
)
from regiobureau.models.meetings import Meeting
from regiobureau.selectors.actions import actions_from_meeting
from regiobureau.selectors.agenda import agenda_rows, agenda_rows_for_members, flatten
from regiobureau.selectors.attendance import attendance_summary
from regiobureau.selectors.decisions import (
    decision_list_for,
    decisions_for_meeting,
    everything_for_members,
)


def public_audience(meeting: Meeting) -> list[tuple[str, object]]:
    return [(PUBLIC, gettext_lazy("public"))]


def members_audience(meeting: Meeting) -> list[tuple[str, object]]:
    return [(MEMBERS, gettext_lazy("members"))]


def may_download(user, meeting: Meeting, audience: str) -> bool:
    """The public file for anyone who may see the published agenda; the members' file only
    for those who may see the meeting's confidential content (STYLE rule 3: 404 otherwise)."""
    if not permissions.can_see_meeting(user, meeting):
        return False
    if audience == PUBLIC:
        return permissions.can_see_agenda(user, meeting)
    if audience == MEMBERS:
        return permissions.can_see_confidential(user, meeting.body_id)
    return False


def document_title(kind_name: str, meeting: Meeting) -> str:
    # Dutch on purpose, like the templates: the title is part of the archival document.
    return f"{kind_name} {meeting.body.name} {format_long_date(meeting.starts_at)}"


def produce_public_agenda(meeting: Meeting, audience: str) -> ProducedDocument:
    """The agenda as anyone may read it: closed items only as number and placeholder."""
    visitor = AnonymousUser()
    if not permissions.can_see_agenda(visitor, meeting):
        raise ProductionRefused(
            _("The agenda has not been published yet, so there is no public agenda to make.")
        )
    rows = agenda_rows(user=visitor, meeting=meeting)
    return ProducedDocument(
        template="regiobureau/pdf/agenda.html",
        # A closed meeting's place is not for everybody, as on its page.
        context={
            "meeting": meeting,
            "rows": rows,
            "show_place": meeting.is_public,
            # And its title: a closed meeting by body and date only.
            "show_title": permissions.can_see_meeting_title(visitor, meeting),
        },
        title=document_title("Agenda", meeting),
        confidential=False,
    )


def produce_annotated_agenda(meeting: Meeting, audience: str) -> ProducedDocument:
    """Every item with its annotation and stukken; "Vertrouwelijk" on every page when any
    of it is not public (a closed meeting or item, a vertrouwelijk stuk)."""
    rows = agenda_rows_for_members(meeting=meeting)
    flat = flatten(rows)
    confidential = (
        not meeting.is_public
        or any(not row.item.is_public for row in flat)
        or any(document.is_confidential for row in flat for document in row.documents)
    )
    return ProducedDocument(
        template="regiobureau/pdf/annotated_agenda.html",
        context={"meeting": meeting, "rows": rows, "show_place": True},
        title=document_title("Geannoteerde agenda", meeting),
        confidential=confidential,
    )


register_document_kind(
    kind=AGENDA,
    label=gettext_lazy("Agenda"),
    subject_model=MEETING_SUBJECT,
    audiences=public_audience,
    produce=produce_public_agenda,
    may_download=may_download,
)
register_document_kind(
    kind=ANNOTATED_AGENDA,
    label=gettext_lazy("Annotated agenda"),
    subject_model=MEETING_SUBJECT,
    audiences=members_audience,
    produce=produce_annotated_agenda,
    may_download=may_download,
)
register_document_kind(
    kind=BUNDLE,
    label=gettext_lazy("Meeting bundle"),
    subject_model=MEETING_SUBJECT,
    audiences=bundle_audiences,
    produce=produce_bundle,
    may_download=may_download,
)


# ---- Besluitenlijst ----------------------------------------------------------------------


def _decision_list_audiences(meeting: Meeting) -> list[tuple[str, object]]:
    # Decisions are recorded once the meeting was held: before that there is no list to make.
    if meeting.status not in (MeetingStatus.HELD, MeetingStatus.CLOSED):
        return []
    return [(PUBLIC, gettext_lazy("public")), (MEMBERS, gettext_lazy("members"))]


def produce_decision_list(meeting: Meeting, audience: str) -> ProducedDocument:
    """The besluiten- en actielijst: the public version holds only decisions and actions on
    public items of a public meeting (read as an anonymous visitor); the members' all."""
    if audience == PUBLIC:
        reader = AnonymousUser()
        decisions = decisions_for_meeting(user=reader, meeting=meeting)
        actions = actions_from_meeting(user=reader, meeting=meeting)
        confidential = False
    else:
        decisions, actions = everything_for_members(meeting)
        confidential = any(not d.item.is_public for d in decisions) or not meeting.is_public
    if not decisions and not actions:
        raise ProductionRefused(_("No decisions or actions have been recorded for this meeting."))
    return ProducedDocument(
        template="regiobureau/pdf/decision_list.html",
        context={
            "meeting": meeting,
            "decisions": decisions,
            "actions": actions,
            "decision_list": decision_list_for(meeting),
            "show_title": audience != PUBLIC or meeting.is_public,
            # The presentielijst: in the members' version, and in the public one
            # of a public meeting.
            "attendance": (
                attendance_summary(meeting) if audience != PUBLIC or meeting.is_public else None
            ),
        },
        title=document_title("Besluitenlijst", meeting),
        confidential=confidential,
    )


register_document_kind(
    kind=DECISION_LIST,
    label=gettext_lazy("Decision list"),
    subject_model=MEETING_SUBJECT,
    audiences=_decision_list_audiences,
    produce=produce_decision_list,
    may_download=may_download,
)
