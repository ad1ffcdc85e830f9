"""The presentielijst: members register (attending, absent, a substitute of the
same organisation), the secretariat records who was there, a quorum rule and the majority
count only the seats present, the reminder goes once per member per meeting."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from gremia.constants import DecisionRule, MembershipRole
from nhn_portal.core.models import AuditRecord
from regiobureau.constants import DecisionOutcome, Presence, Registration
from regiobureau.models.attendance import Attendance
from regiobureau.models.meetings import Meeting
from regiobureau.selectors.attendance import (
    attendance_seats,
    attendance_summary,
    own_seats,
    quorum_reached,
)
from regiobureau.selectors.decisions import voting_members
from regiobureau.services.attendance import (
    attendance_record,
    attendance_register,
    attendance_remind,
)
from regiobureau.services.decisions import decision_record
from tests.builders import member_of
from tests.factories import (
    AgendaItemFactory,
    BodyFactory,
    MeetingFactory,
    MembershipFactory,
    PersonFactory,
)

pytestmark = pytest.mark.django_db


def seats_by_person(meeting):
    return {seat.person.pk: seat.membership for seat in attendance_seats(meeting)}


def record(secretary, meeting, presence: dict):
    """presence: {person: (state, substitute person or None)}"""
    seats = seats_by_person(meeting)
    attendance_record(
        actor=secretary,
        meeting=meeting,
        entries={
            seats[person.pk].pk: (state, substitute.pk if substitute else None)
            for person, (state, substitute) in presence.items()
        },
    )


def held_body_meeting(rule=DecisionRule.MAJORITY, members=4, quorum=False):
    body = BodyFactory(decision_rule=rule, quorum_required=quorum)
    meeting = MeetingFactory(body=body, held=True)
    item = AgendaItemFactory(meeting=meeting, title="Woondeal: versnellingsmiddelen")
    people = [MembershipFactory(body=body).person for _ in range(members)]
    return meeting, item, people


# ---- Registration by the member ---------------------------------------------------------


def test_member_registers_with_a_substitute_of_the_same_organisation(body):
    user = member_of(body)
    colleague = PersonFactory(name="Collega", organisation=user.person.organisation)
    meeting = MeetingFactory(body=body, published=True)
    seat = own_seats(user=user, meeting=meeting)[0]
    row = attendance_register(
        actor=user,
        meeting=meeting,
        membership=seat.membership,
        registration=Registration.SUBSTITUTE,
        substitute=colleague,
    )
    assert (row.registration, row.substitute) == (Registration.SUBSTITUTE, colleague)
    assert AuditRecord.objects.filter(verb="attendance_register", actor=user).exists()


def test_a_substitute_from_another_organisation_is_refused(body):
    user = member_of(body)
    stranger = PersonFactory(name="Van elders")
    meeting = MeetingFactory(body=body, published=True)
    seat = own_seats(user=user, meeting=meeting)[0]
    with pytest.raises(ValidationError) as error:
        attendance_register(
            actor=user,
            meeting=meeting,
            membership=seat.membership,
            registration=Registration.SUBSTITUTE,
            substitute=stranger,
        )
    assert "substitute" in error.value.message_dict
    assert not Attendance.objects.filter(registration=Registration.SUBSTITUTE).exists()


def test_registration_page_saves_and_refuses_a_foreign_substitute(client, body):
    user = member_of(body)
    stranger = PersonFactory(name="Van elders")
    meeting = MeetingFactory(body=body, published=True)
    client.force_login(user)
    url = reverse("regiobureau:attendance_register", args=[meeting.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"registration": "vervanger", "substitute": stranger.pk})
    assert response.status_code == 422
    assert not Attendance.objects.exists()
    response = client.post(url, {"registration": "afgemeld"})
    assert response.status_code == 302
    assert Attendance.objects.get().registration == Registration.ABSENT
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Wijzig uw aanmelding" in page or "Change your registration" in page


def test_registering_for_a_body_you_do_not_sit_on_is_404(client, body, outsider):
    meeting = MeetingFactory(body=body, published=True)
    client.force_login(outsider)
    url = reverse("regiobureau:attendance_register", args=[meeting.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, {"registration": "aanwezig"}).status_code == 404
    assert not Attendance.objects.exists()


# ---- The secretariat's record -----------------------------------------------------------


def test_secretariat_records_presence_with_a_substitute(secretary):
    meeting, _item, (a, b, c, d) = held_body_meeting()
    colleague = PersonFactory(organisation=b.organisation)
    record(
        secretary,
        meeting,
        {
            a: (Presence.PRESENT, None),
            b: (Presence.SUBSTITUTED, colleague),
            c: (Presence.ABSENT, None),
        },
    )
    summary = attendance_summary(meeting)
    assert summary.recorded and summary.total == 4
    assert {s.person for s in summary.present} == {a, b}
    assert [s.person for s in summary.absent] == [c]
    assert AuditRecord.objects.filter(verb="attendance_record", actor=secretary).exists()


def test_record_refuses_a_foreign_substitute_and_saves_nothing(secretary):
    meeting, _item, (a, b, _c, _d) = held_body_meeting()
    with pytest.raises(ValidationError) as error:
        record(
            secretary,
            meeting,
            {a: (Presence.PRESENT, None), b: (Presence.SUBSTITUTED, PersonFactory())},
        )
    assert b.name in str(error.value)
    assert not Attendance.objects.exists()


def test_attendance_screen_posts_every_seat(client, secretary):
    meeting, _item, (a, b, c, d) = held_body_meeting()
    seats = seats_by_person(meeting)
    client.force_login(secretary)
    url = reverse("regiobureau:attendance_record", args=[meeting.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert page["Cache-Control"].startswith("no-store") or "no-store" in page["Cache-Control"]
    data = {f"presence_{seats[p.pk].pk}": "aanwezig" for p in (a, b, c)}
    data[f"presence_{seats[d.pk].pk}"] = "afwezig"
    assert client.post(url, data).status_code == 302
    assert Attendance.objects.filter(presence=Presence.PRESENT).count() == 3
    detail = client.get(meeting.get_absolute_url()).content.decode()
    assert "3 van 4 zetels aanwezig" in detail or "3 of 4 seats present" in detail


def test_attendance_screen_is_for_the_secretariat_only(client, body):
    user = member_of(body)
    meeting = MeetingFactory(body=body, held=True)
    client.force_login(user)
    response = client.get(reverse("regiobureau:attendance_record", args=[meeting.pk]))
    assert response.status_code in (403, 404)


# ---- Quorum and majority ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("present", "total", "reached"),
    [(3, 4, True), (2, 4, False), (3, 5, True), (2, 5, False), (1, 1, True), (0, 0, False)],
)
def test_quorum_is_more_than_half_of_the_seats(present, total, reached):
    assert quorum_reached(present=present, total=total) is reached


def test_majority_counts_only_members_present_and_a_substitute_votes(secretary):
    meeting, item, (a, b, c, d) = held_body_meeting(quorum=True)
    colleague = PersonFactory(organisation=b.organisation)
    record(
        secretary,
        meeting,
        {
            a: (Presence.PRESENT, None),
            b: (Presence.SUBSTITUTED, colleague),
            c: (Presence.PRESENT, None),
            d: (Presence.ABSENT, None),
        },
    )
    with pytest.raises(ValidationError) as error:
        decision_record(actor=secretary, item=item, text="x", votes={a.pk: "voor", d.pk: "voor"})
    assert d.name in str(error.value)
    decision = decision_record(
        actor=secretary,
        item=item,
        text="Ingestemd.",
        votes={a.pk: "voor", b.pk: "voor", c.pk: "tegen"},
    )
    assert decision.outcome == DecisionOutcome.ADOPTED
    assert (decision.seats_present, decision.seats_total) == (3, 4)
    voters = voting_members(meeting)
    assert voters == sorted([a, b, c], key=lambda person: person.name)
    assert next(p for p in voters if p.pk == b.pk).stand_in == colleague


def test_no_quorum_is_recorded_as_geen_quorum_not_adopted(secretary):
    meeting, item, (a, b, c, d) = held_body_meeting(quorum=True)
    record(
        secretary,
        meeting,
        {
            a: (Presence.PRESENT, None),
            b: (Presence.PRESENT, None),
            c: (Presence.ABSENT, None),
            d: (Presence.ABSENT, None),
        },
    )
    decision = decision_record(
        actor=secretary, item=item, text="Voorstel", votes={a.pk: "voor", b.pk: "voor"}
    )
    assert decision.outcome == DecisionOutcome.NO_QUORUM
    assert decision.outcome_dutch == "geen quorum"
    assert not decision.votes.exists()
    # Postponing needs no quorum.
    postponed = decision_record(
        actor=secretary, item=item, text="Aangehouden", outcome=DecisionOutcome.POSTPONED
    )
    assert postponed.outcome == DecisionOutcome.POSTPONED


def test_a_quorum_body_records_attendance_before_decisions(secretary):
    _meeting, item, (a, _b, _c, _d) = held_body_meeting(quorum=True)
    with pytest.raises(ValidationError) as error:
        decision_record(actor=secretary, item=item, text="x", votes={a.pk: "voor"})
    assert error.value.code == "attendance_missing"


def test_no_quorum_cannot_be_chosen_by_hand(secretary):
    _meeting, item, _people = held_body_meeting(rule=DecisionRule.CONSENSUS)
    with pytest.raises(ValidationError):
        decision_record(actor=secretary, item=item, text="x", outcome=DecisionOutcome.NO_QUORUM)


def test_without_attendance_a_body_without_quorum_decides_as_before(secretary):
    _meeting, item, (a, b, c, _d) = held_body_meeting()
    decision = decision_record(
        actor=secretary, item=item, text="x", votes={a.pk: "voor", b.pk: "voor", c.pk: "tegen"}
    )
    assert decision.outcome == DecisionOutcome.ADOPTED
    assert decision.seats_total is None


def test_standing_substitute_role_has_no_seat():
    meeting, _item, _people = held_body_meeting(members=2)
    MembershipFactory(body=meeting.body, role=MembershipRole.SUBSTITUTE)
    MembershipFactory(body=meeting.body, role=MembershipRole.SECRETARY)
    assert len(attendance_seats(meeting)) == 2


# ---- Reminder ---------------------------------------------------------------------------


def test_reminder_goes_once_per_member_per_meeting_and_not_to_the_registered(body):
    registered = member_of(body)
    waiting = member_of(body)
    meeting = MeetingFactory(
        body=body,
        published=True,
        starts_at=timezone.make_aware(datetime.datetime(2027, 3, 11, 14, 0)),  # noqa: DTZ001 -- Thursday
    )
    attendance_register(
        actor=registered,
        meeting=meeting,
        membership=seats_by_person(meeting)[registered.person.pk],
        registration=Registration.ATTENDING,
    )
    too_early = datetime.date(2027, 3, 4)
    assert attendance_remind(today=too_early) == 0
    day = datetime.date(2027, 3, 8)  # Monday: three working days before
    assert attendance_remind(today=day) == 1
    assert mail.outbox[-1].to == [waiting.email]
    assert attendance_remind(today=day) == 0
    assert attendance_remind(today=datetime.date(2027, 3, 9)) == 0
    assert len(mail.outbox) == 1


def test_registration_closes_once_the_meeting_was_held(body):
    user = member_of(body)
    meeting = MeetingFactory(body=body, held=True)
    seat = own_seats(user=user, meeting=meeting)[0]
    with pytest.raises(ValidationError):
        attendance_register(
            actor=user,
            meeting=meeting,
            membership=seat.membership,
            registration=Registration.ATTENDING,
        )


# ---- Fixed query counts (pinned at 5 and 50 members) --------------------------------------


def attendance_screen_queries(client, secretary, members: int) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    meeting, _item, people = held_body_meeting(members=members)
    for person in people[::2]:
        PersonFactory(organisation=person.organisation)  # a colleague who could stand in
    seats = seats_by_person(meeting)
    attendance_record(
        actor=secretary,
        meeting=meeting,
        entries={seats[p.pk].pk: (Presence.PRESENT, None) for p in people[::3]},
    )
    client.force_login(secretary)
    url = reverse("regiobureau:attendance_record", args=[meeting.pk])
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


# Session, user, role groups, the meeting (+ body), the seats, the attendance rows, the
# substitute candidates, and the audit record of the read (savepoint, name, insert, release).
ATTENDANCE_SCREEN = 12


def test_attendance_screen_keeps_a_fixed_query_count(client, secretary):
    small = attendance_screen_queries(client, secretary, 5)
    large = attendance_screen_queries(client, secretary, 50)
    assert small == large == ATTENDANCE_SCREEN


# ---- The besluitenlijst PDF -------------------------------------------------------------


def pdf_text(secretary, meeting, audience) -> str:
    import io

    from pypdf import PdfReader

    from nhn_portal.core.constants import GenerationStatus
    from nhn_portal.core.production.services import (
        document_generation_request,
        document_generation_run,
    )

    job = document_generation_request(
        actor=secretary, subject=meeting, kind="besluitenlijst", audience=audience
    )
    job = document_generation_run(job_id=job.pk)
    assert job.status == GenerationStatus.DONE, job.failure_reason
    with job.document.file.open("rb") as file:
        reader = PdfReader(io.BytesIO(file.read()))
    return " ".join(" ".join(p.extract_text().split()) for p in reader.pages)


def test_besluitenlijst_shows_the_attendance(secretary):
    meeting, item, (a, b, c, d) = held_body_meeting(quorum=True)
    colleague = PersonFactory(name="Vera Vervanger", organisation=b.organisation)
    record(
        secretary,
        meeting,
        {
            a: (Presence.PRESENT, None),
            b: (Presence.SUBSTITUTED, colleague),
            c: (Presence.PRESENT, None),
            d: (Presence.ABSENT, None),
        },
    )
    decision_record(
        actor=secretary, item=item, text="Ingestemd.", votes={a.pk: "voor", b.pk: "voor"}
    )
    members = pdf_text(secretary, meeting, "leden")
    assert "Presentielijst" in members
    assert "vervangen door Vera Vervanger" in members
    assert "3 van 4 zetels" in members and "quorum bereikt" in members
    # A public meeting's public version shows it too (a closed meeting's never does).
    public = pdf_text(secretary, meeting, "openbaar")
    assert "Presentielijst" in public and "Vera Vervanger" in public


# ---- Demo ------------------------------------------------------------------------------


@pytest.mark.usefixtures("celery_eager")
def test_demo_previous_meeting_has_attendance_and_a_written_round_decision():
    import io

    from django.core.management import call_command

    from gremia.demo import load_demo
    from nhn_portal.core.seeding import LoadReport
    from regiobureau.demo.meetings import load_demo_meetings, load_demo_previous_meeting

    call_command("load_nhn", stdout=io.StringIO())
    load_demo(report=LoadReport())
    load_demo_meetings()
    from rounds.demo import load_demo_written_round

    meeting = load_demo_previous_meeting()
    load_demo_written_round()
    summary = attendance_summary(meeting)
    states = [seat.presence for seat in summary.seats]
    assert states.count(Presence.SUBSTITUTED) == 1
    assert states.count(Presence.ABSENT) == 1
    substituted = next(s for s in summary.seats if s.presence == Presence.SUBSTITUTED)
    assert substituted.substitute.organisation_id == substituted.membership.organisation_id
    decided = meeting.items.get(title__startswith="Woondeal NHN").decisions.get()
    assert decided.seats_present == summary.total - 1
    absent = next(s for s in summary.seats if s.presence == Presence.ABSENT)
    assert not decided.votes.filter(member=absent.person).exists()
    # After the meeting a decision was taken by written round; it closed once every seat had
    # answered and is recorded by the platform's next meeting, not by this earlier one
    # (a round is recorded by a meeting after it closed).
    from rounds.constants import ROUND_ITEM_TITLE
    from rounds.models import WrittenRound

    assert not meeting.items.filter(title=ROUND_ITEM_TITLE).exists()
    next_meeting = (
        Meeting.objects.filter(body=meeting.body, starts_at__gt=timezone.now())
        .order_by("starts_at")
        .first()
    )
    by_round = next_meeting.items.get(title=ROUND_ITEM_TITLE).decisions.get()
    assert by_round.outcome == DecisionOutcome.ADOPTED
    written_round = WrittenRound.objects.get(decision=by_round)
    assert written_round.votes.filter(choice="tegen").count() == 1
    assert written_round.closed_at < next_meeting.starts_at
    # Loading again changes nothing.
    assert load_demo_previous_meeting() == meeting
    load_demo_written_round()
    assert WrittenRound.objects.count() == 1
    assert Attendance.objects.filter(meeting=meeting).count() == summary.total
