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


# --- The council working group's advice --------------------------------------------------------


def _working_group_meeting():
    from gremia.constants import BodyKind

    return MeetingFactory(held=True, body=BodyFactory(kind=BodyKind.COUNCIL_GATHERING))


def test_only_the_secretariat_records_the_working_groups_advice_and_it_is_audited(
    secretary, region
):
    from consultaties.services import working_group_advice_add
    from nhn_portal.core.access import NotFound
    from nhn_portal.core.models import AuditRecord
    from tests.builders import griffie

    consultation = _open(
        secretary, AgendaItemFactory(meeting=MeetingFactory(published=True)), issue_letter=False
    )
    meeting = _working_group_meeting()
    with pytest.raises(NotFound):
        working_group_advice_add(
            actor=griffie(region["Texel"]),
            consultation=consultation,
            text="Advies",
            advised_on=datetime.date(2026, 10, 1),
        )
    with pytest.raises(ValidationError):
        working_group_advice_add(
            actor=secretary,
            consultation=consultation,
            text="Advies",
            advised_on=datetime.date(2026, 10, 1),
            meeting=MeetingFactory(),  # not a working group's meeting
        )
    advice = working_group_advice_add(
        actor=secretary,
        consultation=consultation,
        text="Neem de sociale huur op.",
        advised_on=datetime.date(2026, 10, 1),
        meeting=meeting,
    )
    assert list(consultation.working_group_advice.all()) == [advice]
    assert AuditRecord.objects.filter(verb="consultation_working_group_advice").count() == 1


def test_the_advice_is_shown_to_the_secretariat_and_the_public_once_public(
    client, secretary, region
):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    from consultaties.services import working_group_advice_add

    pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    hidden = _open(secretary, AgendaItemFactory(meeting=MeetingFactory()), issue_letter=False)
    shown = _open(
        secretary, AgendaItemFactory(meeting=MeetingFactory(published=True)), issue_letter=False
    )
    for consultation in (hidden, shown):
        working_group_advice_add(
            actor=secretary,
            consultation=consultation,
            text=f"Advies bij {consultation.pk}: meer sociale huur.",
            advised_on=datetime.date(2026, 10, 1),
            meeting=_working_group_meeting(),
        )
    hidden_advice = hidden.working_group_advice.get()
    hidden_advice.stuk.save("advies.pdf", SimpleUploadedFile("advies.pdf", pdf))
    public = client.get(reverse("consultaties:public_detail", kwargs={"pk": shown.pk}))
    assert f"Advies bij {shown.pk}" in public.content.decode()
    assert (
        client.get(reverse("consultaties:public_detail", kwargs={"pk": hidden.pk})).status_code
        == 404
    )
    assert (
        client.get(reverse("consultaties:advice_stuk", kwargs={"pk": hidden_advice.pk})).status_code
        == 404
    )
    client.force_login(secretary)
    page = client.get(reverse("consultaties:detail", kwargs={"pk": hidden.pk})).content.decode()
    assert f"Advies bij {hidden.pk}" in page
    assert (
        client.get(reverse("consultaties:advice_stuk", kwargs={"pk": hidden_advice.pk})).status_code
        == 200
    )


def test_the_secretariat_posts_the_advice_form(client, secretary, region):
    from django.urls import reverse

    consultation = _open(
        secretary, AgendaItemFactory(meeting=MeetingFactory(published=True)), issue_letter=False
    )
    meeting = _working_group_meeting()
    client.force_login(secretary)
    response = client.post(
        reverse("consultaties:advice_add", kwargs={"pk": consultation.pk}),
        {"text": "Positief advies.", "advised_on": "2026-10-01", "meeting": meeting.pk},
    )
    assert response.status_code == 302
    advice = consultation.working_group_advice.get()
    assert advice.meeting == meeting and advice.recorded_by == secretary


def test_the_meeting_page_warns_the_secretariat_of_a_missing_consultation(client, secretary):
    from django.urls import reverse

    from gremia.constants import RulesStatus
    from gremia.models.rules import RulesOfPlay
    from regiobureau.models.decisions import Decision

    item = _held_item()
    RulesOfPlay.objects.create(
        body=item.meeting.body,
        version=1,
        status=RulesStatus.ADOPTED,
        adopted_on=datetime.date(2026, 1, 1),
        consultation_required=True,
    )
    Decision.objects.create(
        item=item, text="Vastgesteld.", outcome=DecisionOutcome.ADOPTED, rule="consensus"
    )
    url = reverse("regiobureau:meeting_detail", kwargs={"pk": item.meeting.pk})
    client.force_login(secretary)
    assert "Consultatie ontbreekt" in client.get(url).content.decode()
    client.logout()
    assert "Consultatie ontbreekt" not in client.get(url).content.decode()
