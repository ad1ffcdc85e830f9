"""The secretariat's screens for the cost key and the core message: drafting a year's cost
key, its adoption by a stuurgroep decision (refused without one), the page that adds up to
100 %, the XLSX export; the core message's versions, its PDF and its place in the induction
pack."""

import datetime
import io
import zipfile
from decimal import Decimal

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from gremia.constants import OrganisationKind, PersonFunction
from middelen import selectors, services
from middelen.constants import CORE_MESSAGE_AUDIENCE, CORE_MESSAGE_PDF
from middelen.models import CoreMessage, CostKeyStatus, CostKeyYear
from middelen.producers import produce_core_message
from nhn_portal.core.constants import Role
from nhn_portal.core.models import AuditRecord, GeneratedDocument
from nhn_portal.core.spreadsheet import xlsx_bytes
from nhn_portal.pdf import render_pdf
from tests.factories import MembershipFactory, OrganisationFactory, PersonFactory, UserFactory
from tests.middelen.test_cost_key import stuurgroep_decision
from verkiezingen.constants import INDUCTION_AUDIENCE, ElectionKind
from verkiezingen.producers import produce_induction_pack
from verkiezingen.selectors import induction_pack
from verkiezingen.services import election_create, successor_record

pytestmark = pytest.mark.django_db

ON = datetime.date(2025, 1, 1)


@pytest.fixture
def partners(secretary):
    """Three municipalities (inhabitants that do not divide evenly), a province and a water
    board."""
    made = []
    for name, inhabitants in (("Gemeente X", 112_601), ("Gemeente Y", 13_903), ("Gemeente Z", 7)):
        org = OrganisationFactory(name=name, kind=OrganisationKind.MUNICIPALITY)
        services.population_record(
            actor=secretary, organisation=org, date=ON, inhabitants=inhabitants, source="CBS"
        )
        made.append(org)
    made.append(OrganisationFactory(name="Provincie Q", kind=OrganisationKind.PROVINCE))
    made.append(OrganisationFactory(name="Waterschap W", kind=OrganisationKind.WATER_BOARD))
    return made


def _form_data(partners, **over):
    data = {
        "year": "2026",
        "budget": "1.850.000,01",
        "fixed_part": "25.000,00",
        "population_date": "2025-01-01",
    }
    data.update({f"hours_{org.pk}": "80" for org in partners})
    data.update(over)
    return data


def test_the_secretariat_drafts_a_cost_key_and_the_page_adds_up_to_100(client, secretary, partners):
    client.force_login(secretary)
    new = reverse("middelen:cost_key_new")
    assert client.get(new).status_code == 200
    response = client.post(new, _form_data(partners))
    assert response.status_code == 302, response.context["form"].errors
    key = CostKeyYear.objects.get(year=2026)
    assert (key.version, key.status, key.budget_cents) == (1, CostKeyStatus.DRAFT, 185_000_001)
    assert (
        key.partners.count() == 5
        and AuditRecord.objects.filter(verb="cost_key_year_create").exists()
    )
    rows = selectors.cost_key_rows(key)
    assert sum(r.share.total_cents for r in rows) == 185_000_001
    assert sum(r.share.percentage for r in rows) == Decimal("100.00")
    page = client.get(reverse("middelen:cost_key", args=[2026])).content.decode()
    assert "€ 1.850.000,01" in page and "100,00 %" in page
    assert "Concept, versie 1" in page and "Vaststellen" in page
    # A second draft of the same year is the next version.
    client.post(new, _form_data(partners, budget="1.900.000,00"))
    assert list(CostKeyYear.objects.filter(year=2026).values_list("version", flat=True)) == [
        2,
        1,
    ]


def test_the_form_says_clearly_what_is_wrong(client, secretary, partners):
    client.force_login(secretary)
    response = client.post(
        reverse("middelen:cost_key_new"), _form_data(partners, fixed_part="400.000,00")
    )
    assert response.status_code == 400
    assert "De vaste delen van de 5 partners zijn samen hoger dan de begroting." in (
        response.content.decode()
    )
    response = client.post(reverse("middelen:cost_key_new"), _form_data(partners, year=""))
    assert response.status_code == 400
    assert not CostKeyYear.objects.exists()


def test_adoption_needs_a_stuurgroep_decision(client, secretary, partners):
    key = services.cost_key_year_create(
        actor=secretary,
        year=2026,
        budget_cents=1_000_000_00,
        fixed_part_cents=10_000_00,
        population_date=ON,
        partners=[(org, 10) for org in partners],
    )
    client.force_login(secretary)
    adopt = reverse("middelen:cost_key_adopt", args=[2026])
    refused = client.post(adopt, {})
    assert refused.status_code == 400
    assert "Kies het stuurgroepbesluit dat dit vaststelt." in refused.content.decode()
    other = stuurgroep_decision(secretary, steering=False)
    assert client.post(adopt, {"decision": other.pk}).status_code == 400
    key.refresh_from_db()
    assert key.status == CostKeyStatus.DRAFT
    decision = stuurgroep_decision(secretary)
    assert client.post(adopt, {"decision": decision.pk}).status_code == 302
    key.refresh_from_db()
    assert key.status == CostKeyStatus.ADOPTED and key.decision == decision
    page = client.get(reverse("middelen:cost_key", args=[2026])).content.decode()
    assert decision.item.meeting.get_absolute_url() in page


def test_only_the_secretariat_drafts_and_adopts(client, secretary, partners):
    member = UserFactory(roles=[Role.ADMINISTRATOR])
    client.force_login(member)
    assert client.get(reverse("middelen:cost_key_new")).status_code == 404
    assert client.post(reverse("middelen:cost_key_new"), _form_data(partners)).status_code == 404
    decision = stuurgroep_decision(secretary)
    services.cost_key_year_create(
        actor=secretary,
        year=2026,
        budget_cents=100_00,
        fixed_part_cents=0,
        population_date=ON,
        partners=[(partners[0], 1)],
    )
    adopt = reverse("middelen:cost_key_adopt", args=[2026])
    assert client.post(adopt, {"decision": decision.pk}).status_code == 404
    assert not CostKeyYear.objects.filter(status=CostKeyStatus.ADOPTED).exists()
    message = services.core_message_create(actor=secretary, text="Concept.")
    create = reverse("middelen:core_message_create")
    assert client.post(create, {"text": "Nee."}).status_code == 404
    adopt = reverse("middelen:core_message_adopt", args=[message.version])
    assert client.post(adopt, {"decision": decision.pk}).status_code == 404
    assert CoreMessage.objects.count() == 1 and CoreMessage.objects.get().adopted_on is None
    # The public page shows no draft.
    client.logout()
    assert "Concept." not in client.get(reverse("middelen:core_message")).content.decode()


def test_the_xlsx_export_holds_the_rows_and_the_totals(client, secretary, partners):
    key = services.cost_key_year_create(
        actor=secretary,
        year=2026,
        budget_cents=1_000_000_01,
        fixed_part_cents=10_000_00,
        population_date=ON,
        partners=[(org, 10) for org in partners],
    )
    services.cost_key_year_adopt(actor=secretary, key=key, decision=stuurgroep_decision(secretary))
    client.force_login(UserFactory(roles=[Role.CIVIL_SERVANT]))
    response = client.get(reverse("middelen:cost_key_xlsx", args=[2026]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert archive.testzip() is None
    sheet = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "Gemeente X" in sheet and "Waterschap W" in sheet
    assert "<v>1000000.01</v>" in sheet and "<v>100.00</v>" in sheet
    assert '<row r="7">' in sheet  # header, five partners, total
    assert "Kostenverdeling 2026" in archive.read("xl/workbook.xml").decode()


def test_xlsx_escapes_text():
    data = xlsx_bytes([["<b>&", 1, None, Decimal("2.50")]])
    sheet = zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml").decode()
    assert "&lt;b&gt;&amp;" in sheet and "<v>1</v>" in sheet and "<v>2.50</v>" in sheet
    assert 'r="C1"' not in sheet
    assert xlsx_bytes([["a"]]) == xlsx_bytes([["a"]])  # the same rows, the same bytes


def test_the_core_message_is_written_adopted_and_published_as_a_pdf(
    client, secretary, fake_render, celery_eager, django_capture_on_commit_callbacks
):
    client.force_login(secretary)
    page = reverse("middelen:core_message")
    response = client.post(reverse("middelen:core_message_create"), {"text": ""})
    assert response.status_code == 400
    client.post(reverse("middelen:core_message_create"), {"text": "Samen sterk in NHN."})
    message = CoreMessage.objects.get()
    adopt = reverse("middelen:core_message_adopt", args=[message.version])
    assert client.post(adopt, {}).status_code == 400
    decision = stuurgroep_decision(secretary)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(adopt, {"decision": decision.pk}).status_code == 302
    message.refresh_from_db()
    assert message.adopted_on == timezone.localdate(decision.item.meeting.starts_at)
    document = GeneratedDocument.objects.get(kind=CORE_MESSAGE_PDF, audience=CORE_MESSAGE_AUDIENCE)
    assert document.object_id == message.pk
    client.logout()
    assert "Samen sterk in NHN." in client.get(page).content.decode()
    pdf = client.get(reverse("middelen:core_message_pdf"))
    assert pdf.status_code == 200
    assert b"".join(pdf.streaming_content if pdf.streaming else [pdf.content]).startswith(b"%PDF")
    home = client.get(reverse("home")).content.decode()
    assert reverse("middelen:core_message_pdf") in home


def test_the_core_message_pdf_renders_for_real_tagged_and_dutch(secretary):
    message = services.core_message_create(actor=secretary, text="Het verhaal van NHN in het kort.")
    services.core_message_adopt(
        actor=secretary, message=message, decision=stuurgroep_decision(secretary)
    )
    message.refresh_from_db()
    produced = produce_core_message(message, CORE_MESSAGE_AUDIENCE)
    rendered = render_pdf(
        template=produced.template,
        context={**produced.context, "confidential": False},
        title=produced.title,
    )
    assert rendered.pdf.startswith(b"%PDF") and rendered.pages == 1
    reader = PdfReader(io.BytesIO(rendered.pdf))
    catalog = reader.trailer["/Root"]
    assert catalog["/MarkInfo"]["/Marked"].value is True and "/StructTreeRoot" in catalog
    assert catalog["/Lang"] in ("nl-NL", "nl")
    assert "Het verhaal van NHN in het kort." in reader.pages[0].extract_text()
    assert "Het verhaal van NHN in het kort." in rendered.html
    assert 'lang="nl' in rendered.html


def test_the_induction_pack_carries_the_adopted_core_message(secretary):
    message = services.core_message_create(actor=secretary, text="Eén regio, drie deelregio's.")
    services.core_message_adopt(
        actor=secretary, message=message, decision=stuurgroep_decision(secretary)
    )
    services.core_message_create(actor=secretary, text="Een concept dat niemand ziet.")
    hoorn = OrganisationFactory(name="Gemeente H", kind=OrganisationKind.MUNICIPALITY)
    old = MembershipFactory(
        person=PersonFactory(name="Oud Lid", organisation=hoorn, function=PersonFunction.ALDERMAN)
    )
    election = election_create(
        actor=secretary,
        kind=ElectionKind.MUNICIPAL,
        held_on=datetime.date(2026, 3, 18),
        installed_on=datetime.date(2026, 4, 1),
    )
    succession = successor_record(
        actor=secretary,
        election=election,
        previous=old,
        person=PersonFactory(name="Nieuw Lid", organisation=hoorn),
    )
    pack = induction_pack(succession)
    assert pack.core_message.text == "Eén regio, drie deelregio's."
    produced = produce_induction_pack(succession, INDUCTION_AUDIENCE)
    html = render_to_string(produced.template, produced.context)
    assert "Het verhaal van NHN" in html and "Eén regio, drie deelregio" in html
    assert "Een concept dat niemand ziet." not in html
