"""The public portal. A visitor reads everything public without a login,
and nothing else: no closed item, no closed meeting's title, no draft, no e-mail address."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from gremia.constants import PersonFunction
from regiobureau.constants import DecisionOutcome
from regiobureau.models.decisions import DecisionList
from regiobureau.selectors.meetings import next_meeting_of_body
from regiobureau.services.decisions import decision_list_adopt, decision_record
from tests.builders import issue, letter_for
from tests.factories import (
    AgendaItemFactory,
    BodyFactory,
    MeetingFactory,
    MembershipFactory,
    PersonFactory,
)

pytestmark = pytest.mark.django_db


def adopted_decision(secretary, body, *, title, text, public=True, meeting_public=True):
    """A held meeting of `body` with one item and its decision, whose besluitenlijst was
    adopted at the next meeting."""
    meeting = MeetingFactory(body=body, held=True, is_public=meeting_public, title=f"Over {title}")
    item = AgendaItemFactory(meeting=meeting, title=title, is_public=public)
    decision = decision_record(
        actor=secretary, item=item, text=text, outcome=DecisionOutcome.ADOPTED
    )
    next_meeting = next_meeting_of_body(meeting) or MeetingFactory(body=body, published=True)
    decision_list_adopt(actor=secretary, meeting=meeting, at_meeting=next_meeting)
    return decision


def test_front_page_shows_the_region_meetings_decisions_and_letters(
    client, secretary, region, meeting_with_decision, django_capture_on_commit_callbacks,
    fake_render, celery_eager,
):  # fmt: skip
    body = BodyFactory(name="Publieke stuurgroep")
    MeetingFactory(body=body, published=True, title="Stuurgroep december")
    MeetingFactory(body=body, published=True, closed_meeting=True, title="Geheime sessie")
    MeetingFactory(body=body, title="Concept januari")  # a draft
    adopted_decision(secretary, body, title="Regionale woonvisie", text="Vastgesteld: woonvisie")
    adopted_decision(secretary, body, title="Grondpositie Zuid", text="Koop kavel 7", public=False)
    letter = letter_for(meeting_with_decision, secretary, region)
    issue(letter, secretary, django_capture_on_commit_callbacks)

    response = client.get("/")

    assert response.status_code == 200
    page = response.text
    assert "Texel" in page and "Kop van Noord-Holland" in page
    assert "Stuurgroep december" in page
    assert reverse("publiek:body_detail", args=[body.slug]) in page
    assert "Vastgesteld: woonvisie" in page
    assert "Versnelling woningbouw" in page
    for secret in ("Geheime sessie", "Concept januari", "Grondpositie Zuid", "Koop kavel 7"):
        assert secret not in page
    assert reverse("account_login") in page


def test_signed_in_users_keep_their_overview(client, member):
    client.force_login(member)
    response = client.get("/")
    names = [template.name for template in response.templates]
    assert "core/home.html" in names and "publiek/front_page.html" not in names


def test_body_page_names_public_office_holders_without_contact_details(client):
    body = BodyFactory(name="Platform Wonen")
    alderman = PersonFactory(
        name="Anna de Wethouder", function=PersonFunction.ALDERMAN, email="anna@example.org"
    )
    adviser = PersonFactory(
        name="Bert Beleid", function=PersonFunction.CIVIL_SERVANT, email="bert@example.org"
    )
    MembershipFactory(body=body, person=alderman, chair=True)
    MembershipFactory(body=body, person=adviser, role="adviseur")
    MembershipFactory(
        body=body, person__name="Oud Lid", end=timezone.localdate() - datetime.timedelta(days=1)
    )

    page = client.get(reverse("publiek:body_detail", args=[body.slug])).text

    assert "Anna de Wethouder" in page and "Wethouder" in page and "Voorzitter" in page
    assert alderman.organisation.name in page
    assert adviser.organisation.name in page and "Adviseur" in page
    for hidden in ("Bert Beleid", "anna@example.org", "bert@example.org", "Oud Lid"):
        assert hidden not in page


def test_unknown_body_is_404(client):
    assert client.get(reverse("publiek:body_detail", args=["bestaat-niet"])).status_code == 404


def test_archive_lists_a_years_meetings_with_closed_ones_as_body_and_date_only(client):
    body = BodyFactory(name="Platform Economie")
    # A year wholly past, whatever day the test runs (the archive lists no future meeting).
    this_year = timezone.localdate().year - 1
    start = timezone.make_aware(datetime.datetime(this_year, 6, 1, 10))  # noqa: DTZ001
    MeetingFactory(body=body, published=True, starts_at=start, title="Economie juni")
    MeetingFactory(
        body=body,
        published=True,
        closed_meeting=True,
        starts_at=start + datetime.timedelta(days=7),
        title="Vertrouwelijk overleg",
    )
    MeetingFactory(body=body, starts_at=start, title="Concept overleg")
    last_year = timezone.make_aware(datetime.datetime(this_year - 1, 3, 1, 10))  # noqa: DTZ001
    MeetingFactory(body=body, held=True, starts_at=last_year, title="Economie vorig jaar")

    # A meeting still to come is in the calendar, not the archive.
    coming = timezone.now() + datetime.timedelta(days=3)
    MeetingFactory(body=body, published=True, starts_at=coming, title="Economie straks")

    detail = client.get(reverse("publiek:body_detail", args=[body.slug])).text
    assert reverse("publiek:meeting_archive", args=[body.slug, this_year]) in detail
    assert reverse("publiek:meeting_archive", args=[body.slug, this_year - 1]) in detail

    response = client.get(reverse("publiek:meeting_archive", args=[body.slug, this_year]))
    page = response.text
    assert "Economie juni" in page
    assert "Besloten vergadering" in page
    assert "1 jun" in page and "8 jun" in page
    for hidden in ("Vertrouwelijk overleg", "Concept overleg", "Economie vorig jaar"):
        assert hidden not in page
    assert len(response.context["meetings"]) == 2
    coming_year = timezone.localtime(coming).year
    page = client.get(reverse("publiek:meeting_archive", args=[body.slug, coming_year])).text
    assert "Economie straks" not in page
    assert [row["year"] for row in response.context["years"]] == [this_year, this_year - 1]


def test_issued_letter_is_public_as_sent_and_drafts_are_not(
    client, secretary, region, meeting_with_decision, django_capture_on_commit_callbacks,
    fake_render, celery_eager,
):  # fmt: skip
    draft = letter_for(meeting_with_decision, secretary, region, adopt=False)
    assert client.get(reverse("publiek:letter_detail", args=[draft.pk])).status_code == 404
    raden_draft_title = draft.title
    draft.delete()

    letter = letter_for(meeting_with_decision, secretary, region)
    issue(letter, secretary, django_capture_on_commit_callbacks)
    listing = client.get(reverse("publiek:letter_list")).text
    assert raden_draft_title in listing
    page = client.get(reverse("publiek:letter_detail", args=[letter.pk])).text
    assert "Versnelling woningbouw" in page
    assert "extra planvorming" in page
    assert "netcongestie" in page  # the sub-region paragraph
    assert "Noor van Dijk" in page and "noor@example.org" not in page
    # The griffies' receipt status stays internal.
    for internal in ("Klaargezet", "Ontvangst", "klaargezet"):
        assert internal not in page


def build_front_page_world(secretary, count):
    body = BodyFactory()
    for index in range(count):
        MeetingFactory(body=body, published=True, title=f"Openbaar {index}")
        MembershipFactory(body=body)
    for index in range(count):
        adopted_decision(secretary, body, title=f"Punt {index}", text=f"Besluit {index}")


@pytest.mark.parametrize("count", [5, 50])
def test_front_page_runs_a_fixed_number_of_queries(client, secretary, count):
    build_front_page_world(secretary, count)
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/").status_code == 200
    assert len(queries) == FRONT_PAGE_QUERIES, [q["sql"] for q in queries]


# Session-less visitor: municipalities, the governance map, coming meetings, decisions, letters,
# consultations of the councils, the core message.
FRONT_PAGE_QUERIES = 7


def test_decision_list_of_a_closed_meeting_stays_off_the_front_page(client, secretary):
    body = BodyFactory()
    adopted_decision(
        secretary, body, title="Besloten punt", text="Besluit in besloten kring",
        meeting_public=False,
    )  # fmt: skip
    assert DecisionList.objects.count() == 1
    assert "Besluit in besloten kring" not in client.get("/").text


def test_one_council_letters_entry_in_each_navigation(rf, secretary, region):
    """One label, one kind of page: "Raadsinformatiebrieven" is the public list for everyone
    (never two entries of that name); the griffie's letters received and the secretariat's
    distribution have labels of their own."""
    from django.contrib.auth.models import AnonymousUser
    from django.utils.translation import override

    from nhn_portal.core.portal import navigation_for
    from tests.builders import griffie, member_of
    from tests.factories import BodyFactory

    def entries(user, label):
        request = rf.get("/")
        request.user = user
        with override("nl"):
            return [link.url for link in navigation_for(request) if str(link.label) == label]

    public = reverse("publiek:letter_list")
    clerk = griffie(region["Texel"])
    for user in (AnonymousUser(), member_of(BodyFactory()), secretary, clerk):
        assert entries(user, "Raadsinformatiebrieven") == [public]
    assert entries(secretary, "Verspreiding brieven") == [reverse("raden:dashboard")]
    assert entries(clerk, "Ontvangen brieven") == [reverse("raden:index")]
    assert entries(clerk, "Verspreiding brieven") == []
    assert entries(secretary, "Ontvangen brieven") == []
