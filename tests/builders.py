"""Plain helpers that build test data: no fixtures, imported by name where they are used.

tests/conftest.py builds its shared fixtures from these; the benchmarks in bench/ use them too,
so a benchmark measures the data the tests check. tests/factories.py stays the factory_boy
module these helpers are made of.
"""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from nhn_portal.core.constants import Role
from regiobureau import services as regiobureau_services
from tests.factories import MembershipFactory, PersonFactory, UserFactory

# The password every UserFactory login has.
PASSWORD = "nhn-test-2026"

# --- The published meeting of tests/conftest.py (`published_meeting`) ----------------------

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
    """`tiny_pdf(text)` as an uploaded file called `name`."""
    return SimpleUploadedFile(name, tiny_pdf(text), content_type="application/pdf")


def member_of(body, *, roles=(Role.ADMINISTRATOR,), person_name=None, **membership):
    """A login in the groups of `roles` whose person currently sits on `body`.

    Returns the user; its person is `user.person`. `roles=()` gives a login without a role
    group; `person_name` names the person; the other keyword arguments go to
    MembershipFactory (`chair=True`, `start=...`, `end=...`).
    """
    user = UserFactory(roles=list(roles))
    person_fields = {} if person_name is None else {"name": person_name}
    person = PersonFactory(user=user, **person_fields)
    MembershipFactory(person=person, body=body, **membership)
    return user


def make_meeting(*, secretary, body, is_public=True, days=14, hours=2, **fields):
    """A draft meeting of `body` made through the service (with its default opening and
    closing items), starting `days` from now and lasting `hours`. `fields` (title, location,
    online_url, ...) go to meeting_create over the defaults."""
    starts = timezone.now().replace(microsecond=0) + datetime.timedelta(days=days)
    values = {
        "title": f"Vergadering {body.name}",
        "location": "Provinciehuis, Haarlem",
        "online_url": "https://meet.example.org/nhn",
        **fields,
    }
    return regiobureau_services.meeting_create(
        actor=secretary,
        body=body,
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=hours),
        is_public=is_public,
        **values,
    )
