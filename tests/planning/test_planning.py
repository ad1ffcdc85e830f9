"""The forward agenda: entries per dossier and body and month, the two warnings,
"put on the agenda" with one click, filters, and a fixed number of queries."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from gremia.constants import BodyKind
from nhn_portal.core.constants import Role
from nhn_portal.core.models import AuditRecord
from planning.models import PlannedTopic
from planning.selectors import planning_topics, planning_warnings
from planning.services import planned_topic_create, planned_topic_schedule
from regiobureau.models.meetings import Dossier
from tests.builders import member_of
from tests.factories import AgendaItemFactory, BodyFactory, MeetingFactory, UserFactory

pytestmark = pytest.mark.django_db


def next_month(offset=1) -> datetime.date:
    today = timezone.localdate()
    month = today.month - 1 + offset
    return datetime.date(today.year + month // 12, month % 12 + 1, 1)


@pytest.fixture
def chain(db):
    stuurgroep = BodyFactory(name="Stuurgroep", kind=BodyKind.STEERING_GROUP)
    platform = BodyFactory(name="Platform Wonen", kind=BodyKind.PLATFORM, prepares=stuurgroep)
    directeuren = BodyFactory(
        name="Directeurenoverleg Wonen", kind=BodyKind.DIRECTORS, prepares=platform
    )
    dossier = Dossier.objects.create(name="Woondeal NHN", slug="woondeal-nhn")
    return stuurgroep, platform, directeuren, dossier


def plan(secretary, body, month, dossier, title="Woondeal: voortgang"):
    return planned_topic_create(
        actor=secretary, body=body, month=month, title=title, dossier=dossier
    )


def test_same_line_same_month_warns(secretary, chain):
    stuurgroep, platform, _directeuren, dossier = chain
    a = plan(secretary, platform, next_month(), dossier)
    b = plan(secretary, stuurgroep, next_month(), dossier)
    warnings = planning_warnings([a, b])
    assert "Stuurgroep" in warnings[a.pk][0]
    assert "Platform Wonen" in warnings[b.pk][0]
    assert AuditRecord.objects.filter(verb="planned_topic_create").count() == 2


def test_other_line_same_month_does_not_warn(secretary, chain):
    _stuurgroep, platform, directeuren, dossier = chain
    a = plan(secretary, platform, next_month(2), dossier)
    b = plan(secretary, directeuren, next_month(1), dossier)
    assert planning_warnings([a, b]) == {}


def test_platform_before_its_preparing_meeting_warns(secretary, chain):
    _stuurgroep, platform, directeuren, dossier = chain
    early = plan(secretary, platform, next_month(1), dossier)
    late_preparation = plan(secretary, directeuren, next_month(3), dossier)
    warnings = planning_warnings([early, late_preparation])
    assert list(warnings) == [early.pk]
    assert "Directeurenoverleg Wonen" in warnings[early.pk][0]


def test_put_on_the_agenda_with_one_click(client, secretary, chain):
    _stuurgroep, platform, _directeuren, dossier = chain
    month = next_month(1)
    meeting = MeetingFactory(
        body=platform,
        planned=True,
        starts_at=timezone.make_aware(datetime.datetime(month.year, month.month, 15, 14)),  # noqa: DTZ001
    )
    topic = plan(secretary, platform, month, dossier)
    client.force_login(secretary)
    page = client.get(reverse("planning:planning"))
    assert "Woondeal: voortgang" in page.content.decode()
    response = client.post(
        reverse("planning:planning_schedule", args=[topic.pk]), {"meeting": meeting.pk}
    )
    assert response.status_code == 302
    topic.refresh_from_db()
    assert topic.agenda_item.meeting == meeting
    assert topic.agenda_item.dossier == dossier
    # Twice: refused, nothing added.
    client.post(reverse("planning:planning_schedule", args=[topic.pk]), {"meeting": meeting.pk})
    assert meeting.items.filter(title="Woondeal: voortgang").count() == 1


def test_a_topic_goes_only_to_its_own_body(secretary, chain):
    stuurgroep, platform, _directeuren, dossier = chain
    topic = plan(secretary, platform, next_month(), dossier)
    other = MeetingFactory(body=stuurgroep, planned=True)
    with pytest.raises(ValidationError):
        planned_topic_schedule(actor=secretary, topic=topic, meeting=other)
    assert not other.items.filter(title=topic.title).exists()


def test_only_the_secretariat_plans(client, chain, member):
    _stuurgroep, platform, _directeuren, _dossier = chain
    client.force_login(member)
    assert client.get(reverse("planning:planning")).status_code == 200
    response = client.post(
        reverse("planning:planning_create"),
        {"body": platform.pk, "month": "2030-01", "title": "x"},
    )
    assert response.status_code in (403, 404)
    assert not PlannedTopic.objects.exists()


def test_filter_by_dossier_and_body(client, secretary, chain):
    stuurgroep, platform, _directeuren, dossier = chain
    other = Dossier.objects.create(name="MIRT-verkenning", slug="mirt")
    plan(secretary, platform, next_month(), dossier, title="Woondeal-punt")
    plan(secretary, stuurgroep, next_month(2), other, title="MIRT-punt")
    client.force_login(secretary)
    page = client.get(reverse("planning:planning"), {"dossier": other.pk}).content.decode()
    assert "MIRT-punt" in page and "Woondeal-punt" not in page
    page = client.get(reverse("planning:planning"), {"body": platform.pk}).content.decode()
    assert "Woondeal-punt" in page and "MIRT-punt" not in page


def planning_queries(client, secretary, count: int) -> int:
    dossier = Dossier.objects.create(name=f"Dossier {count}", slug=f"dossier-{count}")
    bodies = [BodyFactory() for _ in range(5)]
    for n in range(count):
        plan(secretary, bodies[n % 5], next_month(n % 6 + 1), dossier, title=f"Punt {n}")
    for body in bodies:
        MeetingFactory(body=body, planned=True)
    client.force_login(secretary)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("planning:planning")).status_code == 200
    PlannedTopic.objects.all().delete()
    return len(queries)


# Measured and pinned: session, user, role groups, the topics, the meetings to put them on,
# and the choice lists of the filter and the plan form (bodies, themes, sub-regions, dossiers).
PLANNING_PAGE = 11


def test_forward_agenda_keeps_a_fixed_query_count(client, secretary):
    small = planning_queries(client, secretary, 5)
    large = planning_queries(client, secretary, 50)
    assert small == large == PLANNING_PAGE


def test_demo_plans_woondeal_and_mirt_with_both_warnings(secretary):
    import io

    from django.core.management import call_command

    from gremia.demo import load_demo
    from nhn_portal.core.seeding import LoadReport
    from planning.demo import PLAN, load_demo_planning
    from regiobureau.demo.meetings import load_demo_meetings

    call_command("load_nhn", stdout=io.StringIO())
    load_demo(report=LoadReport())
    load_demo_meetings()
    assert load_demo_planning() == len(PLAN)
    assert load_demo_planning() == 0  # idempotent
    topics = list(planning_topics(user=secretary))
    assert {t.dossier.slug for t in topics} == {"woondeal-nhn", "mirt-verkenning"}
    assert max(t.month for t in topics) <= next_month(6)
    warnings = planning_warnings(topics)
    texts = " ".join(w for ws in warnings.values() for w in ws)
    assert "zelfde lijn" in texts or "same line" in texts
    assert "voorbereiding" in texts or "preparation" in texts


# ---- Who sees what of the forward agenda ---------------------------------------------------

CLOSED_BODY_TOPIC = "Monitor woningbouw (werkgroep)"
PUBLIC_TOPIC = "Regionale woonvisie"
CLOSED_ITEM_TOPIC = "Grondposities Zuidrand"
CLOSED_ITEM_DOSSIER = "Onderhandelingen Zuidrand"


@pytest.fixture
def forward_agenda(secretary):
    """A closed working group's entry, a public platform's entry, and a public platform's entry
    put on its agenda as a closed item (with a dossier whose name would give it away)."""
    working_group = BodyFactory(name="Werkgroep Wonen", working_group=True)
    platform = BodyFactory(name="Platform Wonen", public_by_default=True)
    month = next_month()
    planned_topic_create(actor=secretary, body=working_group, month=month, title=CLOSED_BODY_TOPIC)
    planned_topic_create(actor=secretary, body=platform, month=month, title=PUBLIC_TOPIC)
    dossier = Dossier.objects.create(name=CLOSED_ITEM_DOSSIER, slug="zuidrand")
    topic = planned_topic_create(
        actor=secretary, body=platform, month=month, title=CLOSED_ITEM_TOPIC, dossier=dossier
    )
    meeting = MeetingFactory(body=platform, is_public=True, title="Platform Wonen juni")
    topic.agenda_item = AgendaItemFactory(
        meeting=meeting, title=CLOSED_ITEM_TOPIC, confidential=True
    )
    topic.save(update_fields=["agenda_item"])
    return working_group, platform


def planning_page(client, user) -> str:
    client.force_login(user)
    response = client.get(reverse("planning:planning"))
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("role", [Role.CLERK, Role.CIVIL_SERVANT, Role.ADMINISTRATOR])
def test_outsiders_see_neither_a_closed_bodys_topic_nor_a_closed_items_title(
    client, forward_agenda, role
):
    page = planning_page(client, UserFactory(roles=[role]))
    assert PUBLIC_TOPIC in page
    assert CLOSED_BODY_TOPIC not in page
    # The closed item's entry keeps its month and body, as "besloten onderwerp".
    assert CLOSED_ITEM_TOPIC not in page
    assert "Besloten onderwerp" in page


def test_members_and_the_secretariat_see_their_closed_topics(client, forward_agenda, secretary):
    working_group, platform = forward_agenda
    page = planning_page(client, member_of(working_group))
    assert CLOSED_BODY_TOPIC in page and CLOSED_ITEM_TOPIC not in page
    page = planning_page(client, member_of(platform))
    assert CLOSED_ITEM_TOPIC in page and CLOSED_BODY_TOPIC not in page
    page = planning_page(client, secretary)
    assert all(title in page for title in (CLOSED_BODY_TOPIC, PUBLIC_TOPIC, CLOSED_ITEM_TOPIC))
    assert "Besloten onderwerp" not in page
