"""Reads of the stukken handed in by preparing bodies (issue 10): who may hand in for a
meeting, and who sees which handed-in stukken (the secretariat all, a member their own)."""

from django.http import Http404
from django.utils import timezone

from gremia.models import Body
from nhn_portal.core.access import is_secretariat
from regiobureau import permissions
from regiobureau.constants import MeetingStatus
from regiobureau.models.meetings import Meeting
from regiobureau.models.proposals import ProposedDocument


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
        raise Http404
    if not (is_secretariat(user) or (user.is_authenticated and proposal.proposed_by_id == user.pk)):
        raise Http404
    return proposal


def open_for_proposals(meeting: Meeting) -> bool:
    """A coming meeting whose agenda can still change."""
    return meeting.starts_at > timezone.now() and meeting.status in (
        MeetingStatus.DRAFT,
        MeetingStatus.PLANNED,
        MeetingStatus.AGENDA_PUBLISHED,
    )
