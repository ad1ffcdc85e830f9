"""Boundary spanners: one per sub-region, a person of that sub-region's
office set by the beheerder; their page shows what comes to the sub-region and what to carry
back; the monthly report is a PDF of the document pipeline for the spanner and the
secretariat only."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from gremia.constants import OrganisationKind
from gremia.models.registry import Person
from netwerk.constants import SPANNER_REPORT
from netwerk.models.spanners import BoundarySpanner
from netwerk.services.spanners import boundary_spanner_set
from nhn_portal.core.constants import Role
from nhn_portal.core.production.services import document_generation_request, document_generation_run
from regiobureau.constants import MeetingStatus
from tests.factories import (
    MeetingFactory,
    MembershipFactory,
    OrganisationFactory,
    SubregionFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def kop(db):
    return SubregionFactory(name="Kop van Noord-Holland", slug="kop")


@pytest.fixture
def spanner_user(kop):
    office = OrganisationFactory(
        name="Regio Kop van Noord-Holland",
        slug="regio-kop",
        kind=OrganisationKind.SUBREGIONAL_OFFICE,
        subregion=kop,
    )
    user = UserFactory(roles=[Role.CIVIL_SERVANT])
    Person.objects.create(name="Grensverkenner Kop", user=user, organisation=office)
    return user


@pytest.fixture
def manager(db):
    return UserFactory(roles=[Role.MANAGER])


def test_spanner_must_work_at_the_subregions_office(kop, manager, outsider):
    with pytest.raises(ValidationError) as caught:
        boundary_spanner_set(actor=manager, subregion=kop, person=outsider.person)
    assert "person" in caught.value.error_dict
    assert not BoundarySpanner.objects.exists()


def test_page_shows_what_comes_to_the_subregion_and_only_to_spanner_and_secretariat(
    client, kop, spanner_user, manager, secretary, outsider, body
):
    spanner = boundary_spanner_set(actor=manager, subregion=kop, person=spanner_user.person)
    town = OrganisationFactory(name="Gemeente Texel", slug="texel", subregion=kop)
    MembershipFactory(body=body, organisation=town)
    MeetingFactory(
        body=body,
        title="Platform in de Kop",
        status=MeetingStatus.PLANNED,
        starts_at=timezone.now() + datetime.timedelta(days=5),
    )
    client.force_login(outsider)
    assert client.get(spanner.get_absolute_url()).status_code == 404
    client.force_login(spanner_user)
    assert client.get(reverse("netwerk:spanner_list"))["Location"] == spanner.get_absolute_url()
    # The spanner reaches the page from the overview.
    assert spanner.get_absolute_url() in client.get(reverse("home")).text
    page = client.get(spanner.get_absolute_url())
    assert page.status_code == 200
    assert "Platform in de Kop" in page.text
    assert page["Cache-Control"] == "private, no-store"
    client.force_login(secretary)
    assert client.get(spanner.get_absolute_url()).status_code == 200


def test_monthly_report_through_the_pipeline(
    client, kop, spanner_user, manager, outsider, fake_render, django_capture_on_commit_callbacks
):
    spanner = boundary_spanner_set(actor=manager, subregion=kop, person=spanner_user.person)
    month = f"{timezone.localdate():%Y-%m}"
    job = document_generation_request(
        actor=spanner_user, subject=spanner, kind=SPANNER_REPORT, audience=month
    )
    job = document_generation_run(job_id=job.pk)
    assert job.document is not None
    url = reverse("netwerk:spanner_report_download", args=[spanner.pk, month])
    client.force_login(spanner_user)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    client.force_login(outsider)
    assert client.get(url).status_code == 404
    with pytest.raises(ValidationError):
        document_generation_request(
            actor=spanner_user, subject=spanner, kind=SPANNER_REPORT, audience="1999-13"
        )


def test_the_beheerder_sets_the_spanner_through_the_page(
    client, kop, spanner_user, manager, secretary
):
    client.force_login(secretary)
    response = client.post(
        reverse("netwerk:spanner_set"), {"subregion": kop.pk, "person": spanner_user.person.pk}
    )
    assert response.status_code == 404
    client.force_login(manager)
    response = client.post(
        reverse("netwerk:spanner_set"), {"subregion": kop.pk, "person": spanner_user.person.pk}
    )
    assert response.status_code == 302
    assert BoundarySpanner.objects.get(subregion=kop).person == spanner_user.person


def test_the_monthly_report_is_made_on_the_first_and_mailed_once_as_a_link(
    kop, spanner_user, manager, fake_render, celery_eager, django_capture_on_commit_callbacks
):
    from django.core import mail

    from netwerk.services.spanners import spanner_report_mail, spanner_reports_request_monthly
    from nhn_portal.core.models import AuditRecord, GenerationJob

    spanner = boundary_spanner_set(actor=manager, subregion=kop, person=spanner_user.person)
    first_of_december = datetime.date(2026, 12, 1)
    with django_capture_on_commit_callbacks(execute=True):
        assert spanner_reports_request_monthly(today=first_of_december) == 1
    job = GenerationJob.objects.get(kind=SPANNER_REPORT)
    assert (job.audience, job.status, job.object_id) == ("2026-11", "klaar", spanner.pk)
    assert [message.to for message in mail.outbox] == [[spanner_user.email]]
    message = mail.outbox[0]
    assert "november 2026" in message.subject and "Kop van Noord-Holland" in message.subject
    assert reverse("netwerk:spanner_detail", args=[spanner.pk]) in message.body
    assert "alleen in het portaal" in message.body
    assert not message.attachments
    # The beat again the same month, a task delivered twice: nothing new.
    with django_capture_on_commit_callbacks(execute=True):
        assert spanner_reports_request_monthly(today=first_of_december) == 0
    assert spanner_report_mail(job_id=job.pk) == 0
    assert len(mail.outbox) == 1
    assert AuditRecord.objects.filter(verb="spanner_report_mail").count() == 1
