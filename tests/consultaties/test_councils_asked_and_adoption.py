"""Issue 24's gaps: the letters go only to the councils asked, a decision is not adopted on
a draft under consultation before the deadline unless the reason is recorded on it, and the
public list is filtered in the database."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from consultaties.models import Consultation
from consultaties.selectors import public_consultations, public_consultations_qs
from consultaties.services import consultation_open, final_decision_link
from regiobureau.constants import DecisionOutcome
from regiobureau.services.decisions import decision_record
from tests.factories import AgendaItemFactory, BodyFactory, MeetingFactory

pytestmark = pytest.mark.django_db


def _open(actor, item, **kwargs):
    return consultation_open(
        actor=actor,
        agenda_item=item,
        title="Regionale woonagenda",
        question="Heeft uw raad wensen en bedenkingen?",
        **kwargs,
    )


def test_a_subregion_consultation_letter_goes_only_to_its_councils(
    secretary, region, celery_eager, fake_render, django_capture_on_commit_callbacks
):
    item = AgendaItemFactory(meeting=MeetingFactory(published=True))
    kop = region["Texel"].subregion
    with django_capture_on_commit_callbacks(execute=True):
        consultation = _open(secretary, item, subregions=[kop])
    asked = set(consultation.responses.values_list("municipality_id", flat=True))
    assert 0 < len(asked) < 17
    councils = consultation.letter.deliveries.filter(addressee="raad")
    assert set(councils.values_list("municipality_id", flat=True)) == asked
    assert councils.count() == len(asked)


def _held_item(body=None):
    meeting = MeetingFactory(held=True, body=body or BodyFactory())
    return AgendaItemFactory(meeting=meeting, title="Regionale woonagenda")


def test_adopting_before_the_deadline_is_refused_without_a_reason(secretary, region):
    item = _held_item()
    today = timezone.localdate()
    _open(
        secretary,
        item,
        opened_on=today - datetime.timedelta(days=10),
        deadline=today + datetime.timedelta(days=20),
        issue_letter=False,
    )
    with pytest.raises(ValidationError) as error:
        decision_record(
            actor=secretary, item=item, text="Vastgesteld.", outcome=DecisionOutcome.ADOPTED
        )
    assert error.value.code == "before_deadline"
    assert not item.decisions.exists()
    # Postponing it is no adoption: allowed.
    decision_record(
        actor=secretary, item=item, text="Aangehouden.", outcome=DecisionOutcome.POSTPONED
    )


def test_adopting_before_the_deadline_with_a_reason_records_it_and_links(secretary, region):
    item = _held_item()
    today = timezone.localdate()
    consultation = _open(
        secretary,
        item,
        opened_on=today - datetime.timedelta(days=10),
        deadline=today + datetime.timedelta(days=20),
        issue_letter=False,
    )
    decision = decision_record(
        actor=secretary,
        item=item,
        text="Vastgesteld.",
        outcome=DecisionOutcome.ADOPTED,
        urgency_reason="Rijkssubsidie vervalt",
    )
    assert decision.urgency_reason == "Rijkssubsidie vervalt"
    # The reason on the decision is the link's reason too: no second time asked.
    linked = final_decision_link(actor=secretary, consultation=consultation, decision=decision)
    assert linked.urgency_reason == "Rijkssubsidie vervalt"


def test_adopting_after_the_deadline_or_on_another_item_needs_no_reason(secretary, region):
    item = _held_item()
    today = timezone.localdate()
    _open(
        secretary,
        item,
        opened_on=today - datetime.timedelta(days=60),
        deadline=today - datetime.timedelta(days=1),
        issue_letter=False,
    )
    assert (
        decision_record(
            actor=secretary, item=item, text="Vastgesteld.", outcome=DecisionOutcome.ADOPTED
        ).urgency_reason
        == ""
    )
    other = _held_item()
    assert decision_record(
        actor=secretary, item=other, text="Vastgesteld.", outcome=DecisionOutcome.ADOPTED
    )


def test_the_final_decision_in_the_same_dossier_is_guarded_too(secretary, region):
    from tests.factories import DossierFactory

    body = BodyFactory(name="Platform Wonen")
    dossier = DossierFactory()
    draft = AgendaItemFactory(meeting=MeetingFactory(published=True, body=body), dossier=dossier)
    final = _held_item(body)
    final.dossier = dossier
    final.save(update_fields=["dossier"])
    today = timezone.localdate()
    _open(
        secretary,
        draft,
        opened_on=today - datetime.timedelta(days=10),
        deadline=today + datetime.timedelta(days=20),
        issue_letter=False,
    )
    with pytest.raises(ValidationError):
        decision_record(
            actor=secretary, item=final, text="Vastgesteld.", outcome=DecisionOutcome.ADOPTED
        )


def test_the_public_list_is_filtered_in_the_database(secretary, region, django_assert_num_queries):
    hidden = _open(secretary, AgendaItemFactory(meeting=MeetingFactory()), issue_letter=False)
    shown = _open(
        secretary, AgendaItemFactory(meeting=MeetingFactory(published=True)), issue_letter=False
    )
    closed_item = _open(
        secretary,
        AgendaItemFactory(meeting=MeetingFactory(published=True), is_public=False),
        issue_letter=False,
    )
    assert set(public_consultations_qs()) == {shown}
    with django_assert_num_queries(1):
        assert public_consultations() == [shown]
    assert hidden in Consultation.objects.all() and closed_item not in public_consultations()
