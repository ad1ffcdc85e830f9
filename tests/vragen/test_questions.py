"""Questions from council members: who may ask for which council, the personal link, the
answer date in working days, the four-eyes review, the mail, public visibility and the
secretariat's overdue line."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from nhn_portal.core.constants import Role
from nhn_portal.core.portal import todo_lines
from raden.models.gatherings import GatheringRegistration
from tests.builders import griffie, make_gathering
from tests.factories import UserFactory
from vragen.constants import QuestionStatus
from vragen.models import CouncilQuestion
from vragen.selectors import public_questions
from vragen.services import (
    answer_due_for,
    question_answer,
    question_answer_send,
    question_ask,
    question_review,
    question_token,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def texel_clerk(region):
    return griffie(region["Texel"])


@pytest.fixture
def second_secretary(db):
    return UserFactory(roles=[Role.SECRETARY])


def ask(actor, town, **fields):
    values = {"asker_name": "Anna de Vries", "subject": "Woningbouw", "question": "Hoeveel?"}
    return question_ask(actor=actor, municipality=town, **{**values, **fields})


def registration(secretary, town, *, name="Piet Bakker", email="piet@example.org"):
    gathering = make_gathering(secretary=secretary)
    return GatheringRegistration.objects.create(
        gathering=gathering,
        name=name,
        email=email,
        municipality=town,
        registered_at=timezone.now(),
    )


def test_the_answer_date_is_ten_working_days_later_skipping_weekends_and_holidays():
    # Friday 18 December 2026: Christmas (25, 26) and New Year (1 January) do not count.
    assert answer_due_for(datetime.date(2026, 12, 18)) == datetime.date(2027, 1, 5)
    # Monday 2 November 2026: two plain weeks.
    assert answer_due_for(datetime.date(2026, 11, 2)) == datetime.date(2026, 11, 16)


def test_a_question_gets_its_answer_date_and_an_audit_record(texel_clerk, region):
    question = ask(texel_clerk, region["Texel"], today=datetime.date(2026, 11, 2))
    assert question.answer_due == datetime.date(2026, 11, 16)
    assert question.status == QuestionStatus.ASKED
    assert question.asked_by == texel_clerk


def test_a_griffie_cannot_ask_for_another_council(texel_clerk, region):
    with pytest.raises(ValidationError):
        ask(texel_clerk, region["Hoorn"])
    assert not CouncilQuestion.objects.exists()


def test_a_griffie_sees_only_her_own_councils_questions(client, texel_clerk, region, secretary):
    own = ask(texel_clerk, region["Texel"], subject="Vraag van Texel")
    other = ask(secretary, region["Hoorn"], subject="Vraag van Hoorn")
    client.force_login(texel_clerk)
    page = client.get(reverse("vragen:question_list"))
    assert "Vraag van Texel" in page.content.decode()
    assert "Vraag van Hoorn" not in page.content.decode()
    assert client.get(own.get_absolute_url()).status_code == 200
    assert client.get(other.get_absolute_url()).status_code == 404


def test_the_griffie_form_records_the_question_for_her_council(client, texel_clerk, region):
    client.force_login(texel_clerk)
    response = client.post(
        reverse("vragen:question_create"),
        {"asker_name": "Anna", "subject": "Bereikbaarheid", "question": "Wanneer?"},
    )
    question = CouncilQuestion.objects.get()
    assert response.status_code == 302
    assert question.municipality == region["Texel"]


def test_the_personal_link_records_the_question_for_its_member_only(client, secretary, region):
    piet = registration(secretary, region["Den Helder"])
    url = reverse("vragen:question_link", kwargs={"token": question_token(registration=piet)})
    page = client.get(url)
    assert page.status_code == 200
    assert "Piet Bakker" in page.content.decode()
    response = client.post(url, {"subject": "Zorg", "question": "Hoe staat het ervoor?"})
    assert response.status_code == 200
    question = CouncilQuestion.objects.get()
    assert question.registration == piet
    assert question.municipality == region["Den Helder"]
    assert (question.asker_name, question.asker_email) == ("Piet Bakker", "piet@example.org")
    assert question.asked_by is None


def test_an_altered_personal_link_is_refused(client, secretary, region):
    piet = registration(secretary, region["Den Helder"])
    token = question_token(registration=piet)
    value, _, signature = token.partition(":")
    forged = f"{piet.pk + 1}:{signature}"
    response = client.post(
        reverse("vragen:question_link", kwargs={"token": forged}),
        {"subject": "Zorg", "question": "Hoe?"},
    )
    assert response.status_code == 403
    assert not CouncilQuestion.objects.exists()


def test_the_answer_is_reviewed_by_someone_else_and_then_sent(
    secretary, second_secretary, texel_clerk, region
):
    question = ask(texel_clerk, region["Texel"])
    question_answer(actor=secretary, question=question, answer="Het zijn er 1200.")
    question.refresh_from_db()
    assert question.status == QuestionStatus.DRAFTED
    with pytest.raises(ValidationError) as refused:
        question_review(actor=secretary, question=question)
    assert refused.value.code == "four_eyes"
    question_review(actor=second_secretary, question=question)
    question.refresh_from_db()
    assert question.status == QuestionStatus.SENT
    assert question.reviewed_by == second_secretary
    assert question.sent_at is not None


def test_a_griffie_cannot_answer_or_review(texel_clerk, region):
    question = ask(texel_clerk, region["Texel"])
    with pytest.raises(ValidationError):
        question_answer(actor=texel_clerk, question=question, answer="Zelf beantwoord")


def test_the_answer_goes_to_the_member_and_to_every_griffie(
    mailoutbox, secretary, second_secretary, texel_clerk, region
):
    hoorn_clerk = griffie(region["Hoorn"])
    question = ask(texel_clerk, region["Texel"], asker_email="anna@example.org")
    question_answer(actor=secretary, question=question, answer="Antwoord.")
    question_review(actor=second_secretary, question=question)
    assert question_answer_send(question_id=question.pk) == 3
    recipients = {message.to[0] for message in mailoutbox}
    assert recipients == {"anna@example.org", texel_clerk.email, hoorn_clerk.email}


def test_only_sent_answers_without_a_reason_to_close_are_public(
    client, secretary, second_secretary, texel_clerk, region
):
    open_question = ask(texel_clerk, region["Texel"], subject="Nog open")
    closed = ask(texel_clerk, region["Texel"], subject="Gesloten")
    public = ask(texel_clerk, region["Texel"], subject="Openbaar")
    question_answer(
        actor=secretary, question=closed, answer="Geheim.", closed_reason="Bedrijfsgegevens"
    )
    question_answer(actor=secretary, question=public, answer="Openbaar antwoord.")
    question_review(actor=second_secretary, question=closed)
    question_review(actor=second_secretary, question=public)
    assert list(public_questions()) == [public]
    listing = client.get(reverse("vragen:public_list")).content.decode()
    assert "Openbaar" in listing
    assert "Gesloten" not in listing and "Nog open" not in listing
    assert client.get(reverse("vragen:public_detail", args=[public.pk])).status_code == 200
    assert client.get(reverse("vragen:public_detail", args=[closed.pk])).status_code == 404
    assert client.get(reverse("vragen:public_detail", args=[open_question.pk])).status_code == 404


def test_an_overdue_question_is_on_the_secretariats_list_only(secretary, texel_clerk, region):
    overdue = ask(texel_clerk, region["Texel"], subject="Te laat", today=datetime.date(2026, 1, 5))
    ask(texel_clerk, region["Texel"], subject="Op tijd")
    lines = [line for line in todo_lines(secretary) if line.url == overdue.get_absolute_url()]
    assert len(lines) == 1
    assert "Te laat" in str(lines[0].text)
    assert not any("Op tijd" in str(line.text) for line in todo_lines(secretary))
    assert not any(line.url == overdue.get_absolute_url() for line in todo_lines(texel_clerk))


def test_the_secretariat_routes_answers_and_a_second_person_sends_through_the_pages(
    client, secretary, second_secretary, texel_clerk, region
):
    question = ask(texel_clerk, region["Texel"])
    client.force_login(secretary)
    page = client.get(question.get_absolute_url())
    assert page.status_code == 200 and "Toewijzen" in page.content.decode()
    client.post(reverse("vragen:question_assign", args=[question.pk]), {"assignee": secretary.pk})
    client.post(
        reverse("vragen:question_answer", args=[question.pk]),
        {"answer": "Het antwoord.", "closed_reason": ""},
    )
    question.refresh_from_db()
    assert (question.assignee, question.status) == (secretary, QuestionStatus.DRAFTED)
    # The author cannot approve her own answer; the page does not offer it either.
    assert "Goedkeuren en versturen" not in client.get(question.get_absolute_url()).content.decode()
    client.post(reverse("vragen:question_review", args=[question.pk]))
    question.refresh_from_db()
    assert question.status == QuestionStatus.DRAFTED
    client.force_login(second_secretary)
    client.post(reverse("vragen:question_review", args=[question.pk]))
    question.refresh_from_db()
    assert question.status == QuestionStatus.SENT


@pytest.mark.usefixtures("celery_eager")
def test_a_griffie_sends_question_links_only_to_her_own_councils_members(
    client, secretary, texel_clerk, region, mailoutbox, django_capture_on_commit_callbacks
):
    own = registration(secretary, region["Texel"], name="Anna", email="anna@example.org")
    other = GatheringRegistration.objects.create(
        gathering=own.gathering,
        name="Kees",
        email="kees@example.org",
        municipality=region["Hoorn"],
        registered_at=timezone.now(),
    )
    client.force_login(texel_clerk)
    page = client.get(reverse("vragen:question_list")).content.decode()
    assert "Anna" in page and "Kees" not in page
    refused = client.post(reverse("vragen:question_link_send", args=[other.pk]))
    assert refused.status_code == 404
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("vragen:question_link_send", args=[own.pk]))
    assert [message.to for message in mailoutbox] == [["anna@example.org"]]
    assert "/vragen/stel/" in mailoutbox[0].body
