"""A published meeting with a public and a closed item, stukken and people in each role.

Shared by the view, editor, feed and query-count tests, which star-import it: the fixtures
here are self-contained and take precedence over same-named ones in conftest.py.
"""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from gremia.models import Person
from nhn_portal.core.constants import Role
from regiobureau import services
from regiobureau.constants import Confidentiality, ItemPurpose
from tests.factories import BodyFactory, MembershipFactory, PersonFactory, UserFactory

PUBLIC_TITLE = "Woondeal NHN: voortgang"
CLOSED_TITLE = "Grondaankoop Zuidrand (vertrouwelijk)"
CONFIDENTIAL_DOC = "Taxatierapport kavels"


def tiny_pdf(text: str = "NHN") -> bytes:
    """A minimal but valid one-page PDF."""
    return (
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
        b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
        b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n"
        b"trailer<</Root 1 0 R>>\n%%EOF\n" + f"% {text}\n".encode()
    )


def pdf_upload(name: str = "stuk.pdf", text: str = "NHN") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, tiny_pdf(text), content_type="application/pdf")


def member_of(body, *, roles=(Role.ADMINISTRATOR,)):
    user = UserFactory(roles=list(roles))
    person = PersonFactory(user=user)
    MembershipFactory(person=person, body=body)
    return user


def make_meeting(*, secretary, body, is_public=True, days=14):
    starts = timezone.now().replace(microsecond=0) + datetime.timedelta(days=days)
    meeting = services.meeting_create(
        actor=secretary,
        body=body,
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=2),
        title=f"Vergadering {body.name}",
        location="Provinciehuis, Haarlem",
        online_url="https://meet.example.org/nhn",
        is_public=is_public,
    )
    return meeting


__all__ = [
    "CLOSED_TITLE",
    "CONFIDENTIAL_DOC",
    "PUBLIC_TITLE",
    "body",
    "make_meeting",
    "media_root",
    "meeting",
    "member",
    "member_of",
    "outsider",
    "pdf_upload",
    "secretary",
    "tiny_pdf",
]


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def secretary(db):
    return UserFactory(roles=[Role.SECRETARY])


@pytest.fixture
def body(db):
    return BodyFactory(name="Platform Wonen test", slug="platform-wonen-test")


@pytest.fixture
def member(body):
    return member_of(body)


@pytest.fixture
def outsider(db):
    """A bestuurder who does not sit on the body."""
    user = UserFactory(roles=[Role.ADMINISTRATOR])
    Person.objects.create(name="Buitenstaander", user=user)
    return user


@pytest.fixture
def meeting(secretary, body):
    """Published, public meeting: one public item with a public and a confidential stuk,
    one closed item with a stuk, and an annotation on each."""
    meeting = make_meeting(secretary=secretary, body=body)
    public = services.agenda_item_create(
        actor=secretary,
        meeting=meeting,
        expected_version=None,
        title=PUBLIC_TITLE,
        purpose=ItemPurpose.DECISION,
    )
    closed = services.agenda_item_create(
        actor=secretary,
        meeting=meeting,
        expected_version=None,
        title=CLOSED_TITLE,
        purpose=ItemPurpose.DISCUSSION,
        is_public=False,
    )
    services.document_upload(
        actor=secretary,
        item=public,
        title="Voortgangsrapportage",
        confidentiality=Confidentiality.PUBLIC,
        upload=pdf_upload("voortgang.pdf"),
    )
    services.document_upload(
        actor=secretary,
        item=public,
        title=CONFIDENTIAL_DOC,
        confidentiality=Confidentiality.CONFIDENTIAL,
        upload=pdf_upload("taxatie.pdf"),
    )
    services.document_upload(
        actor=secretary,
        item=closed,
        title="Koopovereenkomst concept",
        confidentiality=Confidentiality.PUBLIC,
        upload=pdf_upload("koop.pdf"),
    )
    for item in (public, closed):
        services.annotation_save(
            actor=secretary,
            item=item,
            expected_version=None,
            core_message=f"<p>Kern van {item.title}</p>",
            proposal="<p>Instemmen met het voorstel.</p>",
        )
    meeting.refresh_from_db()
    services.meeting_publish_agenda(
        actor=secretary, meeting=meeting, expected_version=meeting.agenda_version
    )
    meeting.refresh_from_db()
    meeting.public_item = public
    meeting.closed_item = closed
    return meeting
