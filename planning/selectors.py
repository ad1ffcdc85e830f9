"""Reads of the planning app: the forward agenda of the whole region with filters, its two
warnings and the meeting each entry can be put on (a fixed number of queries); who may hand in
a stuk for a meeting, and who sees which handed-in stukken (the secretariat all, a member
their own)."""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from gremia.models.registry import Body
from nhn_portal.core.access import NotFound, is_secretariat
from nhn_portal.core.constants import Role
from nhn_portal.core.portal import WORK, TodoLine
from nhn_portal.core.templatetags.nhn_dates import format_date
from planning.models import PlannedTopic, ProposedDocument
from regiobureau import permissions
from regiobureau.constants import MeetingStatus
from regiobureau.models.meetings import Meeting


@dataclass
class PlanningRow:
    topic: PlannedTopic
    warnings: list[str] = field(default_factory=list)
    meeting: Meeting | None = None  # the body's meeting in that month, for "put on the agenda"
    # The entry's agenda item is closed and the reader is outside its body: only the month and
    # the body show, as "besloten onderwerp".
    closed: bool = False


def planning_topics(*, user, body=None, theme=None, subregion=None, dossier=None, since=None):
    """The forward agenda as `user` may see it: a closed body's entries only for its members
    and the secretariat (a body whose meetings are not public by default keeps its plans to
    itself)."""
    qs = PlannedTopic.objects.select_related(
        "body", "body__theme", "dossier", "agenda_item__meeting__body", "agenda_item__parent"
    )
    if not is_secretariat(user):
        members_of = permissions.member_body_ids(user)
        qs = qs.filter(Q(body__public_by_default=True) | Q(body_id__in=members_of))
    if since is not None:
        qs = qs.filter(month__gte=since)
    if body is not None:
        qs = qs.filter(body=body)
    if theme is not None:
        qs = qs.filter(body__theme=theme)
    if subregion is not None:
        qs = qs.filter(body__memberships__organisation__subregion=subregion).distinct()
    if dossier is not None:
        qs = qs.filter(dossier=dossier)
    return qs.order_by("month", "body__name", "pk")


def planning_warnings(topics: list[PlannedTopic]) -> dict[int, list[str]]:
    """Per topic id: the warnings.

    1. the same dossier at two tables of the same line in the same month;
    2. a table planned before the table that prepares it (the preparing body's entry of the
       same dossier lies in a later month)."""
    warnings: dict[int, list[str]] = defaultdict(list)
    by_dossier: dict[int, list[PlannedTopic]] = defaultdict(list)
    for topic in topics:
        if topic.dossier_id:
            by_dossier[topic.dossier_id].append(topic)
    for entries in by_dossier.values():
        for a in entries:
            for b in entries:
                if a.pk == b.pk:
                    continue
                if a.month == b.month and a.body_id != b.body_id and a.body.line == b.body.line:
                    warnings[a.pk].append(
                        _("The same dossier is planned in the same month at %(body)s (same line).")
                        % {"body": b.body.name}
                    )
                if b.body.prepares_id == a.body_id and b.month > a.month:
                    warnings[a.pk].append(
                        _("Planned before its preparation: %(body)s prepares it in %(month)s.")
                        % {"body": b.body.name, "month": f"{b.month:%m-%Y}"}
                    )
    return warnings


def topic_is_closed_for(user, topic: PlannedTopic) -> bool:
    """An entry put on the agenda as a closed item (or on a closed meeting) is, like that item,
    closed to everyone outside the body that meets."""
    item = topic.agenda_item
    if item is None or (item.meeting.is_public and permissions.is_public_item(item, item.parent)):
        return False
    return not permissions.can_see_confidential(user, item.meeting.body_id)


def planning_rows(*, user, topics: list[PlannedTopic], with_meetings: bool) -> list[PlanningRow]:
    """The rows with their warnings, and (for the secretariat) the meeting of that body in
    that month that an open entry can be put on: one query for all meetings. A closed entry
    shows only its month and body, and takes no part in the warnings (they would name it)."""
    closed = {topic.pk for topic in topics if topic_is_closed_for(user, topic)}
    warnings = planning_warnings([topic for topic in topics if topic.pk not in closed])
    meetings: dict[tuple[int, int, int], Meeting] = {}
    if with_meetings and topics:
        months = {t.month for t in topics}
        candidates = (
            Meeting.objects.filter(
                body_id__in={t.body_id for t in topics},
                starts_at__date__gte=min(months),
                starts_at__gte=timezone.now(),
            )
            .exclude(status__in=[MeetingStatus.CANCELLED, MeetingStatus.CLOSED])
            .select_related("body")
            .order_by("starts_at")
        )
        for meeting in candidates:
            day = timezone.localtime(meeting.starts_at)
            meetings.setdefault((meeting.body_id, day.year, day.month), meeting)
    return [
        PlanningRow(
            topic=t,
            warnings=warnings.get(t.pk, []),
            meeting=meetings.get((t.body_id, t.month.year, t.month.month)),
            closed=t.pk in closed,
        )
        for t in topics
    ]


def preparing_bodies(*, user, meeting: Meeting) -> list[Body]:
    """The bodies the user sits on that prepare the meeting's body."""
    body_ids = permissions.member_body_ids(user)
    if not body_ids:
        return []
    return list(Body.objects.filter(pk__in=body_ids, prepares_id=meeting.body_id).order_by("name"))


def proposals_for(*, user, meeting: Meeting) -> list[ProposedDocument]:
    qs = ProposedDocument.objects.filter(meeting=meeting).select_related(
        "from_body", "item", "proposed_by"
    )
    if not is_secretariat(user):
        qs = qs.filter(proposed_by=user) if user.is_authenticated else qs.none()
    return list(qs.order_by("-created_at"))


def access_proposal(*, user, pk: int) -> ProposedDocument:
    """The secretariat, or the one who handed it in; 404 for anyone else."""
    proposal = (
        ProposedDocument.objects.select_related("meeting", "meeting__body", "from_body")
        .filter(pk=pk)
        .first()
    )
    if proposal is None:
        raise NotFound
    if not (is_secretariat(user) or (user.is_authenticated and proposal.proposed_by_id == user.pk)):
        raise NotFound
    return proposal


def open_for_proposals(meeting: Meeting) -> bool:
    """A coming meeting whose agenda can still change."""
    return meeting.starts_at > timezone.now() and meeting.status in (
        MeetingStatus.DRAFT,
        MeetingStatus.PLANNED,
        MeetingStatus.AGENDA_PUBLISHED,
    )


# ---- The overview's to-do lines (planning.portal registers them) -----------------------------

# How far ahead a civil servant's list looks for a meeting to hand stukken in for.
HAND_IN_HORIZON_DAYS = 28


def hand_in_lines(user) -> list[TodoLine]:
    """A civil servant in a working group: the coming meetings of the body her group prepares
    that are open for proposals, with the stukken deadline, linking to the hand-in page."""
    if Role.CIVIL_SERVANT.value not in user.role_names:
        return []
    body_ids = permissions.member_body_ids(user)
    if not body_ids:
        return []
    groups = {
        body.prepares_id: body
        for body in Body.objects.filter(pk__in=body_ids, prepares__isnull=False).order_by("name")
    }
    if not groups:
        return []
    now, today = timezone.now(), timezone.localdate()
    meetings = Meeting.objects.filter(
        body_id__in=list(groups),
        status__in=[MeetingStatus.DRAFT, MeetingStatus.PLANNED, MeetingStatus.AGENDA_PUBLISHED],
        starts_at__gt=now,
        starts_at__lte=now + datetime.timedelta(HAND_IN_HORIZON_DAYS),
    ).select_related("body")
    lines = []
    for meeting in meetings:
        deadline = meeting.documents_deadline
        why = (
            _("on behalf of %(group)s; stukken by %(date)s at the latest")
            if deadline >= today
            else _("on behalf of %(group)s; the deadline for stukken passed on %(date)s")
        ) % {"group": groups[meeting.body_id].name, "date": format_date(deadline)}
        lines.append(
            TodoLine(
                text=_("Hand in stukken for %(body)s, %(date)s")
                % {"body": meeting.body.name, "date": format_date(meeting.starts_at)},
                url=reverse("planning:proposal_list", args=[meeting.pk]),
                when=deadline,
                why=why,
                group=WORK,
            )
        )
    return lines
