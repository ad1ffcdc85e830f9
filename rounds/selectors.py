"""Reads of the schriftelijke ronde: a round is for the members of its body and
the secretariat (404 for anyone else), like the closed parts of a meeting."""

from collections import Counter
from datetime import timedelta

from django.db.models import Count, Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext as _

from gremia.selectors.registry import person_for_user
from nhn_portal.core.access import NotFound, is_secretariat
from nhn_portal.core.constants import Role
from nhn_portal.core.portal import MEETINGS, TodoLine
from nhn_portal.core.templatetags.nhn_dates import format_when
from regiobureau import permissions
from rounds.constants import RoundStatus
from rounds.models import RoundVote, WrittenRound


def rounds_for_user(*, user) -> list[WrittenRound]:
    """Open rounds first, then the closed ones, of the bodies the user may see."""
    rounds = WrittenRound.objects.select_related("body").order_by("status", "-deadline")
    if not is_secretariat(user):
        rounds = rounds.filter(body_id__in=permissions.member_body_ids(user))
    return list(rounds[:100])


def access_round(*, user, pk: int) -> WrittenRound:
    written_round = (
        WrittenRound.objects.select_related("body", "decision__item__meeting").filter(pk=pk).first()
    )
    if written_round is None or not permissions.can_see_confidential(user, written_round.body_id):
        raise NotFound
    return written_round


def round_answers(written_round: WrittenRound) -> list[RoundVote]:
    return list(
        RoundVote.objects.filter(round=written_round)
        .select_related("member")
        .order_by("member__name")
    )


def round_tally(answers: list[RoundVote]) -> dict[str, int]:
    count = Counter(answer.choice for answer in answers)
    return {"voor": count["voor"], "tegen": count["tegen"], "onthouding": count["onthouding"]}


# ---- The overview's to-do lines (rounds.portal registers them) -------------------------------

# How close to its deadline an open round appears on the secretary's list.
ROUND_CLOSING_DAYS = 3


def rounds_to_vote(user) -> list[TodoLine]:
    """The open rounds of one's bodies in which one's seat has not answered yet."""
    body_ids = permissions.member_body_ids(user)
    if not body_ids:
        return []
    person = person_for_user(user=user)
    if person is None:
        return []
    answered = RoundVote.objects.filter(round=OuterRef("pk"), member=person)
    rounds = (
        WrittenRound.objects.filter(
            body_id__in=body_ids, status=RoundStatus.OPEN, deadline__gte=timezone.now()
        )
        .exclude(Exists(answered))
        .select_related("body")
        .order_by("deadline")
    )
    return [
        TodoLine(
            text=_("Vote in the written round '%(title)s'") % {"title": written_round.title},
            url=written_round.get_absolute_url(),
            when=written_round.deadline,
            why=_("%(body)s; the round closes on %(when)s")
            % {"body": written_round.body.name, "when": format_when(written_round.deadline)},
            group=MEETINGS,
        )
        for written_round in rounds
    ]


def rounds_closing(user) -> list[TodoLine]:
    """The secretary: open rounds that close within ROUND_CLOSING_DAYS, with the answers in."""
    if Role.SECRETARY.value not in user.role_names:
        return []
    now = timezone.now()
    rounds = (
        WrittenRound.objects.filter(
            status=RoundStatus.OPEN, deadline__lte=now + timedelta(ROUND_CLOSING_DAYS)
        )
        .annotate(answers=Count("votes"))
        .select_related("body")
        .order_by("deadline")
    )
    return [
        TodoLine(
            text=_("Written round '%(title)s' closes") % {"title": written_round.title},
            url=written_round.get_absolute_url(),
            when=written_round.deadline,
            why=(
                _("the deadline passed on %(when)s; %(count)d answers")
                if written_round.deadline < now
                else _("closes on %(when)s; %(count)d answers so far")
            )
            % {"when": format_when(written_round.deadline), "count": written_round.answers},
            group=MEETINGS,
        )
        for written_round in rounds
    ]
