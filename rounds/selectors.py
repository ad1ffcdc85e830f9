"""Reads of the schriftelijke ronde: a round is for the members of its body and
the secretariat (404 for anyone else), like the closed parts of a meeting."""

from collections import Counter

from nhn_portal.core.access import NotFound, is_secretariat
from regiobureau import permissions
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
