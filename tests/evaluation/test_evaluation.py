"""The evaluation after each meeting: only those who sat at the table answer,
once, anonymously; the invitation goes once per member per meeting; the half-year summary
shows trends only, and nothing below five answers; its PDF goes on the stuurgroep's agenda."""

import datetime
import hashlib
import uuid

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone

from evaluation.models import (
    EvaluationAnswer,
    EvaluationInvitation,
    EvaluationReceipt,
    EvaluationSummary,
)
from evaluation.selectors import (
    EVALUATION_MIN_ANSWERS,
    EVALUATION_SUMMARY,
    _trend_points,
    evaluation_deadline,
    evaluation_half_year,
    evaluation_half_years,
    evaluations_open_for,
)
from evaluation.services import (
    evaluation_answer,
    evaluation_invite,
    evaluation_summary_place,
    evaluation_summary_request,
)
from nhn_portal.core.models import AuditRecord
from nhn_portal.core.production import services as production_services
from nhn_portal.core.production.selectors import generated_document_current
from regiobureau.constants import Confidentiality, MeetingStatus, Presence
from regiobureau.demo.meetings import demo_pdf
from regiobureau.selectors.attendance import attendance_seats
from regiobureau.services.attendance import attendance_record
from regiobureau.services.meetings import meeting_set_status
from tests.builders import member_of
from tests.factories import BodyFactory, MeetingFactory

pytestmark = pytest.mark.django_db

ANSWERS = [  # useful, heard, pace, remark
    (5, 4, "versnellen", "Goede voorbereiding"),
    (4, 3, "versnellen", ""),
    (4, 2, "verbreden", "Basisregio Kop kwam weinig aan bod"),
    (3, 4, "in_balans", ""),
    (5, 5, "versnellen", "Agenda te vol"),
    (3, 3, "verbreden", ""),
]


class ValidPdf:
    """A stand-in for WeasyPrint that returns a real (tiny) PDF, so it passes the stukken's
    upload check when the summary goes on an agenda; keeps the HTML for the assertions."""

    def __init__(self):
        self.html = ""

    def __call__(self, *, html):
        self.html = html
        pdf = demo_pdf("Evaluatie", "test")
        return type("Rendered", (), {"pdf": pdf, "sha256": hashlib.sha256(pdf).hexdigest(),
                                     "pages": 1})()  # fmt: skip


@pytest.fixture
def renderer(monkeypatch):
    render = ValidPdf()
    monkeypatch.setattr(production_services, "render_pdf_from_html", render)
    return render


@pytest.fixture
def table(secretary, body):
    """Seven seats of `body`; five members with a login present, one sending a substitute
    (with a login), one absent. Returns a factory of held meetings with that presence."""
    users = [member_of(body, person_name=f"Lid {n}") for n in range(6)]
    absent = member_of(body, person_name="Lid afwezig")
    substitute_user = member_of(BodyFactory(), person_name="Vervanger")
    substitute = substitute_user.person
    substitute.organisation = users[5].person.organisation
    substitute.save()

    def held(starts_at=None, **fields):
        if starts_at is None:  # a week ago
            starts_at = (timezone.now() - datetime.timedelta(days=7)).replace(microsecond=0)
        meeting = MeetingFactory(body=body, status=MeetingStatus.AGENDA_PUBLISHED, **fields)
        meeting.starts_at = starts_at
        meeting.ends_at = starts_at + datetime.timedelta(hours=2)
        meeting.documents_deadline = starts_at.date() - datetime.timedelta(days=14)
        meeting.save()
        seats = {s.person.pk: s.membership.pk for s in attendance_seats(meeting)}
        entries = {seats[u.person.pk]: (Presence.PRESENT, None) for u in users[:5]}
        entries[seats[users[5].person.pk]] = (Presence.SUBSTITUTED, substitute.pk)
        entries[seats[absent.person.pk]] = (Presence.ABSENT, None)
        attendance_record(actor=secretary, meeting=meeting, entries=entries)
        meeting_set_status(actor=secretary, meeting=meeting, status=MeetingStatus.HELD)
        meeting.refresh_from_db()
        return meeting

    respondents = [u for u in users[:5]] + [substitute_user]
    return {
        "held": held,
        "respondents": respondents,
        "substituted": users[5],
        "absent": absent,
    }


def answer(meeting, user, values, today=None):
    useful, heard, pace, remark = values
    return evaluation_answer(
        actor=user,
        meeting=meeting,
        person=user.person,
        useful=useful,
        heard=heard,
        pace=pace,
        remark=remark,
        today=today,
    )


def past_meeting(table, day: datetime.date):
    starts_at = timezone.make_aware(datetime.datetime.combine(day, datetime.time(14)))
    return table["held"](starts_at=starts_at)


@pytest.fixture
def summarise(secretary, renderer, celery_eager, django_capture_on_commit_callbacks):
    """Make a half year's summary PDF as the secretariat's button does (the job runs after
    the commit)."""

    def make(body, year, half):
        with django_capture_on_commit_callbacks(execute=True):
            return evaluation_summary_request(actor=secretary, body=body, year=year, half=half)

    return make


def answer_all(meeting, users, rows):
    day = timezone.localtime(meeting.starts_at).date() + datetime.timedelta(days=1)
    for user, values in zip(users, rows, strict=False):
        answer(meeting, user, values, today=day)


# ---- Answering -----------------------------------------------------------------------------


def test_a_member_present_answers_once_and_a_second_answer_is_refused(client, table):
    meeting = table["held"]()
    user = table["respondents"][0]
    client.force_login(user)
    url = reverse("evaluation:evaluation_form", kwargs={"pk": meeting.pk})
    form = {"useful": "4", "heard": "3", "pace": "verbreden", "remark": "Meer tijd voor Texel"}

    page = client.get(url)
    assert page.status_code == 200
    assert page["Cache-Control"].startswith("no-store") or "no-store" in page["Cache-Control"]
    assert client.post(url, form).status_code == 302
    again = client.post(url, {**form, "useful": "1"})

    assert again.status_code == 422
    assert "al beantwoord" in again.content.decode()
    assert EvaluationAnswer.objects.filter(meeting=meeting).count() == 1
    assert EvaluationAnswer.objects.get().useful == 4
    assert EvaluationReceipt.objects.filter(meeting=meeting, person=user.person).count() == 1
    with pytest.raises(ValidationError) as refused:
        answer(meeting, user, ANSWERS[0])
    assert refused.value.code == "already_answered"
    assert EvaluationAnswer.objects.count() == 1


def test_the_substitute_answers_in_the_members_place(client, table):
    meeting = table["held"]()
    substitute = table["respondents"][-1]
    answer(meeting, substitute, ANSWERS[0])
    assert EvaluationReceipt.objects.filter(person=substitute.person).exists()
    client.force_login(table["substituted"])
    url = reverse("evaluation:evaluation_form", kwargs={"pk": meeting.pk})
    assert client.get(url).status_code == 404


def test_anyone_who_was_not_at_the_table_gets_404_and_records_nothing(
    client, table, secretary, outsider
):
    meeting = table["held"]()
    url = reverse("evaluation:evaluation_form", kwargs={"pk": meeting.pk})
    form = {"useful": "1", "heard": "1", "pace": "versnellen"}
    for user in (table["absent"], table["substituted"], outsider, secretary):
        client.force_login(user)
        assert client.get(url).status_code == 404
        assert client.post(url, form).status_code == 404
    with pytest.raises(ValidationError) as refused:
        answer(meeting, table["absent"], ANSWERS[0])
    assert refused.value.code == "not_present"
    assert not EvaluationAnswer.objects.exists()
    assert not EvaluationReceipt.objects.exists()


def test_no_evaluation_before_the_meeting_is_held_or_after_the_term(client, table, body):
    user = table["respondents"][0]
    published = MeetingFactory(body=body, published=True)
    client.force_login(user)
    url = reverse("evaluation:evaluation_form", kwargs={"pk": published.pk})
    assert client.get(url).status_code == 404

    meeting = table["held"]()
    late = evaluation_deadline(meeting) + datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as refused:
        answer(meeting, user, ANSWERS[0], today=late)
    assert refused.value.code == "closed"
    assert not EvaluationAnswer.objects.exists()


def test_bad_values_are_refused_by_the_form(client, table):
    meeting = table["held"]()
    client.force_login(table["respondents"][0])
    url = reverse("evaluation:evaluation_form", kwargs={"pk": meeting.pk})
    response = client.post(url, {"useful": "9", "heard": "", "pace": "sneller"})
    assert response.status_code == 422
    assert not EvaluationAnswer.objects.exists()
    assert not EvaluationReceipt.objects.exists()


# ---- Anonymity ------------------------------------------------------------------------------


def test_nothing_in_the_database_leads_from_an_answer_to_a_person(table):
    meeting = table["held"]()
    users = table["respondents"]
    for user, values in zip(users, ANSWERS, strict=True):
        answer(meeting, user, values)

    # The answer knows its meeting and its content, and nothing else: no person, no user, no
    # time, no sequence number.
    fields = {f.name: f for f in EvaluationAnswer._meta.get_fields() if f.concrete}
    assert set(fields) == {"id", "meeting", "useful", "heard", "pace", "remark"}
    assert isinstance(fields["id"], models.UUIDField)
    relations = [f.related_model._meta.label for f in fields.values() if f.is_relation]
    assert relations == ["regiobureau.Meeting"]
    # The receipt knows who answered, not what: no link to the answer, no time.
    receipt_fields = {f.name for f in EvaluationReceipt._meta.get_fields() if f.concrete}
    assert receipt_fields == {"id", "meeting", "person"}
    assert not any(
        f.is_relation and f.related_model is EvaluationReceipt
        for f in EvaluationAnswer._meta.get_fields()
    )
    assert all(isinstance(a.pk, uuid.UUID) for a in EvaluationAnswer.objects.all())
    # The audit trail says who answered the evaluation of which meeting, never what.
    records = AuditRecord.objects.filter(verb="evaluation_answer")
    assert records.count() == len(users)
    answer_ids = {str(pk) for pk in EvaluationAnswer.objects.values_list("pk", flat=True)}
    for record in records:
        text = f"{record.object_id} {record.object_repr} {record.changes}"
        assert not any(answer_id in text for answer_id in answer_ids)
        assert "Basisregio Kop" not in text and "useful" not in text
    assert not AuditRecord.objects.filter(content_type__model="evaluationanswer").exists()


# ---- Invitation -----------------------------------------------------------------------------


def test_the_invitation_goes_once_per_member_per_meeting(table):
    meeting = table["held"]()
    answer(meeting, table["respondents"][0], ANSWERS[0])
    mail.outbox.clear()

    sent = evaluation_invite()

    assert sent == len(table["respondents"]) - 1  # the one who answered already is skipped
    addresses = {message.to[0] for message in mail.outbox}
    assert table["respondents"][1].email in addresses
    assert table["absent"].email not in addresses
    assert table["substituted"].email not in addresses
    link = reverse("evaluation:evaluation_form", kwargs={"pk": meeting.pk})
    assert link in mail.outbox[0].body
    assert evaluation_invite() == 0
    assert EvaluationInvitation.objects.filter(meeting=meeting).count() == len(table["respondents"])


def test_the_beat_task_calls_the_invitation(table):
    from evaluation import tasks

    table["held"]()
    assert tasks.evaluation_invitations.run() == len(table["respondents"])


# ---- The half-year figures ------------------------------------------------------------------


def test_fewer_than_five_answers_show_no_figures(table, body):
    meeting = past_meeting(table, datetime.date(2025, 3, 12))
    answer_all(meeting, table["respondents"], ANSWERS[:4])

    (figures,) = evaluation_half_years(body=body)

    assert (figures.year, figures.half, figures.answers) == (2025, 1, 4)
    assert figures.complete and not figures.enough and not figures.show_figures
    assert figures.useful is None and figures.points == [] and figures.pace == []


def test_a_running_half_year_shows_no_figures_yet(table, body):
    meeting = table["held"]()
    for user, values in zip(table["respondents"], ANSWERS, strict=True):
        answer(meeting, user, values)
    figures = evaluation_half_years(body=body)[0]
    assert figures.enough and not figures.complete and not figures.show_figures
    assert figures.useful is None


def test_the_summary_figures_per_question_and_the_trend(table, body):
    first = past_meeting(table, datetime.date(2025, 2, 5))
    second = past_meeting(table, datetime.date(2025, 5, 14))
    answer_all(first, table["respondents"], ANSWERS[:5])
    answer_all(second, table["respondents"], ANSWERS[3:6])

    figures = evaluation_half_year(body=body, year=2025, half=1, with_remarks=True)

    assert figures.answers == 8 and figures.show_figures
    useful = [5, 4, 4, 3, 5, 3, 5, 3]
    heard = [4, 3, 2, 4, 5, 4, 5, 3]
    assert figures.useful == round(sum(useful) / 8, 1)
    assert figures.heard == round(sum(heard) / 8, 1)
    # The second meeting's three answers are too few for a point of their own.
    (point,) = figures.points
    assert [m.pk for m in point.meetings] == [first.pk, second.pk]
    assert point.answers == 8
    pace = {share.pace: (share.count, share.percent) for share in figures.pace}
    assert pace == {"versnellen": (4, 50), "in_balans": (2, 25), "verbreden": (2, 25)}
    # Remarks: sorted, without their meeting.
    assert figures.remarks == [
        "Agenda te vol",
        "Agenda te vol",
        "Basisregio Kop kwam weinig aan bod",
        "Goede voorbereiding",
    ]


def test_trend_points_hold_at_least_five_answers_each():
    meetings = [type("M", (), {"pk": n})() for n in range(4)]
    row = {"useful": 4, "heard": 2}
    answers = {0: [row] * 5, 1: [row] * 2, 2: [row] * 3, 3: [row] * 1}
    points = _trend_points(meetings, answers)
    assert [[m.pk for m in p.meetings] for p in points] == [[0], [1, 2, 3]]
    assert [p.answers for p in points] == [5, 6]
    assert all(p.answers >= EVALUATION_MIN_ANSWERS for p in points)


# ---- The summary PDF and the stuurgroep's agenda ---------------------------------------------


@pytest.fixture
def steering_meeting(db):
    stuurgroep = BodyFactory(name="Publieke stuurgroep test", steering_group=True)
    return MeetingFactory(body=stuurgroep, planned=True)


def test_the_summary_pdf_shows_trends_and_no_individual_answer(
    table, body, secretary, renderer, summarise
):
    meeting = past_meeting(table, datetime.date(2025, 9, 17))
    answer_all(meeting, table["respondents"], ANSWERS)

    summary = summarise(body, 2025, 2)

    document = generated_document_current(
        subject=summary, kind=EVALUATION_SUMMARY, audience="2025-h2"
    )
    assert document is not None and document.confidential
    html = renderer.html
    assert "Evaluatie vergaderingen" in html and body.name in html
    assert "Tweede halfjaar 2025" in html
    assert "4,0" in html  # useful: (5+4+4+3+5+3)/6
    assert "3,5" in html  # heard: (4+3+2+4+5+3)/6
    assert "Versnellen" in html and "50%" in html
    for _useful, _heard, _pace, remark in ANSWERS:
        if remark:
            assert remark not in html  # remarks are individual: never in the PDF


def test_the_summary_pdf_below_five_says_so(table, body, renderer, summarise):
    meeting = past_meeting(table, datetime.date(2025, 9, 17))
    answer_all(meeting, table["respondents"], ANSWERS[:3])
    summarise(body, 2025, 2)
    assert "Te weinig antwoorden" in renderer.html
    assert "Gemiddelden" not in renderer.html


def test_no_summary_of_a_running_half_year(table, body, secretary):
    today = timezone.localdate()
    year, half = (today.year, 1 if today.month <= 6 else 2)
    with pytest.raises(ValidationError) as refused:
        evaluation_summary_request(actor=secretary, body=body, year=year, half=half)
    assert refused.value.code == "half_year_running"
    assert not EvaluationSummary.objects.exists()


def test_the_summary_goes_on_the_stuurgroeps_next_agenda_once(
    table, body, secretary, renderer, summarise, steering_meeting
):
    meeting = past_meeting(table, datetime.date(2025, 9, 17))
    answer_all(meeting, table["respondents"], ANSWERS)
    summary = summarise(body, 2025, 2)

    item = evaluation_summary_place(actor=secretary, summary=summary)

    assert item.meeting == steering_meeting
    assert item.title == f"Evaluatie vergaderingen {body.name}, tweede halfjaar 2025"
    (stuk,) = item.documents.all()
    assert stuk.confidentiality == Confidentiality.CONFIDENTIAL
    assert stuk.current_version.content_type == "application/pdf"
    summary.refresh_from_db()
    assert summary.agenda_item == item
    assert AuditRecord.objects.filter(verb="evaluation_summary_place").exists()
    with pytest.raises(ValidationError) as refused:
        evaluation_summary_place(actor=secretary, summary=summary)
    assert refused.value.code == "already_placed"
    assert steering_meeting.items.filter(title=item.title).count() == 1


def test_placing_needs_the_pdf_and_a_next_stuurgroep_meeting(table, body, secretary):
    summary = EvaluationSummary.objects.create(body=body, year=2025, half=1)
    with pytest.raises(ValidationError) as refused:
        evaluation_summary_place(actor=secretary, summary=summary)
    assert refused.value.code == "no_pdf"


# ---- Pages -----------------------------------------------------------------------------------


def test_the_secretariats_page_and_actions(
    client, table, body, secretary, renderer, celery_eager, steering_meeting,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    meeting = past_meeting(table, datetime.date(2025, 9, 17))
    answer_all(meeting, table["respondents"], ANSWERS)
    client.force_login(secretary)
    page_url = reverse("evaluation:evaluation_body", kwargs={"slug": body.slug})
    kwargs = {"slug": body.slug, "period": "2025-h2"}

    page = client.get(page_url)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Tweede halfjaar 2025" in html and "4,0" in html
    assert "Agenda te vol" in html
    with django_capture_on_commit_callbacks(execute=True):
        made = client.post(reverse("evaluation:evaluation_summary_request", kwargs=kwargs))
    assert made.status_code == 302
    assert "Zet op de agenda van de stuurgroep" in client.get(page_url).content.decode()
    placed = client.post(reverse("evaluation:evaluation_summary_place", kwargs=kwargs))
    assert placed.status_code == 302
    assert steering_meeting.items.filter(title__startswith="Evaluatie vergaderingen").exists()
    download = client.get(reverse("evaluation:evaluation_summary_download", kwargs=kwargs))
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"


def test_who_reads_the_summary_pdf(client, table, body, summarise,
                                   steering_meeting, outsider):  # fmt: skip
    meeting = past_meeting(table, datetime.date(2025, 9, 17))
    answer_all(meeting, table["respondents"], ANSWERS)
    summarise(body, 2025, 2)
    url = reverse(
        "evaluation:evaluation_summary_download", kwargs={"slug": body.slug, "period": "2025-h2"}
    )
    stuurgroep_member = member_of(steering_meeting.body)
    for user, status in [
        (table["respondents"][0], 200),
        (stuurgroep_member, 200),
        (outsider, 404),
    ]:
        client.force_login(user)
        assert client.get(url).status_code == status
    client.logout()
    assert client.get(url).status_code == 302  # to the login


def test_only_the_secretariat_sees_a_bodys_evaluation_page(client, table, body):
    client.force_login(table["respondents"][0])
    url = reverse("evaluation:evaluation_body", kwargs={"slug": body.slug})
    assert client.get(url).status_code == 404


def test_the_index_lists_what_the_member_still_has_to_evaluate(client, table):
    meeting = table["held"]()
    other = table["held"](starts_at=(timezone.now() - datetime.timedelta(days=3)).replace(
        microsecond=0))  # fmt: skip
    user = table["respondents"][1]
    answer(other, user, ANSWERS[0])
    client.force_login(user)

    page = client.get(reverse("evaluation:evaluation_index"))

    html = page.content.decode()
    assert reverse("evaluation:evaluation_form", kwargs={"pk": meeting.pk}) in html
    assert reverse("evaluation:evaluation_form", kwargs={"pk": other.pk}) not in html
    assert 'href="/vergaderingen/evaluatie/"' in html  # the navigation entry
    assert [m.pk for m in evaluations_open_for(user=user)] == [meeting.pk]


# ---- Demo ------------------------------------------------------------------------------------


def test_the_demo_has_a_half_year_summary_on_the_stuurgroeps_agenda(nhn_demo, renderer, settings):
    import io

    from django.core.management import call_command

    settings.DEBUG = True  # the demo is loaded (again, below) only with DEBUG on

    summary = EvaluationSummary.objects.select_related("body", "agenda_item__meeting__body").get()
    figures = evaluation_half_year(body=summary.body, year=summary.year, half=summary.half)
    assert figures.answers >= EVALUATION_MIN_ANSWERS and figures.show_figures
    assert summary.agenda_item.meeting.body.kind == "stuurgroep"
    assert summary.agenda_item.meeting.starts_at > timezone.now()
    assert summary.agenda_item.documents.get().confidentiality == Confidentiality.CONFIDENTIAL
    answers = EvaluationAnswer.objects.count()
    call_command("load_nhn", "--demo", stdout=io.StringIO())
    assert EvaluationAnswer.objects.count() == answers
    assert EvaluationSummary.objects.count() == 1


# ---- Query counts ----------------------------------------------------------------------------


def _body_page_queries(client, secretary, body) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(secretary)
    url = reverse("evaluation:evaluation_body", kwargs={"slug": body.slug})
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_body_page_costs_the_same_for_few_and_many_meetings(client, table, body, secretary):
    first = past_meeting(table, datetime.date(2025, 2, 5))
    answer_all(first, table["respondents"], ANSWERS)
    few = _body_page_queries(client, secretary, body)
    for day in (datetime.date(2025, 3, 5), datetime.date(2025, 9, 3), datetime.date(2025, 10, 1)):
        answer_all(past_meeting(table, day), table["respondents"], ANSWERS)
    assert _body_page_queries(client, secretary, body) == few
