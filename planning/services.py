"""Writes of the planning app: plan a topic for a body and month, remove it or turn it into an
agenda item of that body's meeting; hand in a stuk for the prepared body's meeting (checked
like any upload, marked late after the deadline), accept it (a stuk of the meeting, under the
chosen or a new item) or return it with a remark."""

import datetime

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gremia.models.registry import Body
from nhn_portal.core.audit import audit_record_create, audited_create, audited_update
from nhn_portal.core.constants import AuditAction
from nhn_portal.core.uploads import check_upload
from nhn_portal.core.workdays import working_day_on_or_after
from planning.constants import ProposalStatus
from planning.models import MeetingSeries, PlannedTopic, ProposedDocument
from planning.selectors import open_for_proposals, preparing_bodies
from regiobureau.constants import Confidentiality, ItemPurpose
from regiobureau.models.meetings import AgendaItem, Dossier, Meeting
from regiobureau.search import meetings_search_refresh
from regiobureau.selectors.schedule import PlannedMeeting
from regiobureau.services.agenda import agenda_item_create
from regiobureau.services.documents import document_upload
from regiobureau.services.meetings import default_documents_deadline, meeting_create


@transaction.atomic
def planned_topic_create(
    *,
    actor,
    body: Body,
    month: datetime.date,
    title: str,
    dossier: Dossier | None = None,
    council_letter: bool = False,
    note: str = "",
) -> PlannedTopic:
    topic = PlannedTopic(
        body=body,
        month=datetime.date(month.year, month.month, 1),
        title=(title or "").strip(),
        dossier=dossier,
        council_letter=council_letter,
        note=(note or "").strip(),
    )
    audited_create(actor=actor, obj=topic, verb="planned_topic_create")
    return topic


@transaction.atomic
def planned_topic_delete(*, actor, topic: PlannedTopic) -> None:
    audit_record_create(
        actor=actor, obj=topic, action=AuditAction.DELETE, verb="planned_topic_delete"
    )
    topic.delete()


@transaction.atomic
def planned_topic_schedule(*, actor, topic: PlannedTopic, meeting: Meeting) -> AgendaItem:
    """Put the planned topic on the agenda of `meeting` (a meeting of the same body)."""
    topic = PlannedTopic.objects.select_for_update().get(pk=topic.pk)
    if topic.agenda_item_id is not None:
        raise ValidationError(_("This topic is already on an agenda."), code="scheduled")
    if meeting.body_id != topic.body_id:
        raise ValidationError(
            _("A planned topic goes on the agenda of a meeting of its own body."),
            code="wrong_body",
        )
    item = agenda_item_create(
        actor=actor,
        meeting=meeting,
        expected_version=None,
        title=topic.title,
        purpose=ItemPurpose.DISCUSSION,
        description=topic.note,
        dossier=topic.dossier,
    )
    topic.agenda_item = item
    topic.save(update_fields=["agenda_item", "updated_at"])
    audit_record_create(
        actor=actor,
        obj=topic,
        action=AuditAction.UPDATE,
        verb="planned_topic_schedule",
        changes={"meeting": meeting.pk, "agenda_item": item.pk},
    )
    return item


@transaction.atomic
def proposal_submit(
    *,
    actor,
    meeting: Meeting,
    from_body: Body,
    title: str,
    upload,
    item: AgendaItem | None = None,
    item_title: str = "",
) -> ProposedDocument:
    """A member of a preparing body hands in a stuk for a coming meeting of the body it
    prepares; after the meeting's deadline it is marked late (and still accepted)."""
    if from_body not in preparing_bodies(user=actor, meeting=meeting):
        raise ValidationError(
            _("Only members of a body that prepares this meeting can hand in stukken."),
            code="not_preparing",
        )
    if not open_for_proposals(meeting):
        raise ValidationError(
            _("Stukken are handed in for a coming meeting whose agenda is still open."),
            code="closed",
        )
    if item is not None and item.meeting_id != meeting.pk:
        raise ValidationError({"item": _("The item belongs to another meeting.")})
    checked = check_upload(upload)
    proposal = ProposedDocument(
        meeting=meeting,
        from_body=from_body,
        proposed_by=actor,
        title=(title or "").strip(),
        item=item,
        item_title=(item_title or "").strip() if item is None else "",
        original_name=checked.upload.name[:255],
        content_type=checked.content_type,
        arrived_late=timezone.localdate() > meeting.documents_deadline,
    )
    proposal.file.save(checked.upload.name, checked.upload, save=False)
    try:
        proposal.full_clean()
        proposal.save()
    except Exception:
        proposal.file.storage.delete(proposal.file.name)
        raise
    audit_record_create(
        actor=actor,
        obj=proposal,
        action=AuditAction.CREATE,
        verb="proposal_submit",
        changes={"late": proposal.arrived_late, "removed_active_content": checked.removed},
    )
    return proposal


def _check_open(proposal: ProposedDocument) -> None:
    if proposal.status != ProposalStatus.PROPOSED:
        raise ValidationError(_("This stuk has already been dealt with."), code="dealt_with")


@transaction.atomic
def proposal_accept(
    *,
    actor,
    proposal: ProposedDocument,
    confidentiality: str = Confidentiality.PUBLIC,
) -> ProposedDocument:
    """The stuk becomes a stuk of the meeting: under the item it was handed in for, or under
    a new item with the proposed title (or the stuk's title)."""
    proposal = (
        ProposedDocument.objects.select_for_update().select_related("meeting").get(pk=proposal.pk)
    )
    _check_open(proposal)
    item = proposal.item
    if item is None:
        item = agenda_item_create(
            actor=actor,
            meeting=proposal.meeting,
            expected_version=None,
            title=proposal.item_title or proposal.title,
            purpose=ItemPurpose.DISCUSSION,
        )
    with proposal.file.open("rb") as stored:
        upload = SimpleUploadedFile(proposal.original_name, stored.read(), proposal.content_type)
    document = document_upload(
        actor=actor,
        item=item,
        title=proposal.title,
        confidentiality=confidentiality,
        upload=upload,
    )
    return audited_update(
        actor=actor,
        obj=proposal,
        verb="proposal_accept",
        recorded=["status"],
        status=ProposalStatus.ACCEPTED,
        document=document,
        item=item,
    )


@transaction.atomic
def proposal_return(*, actor, proposal: ProposedDocument, remark: str) -> ProposedDocument:
    proposal = ProposedDocument.objects.select_for_update().get(pk=proposal.pk)
    _check_open(proposal)
    remark = (remark or "").strip()
    if not remark:
        raise ValidationError({"remark": _("Say why the stuk is returned.")}, code="no_remark")
    return audited_update(
        actor=actor,
        obj=proposal,
        verb="proposal_return",
        status=ProposalStatus.RETURNED,
        remark=remark,
    )


# --- recurring series ---------------------------------------------------------------------------


def series_days(*, first_date: datetime.date, interval_weeks: int, count: int) -> list:
    """The days of a series: every `interval_weeks` from `first_date`; a day off (weekend or
    public holiday) moves to the next working day."""
    step = datetime.timedelta(weeks=interval_weeks)
    return [working_day_on_or_after(first_date + index * step) for index in range(count)]


def series_planned_meetings(*, body: Body, days, start_time, end_time, location: str) -> list:
    """The series' meetings as they would be planned, for the schedule's warnings."""
    tz = timezone.get_current_timezone()
    planned = []
    for day in days:
        starts_at = datetime.datetime.combine(day, start_time, tzinfo=tz)
        planned.append(
            PlannedMeeting(
                body=body,
                starts_at=starts_at,
                ends_at=datetime.datetime.combine(day, end_time, tzinfo=tz),
                location=location,
                documents_deadline=default_documents_deadline(starts_at),
            )
        )
    return planned


@transaction.atomic
def meeting_series_create(
    *,
    actor,
    body: Body,
    first_date: datetime.date,
    interval_weeks: int,
    count: int,
    start_time: datetime.time,
    end_time: datetime.time,
    location: str = "",
    title: str = "",
) -> MeetingSeries:
    """Plan a series of meetings of `body` at once, each with the standard agenda items and
    a deadline for stukken ten working days before it; each is a meeting of its own
    afterwards (changed or cancelled on its own page)."""
    series = MeetingSeries(
        body=body,
        title=title,
        first_date=first_date,
        interval_weeks=interval_weeks,
        count=count,
        start_time=start_time,
        end_time=end_time,
        location=location,
    )
    audited_create(actor=actor, obj=series, verb="meeting_series_create")
    planned = series_planned_meetings(
        body=body,
        days=series_days(first_date=first_date, interval_weeks=interval_weeks, count=count),
        start_time=start_time,
        end_time=end_time,
        location=location,
    )
    meetings = []
    for meeting in planned:
        if meeting.ends_at <= meeting.starts_at:
            raise ValidationError(_("The meeting must end after it starts."))
        meetings.append(
            meeting_create(
                actor=actor,
                body=body,
                title=title,
                starts_at=meeting.starts_at,
                ends_at=meeting.ends_at,
                location=location,
                documents_deadline=meeting.documents_deadline,
                index_search=False,
            )
        )
    series.meetings.add(*meetings)
    meetings_search_refresh(meetings=meetings)
    return series
