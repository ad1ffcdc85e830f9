"""Consultations of the councils: the deadline rules, who responds for which council, the
optimistic lock, late responses, the reactienota's four eyes, the final decision before the
deadline, reminders and what the public sees."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from consultaties.constants import Effect, NotaStatus, ResponseStatus
from consultaties.models import CouncilRecess, CouncilResponse
from consultaties.selectors import (
    decisions_missing_consultation,
    default_deadline,
    recess_clashes,
    reminder_dates,
    towns_asked,
)
from consultaties.services import (
    consultation_open,
    final_decision_link,
    nota_review,
    nota_submit,
    reminders_send,
    response_answer,
    response_record,
    response_schedule,
)
from gremia.constants import RulesStatus
from gremia.models.rules import RulesOfPlay
from nhn_portal.core.access import NotFound
from nhn_portal.core.constants import Role
from nhn_portal.core.models import AuditRecord
from regiobureau.constants import DecisionOutcome
from regiobureau.models.decisions import Decision
from tests.builders import griffie
from tests.factories import AgendaItemFactory, BodyFactory, MeetingFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(db):
    """A draft decision on a published (so public) agenda of a platform."""
    meeting = MeetingFactory(published=True, body=BodyFactory(name="Platform Wonen"))
    return AgendaItemFactory(meeting=meeting, title="Regionale woonagenda")


def open_one(actor, draft, *, opened_on=None, deadline=None, subregions=()):
    return consultation_open(
        actor=actor,
        agenda_item=draft,
        title="Regionale woonagenda",
        question="Heeft uw raad wensen en bedenkingen?",
        subregions=subregions,
        opened_on=opened_on or datetime.date(2026, 9, 7),
        deadline=deadline,
        issue_letter=False,
    )


# --- The deadline rules -----------------------------------------------------------------------


def test_default_term_is_eight_weeks_of_working_days(draft):
    # 40 working days from Monday 7 September 2026: no holiday in between, so 8 weeks.
    assert default_deadline(body=draft.meeting.body, opened_on=datetime.date(2026, 9, 7)) == (
        datetime.date(2026, 11, 2)
    )


def test_term_comes_from_the_rules_of_play_and_skips_holidays(draft):
    RulesOfPlay.objects.create(
        body=draft.meeting.body,
        version=1,
        status=RulesStatus.ADOPTED,
        adopted_on=datetime.date(2026, 1, 1),
        consultation_term_weeks=1,
    )
    # Five working days from Monday 21 December: Christmas and the weekend do not count.
    assert default_deadline(
        body=draft.meeting.body, opened_on=datetime.date(2026, 12, 21)
    ) == datetime.date(2026, 12, 29)


def test_reminder_days_are_counted_in_working_days():
    dates = reminder_dates(datetime.date(2026, 12, 29))
    assert dates[3] == datetime.date(2026, 12, 23)  # 28, 24, 23: Christmas skipped
    assert dates[14] == datetime.date(2026, 12, 8)


def test_recess_in_the_term_is_warned_about(region):
    texel = region["Texel"]
    CouncilRecess.objects.create(
        municipality=texel,
        label="Zomerreces",
        starts_on=datetime.date(2026, 7, 11),
        ends_on=datetime.date(2026, 8, 23),
    )
    towns = towns_asked([])
    clashes = recess_clashes(
        towns=towns, start=datetime.date(2026, 6, 15), end=datetime.date(2026, 8, 10)
    )
    assert [c.municipality for c in clashes] == [texel]
    assert not recess_clashes(
        towns=towns, start=datetime.date(2026, 9, 1), end=datetime.date(2026, 10, 27)
    )


def test_opening_asks_all_councils_or_one_subregion(secretary, draft, region):
    everyone = open_one(secretary, draft)
    assert everyone.responses.count() == 17
    kop = region["Texel"].subregion
    some = open_one(secretary, draft, subregions=[kop])
    assert set(some.responses.values_list("municipality__subregion", flat=True)) == {kop.pk}
    assert AuditRecord.objects.filter(verb="consultation_open").count() == 2


def test_only_the_secretariat_opens_one(draft, region):
    with pytest.raises(NotFound):
        open_one(griffie(region["Texel"]), draft)


def test_opening_issues_the_letter_to_every_council(
    secretary, draft, region, celery_eager, fake_render, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        consultation = consultation_open(
            actor=secretary,
            agenda_item=draft,
            title="Regionale woonagenda",
            question="Heeft uw raad wensen en bedenkingen?",
        )
    assert consultation.letter is not None
    assert consultation.letter.deliveries.filter(addressee="raad").count() == 17


# --- Responding: own council only, the lock, late ---------------------------------------------


def test_a_griffie_responds_only_for_her_own_council(secretary, draft, region):
    consultation = open_one(secretary, draft)
    texel = consultation.responses.get(municipality=region["Texel"])
    den_helder = consultation.responses.get(municipality=region["Den Helder"])
    clerk = griffie(region["Texel"])
    response_schedule(
        actor=clerk,
        response=texel,
        version=texel.version,
        agenda_body="council",
        agenda_date=datetime.date(2026, 10, 1),
    )
    with pytest.raises(NotFound):
        response_record(
            actor=clerk, response=den_helder, version=den_helder.version, outcome="no_wishes"
        )
    with pytest.raises(NotFound):  # not even the secretariat speaks for a council
        response_record(
            actor=secretary, response=den_helder, version=den_helder.version, outcome="no_wishes"
        )
    assert CouncilResponse.objects.get(pk=den_helder.pk).status == ResponseStatus.ASKED
    assert CouncilResponse.objects.get(pk=texel.pk).status == ResponseStatus.SCHEDULED


def test_a_stale_save_is_refused_and_the_first_response_kept(secretary, draft, region):
    consultation = open_one(secretary, draft)
    row = consultation.responses.get(municipality=region["Texel"])
    first, second = griffie(region["Texel"]), griffie(region["Texel"], email="twee@texel.nl")
    loaded = row.version  # both opened the form at this version
    response_record(
        actor=first,
        response=row,
        version=loaded,
        outcome="responded",
        outcome_date=datetime.date(2026, 10, 1),
        text="De raad vraagt meer sociale huur.",
    )
    with pytest.raises(ValidationError) as error:
        response_record(actor=second, response=row, version=loaded, outcome="no_wishes")
    assert error.value.code == "stale"
    row.refresh_from_db()
    assert row.status == ResponseStatus.RESPONDED
    assert row.text == "De raad vraagt meer sociale huur."


def test_a_response_needs_text_and_date(secretary, draft, region):
    consultation = open_one(secretary, draft)
    row = consultation.responses.get(municipality=region["Texel"])
    with pytest.raises(ValidationError):
        response_record(
            actor=griffie(region["Texel"]), response=row, version=row.version, outcome="responded"
        )


def test_a_late_response_is_kept_and_marked_late(secretary, draft, region):
    consultation = open_one(
        secretary, draft, opened_on=datetime.date(2026, 1, 5), deadline=datetime.date(2026, 3, 2)
    )
    row = consultation.responses.get(municipality=region["Texel"])
    response_record(
        actor=griffie(region["Texel"]), response=row, version=row.version, outcome="no_wishes"
    )
    row.refresh_from_db()
    assert row.status == ResponseStatus.NO_WISHES and row.is_late


# --- The reactienota and the final decision ---------------------------------------------------


def closed_consultation(secretary, draft, region):
    consultation = open_one(
        secretary, draft, opened_on=datetime.date(2026, 1, 5), deadline=datetime.date(2026, 3, 2)
    )
    row = consultation.responses.get(municipality=region["Texel"])
    response_record(
        actor=griffie(region["Texel"]),
        response=row,
        version=row.version,
        outcome="responded",
        outcome_date=datetime.date(2026, 2, 20),
        text="Meer sociale huur.",
    )
    return consultation, CouncilResponse.objects.get(pk=row.pk)


def test_reactienota_needs_every_answer_and_a_second_person(secretary, draft, region):
    consultation, row = closed_consultation(secretary, draft, region)
    with pytest.raises(ValidationError) as error:
        nota_submit(actor=secretary, consultation=consultation)
    assert error.value.code == "unanswered"
    with pytest.raises(ValidationError):  # "niet" without a reason
        response_answer(
            actor=secretary, response=row, summary="Sociale huur", answer="Nee", effect=Effect.NOT
        )
    response_answer(
        actor=secretary,
        response=row,
        summary="Meer sociale huur",
        answer="Het aandeel gaat naar 35%.",
        effect=Effect.PARTLY,
    )
    nota_submit(actor=secretary, consultation=consultation)
    with pytest.raises(ValidationError) as error:
        nota_review(actor=secretary, consultation=consultation, approve=True)
    assert error.value.code == "own_nota"
    other = UserFactory(roles=[Role.SECRETARY])
    adopted = nota_review(actor=other, consultation=consultation, approve=True)
    assert adopted.nota_status == NotaStatus.ADOPTED and not adopted.is_open


def test_reactienota_names_each_council(secretary, draft, region):
    from django.template.loader import render_to_string

    from consultaties.producers import produce_reactienota

    consultation, row = closed_consultation(secretary, draft, region)
    produced = produce_reactienota(consultation, "public")
    html = render_to_string(produced.template, produced.context)
    assert "Gemeenteraad van Texel" in html
    assert html.count("Gemeenteraad van") == 17


def decision_on(draft, when):
    decision = Decision.objects.create(
        item=draft, text="Vastgesteld.", outcome=DecisionOutcome.ADOPTED, rule="consensus"
    )
    Decision.objects.filter(pk=decision.pk).update(created_at=when)
    decision.refresh_from_db()
    return decision


def test_final_decision_before_the_deadline_needs_a_reason(secretary, draft, region):
    consultation = open_one(
        secretary, draft, opened_on=datetime.date(2026, 1, 5), deadline=datetime.date(2026, 3, 2)
    )
    early = decision_on(draft, datetime.datetime(2026, 2, 1, 12, tzinfo=datetime.UTC))
    with pytest.raises(ValidationError) as error:
        final_decision_link(actor=secretary, consultation=consultation, decision=early)
    assert error.value.code == "before_deadline"
    linked = final_decision_link(
        actor=secretary, consultation=consultation, decision=early, urgency_reason="Rijkssubsidie"
    )
    assert linked.final_decision == early and linked.urgency_reason == "Rijkssubsidie"


def test_a_decision_that_needed_a_consultation_is_warned_about(secretary, draft, region):
    RulesOfPlay.objects.create(
        body=draft.meeting.body,
        version=1,
        status=RulesStatus.ADOPTED,
        adopted_on=datetime.date(2026, 1, 1),
        consultation_required=True,
    )
    decision = decision_on(draft, datetime.datetime(2026, 2, 1, tzinfo=datetime.UTC))
    assert decisions_missing_consultation() == [decision]
    open_one(secretary, draft)
    assert decisions_missing_consultation() == []


# --- Reminders --------------------------------------------------------------------------------


def test_reminders_go_to_griffies_without_a_response_once(
    secretary, draft, region, django_capture_on_commit_callbacks
):
    consultation = open_one(
        secretary, draft, opened_on=datetime.date(2026, 11, 2), deadline=datetime.date(2026, 12, 29)
    )
    griffie(region["Texel"])
    griffie(region["Schagen"])
    done = consultation.responses.get(municipality=region["Schagen"])
    response_record(
        actor=griffie(region["Schagen"], email="b@schagen.nl"),
        response=done,
        version=done.version,
        outcome="no_wishes",
    )
    assert reminders_send(datetime.date(2026, 12, 9)) == 0
    with django_capture_on_commit_callbacks(execute=True):
        assert reminders_send(datetime.date(2026, 12, 23)) == 16
    assert [m.to for m in mail.outbox] == [[f"griffie@{region['Texel'].slug}.example.org"]]
    assert reminders_send(datetime.date(2026, 12, 23)) == 0


# --- Pages and public visibility --------------------------------------------------------------


def test_a_griffie_sees_her_own_form_and_the_matrix_is_the_secretariats(
    client, secretary, draft, region
):
    consultation = open_one(secretary, draft)
    client.force_login(griffie(region["Texel"]))
    page = client.get(reverse("consultaties:detail", args=[consultation.pk]))
    assert page.status_code == 200
    assert "raad van Gemeente Texel" in page.content.decode()
    assert client.get(reverse("consultaties:matrix_csv", args=[consultation.pk])).status_code == 404
    client.force_login(secretary)
    csv = client.get(reverse("consultaties:matrix_csv", args=[consultation.pk]))
    assert csv.status_code == 200
    assert csv.content.decode("utf-8-sig").count("\n") == 18


def test_the_griffie_posts_with_a_stale_version_and_is_told(client, secretary, draft, region):
    consultation = open_one(secretary, draft)
    row = consultation.responses.get(municipality=region["Texel"])
    client.force_login(griffie(region["Texel"]))
    url = reverse("consultaties:response_outcome", args=[row.pk])
    client.post(url, {"version": row.version, "outcome": "no_wishes"})
    page = client.post(url, {"version": row.version, "outcome": "not_dealt"}, follow=True)
    assert "in de tussentijd" in page.content.decode() or "meantime" in page.content.decode()
    assert CouncilResponse.objects.get(pk=row.pk).status == ResponseStatus.NO_WISHES


def test_public_page_only_once_the_draft_is_public(client, secretary, region):
    hidden_item = AgendaItemFactory(meeting=MeetingFactory(), title="Nog geheim ontwerp")
    hidden = open_one(secretary, hidden_item)
    assert client.get(reverse("consultaties:public_detail", args=[hidden.pk])).status_code == 404
    listing = client.get(reverse("consultaties:public_list")).content.decode()
    assert "Nog geheim ontwerp" not in listing and hidden.title not in listing
    shown = open_one(secretary, AgendaItemFactory(meeting=MeetingFactory(published=True)))
    row = shown.responses.get(municipality=region["Texel"])
    response_record(
        actor=griffie(region["Texel"]),
        response=row,
        version=row.version,
        outcome="responded",
        outcome_date=datetime.date(2026, 9, 20),
        text="Wij vragen aandacht voor Texel.",
    )
    page = client.get(reverse("consultaties:public_detail", args=[shown.pk]))
    assert page.status_code == 200
    assert "Wij vragen aandacht voor Texel." in page.content.decode()


def test_the_rules_of_play_page_sets_the_consultation_term(client, secretary):
    from gremia.constants import RULES_FIELDS

    body = BodyFactory(name="Stuurgroep test")
    rules = RulesOfPlay.objects.create(body=body, version=1, status=RulesStatus.DRAFT)
    client.force_login(secretary)
    data = {name: "x" for name in RULES_FIELDS} | {
        "consultation_term_weeks": 10,
        "consultation_required": "on",
    }
    assert client.post(reverse("gremia:rules_edit", args=[rules.pk]), data).status_code == 302
    rules.refresh_from_db()
    assert rules.consultation_term_weeks == 10 and rules.consultation_required


def test_front_page_and_the_council_feeds_carry_public_consultations(client, secretary, region):
    shown = open_one(
        secretary,
        AgendaItemFactory(meeting=MeetingFactory(published=True)),
        opened_on=timezone.localdate(),
    )
    hidden = consultation_open(
        actor=secretary,
        agenda_item=AgendaItemFactory(meeting=MeetingFactory()),
        title="Verborgen consultatie",
        question="?",
        issue_letter=False,
    )
    assert "Regionale woonagenda" in client.get("/").content.decode()
    texel = region["Texel"].slug
    feed = client.get(reverse("publiek:council_feed", kwargs={"slug": texel})).content.decode()
    assert f"urn:nhn-portaal:consultatie:{shown.pk}" in feed
    assert f"consultatie:{hidden.pk}" not in feed
    ics = client.get(reverse("publiek:council_calendar", kwargs={"slug": texel})).content
    assert f"consultatie-{shown.pk}@nhn-portaal".encode() in ics
    assert b"Verborgen consultatie" not in ics


def test_to_do_lines_for_the_griffie_and_the_secretariat(secretary, draft, region):
    from consultaties.portal import griffie_lines, secretariat_lines

    consultation = open_one(
        secretary, draft, opened_on=datetime.date(2026, 1, 5), deadline=datetime.date(2026, 3, 2)
    )
    clerk = griffie(region["Texel"])
    assert [line.url for line in griffie_lines(clerk)] == [consultation.get_absolute_url()]
    assert len(secretariat_lines(secretary)) == 1  # past the deadline: the reactienota is due
    assert griffie_lines(secretary) == [] and secretariat_lines(clerk) == []
    row = consultation.responses.get(municipality=region["Texel"])
    response_record(actor=clerk, response=row, version=row.version, outcome="no_wishes")
    assert griffie_lines(clerk) == []


def test_the_final_letter_goes_to_every_council_once_the_nota_is_adopted(
    secretary, draft, region, celery_eager, fake_render, django_capture_on_commit_callbacks
):
    from consultaties.services import final_letter_issue

    consultation, row = closed_consultation(secretary, draft, region)
    decision = decision_on(draft, datetime.datetime(2026, 3, 20, 12, tzinfo=datetime.UTC))
    final_decision_link(actor=secretary, consultation=consultation, decision=decision)
    with pytest.raises(ValidationError):
        final_letter_issue(actor=secretary, consultation=consultation)
    response_answer(
        actor=secretary, response=row, summary="Huur", answer="Ja", effect=Effect.ADOPTED
    )
    nota_submit(actor=secretary, consultation=consultation)
    nota_review(actor=UserFactory(roles=[Role.SECRETARY]), consultation=consultation, approve=True)
    with django_capture_on_commit_callbacks(execute=True):
        letter = final_letter_issue(actor=secretary, consultation=consultation)
    assert letter.deliveries.filter(addressee="raad").count() == 17
    assert letter.items.get().decision == decision


def test_search_has_a_public_consultation_and_not_a_hidden_one(secretary, region):
    from nhn_portal.core.models import SearchEntry

    hidden = open_one(secretary, AgendaItemFactory(meeting=MeetingFactory()))
    shown = open_one(secretary, AgendaItemFactory(meeting=MeetingFactory(published=True)))
    indexed = set(
        SearchEntry.objects.filter(kind="consultation").values_list("object_id", flat=True)
    )
    assert str(shown.pk) in {str(pk) for pk in indexed}
    assert str(hidden.pk) not in {str(pk) for pk in indexed}


def test_the_secretariat_list_warns_about_a_decision_without_consultation(client, secretary, draft):
    RulesOfPlay.objects.create(
        body=draft.meeting.body,
        version=1,
        status=RulesStatus.ADOPTED,
        adopted_on=datetime.date(2026, 1, 1),
        consultation_required=True,
    )
    decision_on(draft, datetime.datetime(2026, 2, 1, tzinfo=datetime.UTC))
    client.force_login(secretary)
    page = client.get(reverse("consultaties:list")).content.decode()
    assert "vragen deze besluiten een consultatie" in page and draft.title in page


def test_the_secretariat_opens_one_on_the_form_after_the_recess_warning(
    client, secretary, draft, region, fake_render
):
    CouncilRecess.objects.create(
        municipality=region["Texel"],
        label="Zomerreces",
        starts_on=timezone.localdate(),
        ends_on=timezone.localdate() + datetime.timedelta(days=30),
    )
    client.force_login(secretary)
    data = {"agenda_item": draft.pk, "title": "Woonagenda", "question": "Wensen?"}
    warned = client.post(reverse("consultaties:create"), data)
    assert warned.status_code == 422 and "Zomerreces" in warned.content.decode()
    assert not draft.consultations.exists()
    opened = client.post(reverse("consultaties:create"), data | {"despite_recess": "1"})
    consultation = draft.consultations.get()
    assert opened["Location"] == consultation.get_absolute_url()
    assert consultation.responses.count() == 17 and consultation.letter is not None


def test_the_council_decision_is_uploaded_and_public_with_the_response(
    client, secretary, draft, region, media_root
):
    from tests.builders import pdf_upload

    consultation = open_one(secretary, draft)
    row = consultation.responses.get(municipality=region["Texel"])
    response_record(
        actor=griffie(region["Texel"]),
        response=row,
        version=row.version,
        outcome="responded",
        outcome_date=datetime.date(2026, 10, 1),
        text="Motie aangenomen.",
        stuk=pdf_upload("motie.pdf"),
    )
    row.refresh_from_db()
    assert row.stuk.name.endswith(".pdf")
    download = client.get(reverse("consultaties:public_stuk", args=[row.pk]))
    assert download.status_code in (200, 302)


def test_the_meeting_page_says_in_how_many_councils_it_was_dealt_with(
    client, secretary, draft, region
):
    consultation = open_one(secretary, draft)
    row = consultation.responses.get(municipality=region["Texel"])
    response_record(
        actor=griffie(region["Texel"]), response=row, version=row.version, outcome="no_wishes"
    )
    page = client.get(draft.meeting.get_absolute_url()).content.decode()
    assert "besproken in 1 van de 17 raden" in page
    assert reverse("consultaties:public_detail", args=[consultation.pk]) in page
