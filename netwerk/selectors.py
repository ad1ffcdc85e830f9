"""Reads of the netwerk app; every read of the working stock passes the permission rules."""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from netwerk.models.lobby import ExternalMoment, LobbyDossier
from netwerk.models.opportunities import Opportunity, OpportunityStep
from netwerk.models.regio_deal import ProjectImage, RegioDealProject
from netwerk.models.spanners import BoundarySpanner
from netwerk.models.tables import RelatedTable
from nhn_portal.core.access import NotFound
from regiobureau import permissions as meeting_permissions
from regiobureau.constants import MeetingStatus
from regiobureau.models.decisions import Decision
from regiobureau.models.meetings import Meeting
from regiobureau.selectors.meetings import meeting_queryset_visible

from .constants import ProgrammeLine, ReviewState
from .permissions import can_use_opportunities, can_use_public_affairs


def opportunities_for(*, user, decided: bool = False):
    """The open (or the decided) opportunities, soonest deadline first."""
    if not can_use_opportunities(user):
        raise NotFound
    return (
        Opportunity.objects.filter(decided_on__isnull=not decided)
        .select_related("deciding_body")
        .prefetch_related("steps__body")
        .order_by("deadline" if not decided else "-decided_on", "title")
    )


def access_opportunity(*, user, pk: int) -> Opportunity:
    if not can_use_opportunities(user):
        raise NotFound
    try:
        return Opportunity.objects.select_related("deciding_body").get(pk=pk)
    except Opportunity.DoesNotExist:
        raise NotFound from None


def access_opportunity_step(*, user, pk: int) -> OpportunityStep:
    if not can_use_opportunities(user):
        raise NotFound
    try:
        return OpportunityStep.objects.select_related("opportunity", "body").get(pk=pk)
    except OpportunityStep.DoesNotExist:
        raise NotFound from None


@dataclass
class RouteStep:
    step: OpportunityStep
    days_left: int | None  # until the planned date; None once done
    after_deadline: bool
    overdue: bool


@dataclass
class Route:
    opportunity: Opportunity
    steps: list[RouteStep]
    days_to_deadline: int
    warnings: list[str] = field(default_factory=list)

    @property
    def can_make_deadline(self) -> bool:
        return not self.warnings


def opportunity_route(
    opportunity: Opportunity, *, today: datetime.date | None = None, steps=None
) -> Route:
    """The route with days left per step, and why it cannot make the deadline (if so)."""
    today = today or timezone.localdate()
    if steps is None:
        steps = list(opportunity.steps.select_related("body"))
    rows = [
        RouteStep(
            step=step,
            days_left=None if step.done_on else (step.planned_on - today).days,
            after_deadline=step.planned_on > opportunity.deadline and not step.done_on,
            overdue=step.done_on is None and step.planned_on < today,
        )
        for step in steps
    ]
    route = Route(opportunity, rows, (opportunity.deadline - today).days)
    if opportunity.is_decided:
        return route
    if not rows:
        route.warnings.append(_("There is no route to a decision yet."))
        return route
    late = [row for row in rows if row.after_deadline]
    if late:
        route.warnings.append(
            _("%(body)s is planned after the deadline of %(deadline)s.")
            % {"body": late[0].step.body, "deadline": opportunity.deadline.strftime("%d-%m-%Y")}
        )
    if rows[-1].step.body_id != opportunity.deciding_body_id:
        route.warnings.append(
            _("The route does not end at the deciding body (%(body)s).")
            % {"body": opportunity.deciding_body}
        )
    overdue = [row for row in rows if row.overdue]
    if overdue:
        route.warnings.append(
            _("%(body)s was planned on %(date)s and is not done yet.")
            % {
                "body": overdue[0].step.body,
                "date": overdue[0].step.planned_on.strftime("%d-%m-%Y"),
            }
        )
    if route.days_to_deadline < 0:
        route.warnings.append(_("The deadline has passed."))
    return route


@dataclass(frozen=True)
class LeadTimeRow:
    year: int
    body: str
    count: int
    average_days: int
    shortest_days: int
    longest_days: int


def lead_time_overview(*, user) -> list[LeadTimeRow]:
    """Signal → decision lead times of decided opportunities, per year of decision and body."""
    if not can_use_opportunities(user):
        raise NotFound
    groups: dict[tuple[int, str], list[int]] = defaultdict(list)
    for opportunity in Opportunity.objects.filter(decided_on__isnull=False).select_related(
        "deciding_body"
    ):
        key = (opportunity.decided_on.year, str(opportunity.deciding_body))
        groups[key].append(opportunity.lead_time_days)
    return [
        LeadTimeRow(
            year=year,
            body=body,
            count=len(days),
            average_days=round(sum(days) / len(days)),
            shortest_days=min(days),
            longest_days=max(days),
        )
        for (year, body), days in sorted(groups.items(), key=lambda item: (-item[0][0], item[0][1]))
    ]


# ---- Public-affairs agenda ------------------------------------------------------------------


def lobby_dossiers_for(*, user) -> QuerySet[LobbyDossier]:
    """The dossiers this user may read: all for the secretariat, else those they carry or
    lobby for. Never decided by the dossier's confidential flag alone."""
    if not can_use_public_affairs(user):
        raise NotFound
    qs = LobbyDossier.objects.select_related("lobbyist")
    if meeting_permissions.is_secretariat(user):
        return qs
    return qs.filter(Q(lobbyist__user=user) | Q(carriers__user=user)).distinct()


def access_lobby_dossier(*, user, pk: int) -> LobbyDossier:
    dossier = lobby_dossiers_for(user=user).filter(pk=pk).first()
    if dossier is None:
        raise NotFound
    return dossier


def public_lobby_summaries() -> QuerySet[LobbyDossier]:
    """The one public read: published summaries of dossiers that are not confidential. Only
    the title, arena and summary are meant to be shown."""
    return (
        LobbyDossier.objects.filter(confidential=False, summary_published_at__isnull=False)
        .only("title", "arena", "public_summary", "summary_published_at")
        .order_by("title")
    )


def dossier_decisions(*, user, dossier: LobbyDossier) -> list:
    """The decisions that set the position, as far as this reader may see their items."""
    decisions = dossier.decisions.select_related("item__meeting__body")
    return [
        decision
        for decision in decisions
        if meeting_permissions.can_see_item(user, decision.item, decision.item.meeting)
    ]


@dataclass
class MomentRow:
    moment: ExternalMoment
    preparing_meeting: Meeting | None
    warning: bool  # no preparing meeting planned before it


def external_moments_for(*, user, today: datetime.date | None = None) -> list[MomentRow]:
    """Upcoming external moments of the dossiers the user may read, each with the preparing
    body's last meeting planned before it (a warning when there is none)."""
    today = today or timezone.localdate()
    dossiers = lobby_dossiers_for(user=user)
    moments = list(
        ExternalMoment.objects.filter(dossier__in=dossiers, date__gte=today)
        .select_related("dossier", "preparing_body")
        .order_by("date", "title")
    )
    body_ids = {moment.preparing_body_id for moment in moments if moment.preparing_body_id}
    meetings = defaultdict(list)
    for meeting in (
        meeting_queryset_visible(user)
        .filter(body_id__in=body_ids, starts_at__date__gte=today)
        .exclude(status=MeetingStatus.CANCELLED)
        .select_related("body")
        .order_by("starts_at")
    ):
        meetings[meeting.body_id].append(meeting)
    rows = []
    for moment in moments:
        before = [
            meeting
            for meeting in meetings.get(moment.preparing_body_id, [])
            if timezone.localtime(meeting.starts_at).date() < moment.date
        ]
        rows.append(
            MomentRow(
                moment=moment,
                preparing_meeting=before[-1] if before else None,
                warning=not before,
            )
        )
    return rows


# ---- Related tables ----------------------------------------------------------------------


def related_tables() -> QuerySet[RelatedTable]:
    """The register (not confidential: programme organisations and who attends from NHN)."""
    return (
        RelatedTable.objects.select_related("body", "theme")
        .prefetch_related("alignments__attendee")
        .order_by("name")
    )


# ---- Regio Deal showcase -----------------------------------------------------------------


def public_projects() -> list[RegioDealProject]:
    """Approved projects only: what passed the review step is in the shop window."""
    return list(
        RegioDealProject.objects.filter(review_state=ReviewState.APPROVED)
        .prefetch_related("images", "municipalities__subregion")
        .order_by("line", "title")
    )


def projects_per_line(projects) -> list[tuple[str, list]]:
    return [
        (label, [project for project in projects if project.line == value])
        for value, label in ProgrammeLine.choices
    ]


def projects_per_subregion(projects) -> list[tuple[str, list]]:
    groups: dict[str, list] = defaultdict(list)
    for project in projects:
        names = {
            municipality.subregion.name
            for municipality in project.municipalities.all()
            if municipality.subregion is not None
        }
        for name in names or {_("Whole region")}:
            groups[name].append(project)
    return sorted(groups.items())


def access_project_image(*, user, pk: int) -> ProjectImage:
    """A picture of an approved project for everyone; of a draft for the secretariat only."""
    qs = ProjectImage.objects.select_related("project")
    if not can_use_opportunities(user):
        qs = qs.filter(project__review_state=ReviewState.APPROVED)
    image = qs.filter(pk=pk).first()
    if image is None:
        raise NotFound
    return image


def projects_for(*, user) -> QuerySet[RegioDealProject]:
    if not can_use_opportunities(user):  # the secretariat feeds the showcase
        raise NotFound
    return RegioDealProject.objects.prefetch_related("images").order_by("line", "title")


def access_project(*, user, pk: int) -> RegioDealProject:
    project = projects_for(user=user).filter(pk=pk).first()
    if project is None:
        raise NotFound
    return project


# ---- Boundary spanners -------------------------------------------------------------------


def spanners_for(*, user) -> QuerySet[BoundarySpanner]:
    qs = BoundarySpanner.objects.select_related("subregion", "person__organisation")
    if meeting_permissions.is_secretariat(user):
        return qs
    return qs.filter(person__user=user) if user.is_authenticated else qs.none()


def access_spanner(*, user, pk: int) -> BoundarySpanner:
    spanner = spanners_for(user=user).filter(pk=pk).first()
    if spanner is None:
        raise NotFound
    return spanner


def month_bounds(month: str) -> tuple[datetime.date, datetime.date]:
    """ "YYYY-MM" → its first day and the first day of the next month."""
    year, number = (int(part) for part in month.split("-"))
    first = datetime.date(year, number, 1)
    following = datetime.date(year + (number == 12), number % 12 + 1, 1)
    return first, following


def month_label(month: str) -> str:
    """ "2026-11" → "november 2026"."""
    first, _next = month_bounds(month)
    return date_format(first, "F Y")


def recent_months(today: datetime.date | None = None, count: int = 3) -> list[str]:
    today = today or timezone.localdate()
    months, year, number = [], today.year, today.month
    for _index in range(count):
        months.append(f"{year:04d}-{number:02d}")
        year, number = (year - 1, 12) if number == 1 else (year, number - 1)
    return months


@dataclass
class SpannerOverview:
    spanner: BoundarySpanner
    meetings: list  # coming to the sub-region's tables
    decisions: list  # to carry back to the colleges and councils
    opportunities: list
    moments: list


def spanner_overview(
    *, user, spanner: BoundarySpanner, start: datetime.date, end: datetime.date
) -> SpannerOverview:
    """What comes to the sub-region between `start` and `end` and what was decided there, as
    far as `user` may see it. Meetings are those of bodies where the sub-region sits."""
    subregion = spanner.subregion
    meetings = list(
        meeting_queryset_visible(user)
        .filter(
            body__memberships__organisation__subregion=subregion,
            starts_at__date__gte=start,
            starts_at__date__lt=end,
        )
        .exclude(status=MeetingStatus.CANCELLED)
        .distinct()
        .order_by("starts_at")
    )
    decided = (
        Decision.objects.filter(
            item__meeting__body__memberships__organisation__subregion=subregion,
            item__meeting__starts_at__date__gte=start - datetime.timedelta(days=31),
            item__meeting__starts_at__date__lt=end,
        )
        .select_related("item__meeting__body")
        .distinct()
    )
    decisions = [
        decision
        for decision in decided
        if meeting_permissions.can_see_item(user, decision.item, decision.item.meeting)
    ]
    opportunities = list(
        Opportunity.objects.filter(decided_on__isnull=True, deadline__gte=start)
        .select_related("deciding_body")
        .order_by("deadline")
    )
    moments = list(
        ExternalMoment.objects.filter(
            date__gte=start,
            date__lt=end + datetime.timedelta(days=31),
            dossier__confidential=False,
        )
        .select_related("dossier")
        .order_by("date")
    )
    return SpannerOverview(spanner, meetings, decisions, opportunities, moments)
