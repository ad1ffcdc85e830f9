"""The 17 NHN municipalities in their three sub-regions, a held meeting with decisions, and
a griffie login per council, for the council letter tests (issue 5)."""

import hashlib

import pytest

from gremia.constants import DecisionRule, PersonFunction
from nhn_portal.core import production
from nhn_portal.core.constants import Role
from raden import services
from raden.models import CouncilLetterDelivery
from regiobureau import decision_services
from regiobureau.constants import DecisionOutcome
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


def slug(name: str) -> str:
    return "gemeente-" + name.lower().replace(" ", "-")


@pytest.fixture
def region(db):
    """{town name: Organisation} for the 17 municipalities."""
    towns = {}
    for subregion_name, names in REGION.items():
        subregion = SubregionFactory(
            name=subregion_name, slug=subregion_name.lower().replace(" ", "-")
        )
        for name in names:
            towns[name] = OrganisationFactory(
                name=f"Gemeente {name}", slug=slug(name), subregion=subregion
            )
    return towns


@pytest.fixture
def province(db):
    return OrganisationFactory(name="Provincie Noord-Holland", slug="provincie", province=True)


@pytest.fixture
def meeting(db, secretary, province):
    body = BodyFactory(name="Platform Wonen", decision_rule=DecisionRule.CONSENSUS)
    meeting = MeetingFactory(body=body, held=True, title="Platform Wonen juni")
    MembershipFactory(body=body, person__organisation=province)
    item = AgendaItemFactory(meeting=meeting, title="Woondeal NHN: versnellingsmiddelen")
    decision_services.decision_record(
        actor=secretary,
        item=item,
        text="Het platform stemt in met de verdeling van de versnellingsmiddelen.",
        outcome=DecisionOutcome.ADOPTED,
    )
    return meeting


def griffie(town, email=None):
    user = UserFactory(roles=[Role.CLERK], email=email or f"griffie@{town.slug}.example.org")
    PersonFactory(user=user, organisation=town, function=PersonFunction.CLERK)
    return user


def letter_for(meeting, secretary, region, *, adopt=True, paragraph=True):
    letter = services.council_letter_create(
        actor=secretary,
        meeting=meeting,
        title="Versnelling woningbouw",
        intro="Het Platform Wonen heeft besloten over de versnellingsmiddelen.",
        contact_person=PersonFactory(
            name="Noor van Dijk", email="noor@example.org", organisation=None
        ),
    )
    decision = meeting.items.get(title__startswith="Woondeal").decisions.get()
    services.council_letter_item_add(
        actor=secretary,
        letter=letter,
        decision=decision,
        text="Uw gemeente ontvangt een deel van de middelen voor extra planvorming.",
    )
    if paragraph:
        kop = region["Texel"].subregion
        services.council_letter_paragraph_set(
            actor=secretary, letter=letter, subregion=kop, text=KOP_PARAGRAPH
        )
    if adopt:
        services.council_letter_adopt(actor=secretary, letter=letter)
    return letter


class FakePdf:
    def __init__(self, text):
        self.pdf = b"%PDF-1.4\n% " + text.encode() + b"\n%%EOF\n"
        self.sha256 = hashlib.sha256(self.pdf).hexdigest()
        self.pages = 1


@pytest.fixture
def fake_render(monkeypatch):
    """Replace WeasyPrint in the pipeline with a stand-in; add a town's name to make its
    council's render fail."""
    failing: set[str] = set()

    def render(*, html):
        for town in failing:
            if f"gemeenteraad van {town}" in html:
                raise RuntimeError(f"render failed for {town}")
        return FakePdf(html[-200:])

    monkeypatch.setattr(production, "render_pdf_from_html", render)
    return failing


def issue(letter, secretary, django_capture_on_commit_callbacks):
    """Issue and run every task enqueued after the commit: the 17 generation jobs, each
    followed by making its copy available, then the griffie notifications."""
    with django_capture_on_commit_callbacks(execute=True):
        services.council_letter_issue(actor=secretary, letter=letter)
    return {
        d.municipality.name.removeprefix("Gemeente "): d
        for d in CouncilLetterDelivery.objects.filter(letter=letter).select_related("municipality")
    }


@pytest.fixture(autouse=True)
def celery_eager():
    """Tasks run in-process when enqueued (the broker is not part of these tests)."""
    from nhn_portal.celery import app

    previous = app.conf.task_always_eager, app.conf.task_eager_propagates
    app.conf.task_always_eager = True
    app.conf.task_eager_propagates = True
    yield app
    app.conf.task_always_eager, app.conf.task_eager_propagates = previous


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def secretary(db):
    return UserFactory(roles=[Role.SECRETARY])
