"""Plain helpers that build test data: no fixtures, imported by name where they are used.

tests/conftest.py builds its shared fixtures from these; the benchmarks in bench/ use them too,
so a benchmark measures the data the tests check. tests/factories.py stays the factory_boy
module these helpers are made of.
"""

import datetime
import hashlib
import time
from zoneinfo import ZoneInfo

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from gremia.constants import DecisionRule, PersonFunction
from nhn_portal.core.constants import Role
from raden.models.letters import CouncilLetterDelivery
from raden.services.composing import (
    council_letter_adopt,
    council_letter_create,
    council_letter_item_add,
    council_letter_paragraph_set,
)
from raden.services.gatherings import gathering_create
from raden.services.issuing import council_letter_issue
from regiobureau.constants import DecisionOutcome
from regiobureau.services.annotation_reviews import annotation_adopt, annotation_send_for_review
from regiobureau.services.decisions import decision_record
from regiobureau.services.meetings import meeting_create
from tests.factories import (
    AgendaItemFactory,
    BodyFactory,
    MeetingFactory,
    MembershipFactory,
    OrganisationFactory,
    PersonFactory,
    SubregionFactory,
    UserFactory,
)

# The password every UserFactory login has.
PASSWORD = "nhn-test-2026"

# --- The context of the sample PDF (templates/pdf/sample.html) -----------------------------


def pdf_agenda_context(*, items=3, confidential=False, item=None, documents=None) -> dict:
    """An annotated agenda of the Portefeuillehoudersoverleg Wonen (3 March 2026, Alkmaar)
    with `items` items, as templates/pdf/sample.html reads it. `item(number)` returns the
    fields that replace that item's defaults; `documents` replaces the one default stuk."""

    def fields(number: int) -> dict:
        return {
            "number": number,
            "title": f"Woningbouwprogramma {number}",
            "purpose": "Ter besluitvorming",
            "presenter": "wethouder De Vries",
            "annotation": "De regio versnelt de woningbouw, ook voor starters. " * 40,
            "closed": False,
            **(item(number) if item else {}),
        }

    return {
        "body_name": "Portefeuillehoudersoverleg Wonen",
        "starts_at": datetime.datetime(2026, 3, 3, 19, 30, tzinfo=ZoneInfo("Europe/Amsterdam")),
        "place": "Gemeentehuis Alkmaar, raadzaal",
        "confidential": confidential,
        "items": [fields(number) for number in range(1, items + 1)],
        "documents": (
            [{"title": "Voortgangsrapportage 2025", "item": 1}] if documents is None else documents
        ),
    }


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


def adopt_annotation(annotation, *, author, reviewer=None):
    """Four eyes: `author` sends the annotation for review to `reviewer` (a second secretary
    when none is given), who adopts it. Returns the annotation."""
    reviewer = reviewer or UserFactory(roles=[Role.SECRETARY])
    annotation_send_for_review(
        actor=author, annotation=annotation, reviewers=[reviewer], due_on=timezone.localdate()
    )
    return annotation_adopt(actor=reviewer, annotation=annotation)


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
    return meeting_create(
        actor=secretary,
        body=body,
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=hours),
        is_public=is_public,
        **values,
    )


# --- The 17 municipalities and a council letter (raden) -------------------------------------

REGION = {
    "Kop van Noord-Holland": ["Den Helder", "Hollands Kroon", "Schagen", "Texel"],
    "West-Friesland": [
        "Drechterland",
        "Enkhuizen",
        "Hoorn",
        "Koggenland",
        "Medemblik",
        "Opmeer",
        "Stede Broec",
    ],
    "Regio Alkmaar": ["Alkmaar", "Bergen", "Castricum", "Dijk en Waard", "Heiloo", "Uitgeest"],
}
KOP_PARAGRAPH = "Voor de Kop: de netcongestie vraagt om een eigen aanpak op Texel en in Schagen."


def municipality_slug(name: str) -> str:
    """ "Den Helder" -> "gemeente-den-helder", as the reference data names them."""
    return "gemeente-" + name.lower().replace(" ", "-")


def make_region() -> dict:
    """The 17 NHN municipalities in their three sub-regions: {town name: Organisation}."""
    towns = {}
    for subregion_name, names in REGION.items():
        subregion = SubregionFactory(
            name=subregion_name, slug=subregion_name.lower().replace(" ", "-")
        )
        for name in names:
            towns[name] = OrganisationFactory(
                name=f"Gemeente {name}", slug=municipality_slug(name), subregion=subregion
            )
    return towns


def make_province():
    return OrganisationFactory(name="Provincie Noord-Holland", slug="provincie", province=True)


def make_meeting_with_decision(*, actor, province):
    """A held meeting of the Platform Wonen (consensus; one member, from `province`) with one
    item, "Woondeal NHN: versnellingsmiddelen", and its adopted decision recorded by `actor`."""
    body = BodyFactory(name="Platform Wonen", decision_rule=DecisionRule.CONSENSUS)
    meeting = MeetingFactory(body=body, held=True, title="Platform Wonen juni")
    MembershipFactory(body=body, person__organisation=province)
    item = AgendaItemFactory(meeting=meeting, title="Woondeal NHN: versnellingsmiddelen")
    decision_record(
        actor=actor,
        item=item,
        text="Het platform stemt in met de verdeling van de versnellingsmiddelen.",
        outcome=DecisionOutcome.ADOPTED,
    )
    return meeting


def griffie(town, email=None):
    """A griffie login (role CLERK) whose person works for the council of `town`."""
    user = UserFactory(roles=[Role.CLERK], email=email or f"griffie@{town.slug}.example.org")
    PersonFactory(user=user, organisation=town, function=PersonFunction.CLERK)
    return user


def letter_for(meeting, secretary, region, *, adopt=True, paragraph=True):
    """A council letter on the meeting's Woondeal decision, with a paragraph for the Kop van
    Noord-Holland unless `paragraph=False`, and adopted unless `adopt=False`."""
    letter = council_letter_create(
        actor=secretary,
        meeting=meeting,
        title="Versnelling woningbouw",
        intro="Het Platform Wonen heeft besloten over de versnellingsmiddelen.",
        contact_person=PersonFactory(
            name="Noor van Dijk", email="noor@example.org", organisation=None
        ),
    )
    decision = meeting.items.get(title__startswith="Woondeal").decisions.get()
    council_letter_item_add(
        actor=secretary,
        letter=letter,
        decision=decision,
        text="Uw gemeente ontvangt een deel van de middelen voor extra planvorming.",
    )
    if paragraph:
        kop = region["Texel"].subregion
        council_letter_paragraph_set(
            actor=secretary, letter=letter, subregion=kop, text=KOP_PARAGRAPH
        )
    if adopt:
        council_letter_adopt(actor=secretary, letter=letter)
    return letter


def issue(letter, secretary, django_capture_on_commit_callbacks):
    """Issue and run every task enqueued after the commit: the 17 generation jobs, each
    followed by making its copy available, then the griffie notifications. Returns
    {town name: CouncilLetterDelivery}."""
    with django_capture_on_commit_callbacks(execute=True):
        council_letter_issue(actor=secretary, letter=letter)
    return {
        d.municipality.name.removeprefix("Gemeente "): d
        for d in CouncilLetterDelivery.objects.filter(
            letter=letter, addressee="raad"
        ).select_related("municipality")
    }


class FakePdf:
    """What render_pdf_from_html returns, without WeasyPrint (see the `fake_render` fixture)."""

    def __init__(self, text):
        self.pdf = b"%PDF-1.4\n% " + text.encode() + b"\n%%EOF\n"
        self.sha256 = hashlib.sha256(self.pdf).hexdigest()
        self.pages = 1


# --- Council gatherings (raden) -------------------------------------------------------------


def make_gathering(*, secretary, days=21, capacity=None, kind="raadsconferentie", **fields):
    """A council gathering on a new meeting of the raadsbijeenkomsten body (made once),
    starting `days` from now (negative: already held)."""
    from gremia.constants import BodyKind
    from gremia.models.registry import Body

    body = Body.objects.filter(slug="raadsbijeenkomsten-nhn").first() or BodyFactory(
        name="Raadsbijeenkomsten NHN",
        slug="raadsbijeenkomsten-nhn",
        kind=BodyKind.COUNCIL_GATHERING,
    )
    meeting = make_meeting(
        secretary=secretary, body=body, days=days, title=f"Raadsconferentie {days}"
    )
    return gathering_create(
        actor=secretary,
        meeting=meeting,
        kind=kind,
        programme="Ontvangst, Woondeal, werktafels",
        capacity=capacity,
        **fields,
    )


def personal_link(gathering, town, *, name="Anna de Vries", email="anna@example.org") -> str:
    """A council member's personal link token for `gathering` (as mailed)."""
    from raden import links

    return links.personal_token(
        gathering_id=gathering.pk, municipality_id=town.pk, name=name, email=email
    )


def clock_moved_on(monkeypatch, seconds: float) -> None:
    """time.monotonic() stands `seconds` later for the rest of the test: for the copies a
    process keeps for a while (the menu, fragments, a kept page)."""
    later = time.monotonic() + seconds
    monkeypatch.setattr(time, "monotonic", lambda: later)
