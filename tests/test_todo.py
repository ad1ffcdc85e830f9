"""The overview's to-do list (core.portal.todo_lines): what waits on each role, each line a
link to where the work is done, with its date and why it waits; soonest first; counted per
menu group for the menu's badges; a bounded number of queries per role."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from nhn_portal.core import portal
from nhn_portal.core.constants import GenerationStatus, Role
from nhn_portal.core.models import GenerationJob, LoginThrottle, User
from nhn_portal.core.portal import TodoLine, register_todo, todo_counts, todo_lines

pytestmark = pytest.mark.django_db

DEMO_ROLES = {
    "secretaris": "secretaris@example.org",
    "bestuurder": "bestuurder@example.org",
    "ambtenaar": "ambtenaar@example.org",
    "griffie": "griffie.texel@example.org",
    "beheerder": "beheer@example.org",
}


# ---- The registry ----------------------------------------------------------------------------


@pytest.fixture
def only_these_sources(monkeypatch):
    """The registry with only the sources the test registers."""
    monkeypatch.setattr(portal, "_TODO", {})


def test_lines_are_sorted_soonest_first_and_counted_per_group(only_these_sources):
    today = timezone.localdate()
    noon = timezone.make_aware(datetime.datetime.combine(today, datetime.time(12)))
    calls = []

    def source(user):
        calls.append(user)
        return [
            TodoLine("zonder datum", "/a/", None, "", "work"),
            TodoLine("vandaag 12 uur", "/b/", noon, "", "meetings"),
            TodoLine("morgen", "/c/", today + datetime.timedelta(days=1), "", "meetings"),
            TodoLine("vandaag", "/d/", today, "", "councils"),
        ]

    register_todo("test", source)
    register_todo("nobody", lambda user: [])
    user = User.objects.create_user(email="iemand@example.org", password="x")
    lines = todo_lines(user)
    assert [str(line.text) for line in lines] == [
        "vandaag",
        "vandaag 12 uur",
        "morgen",
        "zonder datum",
    ]
    assert todo_counts(user) == {"work": 1, "meetings": 2, "councils": 1}
    assert len(calls) == 1  # once per request (kept on the user object)
    # The menu of the next page reads the counts without a query.
    fresh = User.objects.get(pk=user.pk)
    assert portal.remembered_todo_counts(fresh) == {"work": 1, "meetings": 2, "councils": 1}


def test_a_write_makes_the_remembered_counts_stale(only_these_sources):
    """The menu's counts are cached per user, labelled with the to-do version: an audited
    service write bumps it, and no menu shows the old count."""
    from django.db import transaction

    from nhn_portal.core.audit import audit_record_create
    from nhn_portal.core.constants import AuditAction

    waiting = ["eerste"]
    register_todo("test", lambda user: [TodoLine(t, "/", None, "", "work") for t in waiting])
    user = User.objects.create_user(email="iemand@example.org", password="x")
    other = User.objects.create_user(email="ander@example.org", password="x")
    todo_lines(user)
    todo_lines(other)
    assert portal.remembered_todo_counts(User.objects.get(pk=user.pk)) == {"work": 1}

    waiting.append("tweede")  # what the lines depend on changes, through a service:
    with transaction.atomic():
        audit_record_create(actor=user, obj=user, action=AuditAction.UPDATE, verb="test")
    # Stale for every user, not only the writer: the next menu shows no old count ...
    assert portal.remembered_todo_counts(User.objects.get(pk=user.pk)) == {}
    assert portal.remembered_todo_counts(User.objects.get(pk=other.pk)) == {}
    # ... and the next overview computes and remembers the new one.
    todo_lines(User.objects.get(pk=other.pk))
    assert portal.remembered_todo_counts(User.objects.get(pk=other.pk)) == {"work": 2}


def test_the_lines_are_kept_until_a_write_the_next_day_or_a_minute(only_these_sources, monkeypatch):
    """The overview's lines are computed once and kept (issue 26): the next request of the
    same user reads them from the cache, until an audited write, the next day, or the
    minute is over (lines that change with the clock alone)."""
    from django.db import transaction

    from nhn_portal.core.audit import audit_record_create
    from nhn_portal.core.constants import AuditAction

    calls = []
    waiting = ["eerste"]

    def source(user):
        calls.append(user.pk)
        return [TodoLine(text, "/", None, "", "work") for text in waiting]

    register_todo("test", source)
    user = User.objects.create_user(email="iemand@example.org", password="x")
    other = User.objects.create_user(email="ander@example.org", password="x")

    def next_request(who):
        return [str(line.text) for line in todo_lines(User.objects.get(pk=who.pk))]

    assert next_request(user) == ["eerste"]
    waiting.append("tweede")  # (not through a service: nothing says it changed)
    assert next_request(user) == ["eerste"]
    assert calls == [user.pk]  # kept
    assert next_request(other) == ["eerste", "tweede"]  # per user

    with transaction.atomic():
        audit_record_create(actor=user, obj=user, action=AuditAction.UPDATE, verb="test")
    assert next_request(user) == ["eerste", "tweede"]

    waiting.append("derde")
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    monkeypatch.setattr(portal.timezone, "localdate", lambda: tomorrow)
    assert sorted(next_request(user)) == ["derde", "eerste", "tweede"]
    assert portal.TODO_LINES_SECONDS <= 60  # and at most a minute in any case


def test_a_rolled_back_write_errs_on_the_safe_side(only_these_sources):
    from django.db import transaction

    from nhn_portal.core.audit import audit_record_create
    from nhn_portal.core.constants import AuditAction

    register_todo("test", lambda user: [TodoLine("x", "/", None, "", "work")])
    user = User.objects.create_user(email="iemand@example.org", password="x")
    todo_lines(user)
    with pytest.raises(RuntimeError), transaction.atomic():
        audit_record_create(actor=user, obj=user, action=AuditAction.UPDATE, verb="test")
        raise RuntimeError("rolled back")
    # Forgotten (a recount on the next overview), never a count that is too old.
    assert portal.remembered_todo_counts(User.objects.get(pk=user.pk)) == {}


def test_a_visitor_has_no_lines(only_these_sources):
    from django.contrib.auth.models import AnonymousUser

    register_todo("test", lambda user: [TodoLine("x", "/", None, "", "work")])
    assert todo_lines(AnonymousUser()) == []
    assert todo_counts(AnonymousUser()) == {}


# ---- Each demo role: lines that lead somewhere, in a bounded number of queries ----------------


def overview_lines(client, email):
    client.force_login(User.objects.get(email=email))
    response = client.get(reverse("home"))
    assert response.status_code == 200
    return response.context["todo"], response


@pytest.mark.parametrize("role", DEMO_ROLES)
def test_every_demo_role_has_work_waiting_and_every_line_leads_there(
    client, nhn_demo, role, django_assert_max_num_queries
):
    email = DEMO_ROLES[role]
    client.force_login(User.objects.get(email=email))
    with django_assert_max_num_queries(QUERY_BUDGET[role]):
        response = client.get(reverse("home"))
    lines = response.context["todo"]
    # The demo's beheerder has nothing failed (test_the_beheerder_sees_what_failed).
    assert lines or role == "beheerder", f"nothing waits on the demo {role}"
    html = response.text
    for line in lines:
        assert line.url in html
        assert str(line.why)
        assert line.group in {"work", "meetings", "councils", "network", "management"}
        assert client.get(line.url).status_code == 200, (role, line)
    # The menu shows the counts of this overview, with a text for screen readers.
    counts = todo_counts(response.wsgi_request.user)
    for group, count in counts.items():
        assert f'id="nhn-count-{group}"' in html
        assert f'<span aria-hidden="true">{count}</span>' in html
    if lines:
        assert "taken wachten)" in html or "taak wacht)" in html
    else:
        assert "Er wacht nu niets op u." in html


def test_the_demo_lines_per_role(client, nhn_demo):
    """What the demo's roles are told (one consistent story)."""
    texts = {}
    for role, email in DEMO_ROLES.items():
        lines, _response = overview_lines(client, email)
        texts[role] = " | ".join(f"{line.text} ({line.why})" for line in lines)
    assert "Besluitenlijst van Platform Wonen" in texts["secretaris"]
    assert "vaststellen" in texts["secretaris"]
    assert "Vraag van Gemeente Schagen beantwoorden" in texts["secretaris"]
    assert "Stukken aanleveren voor" in texts["ambtenaar"]
    assert "namens Werkgroep Wonen" in texts["ambtenaar"]
    assert "Stukken lezen voor Werkgroep Wonen" in texts["ambtenaar"]
    assert "agendapunten gelezen" in texts["ambtenaar"]
    assert "Stukken lezen voor" in texts["bestuurder"]
    assert "Raadsbijeenkomst" in texts["griffie"]
    assert "Leg de reactie van uw raad op" in texts["griffie"]
    assert "Stel de reactienota op voor" in texts["secretaris"]
    assert texts["beheerder"] == ""


# The overview's queries per demo role (the frame, the panels and the to-do sources), pinned
# so a source that queries per row shows up here. Every role asks one query for the annotation
# reviews asked of it (a body's chair reviews too, whatever her role).
QUERY_BUDGET = {
    "secretaris": 26,  # + the reactienotas due and the overdue questions
    "bestuurder": 18,
    "ambtenaar": 20,
    "griffie": 21,  # + her council's open consultations
    "beheerder": 16,
}


# ---- The sources, one by one ---------------------------------------------------------------


def texts(user) -> list[str]:
    return [str(line.text) for line in todo_lines(user)]


def test_the_secretary_is_told_what_waits_in_the_meetings(secretary):
    from regiobureau.constants import AnnotationStatus, DecisionListStatus
    from regiobureau.models.decisions import DecisionList
    from tests.factories import (
        AgendaItemFactory,
        AnnotationFactory,
        BodyFactory,
        DocumentFactory,
        MeetingFactory,
    )

    body = BodyFactory(name="Platform Wonen")
    today = timezone.localdate()
    soon = MeetingFactory(
        body=body, planned=True, starts_at=timezone.now() + datetime.timedelta(days=10)
    )
    soon.documents_deadline = today + datetime.timedelta(days=3)
    soon.save()
    bare = AgendaItemFactory(meeting=soon, title="Woningbouw")
    complete = AgendaItemFactory(meeting=soon, title="Huisvesting")
    DocumentFactory(agenda_item=complete)
    AnnotationFactory(agenda_item=complete)
    review = AgendaItemFactory(meeting=soon, title="Woondeal")
    AnnotationFactory(agenda_item=review, status=AnnotationStatus.IN_REVIEW)

    overdue = MeetingFactory(
        body=body, planned=True, starts_at=timezone.now() + datetime.timedelta(days=2)
    )
    overdue.documents_deadline = today - datetime.timedelta(days=1)
    overdue.save()
    held = MeetingFactory(body=body, held=True)
    DecisionList.objects.create(meeting=held, status=DecisionListStatus.DRAFT)

    lines = {str(line.text): line for line in todo_lines(secretary)}
    missing = next(text for text in lines if "zonder stukken of annotatie" in text)
    assert missing.startswith("2 agendapunten")  # "Woningbouw" and "Woondeal" (no stuk)
    assert lines[missing].url == reverse("regiobureau:agenda_editor", args=[soon.pk])
    assert "stukken uiterlijk" in lines[missing].why
    assert lines["De annotatie bij 'Woondeal' wacht op beoordeling"].url == reverse(
        "regiobureau:annotation_edit", args=[review.pk]
    )
    publish = next(text for text in lines if text.startswith("Agenda van"))
    assert lines[publish].url == overdue.get_absolute_url()
    assert "verstreek" in lines[publish].why
    adopt = next(text for text in lines if text.startswith("Besluitenlijst van"))
    assert lines[adopt].url == reverse("regiobureau:meeting_decisions", args=[held.pk])
    assert bare.title not in " ".join(lines)  # counted per meeting, not one line per item
    assert todo_counts(secretary)["meetings"] == len(lines)


def test_a_failed_meeting_pdf_waits_until_asked_again(secretary):
    from django.contrib.contenttypes.models import ContentType

    from regiobureau.models.meetings import Meeting
    from tests.factories import MeetingFactory

    meeting = MeetingFactory(planned=True)
    job = GenerationJob.objects.create(
        content_type=ContentType.objects.get_for_model(Meeting),
        object_id=meeting.pk,
        kind="agenda",
        audience="leden",
        status=GenerationStatus.FAILED,
        failure_reason="WeasyPrint gaf een fout",
        requested_at=timezone.now() - datetime.timedelta(hours=1),
    )
    assert any("opnieuw maken" in text for text in texts(secretary))
    GenerationJob.objects.create(
        content_type=job.content_type,
        object_id=meeting.pk,
        kind="agenda",
        audience="leden",
        requested_at=timezone.now(),
    )
    portal.todo_counts_changed()  # as the service's audited write does (core.audit)
    fresh = User.objects.get(pk=secretary.pk)
    assert not any("opnieuw maken" in text for text in texts(fresh))


def test_a_member_is_told_what_to_read_and_which_rounds_to_vote_in(body, member, secretary):
    from gremia.constants import DecisionRule
    from regiobureau.models.annotations import ReadMark
    from rounds.models import RoundVote, WrittenRound
    from tests.factories import AgendaItemFactory, MeetingFactory

    meeting = MeetingFactory(body=body, published=True)
    first = AgendaItemFactory(meeting=meeting)
    AgendaItemFactory(meeting=meeting)
    ReadMark.objects.create(user=member, agenda_item=first)
    written_round = WrittenRound.objects.create(
        body=body,
        title="Spoedbesluit woningbouw",
        proposal="Akkoord met de verdeling.",
        deadline=timezone.now() + datetime.timedelta(days=2),
        rule=DecisionRule.MAJORITY,
    )
    lines = {str(line.text): line for line in todo_lines(member)}
    read = next(text for text in lines if text.startswith("Stukken lezen voor"))
    assert lines[read].why == "1 van 2 agendapunten gelezen"
    assert lines[read].url == reverse("regiobureau:meeting_reading", args=[meeting.pk])
    vote = lines["Stemmen in de schriftelijke ronde 'Spoedbesluit woningbouw'"]
    assert vote.url == written_round.get_absolute_url()
    assert "de ronde sluit op" in vote.why and "uur" in vote.why

    RoundVote.objects.create(round=written_round, member=member.person, choice="voor")
    portal.todo_counts_changed()  # as the service's audited write does (core.audit)
    fresh = User.objects.get(pk=member.pk)
    assert not any("schriftelijke ronde" in text for text in texts(fresh))
    # The secretary sees the round closing, with the answers in.
    closing = next(line for line in todo_lines(secretary) if "sluit" in str(line.text))
    assert "1 antwoorden" in closing.why or "tot nu toe 1" in closing.why


def test_a_civil_servant_is_told_where_to_hand_in_for_her_group_and_the_body_it_prepares():
    from gremia.constants import BodyKind
    from tests.builders import member_of
    from tests.factories import BodyFactory, MeetingFactory

    platform = BodyFactory(name="Platform Wonen")
    group = BodyFactory(name="Werkgroep Wonen", kind=BodyKind.WORKING_GROUP, prepares=platform)
    official = member_of(group, roles=(Role.CIVIL_SERVANT,))
    own = MeetingFactory(
        body=group, planned=True, starts_at=timezone.now() + datetime.timedelta(days=12)
    )
    own.documents_deadline = timezone.localdate() + datetime.timedelta(days=5)
    own.save()
    prepared = MeetingFactory(
        body=platform, planned=True, starts_at=timezone.now() + datetime.timedelta(days=20)
    )
    lines = {str(line.text): line for line in todo_lines(official)}
    own_line = next(line for text, line in lines.items() if "Werkgroep Wonen" in text)
    assert own_line.url == own.get_absolute_url()
    hand_in = next(line for text, line in lines.items() if "Platform Wonen" in text)
    assert hand_in.url == reverse("planning:proposal_list", args=[prepared.pk])
    assert hand_in.why.startswith("namens Werkgroep Wonen")
    assert {line.group for line in lines.values()} == {"work"}


def test_the_beheerder_sees_what_failed(client):
    from django.contrib.contenttypes.models import ContentType

    from tests.factories import UserFactory

    # As the demo's beheerder: staff and superuser (the management site is theirs).
    manager = UserFactory(roles=[Role.MANAGER], is_staff=True, is_superuser=True)
    assert todo_lines(manager) == []
    GenerationJob.objects.create(
        content_type=ContentType.objects.get_for_model(User),
        object_id=manager.pk,
        kind="agenda",
        audience="openbaar",
        status=GenerationStatus.FAILED,
        requested_at=timezone.now(),
    )
    LoginThrottle.objects.create(
        account="iemand@example.org", failures=9, last_failure_at=timezone.now()
    )
    portal.todo_counts_changed()  # as the services' audited writes do (core.audit)
    client.force_login(manager)
    response = client.get(reverse("home"))
    lines = response.context["todo"]
    assert sorted(str(line.text) for line in lines) == [
        "1 account vertraagd na mislukte inlogpogingen",
        "1 document kon niet worden gemaakt",
    ]
    for line in lines:
        assert line.group == "management"
        assert client.get(line.url).status_code == 200
    assert '<span aria-hidden="true">2</span>' in response.text  # the Beheer badge


def test_nobody_else_gets_the_roles_lines(secretary):
    from tests.factories import UserFactory

    assert todo_lines(UserFactory()) == []


def test_marking_an_item_read_refreshes_the_counters_out_of_band(client, published_meeting, member):
    """After the htmx "gelezen" action the page's read progress and the menu's badges are
    swapped in out of band: the reading line (work) goes when everything is read."""
    from regiobureau.models.meetings import AgendaItem

    client.force_login(member)
    items = list(AgendaItem.objects.filter(meeting=published_meeting))
    for item in items[:-1]:
        client.post(reverse("regiobureau:item_read", args=[item.pk]), {"read": "1"})
    response = client.post(
        reverse("regiobureau:item_read", args=[items[-1].pk]), {"read": "1"}, HTTP_HX_REQUEST="true"
    )
    html = response.text
    total = len(items)
    assert (
        f'id="read-progress" role="status" hx-swap-oob="true">U hebt {total} van de {total}' in html
    )
    assert 'id="nhn-count-work" hx-swap-oob="true"></span>' in html  # nothing left to read
    response = client.post(
        reverse("regiobureau:item_read", args=[items[0].pk]), {"read": "0"}, HTTP_HX_REQUEST="true"
    )
    assert (
        'id="nhn-count-work" hx-swap-oob="true"><span aria-hidden="true">1</span>' in response.text
    )
