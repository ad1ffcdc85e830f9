"""Decisions and the decision rule: votes decide a majority body, unanimity needs
no vote against, consensus records no votes; the besluitenlijst is adopted at the next meeting."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from gremia.constants import DecisionRule, MembershipRole
from nhn_portal.core.models import AuditRecord
from regiobureau.constants import DecisionListStatus, DecisionOutcome, MeetingStatus
from regiobureau.models.decisions import DecisionList
from regiobureau.models.meetings import AgendaItem, Meeting
from regiobureau.selectors.decisions import decisions_for_meeting, everything_for_members
from regiobureau.services.decisions import decision_list_adopt, decision_record
from tests.factories import (
    AgendaItemFactory,
    BodyFactory,
    MeetingFactory,
    MembershipFactory,
    PersonFactory,
)

pytestmark = pytest.mark.django_db


def held_meeting(rule, members=3):
    body = BodyFactory(decision_rule=rule)
    meeting = MeetingFactory(body=body, held=True)
    item = AgendaItemFactory(meeting=meeting, title="Woondeal: versnellingsmiddelen")
    people = [MembershipFactory(body=body).person for _ in range(members)]
    return meeting, item, people


def test_majority_outcome_follows_the_votes_cast(secretary):
    meeting, item, (a, b, c) = held_meeting(DecisionRule.MAJORITY)
    decision = decision_record(
        actor=secretary,
        item=item,
        text="Het platform stemt in met de verdeling.",
        votes={a.pk: "voor", b.pk: "voor", c.pk: "tegen"},
    )
    assert decision.outcome == DecisionOutcome.ADOPTED
    assert decision.rule == DecisionRule.MAJORITY
    assert sorted(v.choice for v in decision.votes.all()) == ["tegen", "voor", "voor"]
    assert DecisionList.objects.get(meeting=meeting).status == DecisionListStatus.DRAFT
    assert AuditRecord.objects.filter(verb="decision_record", actor=secretary).exists()


def test_abstentions_are_not_votes_cast_and_a_tie_is_rejected(secretary):
    _meeting, item, (a, b, c) = held_meeting(DecisionRule.MAJORITY)
    decision = decision_record(
        actor=secretary,
        item=item,
        text="Voorstel",
        votes={a.pk: "voor", b.pk: "tegen", c.pk: "onthouding"},
    )
    assert decision.outcome == DecisionOutcome.REJECTED


def test_majority_refuses_an_outcome_the_votes_do_not_give(secretary):
    _meeting, item, (a, b, c) = held_meeting(DecisionRule.MAJORITY)
    with pytest.raises(ValidationError) as error:
        decision_record(
            actor=secretary,
            item=item,
            text="Voorstel",
            outcome=DecisionOutcome.ADOPTED,
            votes={a.pk: "tegen", b.pk: "tegen", c.pk: "voor"},
        )
    assert "outcome" in error.value.message_dict


def test_majority_needs_votes_unless_postponed_or_noted(secretary):
    _meeting, item, _people = held_meeting(DecisionRule.MAJORITY)
    with pytest.raises(ValidationError):
        decision_record(actor=secretary, item=item, text="x", outcome=DecisionOutcome.ADOPTED)
    decision = decision_record(
        actor=secretary,
        item=item,
        text="Aangehouden tot de volgende keer.",
        outcome=DecisionOutcome.POSTPONED,
    )
    assert decision.outcome == DecisionOutcome.POSTPONED


def test_only_members_with_a_seat_vote(secretary):
    _meeting, item, (a, _b, _c) = held_meeting(DecisionRule.MAJORITY)
    outsider = PersonFactory(name="Buitenstaander")
    adviser = MembershipFactory(body=item.meeting.body, role=MembershipRole.ADVISER).person
    for voter in (outsider, adviser):
        with pytest.raises(ValidationError) as error:
            decision_record(
                actor=secretary, item=item, text="x", votes={a.pk: "voor", voter.pk: "voor"}
            )
        assert voter.name in str(error.value)


def test_unanimity_requires_no_vote_against(secretary):
    _meeting, item, (a, b, c) = held_meeting(DecisionRule.UNANIMITY)
    with pytest.raises(ValidationError):
        decision_record(
            actor=secretary,
            item=item,
            text="x",
            outcome=DecisionOutcome.ADOPTED,
            votes={a.pk: "voor", b.pk: "voor", c.pk: "tegen"},
        )
    decision = decision_record(
        actor=secretary, item=item, text="x", votes={a.pk: "voor", b.pk: "onthouding"}
    )
    assert decision.outcome == DecisionOutcome.ADOPTED


def test_consensus_records_no_votes(secretary):
    _meeting, item, (a, _b, _c) = held_meeting(DecisionRule.CONSENSUS)
    with pytest.raises(ValidationError):
        decision_record(
            actor=secretary, item=item, text="x", outcome="aangenomen", votes={a.pk: "voor"}
        )
    decision = decision_record(
        actor=secretary, item=item, text="In consensus.", outcome=DecisionOutcome.ADOPTED
    )
    assert not decision.votes.exists()


def test_decisions_only_after_the_meeting_was_held(secretary):
    item = AgendaItemFactory(meeting=MeetingFactory(published=True))
    with pytest.raises(ValidationError):
        decision_record(actor=secretary, item=item, text="x", outcome=DecisionOutcome.NOTED)


def test_decision_list_is_adopted_at_the_next_meeting_of_the_body(secretary):
    meeting, item, _people = held_meeting(DecisionRule.CONSENSUS)
    decision_record(actor=secretary, item=item, text="x", outcome=DecisionOutcome.NOTED)
    later = MeetingFactory(
        body=meeting.body, published=True, starts_at=meeting.starts_at + datetime.timedelta(days=60)
    )
    following = MeetingFactory(
        body=meeting.body, planned=True, starts_at=meeting.starts_at + datetime.timedelta(days=30)
    )
    with pytest.raises(ValidationError):
        decision_list_adopt(actor=secretary, meeting=meeting, at_meeting=later)
    other_body = MeetingFactory(starts_at=meeting.starts_at + datetime.timedelta(days=1))
    with pytest.raises(ValidationError):
        decision_list_adopt(actor=secretary, meeting=meeting, at_meeting=other_body)
    decision_list = decision_list_adopt(actor=secretary, meeting=meeting, at_meeting=following)
    assert decision_list.status == DecisionListStatus.ADOPTED
    assert decision_list.adopted_in == following
    assert Meeting.objects.get(pk=meeting.pk).status == MeetingStatus.CLOSED
    # Final: no more decisions, no second adoption.
    with pytest.raises(ValidationError):
        decision_record(actor=secretary, item=item, text="y", outcome=DecisionOutcome.NOTED)
    with pytest.raises(ValidationError):
        decision_list_adopt(actor=secretary, meeting=meeting, at_meeting=following)


def test_closed_item_decisions_are_hidden_from_outsiders(secretary, client):
    meeting, item, _people = held_meeting(DecisionRule.CONSENSUS)
    closed = AgendaItemFactory(meeting=meeting, confidential=True, title="Grondaankoop")
    decision_record(
        actor=secretary, item=item, text="Openbaar besluit", outcome=DecisionOutcome.NOTED
    )
    decision_record(
        actor=secretary, item=closed, text="Geheim besluit", outcome=DecisionOutcome.ADOPTED
    )
    from tests.factories import UserFactory

    outsider = UserFactory()
    assert [d.text for d in decisions_for_meeting(user=outsider, meeting=meeting)] == [
        "Openbaar besluit"
    ]
    assert len(decisions_for_meeting(user=secretary, meeting=meeting)) == 2
    client.force_login(outsider)
    page = client.get(reverse("regiobureau:meeting_decisions", args=[meeting.pk]))
    assert page.status_code == 200
    assert "Openbaar besluit" in page.text and "Geheim besluit" not in page.text


def test_secretary_records_a_majority_decision_through_the_page(secretary, client):
    meeting, item, (a, b, c) = held_meeting(DecisionRule.MAJORITY)
    client.force_login(secretary)
    page = client.get(reverse("regiobureau:meeting_decisions", args=[meeting.pk]))
    assert page.status_code == 200 and a.name in page.text
    response = client.post(
        reverse("regiobureau:decision_create", args=[meeting.pk]),
        {
            "item": item.pk,
            "text": "Ingestemd",
            "outcome": "",
            f"vote_{a.pk}": "voor",
            f"vote_{b.pk}": "voor",
            f"vote_{c.pk}": "tegen",
        },
    )
    assert response.status_code == 302
    assert item.decisions.get().outcome == DecisionOutcome.ADOPTED
    refused = client.post(
        reverse("regiobureau:decision_create", args=[meeting.pk]),
        {"item": item.pk, "text": "Zonder stemmen", "outcome": "aangenomen"},
    )
    assert refused.status_code == 422


def test_besluitenlijst_is_produced_by_the_pipeline(secretary, django_capture_on_commit_callbacks):
    import io

    from pypdf import PdfReader

    from nhn_portal.core.constants import GenerationStatus
    from nhn_portal.core.production.services import (
        document_generation_request,
        document_generation_run,
    )

    meeting, item, (a, b, c) = held_meeting(DecisionRule.MAJORITY)
    closed = AgendaItemFactory(meeting=meeting, confidential=True, title="Grondaankoop Zuidrand")
    decision_record(
        actor=secretary,
        item=item,
        text="Ingestemd met de verdeling.",
        votes={a.pk: "voor", b.pk: "voor", c.pk: "tegen"},
    )
    decision_record(
        actor=secretary, item=closed, text="Mandaat verleend.", outcome=DecisionOutcome.NOTED
    )
    texts = {}
    for audience in ("openbaar", "leden"):
        job = document_generation_request(
            actor=secretary, subject=meeting, kind="besluitenlijst", audience=audience
        )
        job = document_generation_run(job_id=job.pk)
        assert job.status == GenerationStatus.DONE, job.failure_reason
        with job.document.file.open("rb") as file:
            reader = PdfReader(io.BytesIO(file.read()))
        texts[audience] = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    assert "Ingestemd met de verdeling" in texts["openbaar"]
    assert "Aangenomen" in texts["openbaar"] and "meerderheid" in texts["openbaar"]
    assert "Grondaankoop" not in texts["openbaar"]
    assert "Mandaat verleend" in texts["leden"] and "Vertrouwelijk" in texts["leden"]


@pytest.mark.parametrize("status", [MeetingStatus.PLANNED, MeetingStatus.AGENDA_PUBLISHED])
def test_no_besluitenlijst_before_the_meeting_was_held(secretary, status):
    from nhn_portal.core.models import GenerationJob
    from nhn_portal.core.production.selectors import production_entries
    from nhn_portal.core.production.services import document_generation_request

    meeting = MeetingFactory(status=status)
    kinds = {entry.definition.kind for entry in production_entries(subject=meeting)}
    assert "besluitenlijst" not in kinds
    assert "agenda" in kinds
    with pytest.raises(ValidationError):
        document_generation_request(
            actor=secretary, subject=meeting, kind="besluitenlijst", audience="openbaar"
        )
    assert not GenerationJob.objects.exists()
    held, _item, _people = held_meeting(DecisionRule.CONSENSUS)
    kinds = {entry.definition.kind for entry in production_entries(subject=held)}
    assert "besluitenlijst" in kinds


def test_decisions_follow_the_agenda_with_its_numbers(secretary, client):
    meeting, first, _people = held_meeting(DecisionRule.CONSENSUS)
    AgendaItem.objects.filter(pk=first.pk).update(position=1)
    second = AgendaItemFactory(meeting=meeting, position=2, title="Mobiliteit: MIRT")
    sub_b = AgendaItemFactory(meeting=meeting, parent=second, position=2, title="Kop: netcongestie")
    sub_a = AgendaItemFactory(meeting=meeting, parent=second, position=1, title="Spoor: Den Helder")
    # Recorded out of order: the sub-item first, the main items last.
    for item in (sub_b, second, sub_a, first):
        decision_record(
            actor=secretary, item=item, text=f"Besluit over {item.title}.", outcome="aangenomen"
        )
    decisions = decisions_for_meeting(user=secretary, meeting=meeting)
    assert [(d.agenda_number, d.item.title) for d in decisions] == [
        ("1", first.title),
        ("2", second.title),
        ("2a", sub_a.title),
        ("2b", sub_b.title),
    ]
    members_decisions, _actions = everything_for_members(meeting)
    assert [d.agenda_number for d in members_decisions] == ["1", "2", "2a", "2b"]
    client.force_login(secretary)
    page = client.get(reverse("regiobureau:meeting_decisions", args=[meeting.pk])).text
    positions = [page.index(f"Besluit over {i.title}.") for i in (first, second, sub_a, sub_b)]
    assert positions == sorted(positions)
    assert '<span class="rb-number">2a</span>' in page
