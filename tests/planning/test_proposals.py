"""Stukken from the working groups: a member of a preparing body hands in a stuk
for a coming meeting of the prepared body (late after the deadline), the secretariat accepts
it (a stuk of the meeting, under the item or a new one) or returns it with a remark."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from gremia.constants import BodyKind
from nhn_portal.core.constants import Role
from nhn_portal.core.models import AuditRecord
from planning.constants import ProposalStatus
from planning.models import ProposedDocument
from planning.services import proposal_accept, proposal_return, proposal_submit
from regiobureau.models.documents import Document
from tests.builders import member_of, pdf_upload
from tests.factories import AgendaItemFactory, BodyFactory, MeetingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting(db):
    directors = BodyFactory(name="Directeurenoverleg Wonen", kind=BodyKind.DIRECTORS)
    working_group = BodyFactory(
        name="Werkgroep Wonen", kind=BodyKind.WORKING_GROUP, prepares=directors
    )
    official = member_of(working_group, roles=(Role.CIVIL_SERVANT,))
    meeting = MeetingFactory(body=directors, published=True)
    return directors, working_group, official, meeting


def submit(official, meeting, body, **extra):
    return proposal_submit(
        actor=official,
        meeting=meeting,
        from_body=body,
        title="Monitor woningbouw",
        upload=pdf_upload("monitor.pdf", "Monitor"),
        **extra,
    )


def test_hand_in_through_the_page_and_accept_as_new_item(client, secretary, setting):
    _directors, working_group, official, meeting = setting
    client.force_login(official)
    url = reverse("planning:proposal_list", args=[meeting.pk])
    page = client.get(url)
    assert page.status_code == 200
    response = client.post(
        url,
        {
            "from_body": working_group.pk,
            "title": "Monitor woningbouw",
            "upload": pdf_upload("monitor.pdf"),
            "item_title": "Woningbouwmonitor",
        },
    )
    assert response.status_code == 302
    proposal = ProposedDocument.objects.get()
    assert not proposal.arrived_late
    assert proposal.status == ProposalStatus.PROPOSED
    client.force_login(secretary)
    response = client.post(
        reverse("planning:proposal_accept", args=[proposal.pk]),
        {"confidentiality": "openbaar"},
    )
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.ACCEPTED
    assert proposal.document.agenda_item.title == "Woningbouwmonitor"
    assert proposal.document.agenda_item.meeting == meeting
    assert proposal.document.current_version is not None
    assert AuditRecord.objects.filter(verb="proposal_accept").exists()


def test_accept_under_the_item_it_was_handed_in_for(secretary, setting):
    _directors, working_group, official, meeting = setting
    item = AgendaItemFactory(meeting=meeting, title="Woondeal")
    proposal = submit(official, meeting, working_group, item=item)
    proposal_accept(actor=secretary, proposal=proposal)
    assert Document.objects.get().agenda_item == item
    with pytest.raises(ValidationError):
        proposal_accept(actor=secretary, proposal=proposal)  # once


def test_return_needs_a_remark_and_the_member_sees_it(client, secretary, setting):
    _directors, working_group, official, meeting = setting
    proposal = submit(official, meeting, working_group)
    with pytest.raises(ValidationError):
        proposal_return(actor=secretary, proposal=proposal, remark=" ")
    proposal_return(actor=secretary, proposal=proposal, remark="Graag met bijlage")
    client.force_login(official)
    page = client.get(reverse("planning:proposal_list", args=[meeting.pk])).content.decode()
    assert "Graag met bijlage" in page
    assert not Document.objects.exists()


def test_late_upload_is_marked(setting):
    _directors, working_group, official, meeting = setting
    meeting.documents_deadline = timezone.localdate() - datetime.timedelta(days=1)
    meeting.save()
    assert submit(official, meeting, working_group).arrived_late


def test_only_members_of_a_preparing_body_hand_in(client, setting, member):
    directors, working_group, _official, meeting = setting
    client.force_login(member)  # sits on another body
    url = reverse("planning:proposal_list", args=[meeting.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, {"title": "x"}).status_code == 404
    # A member of the prepared body itself is not a preparing member either.
    director = member_of(directors)
    with pytest.raises(ValidationError):
        submit(director, meeting, working_group)
    assert not ProposedDocument.objects.exists()


def test_a_file_whose_content_does_not_match_is_refused(setting):
    from django.core.files.uploadedfile import SimpleUploadedFile

    _directors, working_group, official, meeting = setting
    with pytest.raises(ValidationError):
        proposal_submit(
            actor=official,
            meeting=meeting,
            from_body=working_group,
            title="Nep",
            upload=SimpleUploadedFile("nep.pdf", b"geen pdf"),
        )
    assert not ProposedDocument.objects.exists()


def test_download_for_the_secretariat_and_the_proposer_only(client, secretary, setting, member):
    _directors, working_group, official, meeting = setting
    proposal = submit(official, meeting, working_group)
    url = reverse("planning:proposal_download", args=[proposal.pk])
    client.force_login(official)
    assert client.get(url).status_code == 200
    client.force_login(secretary)
    assert client.get(url).status_code == 200
    client.force_login(member)
    assert client.get(url).status_code == 404


def test_demo_ambtenaar_has_a_stuk_waiting():
    import io

    from django.core.management import call_command

    from gremia.demo import load_demo
    from nhn_portal.core.seeding import LoadReport
    from planning.demo import load_demo_proposal
    from regiobureau.demo.meetings import load_demo_meetings

    call_command("load_nhn", stdout=io.StringIO())
    load_demo(report=LoadReport())
    load_demo_meetings()
    proposal = load_demo_proposal()
    assert proposal.status == ProposalStatus.PROPOSED
    assert proposal.proposed_by.email == "ambtenaar@example.org"
    assert proposal.meeting.body.slug == "directeurenoverleg-wonen"
    assert load_demo_proposal() == proposal
    assert ProposedDocument.objects.count() == 1
