"""The demo's evaluation: a held stuurgroep meeting in the last complete half
year, evaluated by six of the members present, its half-year summary made as a PDF and put on
the stuurgroep's coming demo meeting. Idempotent: once the meeting exists nothing is done."""

import datetime

from django.utils import timezone

from evaluation.models import EvaluationSummary
from evaluation.selectors import (
    EVALUATION_SUMMARY,
    evaluation_respondents,
    half_year_bounds,
    half_year_complete_on,
    half_year_of,
    next_steering_group_meeting,
)
from evaluation.services import (
    evaluation_answer,
    evaluation_summary_place,
    evaluation_summary_request,
)
from gremia.models.registry import Body
from gremia.reference import STEERING_GROUP
from nhn_portal.core.models import User
from nhn_portal.core.production.selectors import generated_document_current, production_entries
from nhn_portal.core.production.services import document_generation_run
from nhn_portal.core.seeding import LoadReport
from regiobureau.constants import MeetingStatus, Presence
from regiobureau.demo.agendas import SECRETARY_EMAIL, Item
from regiobureau.demo.meetings import demo_meeting_create, ensure_dossiers
from regiobureau.models.meetings import Meeting
from regiobureau.selectors.attendance import attendance_seats
from regiobureau.services.attendance import attendance_record
from regiobureau.services.meetings import meeting_set_status

EVALUATED_MEETING_TITLE = "Stuurgroep, vorig halfjaar (demo)"
EVALUATED_AGENDA = [
    Item("Woondeal NHN: voortgang", dossier="woondeal-nhn"),
    Item("Balans versnellen en verbreden: gesprek"),
]
# (useful, heard, pace, remark): trends the summary shows, remarks only the secretariat reads.
DEMO_ANSWERS = [
    (4, 3, "versnellen", "Graag eerder de stukken."),
    (5, 4, "versnellen", ""),
    (4, 2, "verbreden", "De Kop van Noord-Holland kwam weinig aan het woord."),
    (3, 3, "in_balans", ""),
    (4, 4, "verbreden", "Meer tijd voor de rondvraag."),
    (5, 4, "in_balans", ""),
]


def last_complete_half_year(today: datetime.date) -> tuple[int, int]:
    year, half = half_year_of(today)
    while half_year_complete_on(year, half) > today:
        year, half = (year, 1) if half == 2 else (year - 1, 2)
    return year, half


def load_demo_evaluation(*, report: LoadReport | None = None) -> EvaluationSummary | None:
    body = Body.objects.filter(slug=STEERING_GROUP).first()
    if body is None or body.is_dissolved():
        return None
    if Meeting.objects.filter(title=EVALUATED_MEETING_TITLE).exists():
        if report is not None:
            report.count("evaluaties (demo)", created=False)
        return None
    actor = User.objects.filter(email=SECRETARY_EMAIL).first()
    today = timezone.localdate()
    year, half = last_complete_half_year(today)
    day = half_year_bounds(year, half)[1] - datetime.timedelta(days=20)
    meeting = demo_meeting_create(
        actor,
        body,
        (day - today).days,
        True,
        EVALUATED_AGENDA,
        ensure_dossiers(actor),
        title=EVALUATED_MEETING_TITLE,
    )
    meeting_set_status(actor=actor, meeting=meeting, status=MeetingStatus.HELD)
    seats = attendance_seats(meeting)
    entries = {seat.membership.pk: (Presence.PRESENT, None) for seat in seats}
    if len(seats) > len(DEMO_ANSWERS):
        entries[seats[-1].membership.pk] = (Presence.ABSENT, None)
    attendance_record(actor=actor, meeting=meeting, entries=entries)
    answered_on = timezone.localtime(meeting.starts_at).date() + datetime.timedelta(days=1)
    for person, (useful, heard, pace, remark) in zip(
        evaluation_respondents(meeting), DEMO_ANSWERS, strict=False
    ):
        evaluation_answer(
            actor=person.user,
            meeting=meeting,
            person=person,
            useful=useful,
            heard=heard,
            pace=pace,
            remark=remark,
            today=answered_on,
        )
    summary = evaluation_summary_request(actor=actor, body=body, year=year, half=half)
    # load_nhn runs in one transaction, so the job would wait for its end: make the PDF now
    # (the job's run is idempotent; the queued message later finds it done).
    for entry in production_entries(subject=summary):
        if entry.is_pending:
            document_generation_run(job_id=entry.job.pk)
    if (
        generated_document_current(
            subject=summary, kind=EVALUATION_SUMMARY, audience=summary.period
        )
        and next_steering_group_meeting()
    ):
        evaluation_summary_place(actor=actor, summary=summary)
    if report is not None:
        report.count("evaluaties (demo)", created=True)
    return summary
