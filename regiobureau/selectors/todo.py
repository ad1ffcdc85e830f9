"""What waits on whom in the meetings (the overview's to-do list, `core.portal.register_todo`).

Each source answers for one kind of user (the secretary, a member of a body, a civil servant)
and nothing for anyone else, in a fixed number of queries however much data there is."""

from __future__ import annotations

import datetime
from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Exists, Min, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from gremia.selectors.registry import person_for_user
from nhn_portal.core.constants import GenerationStatus, Role
from nhn_portal.core.models import GenerationJob
from nhn_portal.core.portal import MEETINGS, WORK, TodoLine
from nhn_portal.core.templatetags.nhn_dates import format_date
from regiobureau import permissions
from regiobureau.constants import ActionStatus, AnnotationStatus, DecisionListStatus, MeetingStatus
from regiobureau.models.annotations import Annotation, ReadMark
from regiobureau.models.decisions import ActionItem, DecisionList
from regiobureau.models.documents import Document
from regiobureau.models.meetings import AgendaItem, Meeting
from regiobureau.selectors.actions import action_list_for_user
from regiobureau.selectors.annotation_reviews import annotation_reviews_waiting_for

# How far ahead the secretary's list looks for missing stukken (days before the deadline).
MATERIAL_HORIZON_DAYS = 21
# How many of one's next meetings with the agenda out the list names to read for.
READING_MEETINGS = 3
# How far ahead one's own action items appear (overdue ones always).
ACTION_HORIZON_DAYS = 14
# How long a failed PDF stays on the list when nobody asked again.
FAILED_JOB_DAYS = 14


def is_secretary(user) -> bool:
    return Role.SECRETARY.value in user.role_names


def _label(meeting: Meeting) -> str:
    """A meeting as its to-do lines name it: "Platform Wonen, 10 december 2026"."""
    return _("%(body)s, %(date)s") % {
        "body": meeting.body.name,
        "date": format_date(meeting.starts_at),
    }


def _deadline_why(deadline: datetime.date) -> str:
    if deadline < timezone.localdate():
        return _("the deadline for stukken passed on %(date)s") % {"date": format_date(deadline)}
    return _("stukken by %(date)s at the latest") % {"date": format_date(deadline)}


# ---- The secretary ---------------------------------------------------------------------------


def secretary_lines(user) -> list[TodoLine]:
    """Items without stukken or annotation before the deadline, annotations in review, agendas
    ready to publish, decision lists to adopt, overdue action items, failed PDFs."""
    if not is_secretary(user):
        return []
    return [
        *_missing_material(),
        *_annotations_in_review(),
        *_agendas_to_publish(),
        *_decision_lists_to_adopt(),
        *_overdue_actions(),
        *_failed_pdfs(),
    ]


def _missing_material() -> list[TodoLine]:
    now, today = timezone.now(), timezone.localdate()
    items = (
        AgendaItem.objects.filter(
            meeting__status__in=[MeetingStatus.DRAFT, MeetingStatus.PLANNED],
            meeting__starts_at__gte=now,
            meeting__documents_deadline__lte=today + datetime.timedelta(MATERIAL_HORIZON_DAYS),
            standard_key="",
        )
        .annotate(
            has_documents=Exists(Document.objects.filter(agenda_item=OuterRef("pk"))),
            has_annotation=Exists(Annotation.objects.filter(agenda_item=OuterRef("pk"))),
        )
        .filter(Q(has_documents=False) | Q(has_annotation=False))
        .select_related("meeting__body")
    )
    per_meeting: dict[int, list[AgendaItem]] = defaultdict(list)
    meetings: dict[int, Meeting] = {}
    for item in items:
        per_meeting[item.meeting_id].append(item)
        meetings[item.meeting_id] = item.meeting
    lines = []
    for meeting_id, missing in per_meeting.items():
        meeting = meetings[meeting_id]
        text = ngettext(
            "%(count)d agenda item without stukken or annotation: %(meeting)s",
            "%(count)d agenda items without stukken or annotation: %(meeting)s",
            len(missing),
        ) % {"count": len(missing), "meeting": _label(meeting)}
        lines.append(
            TodoLine(
                text=text,
                url=reverse("regiobureau:agenda_editor", args=[meeting.pk]),
                when=meeting.documents_deadline,
                why=_deadline_why(meeting.documents_deadline),
                group=MEETINGS,
            )
        )
    return lines


def _annotations_in_review() -> list[TodoLine]:
    annotations = Annotation.objects.filter(
        status=AnnotationStatus.IN_REVIEW, agenda_item__meeting__starts_at__gte=timezone.now()
    ).select_related("agenda_item__meeting__body")
    return [
        TodoLine(
            text=_("The annotation on '%(item)s' waits for review")
            % {"item": annotation.agenda_item.title},
            url=reverse("regiobureau:annotation_edit", args=[annotation.agenda_item_id]),
            when=annotation.agenda_item.meeting.documents_deadline,
            why=_("in review; meeting %(meeting)s")
            % {"meeting": _label(annotation.agenda_item.meeting)},
            group=MEETINGS,
        )
        for annotation in annotations
    ]


def _agendas_to_publish() -> list[TodoLine]:
    meetings = Meeting.objects.filter(
        status=MeetingStatus.PLANNED,
        starts_at__gte=timezone.now(),
        documents_deadline__lte=timezone.localdate(),
    ).select_related("body")
    return [
        TodoLine(
            text=_("Publish the agenda of %(meeting)s") % {"meeting": _label(meeting)},
            url=meeting.get_absolute_url(),
            when=meeting.starts_at,
            why=_deadline_why(meeting.documents_deadline),
            group=MEETINGS,
        )
        for meeting in meetings
    ]


def _decision_lists_to_adopt() -> list[TodoLine]:
    lists = DecisionList.objects.filter(
        status=DecisionListStatus.DRAFT, meeting__starts_at__lte=timezone.now()
    ).select_related("meeting__body")
    return [
        TodoLine(
            text=_("Adopt the decision list of %(meeting)s") % {"meeting": _label(dl.meeting)},
            url=reverse("regiobureau:meeting_decisions", args=[dl.meeting_id]),
            when=dl.meeting.starts_at,
            why=_("the meeting was held on %(date)s") % {"date": format_date(dl.meeting.starts_at)},
            group=MEETINGS,
        )
        for dl in lists
    ]


def _overdue_actions() -> list[TodoLine]:
    """Overdue action items, one line per meeting they came from."""
    rows = list(
        ActionItem.objects.filter(status=ActionStatus.OPEN, deadline__lt=timezone.localdate())
        .values("origin_meeting")
        .annotate(count=Count("pk"), earliest=Min("deadline"))
        .order_by()
    )
    counts = {row["origin_meeting"]: row["count"] for row in rows}
    if not counts:
        return []
    earliest = {row["origin_meeting"]: row["earliest"] for row in rows}
    meetings = Meeting.objects.filter(pk__in=list(counts)).select_related("body")
    return [
        TodoLine(
            text=ngettext(
                "%(count)d overdue action item from %(meeting)s",
                "%(count)d overdue action items from %(meeting)s",
                counts[meeting.pk],
            )
            % {"count": counts[meeting.pk], "meeting": _label(meeting)},
            url=reverse("regiobureau:meeting_decisions", args=[meeting.pk]),
            when=earliest.get(meeting.pk),
            why=_("past the deadline"),
            group=WORK,
        )
        for meeting in meetings
    ]


def _failed_pdfs() -> list[TodoLine]:
    """PDFs of meetings whose last attempt failed (no newer request for the same document)."""
    meeting_type = ContentType.objects.get_for_model(Meeting)
    newer = GenerationJob.objects.filter(
        content_type=meeting_type,
        object_id=OuterRef("object_id"),
        kind=OuterRef("kind"),
        audience=OuterRef("audience"),
        requested_at__gt=OuterRef("requested_at"),
    )
    jobs = list(
        GenerationJob.objects.filter(
            content_type=meeting_type,
            status=GenerationStatus.FAILED,
            requested_at__gte=timezone.now() - datetime.timedelta(FAILED_JOB_DAYS),
        )
        .exclude(Exists(newer))
        .order_by("requested_at")
    )
    if not jobs:
        return []
    meetings = Meeting.objects.select_related("body").in_bulk({job.object_id for job in jobs})
    return [
        TodoLine(
            text=_("Make the PDF (%(audience)s) of %(meeting)s again")
            % {"audience": job.audience, "meeting": _label(meetings[job.object_id])},
            url=meetings[job.object_id].get_absolute_url(),
            when=job.finished_at or job.requested_at,
            why=_("the PDF failed: %(reason)s")
            % {"reason": (job.failure_reason or _("no reason given"))[:120]},
            group=MEETINGS,
        )
        for job in jobs
        if job.object_id in meetings
    ]


# ---- Members of a body -----------------------------------------------------------------------


def reading_lines(user) -> list[TodoLine]:
    """What to read before one's next meetings (the agenda out, the next READING_MEETINGS),
    with how many of the items one marked as read (counted as the reading page counts them)."""
    body_ids = permissions.member_body_ids(user)
    if not body_ids or is_secretary(user):
        return []
    now = timezone.now()
    meetings = list(
        Meeting.objects.filter(
            body_id__in=body_ids,
            status=MeetingStatus.AGENDA_PUBLISHED,
            starts_at__gte=now,
        )
        .select_related("body")
        .order_by("starts_at")[:READING_MEETINGS]
    )
    if not meetings:
        return []
    ids = [meeting.pk for meeting in meetings]
    totals = dict(
        AgendaItem.objects.filter(meeting_id__in=ids)
        .values("meeting_id")
        .annotate(count=Count("pk"))
        .order_by()
        .values_list("meeting_id", "count")
    )
    read = dict(
        ReadMark.objects.filter(user=user, agenda_item__meeting_id__in=ids)
        .values("agenda_item__meeting_id")
        .annotate(count=Count("pk"))
        .order_by()
        .values_list("agenda_item__meeting_id", "count")
    )
    lines = []
    for meeting in meetings:
        total, done = totals.get(meeting.pk, 0), read.get(meeting.pk, 0)
        if not total or done >= total:
            continue
        lines.append(
            TodoLine(
                text=_("Read the stukken for %(meeting)s") % {"meeting": _label(meeting)},
                url=reverse("regiobureau:meeting_reading", args=[meeting.pk]),
                when=meeting.starts_at,
                why=_("%(read)d of %(total)d agenda items read") % {"read": done, "total": total},
                group=WORK,
            )
        )
    return lines


def action_lines(user) -> list[TodoLine]:
    """One's own open action items (and one's organisation's) due within two weeks or
    overdue; the secretary has the overdue ones of the region (`secretary_lines`)."""
    if is_secretary(user):
        return []
    person = person_for_user(user=user)
    if person is None:
        return []
    today = timezone.localdate()
    horizon = today + datetime.timedelta(ACTION_HORIZON_DAYS)
    return [
        TodoLine(
            text=_("Action item: %(description)s") % {"description": _shorten(action.description)},
            url=reverse("regiobureau:my_actions"),
            when=action.deadline,
            why=(
                _("past the deadline of %(date)s")
                if action.deadline < today
                else _("deadline %(date)s")
            )
            % {"date": format_date(action.deadline)},
            group=WORK,
        )
        for action in action_list_for_user(user=user, person=person)
        if action.deadline <= horizon
    ]


def own_body_material_lines(user) -> list[TodoLine]:
    """A civil servant's own working group: its coming meetings whose stukken are still due
    (the secretariat of the group puts them on the agenda; the meeting page says how)."""
    if Role.CIVIL_SERVANT.value not in user.role_names:
        return []
    body_ids = permissions.member_body_ids(user)
    if not body_ids:
        return []
    meetings = Meeting.objects.filter(
        body_id__in=body_ids,
        status__in=[MeetingStatus.DRAFT, MeetingStatus.PLANNED],
        starts_at__gte=timezone.now(),
        documents_deadline__gte=timezone.localdate(),
        documents_deadline__lte=timezone.localdate() + datetime.timedelta(MATERIAL_HORIZON_DAYS),
    ).select_related("body")
    return [
        TodoLine(
            text=_("Hand in stukken for %(meeting)s") % {"meeting": _label(meeting)},
            url=meeting.get_absolute_url(),
            when=meeting.documents_deadline,
            why=_deadline_why(meeting.documents_deadline),
            group=WORK,
        )
        for meeting in meetings
    ]


def _shorten(text: str, length: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


# ---- Reviews asked of this user (a secretary or a body's chair) ------------------------------


def review_lines(user) -> list[TodoLine]:
    """The annotations waiting for this user's verdict (four eyes), earliest due first; one
    query (annotation_reviews_waiting_for)."""
    lines = []
    for waiting in annotation_reviews_waiting_for(user):
        why = (
            _("review was due on %(date)s; meeting %(meeting)s")
            if waiting.is_overdue
            else _("review asked by %(date)s; meeting %(meeting)s")
        )
        lines.append(
            TodoLine(
                text=_("Review the annotation on '%(item)s'") % {"item": waiting.item.title},
                url=waiting.url,
                when=waiting.due_on,
                why=why % {"date": format_date(waiting.due_on), "meeting": _label(waiting.meeting)},
                group=WORK,
            )
        )
    return lines
