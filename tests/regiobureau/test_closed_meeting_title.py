"""A closed meeting is shown to those outside it by body and date only (docs/architecture.md,
publiek): its title may say what is discussed behind closed doors. Visitors and outsiders
never read it — on the meeting page (heading and page title), the calendar, the archive, the
decisions page, the body's iCal feed or the public PDFs; members and the secretariat do."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from django.utils import timezone

from nhn_portal.pdf import render_html
from regiobureau import producers
from regiobureau.constants import DecisionOutcome, MeetingStatus
from regiobureau.selectors.meetings import meeting_label
from regiobureau.services.decisions import decision_record
from tests.builders import member_of
from tests.factories import AgendaItemFactory, MeetingFactory

pytestmark = pytest.mark.django_db

SECRET_TITLE = "Reorganisatie regiobureau (geheim)"


@pytest.fixture
def closed_meetings(body, secretary):
    """A coming closed meeting with its agenda out, and a held one with a public item and
    a decision, both titled SECRET_TITLE."""
    coming = MeetingFactory(body=body, published=True, closed_meeting=True, title=SECRET_TITLE)
    AgendaItemFactory(meeting=coming, title="Opening")
    held = MeetingFactory(
        body=body,
        status=MeetingStatus.HELD,
        closed_meeting=True,
        title=SECRET_TITLE,
        starts_at=(timezone.now() - datetime.timedelta(days=20)).replace(microsecond=0),
    )
    item = AgendaItemFactory(meeting=held, title="Mededelingen")
    decision_record(
        actor=secretary, item=item, text="Voor kennisgeving.", outcome=DecisionOutcome.NOTED
    )
    return coming, held


def outsiders(outsider):
    return [("anonymous", None), ("outsider", outsider)]


def get(client, user, url):
    client.logout()
    if user is not None:
        client.force_login(user)
    return client.get(url)


def test_the_meeting_page_shows_body_and_date_only_to_outsiders(
    client, closed_meetings, outsider, body, secretary
):
    coming, _held = closed_meetings
    url = reverse("regiobureau:meeting_detail", kwargs={"pk": coming.pk})
    for _who, user in outsiders(outsider):
        html = get(client, user, url).content.decode()
        assert SECRET_TITLE not in html
        assert body.name in html  # the body and the date stay
        assert f"<title>{body.name}" in html or f"<title>\n{body.name}" in html
    for user in (member_of(body), secretary):
        assert SECRET_TITLE in get(client, user, url).content.decode()


def test_calendar_archive_and_decisions_page_keep_the_title_from_outsiders(
    client, closed_meetings, outsider, body
):
    coming, held = closed_meetings
    urls = [
        reverse("regiobureau:calendar"),
        reverse("regiobureau:meeting_archive"),
        reverse("regiobureau:meeting_decisions", kwargs={"pk": held.pk}),
    ]
    for _who, user in outsiders(outsider):
        for url in urls:
            response = get(client, user, url)
            assert SECRET_TITLE not in response.content.decode(), url
    member = member_of(body)
    assert SECRET_TITLE in get(client, member, urls[0]).content.decode()


def test_the_body_feed_keeps_the_title_out(client, closed_meetings, body):
    response = client.get(reverse("regiobureau:feed_body", args=[body.slug]))
    assert response.status_code == 200
    assert SECRET_TITLE.encode() not in response.content


def test_the_public_pdfs_keep_the_title_out(closed_meetings):
    coming, _held = closed_meetings
    # (A closed meeting has no public decision list: nothing on it is public.)
    for produced in (producers.produce_public_agenda(coming, producers.PUBLIC),):
        html = render_html(
            template=produced.template,
            context={**produced.context, "confidential": produced.confidential},
            title=produced.title,
        )
        assert SECRET_TITLE not in html
        assert SECRET_TITLE not in produced.title
    members = producers.produce_annotated_agenda(coming, producers.MEMBERS)
    html = render_html(
        template=members.template,
        context={**members.context, "confidential": members.confidential},
        title=members.title,
    )
    assert SECRET_TITLE in html


def test_meeting_label_follows_the_rule(closed_meetings, body, outsider, secretary):
    coming, _held = closed_meetings
    day = timezone.localtime(coming.starts_at)
    visitor_label = meeting_label(user=AnonymousUser(), meeting=coming)
    assert SECRET_TITLE not in visitor_label and body.name in visitor_label
    assert str(day.year) in visitor_label
    assert meeting_label(user=None, meeting=coming) == visitor_label
    assert meeting_label(user=outsider, meeting=coming) == visitor_label
    assert meeting_label(user=secretary, meeting=coming) == SECRET_TITLE
    assert meeting_label(user=member_of(body), meeting=coming) == SECRET_TITLE
    coming.is_public = True
    assert meeting_label(user=None, meeting=coming) == SECRET_TITLE


def test_the_boundary_spanners_report_reads_meetings_as_a_visitor(closed_meetings):
    # The monthly report goes to the sub-region's office (netwerk): read as a
    # visitor, a closed meeting appears by body and date only.
    from types import SimpleNamespace

    from django.template.loader import render_to_string

    coming, _held = closed_meetings
    overview = SimpleNamespace(meetings=[coming], decisions=[], opportunities=[], moments=[])
    spanner = SimpleNamespace(
        person=SimpleNamespace(name="G", organisation=SimpleNamespace(name="O"))
    )
    html = render_to_string(
        "netwerk/pdf/spanner_report.html",
        {"overview": overview, "spanner": spanner, "subregion": SimpleNamespace(name="Kop"),
         "month_label": "mei 2026"},
    )  # fmt: skip
    assert SECRET_TITLE not in html
    assert coming.body.name in html
