"""The demo's written round: after the Platform Wonen's previous meeting a decision was put
to the seats in writing; every seat answered (one against), so the round closed before its
deadline, and its outcome goes on the besluitenlijst of the platform's next meeting — a round
is recorded by a meeting after it closed, never by one held before."""

import datetime

from django.utils import timezone

from nhn_portal.core.models import User
from nhn_portal.core.seeding import LoadReport
from regiobureau.constants import MeetingStatus, VoteChoice
from regiobureau.demo.agendas import PREVIOUS_MEETING_TITLE, SECRETARY_EMAIL
from regiobureau.models.meetings import Meeting
from rounds.models import WrittenRound
from rounds.services import round_seats, written_round_close, written_round_open, written_round_vote

FOR, AGAINST = VoteChoice.FOR, VoteChoice.AGAINST


def load_demo_written_round(*, report: LoadReport | None = None) -> None:
    """The round of the held previous meeting of the Platform Wonen (none before it is held)."""
    meeting = Meeting.objects.select_related("body").filter(title=PREVIOUS_MEETING_TITLE).first()
    if meeting is None or meeting.status != MeetingStatus.HELD:
        return
    actor = User.objects.filter(email=SECRETARY_EMAIL).first()
    created = _record_written_round(actor, meeting)
    if report is not None:
        report.count("schriftelijke rondes (demo)", created=created)


DEMO_ROUND_TITLE = "Regio Deal: aanvraag woningbouwversnelling indienen"


def _record_written_round(actor, meeting) -> bool:
    """A decision taken by written round after `meeting`: every seat answered (one against),
    the round closed early, and the outcome went to the body's next meeting."""
    if WrittenRound.objects.filter(title=DEMO_ROUND_TITLE).exists():
        return False
    written_round = written_round_open(
        actor=actor,
        body=meeting.body,
        title=DEMO_ROUND_TITLE,
        proposal=(
            "Het platform stemt in met het indienen van de Regio Deal-aanvraag voor "
            "woningbouwversnelling, zodat de termijn van het Rijk wordt gehaald."
        ),
        deadline=timezone.now() + datetime.timedelta(days=2),
    )
    seats = list(round_seats(meeting.body_id))
    for index, membership in enumerate(seats):
        written_round_vote(
            actor=actor,
            written_round=written_round,
            member=membership.person,
            choice=AGAINST if index == 1 else FOR,
            remark="Eerst de financiering rond" if index == 1 else "",
        )
    # Closed now that every seat answered; recorded by the next meeting (not `meeting`,
    # which was held before the round was opened).
    written_round_close(actor=actor, round_id=written_round.pk, force=True)
    return True
