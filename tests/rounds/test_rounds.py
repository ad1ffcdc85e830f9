"""The schriftelijke ronde: a proposal put to the seats of a body; answers in the
portal or through a signed one-time link (that member, that round, until the deadline,
once); the outcome follows the body's rule and becomes a decision of the next meeting."""

import datetime
import re

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from gremia.constants import DecisionRule
from nhn_portal.core.models import AuditRecord
from regiobureau.constants import DecisionOutcome
from regiobureau.models.decisions import Decision
from rounds.constants import ROUND_ITEM_TITLE, RoundStatus
from rounds.models import RoundVote, WrittenRound
from rounds.services import (
    round_outcome,
    round_token,
    written_round_attach,
    written_round_close,
    written_round_invite,
    written_round_open,
    written_round_vote,
    written_rounds_close_due,
    written_rounds_remind,
)
from tests.builders import member_of
from tests.factories import BodyFactory, MeetingFactory

pytestmark = pytest.mark.django_db


def open_round(secretary, body, *, hours=48, celery=None):
    return written_round_open(
        actor=secretary,
        body=body,
        title="Regio Deal: aanvraag indienen",
        proposal="Het platform stemt in met het indienen van de aanvraag.",
        deadline=timezone.now() + datetime.timedelta(hours=hours),
    )


def expire(written_round):
    WrittenRound.objects.filter(pk=written_round.pk).update(
        deadline=timezone.now() - datetime.timedelta(minutes=1)
    )
    written_round.refresh_from_db()


@pytest.fixture
def majority_body(db):
    return BodyFactory(decision_rule=DecisionRule.MAJORITY)


@pytest.fixture
def members(majority_body):
    return [member_of(majority_body) for _ in range(3)]


# ---- Outcome arithmetic -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("rule", "votes", "seats", "quorum", "outcome"),
    [
        ("meerderheid", ["voor", "voor", "tegen"], 3, False, "aangenomen"),
        ("meerderheid", ["voor", "tegen", "onthouding"], 3, False, "verworpen"),
        ("meerderheid", [], 3, False, "verworpen"),
        ("meerderheid", ["voor"], 3, True, "geen_quorum"),
        ("meerderheid", ["voor", "voor"], 3, True, "aangenomen"),
        ("consensus", ["voor", "voor", "tegen"], 3, False, "verworpen"),
        ("consensus", ["voor", "onthouding"], 3, False, "aangenomen"),
        ("unanimiteit", ["voor", "voor"], 3, False, "aangenomen"),
    ],
)
def test_round_outcome_follows_the_rule(rule, votes, seats, quorum, outcome):
    result = round_outcome(rule=rule, votes=dict(enumerate(votes)), seats=seats, quorum=quorum)
    assert result == outcome


# ---- Opening and the mail with personal links -------------------------------------------


def test_opening_mails_each_member_their_own_link(
    client, secretary, majority_body, members, celery_eager, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        written_round = open_round(secretary, majority_body)
    assert AuditRecord.objects.filter(verb="written_round_open").exists()
    assert sorted(m.to[0] for m in mail.outbox) == sorted(u.email for u in members)
    links = {m.to[0]: re.search(r"/schriftelijk/stem/(\S+)/", m.body).group(1) for m in mail.outbox}
    assert len(set(links.values())) == 3
    written_round.refresh_from_db()
    assert written_round.invited_at is not None
    assert written_round_invite(round_id=written_round.pk) == 0  # once
    # End to end: the link in the second member's mail answers for that member, no login.
    token = links[members[1].email]
    response = client.post(
        reverse("rounds:round_vote_link", kwargs={"token": token}), {"choice": "tegen"}
    )
    assert response.status_code == 200
    assert RoundVote.objects.get().member == members[1].person


def test_deadline_must_lie_in_the_future(secretary, majority_body, members):
    with pytest.raises(ValidationError):
        written_round_open(
            actor=secretary,
            body=majority_body,
            title="x",
            proposal="y",
            deadline=timezone.now() - datetime.timedelta(hours=1),
        )


# ---- The one-time link end to end -------------------------------------------------------


def link_url(written_round, user):
    token = round_token(written_round=written_round, person=user.person)
    return reverse("rounds:round_vote_link", kwargs={"token": token})


def test_link_votes_without_login_once(client, secretary, majority_body, members):
    written_round = open_round(secretary, majority_body)
    url = link_url(written_round, members[0])
    page = client.get(url)
    assert page.status_code == 200
    assert "Regio Deal" in page.content.decode()
    assert "no-store" in page["Cache-Control"]
    response = client.post(url, {"choice": "voor", "remark": "Graag snel"})
    assert response.status_code == 200
    vote = RoundVote.objects.get()
    assert (vote.member, vote.choice, vote.through_link) == (members[0].person, "voor", True)
    # Used: a second answer through the same link is refused, nothing recorded.
    again = client.post(url, {"choice": "tegen"})
    assert again.status_code == 410
    assert "al" in again.content.decode() or "already" in again.content.decode()
    assert RoundVote.objects.get().choice == "voor"


def test_forged_or_foreign_link_is_refused(client, secretary, majority_body, members):
    written_round = open_round(secretary, majority_body)
    url = link_url(written_round, members[0])
    forged = url.replace("/stem/", "/stem/x")
    assert client.post(forged, {"choice": "voor"}).status_code == 403
    # A link of another round's member names that round only: swapping the round id breaks it.
    token = round_token(written_round=written_round, person=members[0].person)
    _round_id, person_id, timestamp, signature = token.split(":")
    tampered = f"{written_round.pk + 1}:{person_id}:{timestamp}:{signature}"
    response = client.post(
        reverse("rounds:round_vote_link", kwargs={"token": tampered}), {"choice": "voor"}
    )
    assert response.status_code == 403
    assert "niet geldig" in response.content.decode() or "not valid" in response.content.decode()
    assert not RoundVote.objects.exists()


def test_vote_after_the_deadline_is_refused(client, secretary, majority_body, members):
    written_round = open_round(secretary, majority_body)
    url = link_url(written_round, members[0])
    expire(written_round)
    response = client.post(url, {"choice": "voor"})
    assert response.status_code == 410
    assert not RoundVote.objects.exists()
    with pytest.raises(ValidationError) as error:
        written_round_vote(
            actor=members[0], written_round=written_round, member=members[0].person, choice="voor"
        )
    assert error.value.code == "closed"


def test_only_seats_answer(secretary, majority_body, members, outsider):
    written_round = open_round(secretary, majority_body)
    with pytest.raises(ValidationError):
        written_round_vote(
            actor=outsider, written_round=written_round, member=outsider.person, choice="voor"
        )


# ---- Portal --------------------------------------------------------------------------------


def test_member_answers_in_the_portal_and_outsider_gets_404(
    client, secretary, majority_body, members, outsider
):
    written_round = open_round(secretary, majority_body)
    client.force_login(members[1])
    url = written_round.get_absolute_url()
    assert client.get(url).status_code == 200
    assert client.post(url, {"choice": "tegen", "remark": "Te vroeg"}).status_code == 302
    assert RoundVote.objects.get().member == members[1].person
    assert client.post(url, {"choice": "voor"}).status_code == 422
    assert RoundVote.objects.get().choice == "tegen"
    client.force_login(outsider)
    assert client.get(url).status_code == 404
    assert client.get(reverse("rounds:round_list")).status_code == 200


def test_secretary_starts_a_round_through_the_page(client, secretary, majority_body, members):
    client.force_login(secretary)
    url = reverse("rounds:round_create")
    assert client.get(url).status_code == 200
    deadline = timezone.localtime() + datetime.timedelta(days=2)
    response = client.post(
        url,
        {
            "body": majority_body.pk,
            "title": "Spoedbesluit",
            "proposal": "Voorstel",
            "deadline": deadline.strftime("%Y-%m-%dT%H:%M"),
        },
    )
    assert response.status_code == 302
    assert WrittenRound.objects.get().rule == DecisionRule.MAJORITY


# ---- Closing and the decision of the next meeting ---------------------------------------


def test_round_closes_at_the_deadline_into_a_decision_of_the_next_meeting(
    secretary, majority_body, members
):
    upcoming = MeetingFactory(body=majority_body, published=True)
    written_round = open_round(secretary, majority_body)
    for user, choice in zip(members, ["voor", "voor", "tegen"], strict=True):
        written_round_vote(
            actor=user, written_round=written_round, member=user.person, choice=choice
        )
    with pytest.raises(ValidationError):
        written_round_close(actor=None, round_id=written_round.pk)  # not due
    assert written_rounds_close_due() == 0
    expire(written_round)
    assert written_rounds_close_due() == 1
    written_round.refresh_from_db()
    assert written_round.status == RoundStatus.CLOSED
    assert written_round.outcome == DecisionOutcome.ADOPTED
    decision = Decision.objects.get()
    assert decision.item.meeting == upcoming
    assert decision.item.title == ROUND_ITEM_TITLE
    assert decision.text.startswith("Besluit uit schriftelijke ronde")
    assert decision.votes.count() == 3
    assert written_round.decision == decision
    assert written_rounds_close_due() == 0  # closed once


def test_without_a_next_meeting_the_secretariat_attaches_later(secretary, majority_body, members):
    written_round = open_round(secretary, majority_body)
    expire(written_round)
    written_rounds_close_due()
    written_round.refresh_from_db()
    assert written_round.decision is None
    assert written_round.outcome == DecisionOutcome.REJECTED  # nobody answered
    with pytest.raises(ValidationError):
        written_round_attach(actor=secretary, written_round=written_round)
    meeting = MeetingFactory(body=majority_body, planned=True)
    decision = written_round_attach(actor=secretary, written_round=written_round)
    assert decision.item.meeting == meeting


def test_reminder_a_day_before_to_those_who_have_not_answered(secretary, majority_body, members):
    written_round = open_round(secretary, majority_body, hours=20)
    written_round_vote(
        actor=members[0], written_round=written_round, member=members[0].person, choice="voor"
    )
    mail.outbox.clear()
    assert written_rounds_remind() == 2
    assert members[0].email not in {m.to[0] for m in mail.outbox}
    assert written_rounds_remind() == 0


# ---- Meeting archive ---------------------------------------------------------------------


def test_archive_lists_past_meetings_per_body_and_year_as_the_viewer_may_see(
    client, secretary, majority_body
):
    past = MeetingFactory(body=majority_body, held=True, title="Vorige keer")
    draft = MeetingFactory(
        body=majority_body,
        title="Nooit gepubliceerd",
        starts_at=timezone.now() - datetime.timedelta(days=40),
    )
    MeetingFactory(body=majority_body, published=True, title="Nog te komen")
    other = MeetingFactory(held=True, title="Ander gremium")
    url = reverse("regiobureau:meeting_archive")
    page = client.get(url).content.decode()
    assert "Vorige keer" in page and "Ander gremium" in page
    assert "Nog te komen" not in page
    assert "Nooit gepubliceerd" not in page  # a draft is the secretariat's
    filtered = client.get(url, {"body": majority_body.pk, "year": past.starts_at.year})
    assert "Ander gremium" not in filtered.content.decode()
    client.force_login(secretary)
    assert draft.title in client.get(url).content.decode()
    assert other.body.name in client.get(url).content.decode()
