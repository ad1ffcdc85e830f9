"""The elections: an election date lists the seats of political office holders it reopens
(per body and organisation); after the installation the secretariat records a successor in
one form, which ends the old membership, starts the new one and has the pipeline make the
induction pack, mailed with a personal link; the balance page shows the seats still open."""

import datetime
import re

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from gremia.constants import MembershipRole, OrganisationKind, PersonFunction
from gremia.models.registry import Membership
from nhn_portal.core.constants import GenerationStatus
from nhn_portal.core.models import AuditRecord, GenerationJob
from nhn_portal.core.production import services as production_services
from tests.builders import FakePdf
from tests.factories import (
    BodyFactory,
    MembershipFactory,
    OrganisationFactory,
    PersonFactory,
)
from verkiezingen.constants import INDUCTION_PACK, ElectionKind
from verkiezingen.links import succession_id_from_token
from verkiezingen.selectors import election_seats, open_seats_overview
from verkiezingen.services import election_create, successor_record

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("celery_eager")]

HELD = datetime.date(2026, 3, 18)
INSTALLED = datetime.date(2026, 4, 1)


@pytest.fixture
def tables(db):
    """A platform with an alderman of Hoorn and a mayor of Hoorn (appointed, not reopened),
    and the province's deputy (a provincial seat)."""
    hoorn = OrganisationFactory(name="Gemeente Hoorn", slug="hoorn")
    province = OrganisationFactory(
        name="Provincie Noord-Holland", slug="pnh", kind=OrganisationKind.PROVINCE
    )
    platform = BodyFactory(name="Platform Wonen", slug="platform-wonen", purpose="Wonen")
    alderman = MembershipFactory(
        person=PersonFactory(name="Bas Kramer", organisation=hoorn), body=platform
    )
    mayor = MembershipFactory(
        person=PersonFactory(
            name="Henk Willems", function=PersonFunction.MAYOR, organisation=hoorn
        ),
        body=platform,
        role=MembershipRole.CHAIR,
    )
    deputy = MembershipFactory(
        person=PersonFactory(
            name="Ruud Smit", function=PersonFunction.DEPUTY, organisation=province
        ),
        body=platform,
    )
    return {"hoorn": hoorn, "platform": platform, "alderman": alderman, "mayor": mayor,
            "deputy": deputy}  # fmt: skip


@pytest.fixture
def election(secretary):
    return election_create(
        actor=secretary, kind=ElectionKind.MUNICIPAL, held_on=HELD, installed_on=INSTALLED
    )


def _seats(election, today):
    return [
        seat
        for body_seats in election_seats(election, today=today)
        for group in body_seats.by_organisation.values()
        for seat in group
    ]


def test_the_election_lists_the_seats_it_reopens_per_body_and_municipality(tables, election):
    grouped = election_seats(election, today=HELD)
    assert [b.body for b in grouped] == [tables["platform"]]
    assert list(grouped[0].by_organisation) == [tables["hoorn"]]
    seats = _seats(election, today=HELD)
    # The alderman's seat only: a mayor is appointed, a deputy goes with the provincial vote.
    assert [seat.membership for seat in seats] == [tables["alderman"]]
    assert not seats[0].is_open  # before the installation: to be filled, not yet open
    assert _seats(election, today=INSTALLED)[0].is_open
    assert open_seats_overview(today=INSTALLED) == [(election, 1, 1)]


def test_recording_a_successor_ends_the_old_seat_and_requests_the_pack(
    client, secretary, tables, election, monkeypatch, django_capture_on_commit_callbacks
):
    rendered = []

    def render(*, html):
        rendered.append(html)
        return FakePdf(html[-200:])

    monkeypatch.setattr(production_services, "render_pdf_from_html", render)
    successor = PersonFactory(
        name="Marieke Vos", organisation=tables["hoorn"], email="marieke@hoorn.example.org"
    )
    client.force_login(secretary)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("verkiezingen:successor_record", kwargs={"pk": election.pk}),
            {"previous": tables["alderman"].pk, "person": successor.pk, "start": ""},
        )
    assert response.status_code == 302
    old = Membership.objects.get(pk=tables["alderman"].pk)
    assert old.end == INSTALLED - datetime.timedelta(days=1)
    new = Membership.objects.get(person=successor)
    assert (new.body, new.role, new.start, new.end) == (
        tables["platform"], MembershipRole.MEMBER, INSTALLED, None,
    )  # fmt: skip
    assert AuditRecord.objects.filter(verb="successor_record").count() == 1
    assert AuditRecord.objects.filter(verb="membership_end", object_id=str(old.pk)).exists()
    job = GenerationJob.objects.get(kind=INDUCTION_PACK)
    assert job.object_id == new.succession.pk and job.status == GenerationStatus.DONE
    assert "Platform Wonen" in rendered[0] and "De gedragscode" in rendered[0]
    # The new member is mailed a personal link, once.
    assert [m.to for m in mail.outbox] == [["marieke@hoorn.example.org"]]
    # The link is signed with a timestamp: read it back rather than sign again a second later.
    path = reverse("verkiezingen:induction_pack", kwargs={"token": "TOKEN"})
    prefix = path.split("TOKEN")[0]
    token = re.search(re.escape(prefix) + r"([^/\s]+)/", mail.outbox[0].body).group(1)
    assert succession_id_from_token(token) == new.succession.pk
    # The seat is no longer open; the same seat cannot be succeeded twice.
    assert _seats(election, today=INSTALLED)[0].succession == new.succession
    assert open_seats_overview(today=INSTALLED) == []
    with pytest.raises(ValidationError):
        successor_record(actor=secretary, election=election, previous=old, person=PersonFactory())
    # The personal link works without a login; a forged one does not.
    client.logout()
    pack = client.get(reverse("verkiezingen:induction_pack", kwargs={"token": token}))
    assert pack.status_code == 200
    forged = client.get(reverse("verkiezingen:induction_pack", kwargs={"token": token + "x"}))
    assert forged.status_code == 404


def test_a_seat_the_election_does_not_reopen_is_refused(secretary, tables, election):
    with pytest.raises(ValidationError):
        successor_record(
            actor=secretary,
            election=election,
            previous=tables["mayor"],
            person=PersonFactory(organisation=tables["hoorn"]),
        )
    assert Membership.objects.get(pk=tables["mayor"].pk).end is None


def test_the_pages_are_the_secretariats(client, tables, election, secretary):
    outsider = PersonFactory(organisation=tables["hoorn"])
    from tests.factories import UserFactory

    user = UserFactory()
    outsider.user = user
    outsider.save()
    client.force_login(user)
    assert (
        client.get(reverse("verkiezingen:election_detail", args=[election.pk])).status_code == 404
    )
    client.force_login(secretary)
    page = client.get(reverse("verkiezingen:election_detail", args=[election.pk]))
    assert page.status_code == 200 and "Bas Kramer" in page.text
    balance = client.get(reverse("gremia:balance"))
    assert election.get_absolute_url() in balance.text
