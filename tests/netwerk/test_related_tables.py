"""The related tables register: reference data for the tables the report
names, alignments need a person or a role, the page is for every signed-in user and its forms
for the secretariat."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse

from netwerk.models.tables import Alignment, RelatedTable
from netwerk.reference import RELATED_TABLES, load_related_tables
from netwerk.services.tables import alignment_add, related_table_create
from nhn_portal.core.models import AuditRecord
from nhn_portal.core.seeding import LoadReport
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

NAMED_IN_THE_REPORT = [
    "Energieregio NHN (RES NHN)",
    "RPAnhn (Regionaal Platform Arbeidsmarktbeleid)",
    "NHN Gezond",
    "Ontwikkelbedrijf NHN",
    "Stichting Regio Deal Noord-Holland Noord",
]


def test_reference_data_is_loaded_by_load_nhn_and_idempotent():
    call_command("load_nhn", stdout=io.StringIO())
    assert sorted(RelatedTable.objects.values_list("name", flat=True)) == sorted(
        NAMED_IN_THE_REPORT
    )
    assert Alignment.objects.count() == len(RELATED_TABLES)
    assert RelatedTable.objects.get(name="Energieregio NHN (RES NHN)").body.slug == (
        "publieke-stuurgroep-nhn"
    )
    report = LoadReport()
    assert load_related_tables(report=report) == 0
    assert report.present["verbonden tafels"] == 5


def test_alignment_needs_a_person_or_a_role(secretary):
    table = related_table_create(actor=secretary, name="Testtafel", purpose="Doel")
    with pytest.raises(ValidationError) as caught:
        alignment_add(actor=secretary, table=table, attends="Stuurgroep", attendee_role=" ")
    assert "attendee_role" in caught.value.error_dict
    assert not Alignment.objects.exists()
    alignment_add(
        actor=secretary, table=table, attends="Stuurgroep", attendee_role="Regiosecretaris"
    )
    assert AuditRecord.objects.filter(verb="alignment_add").count() == 1


def test_page_for_everyone_signed_in_and_forms_for_the_secretariat(client, secretary):
    load_related_tables()
    url = reverse("netwerk:related_tables")
    assert client.get(url).status_code == 302  # login first
    client.force_login(UserFactory())
    page = client.get(url)
    assert page.status_code == 200
    assert "NHN Gezond" in page.text
    assert reverse("netwerk:alignment_add") not in page.text
    response = client.post(reverse("netwerk:related_table_create"), {"name": "X", "purpose": "Y"})
    assert response.status_code == 404
    client.force_login(secretary)
    response = client.post(reverse("netwerk:related_table_create"), {"name": "", "purpose": ""})
    assert response.status_code == 400
    assert "Dit veld is verplicht" in response.text
    response = client.post(
        reverse("netwerk:related_table_create"),
        {"name": "Kustpact (test)", "purpose": "Afstemming over de kust"},
    )
    assert response.status_code == 302
    assert RelatedTable.objects.filter(name="Kustpact (test)").exists()
