"""A public consultation of the councils in the open data: in ORI 2.0 as informatieobjecten
of the draft's agenda item and of the final decision (the consultation, each council's
response, the reactienota's PDF), in the Woo sitemap (the reactienota) — and nothing of a
consultation whose draft is not public, in any channel."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.urls import reverse

from consultaties.constants import REACTIENOTA, NotaStatus
from consultaties.models import Consultation
from consultaties.services import consultation_open, response_record
from nhn_portal.core.models import GeneratedDocument
from regiobureau.constants import DecisionOutcome
from regiobureau.models.decisions import Decision
from tests.builders import griffie
from tests.factories import AgendaItemFactory, MeetingFactory

pytestmark = pytest.mark.django_db
User = get_user_model()

ORI = "/api/ori/v2/"


def consult(secretary, region, item, title):
    consultation = consultation_open(
        actor=secretary,
        agenda_item=item,
        title=title,
        question="Heeft uw raad wensen en bedenkingen?",
        subregions=(),
        opened_on=datetime.date(2026, 1, 5),
        deadline=datetime.date(2026, 3, 2),
        issue_letter=False,
    )
    row = consultation.responses.get(municipality=region["Texel"])
    clerk = User.objects.filter(email=f"griffie@{region['Texel'].slug}.example.org").first()
    response_record(
        actor=clerk or griffie(region["Texel"]),
        response=row,
        version=row.version,
        outcome="responded",
        outcome_date=datetime.date(2026, 2, 20),
        text="Meer sociale huur.",
    )
    return consultation, row


def adopt_nota(consultation):
    """The reactienota adopted and its public PDF stored (as the production job leaves it)."""
    Consultation.objects.filter(pk=consultation.pk).update(
        nota_status=NotaStatus.ADOPTED,
        nota_adopted_at=datetime.datetime(2026, 3, 20, 10, tzinfo=datetime.UTC),
    )
    document = GeneratedDocument(
        content_type=ContentType.objects.get_for_model(Consultation),
        object_id=consultation.pk,
        kind=REACTIENOTA,
        audience="public",
        version=1,
        title="Reactienota",
        filename="reactienota.pdf",
        content_hash="0" * 64,
        sha256="1" * 64,
        size=4,
        pages=1,
    )
    document.file.save("reactienota.pdf", ContentFile(b"%PDF"), save=False)
    document.save()
    consultation.refresh_from_db()


@pytest.fixture
def public(secretary, region):
    item = AgendaItemFactory(meeting=MeetingFactory(published=True), title="Woonagenda ontwerp")
    consultation, row = consult(secretary, region, item, "Regionale woonagenda")
    final_item = AgendaItemFactory(meeting=MeetingFactory(published=True), title="Woonagenda")
    decision = Decision.objects.create(
        item=final_item, text="Vastgesteld.", outcome=DecisionOutcome.ADOPTED, rule="consensus"
    )
    Consultation.objects.filter(pk=consultation.pk).update(final_decision=decision)
    adopt_nota(consultation)
    return consultation, row, decision


@pytest.fixture
def hidden(secretary, region):
    """Two consultations a visitor may not see: one on a closed item of a public meeting,
    one on an item of a meeting whose agenda is not out."""
    closed_item = AgendaItemFactory(
        meeting=MeetingFactory(published=True), confidential=True, title="Besloten ontwerp"
    )
    closed, closed_row = consult(secretary, region, closed_item, "Besloten consultatie")
    adopt_nota(closed)
    draft_item = AgendaItemFactory(meeting=MeetingFactory(), title="Ongepubliceerd ontwerp")
    unpublished, unpublished_row = consult(secretary, region, draft_item, "Verborgen consultatie")
    adopt_nota(unpublished)
    return [(closed, closed_row), (unpublished, unpublished_row)]


def ids(client, path):
    data = client.get(path).json()
    return [row["id"] for row in data["results"]]


def test_ori_lists_the_consultation_its_responses_and_the_reactienota(client, public, hidden):
    consultation, row, decision = public
    listed = ids(client, ORI + "informatieobjecten?pageSize=100")
    key = f"consultatie-{consultation.pk}"
    assert [key, f"{key}-reactie-{row.pk}", f"{key}-reactienota"] == [
        i for i in listed if i.startswith("consultatie-")
    ]
    nota = client.get(ORI + f"informatieobjecten/{key}-reactienota").json()
    assert nota["link"].endswith(
        reverse("consultaties:nota_download", kwargs={"pk": consultation.pk})
    )
    assert nota["x-nhn"]["bestand"]["mediatype"] == "application/pdf"
    assert nota["x-nhn"]["besluit"]["id"] == str(decision.pk)
    assert {ref["id"] for ref in nota["agendapunten"]} == {
        str(consultation.agenda_item_id),
        str(decision.item_id),
    }
    response = client.get(ORI + f"informatieobjecten/{key}-reactie-{row.pk}").json()
    assert response["x-nhn"]["gemeente"] == "Gemeente Texel"
    assert response["creatiedatum"] == "2026-02-20"
    # The decision and both agenda items name them.
    besluit = client.get(ORI + f"besluiten/{decision.pk}").json()
    assert besluit["x-nhn"]["informatieobjecten"][-1].endswith(f"{key}-reactienota")
    assert len(besluit["x-nhn"]["informatieobjecten"]) == 3
    for item_id in (consultation.agenda_item_id, decision.item_id):
        item = client.get(ORI + f"agendapunten/{item_id}").json()
        assert any(url.endswith(f"{key}-reactienota") for url in item["informatieobjecten"])


def test_ori_filters_and_pages_the_consultation_parts(client, public):
    consultation, row, decision = public
    per_item = ids(client, ORI + f"informatieobjecten?agendapuntIdentificatie={decision.item_id}")
    assert len(per_item) == 3
    assert ids(client, ORI + "informatieobjecten?titel=reactienota") == [
        f"consultatie-{consultation.pk}-reactienota"
    ]
    assert ids(client, ORI + "informatieobjecten?auteur=x") == []
    first = client.get(ORI + "informatieobjecten?pageSize=2").json()
    second = client.get(ORI + "informatieobjecten?pageSize=2&page=2").json()
    assert first["count"] == 3 and len(first["results"]) == 2 and len(second["results"]) == 1


def test_ori_shows_nothing_of_a_consultation_whose_draft_is_not_public(client, public, hidden):
    listed = ids(client, ORI + "informatieobjecten?pageSize=100")
    for consultation, row in hidden:
        key = f"consultatie-{consultation.pk}"
        assert not any(i.startswith(key + "-") or i == key for i in listed)
        for suffix in ("", f"-reactie-{row.pk}", "-reactienota"):
            answer = client.get(ORI + f"informatieobjecten/{key}{suffix}")
            assert answer.status_code == 404
    assert client.get(ORI + "informatieobjecten/consultatie-x").status_code == 404


def test_the_final_decision_is_named_only_once_it_is_public(client, secretary, region):
    item = AgendaItemFactory(meeting=MeetingFactory(published=True))
    consultation, row = consult(secretary, region, item, "Mobiliteit")
    closed_item = AgendaItemFactory(meeting=MeetingFactory(published=True), confidential=True)
    decision = Decision.objects.create(
        item=closed_item, text="Besloten.", outcome=DecisionOutcome.ADOPTED, rule="consensus"
    )
    Consultation.objects.filter(pk=consultation.pk).update(final_decision=decision)
    part = client.get(ORI + f"informatieobjecten/consultatie-{consultation.pk}").json()
    assert [ref["id"] for ref in part["agendapunten"]] == [str(item.pk)]
    assert "besluit" not in part["x-nhn"] or part["x-nhn"]["besluit"] is None


def test_the_woo_sitemap_lists_the_reactienota_of_a_public_consultation_only(
    client, public, hidden
):
    consultation, row, decision = public
    sitemap = client.get(reverse("publiek_diwoo_sitemap")).content.decode()
    nota = reverse("consultaties:nota_download", kwargs={"pk": consultation.pk})
    assert nota in sitemap
    assert "Reactienota: Regionale woonagenda" in sitemap
    for other, _row in hidden:
        assert reverse("consultaties:nota_download", kwargs={"pk": other.pk}) not in sitemap
        assert other.title not in sitemap


def test_the_feeds_carry_no_hidden_consultation(client, public, hidden, region):
    texel = region["Texel"].slug
    feed = client.get(reverse("publiek:council_feed", kwargs={"slug": texel})).content.decode()
    ics = client.get(reverse("publiek:council_calendar", kwargs={"slug": texel})).content.decode()
    for other, _row in hidden:
        assert f"consultatie:{other.pk}" not in feed and other.title not in feed
        assert f"consultatie-{other.pk}@" not in ics and other.title not in ics


def test_the_consultation_parts_keep_to_the_ori_standard(client, public, settings):
    import jsonschema

    from publiek.api import spec

    settings.SITE_URL = "https://portaal.example.nl"
    document = {
        "components": spec._components(),
        "$ref": "#/components/schemas/InformatieObject",
    }
    listed = client.get(ORI + "informatieobjecten?pageSize=100").json()["results"]
    assert len(listed) == 3
    for row in listed:
        jsonschema.validate(row, document, cls=jsonschema.Draft7Validator)
        assert len(row["id"]) <= 40


# --- OParl 1.1 ---------------------------------------------------------------------------


def oparl_schemas():
    import json
    import pathlib

    folder = pathlib.Path(__file__).resolve().parents[2] / "publiek" / "oparl" / "schema"
    return {path.stem: json.loads(path.read_text()) for path in folder.glob("*.json")}


def test_oparl_has_the_consultation_and_its_parts_as_files_of_the_items(client, public, settings):
    from tests.publiek.test_oparl import validate

    settings.SITE_URL = "https://portaal.example.nl"
    schemas = oparl_schemas()
    consultation, row, decision = public
    item = client.get(f"/api/oparl/agenda-item/{consultation.agenda_item_id}/").json()
    validate(schemas, "AgendaItem", item)
    assert item["consultation"].endswith(f"/api/oparl/consultation/{consultation.pk}/")
    files = {f["id"].rsplit("/file/", 1)[1]: f for f in item["auxiliaryFile"]}
    assert set(files) == {"consultatie/", f"reactie-{row.pk}/", "reactienota/"}
    assert files["reactienota/"]["mimeType"] == "application/pdf"
    assert files["reactienota/"]["downloadUrl"].endswith(
        f"/consultaties/{consultation.pk}/reactienota.pdf"
    )
    final = client.get(f"/api/oparl/agenda-item/{decision.item_id}/").json()
    assert "consultation" not in final and len(final["auxiliaryFile"]) == 3
    found = client.get(item["consultation"].removeprefix(settings.SITE_URL))
    assert found.status_code == 200
    validate(schemas, "Consultation", found.json())
    assert found.json()["agendaItem"] == item["id"]
    nota = client.get(files["reactienota/"]["id"].removeprefix(settings.SITE_URL)).json()
    validate(schemas, "File", nota)
    meeting = client.get(item["meeting"].removeprefix(settings.SITE_URL)).json()
    embedded = next(i for i in meeting["agendaItem"] if i["id"] == item["id"])
    assert len(embedded["auxiliaryFile"]) == 3


def test_oparl_shows_nothing_of_a_consultation_whose_draft_is_not_public(client, public, hidden):
    for consultation, row in hidden:
        base = f"/api/oparl/consultation/{consultation.pk}/"
        assert client.get(base).status_code == 404
        for part in ("consultatie", f"reactie-{row.pk}", "reactienota"):
            assert client.get(f"{base}file/{part}/").status_code == 404
    listed = client.get("/api/oparl/body/nhn/agenda-items/?limit=100").content.decode()
    for consultation, _row in hidden:
        assert consultation.title not in listed
        assert f"/consultation/{consultation.pk}/" not in listed
