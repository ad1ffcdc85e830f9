"""The DiWoo sitemap validates against the DiWoo 0.9.8 XSD and lists only
public documents; robots.txt points to the sitemap."""

import pathlib

import pytest
from django.conf import settings
from lxml import etree

from regiobureau.models.documents import Document
from tests.builders import CONFIDENTIAL_DOC, issue, letter_for

pytestmark = pytest.mark.django_db

XSD_DIR = pathlib.Path(__file__).parent / "standards" / "diwoo-0.9.8"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
DIWOO = "{https://standaarden.overheid.nl/diwoo/metadata/}"


@pytest.fixture(scope="module")
def diwoo_schema():
    tree = etree.parse(str(XSD_DIR / "diwoo-metadata.xsd"))
    root = tree.getroot()
    xs = "{http://www.w3.org/2001/XMLSchema}"
    for node in root.findall(f"{xs}import"):  # MDTO by URL: not used by the DiWoo branch
        root.remove(node)
    for node in root.iter(f"{xs}element"):
        if node.get("ref") == "mdto:MDTO":
            node.getparent().remove(node)
    # Resolve the include next to the copied file.
    parser = etree.XMLParser(no_network=True)
    document = etree.fromstring(etree.tostring(tree), parser, base_url=str(XSD_DIR) + "/")
    return etree.XMLSchema(document)


def test_sitemap_index_points_to_the_diwoo_sitemap_and_robots_to_the_index(client):
    index = etree.fromstring(client.get("/sitemap.xml").content)
    locations = [loc.text for loc in index.iter(f"{SITEMAP}loc")]
    # Addresses from SITE_URL, never from the request's Host header.
    assert locations == [f"{settings.SITE_URL}/sitemaps/diwoo.xml"]
    robots = client.get("/robots.txt")
    assert robots["Content-Type"].startswith("text/plain")
    assert f"Sitemap: {settings.SITE_URL}/sitemap.xml" in robots.text


def test_diwoo_sitemap_validates_and_lists_public_documents_only(
    client, diwoo_schema, published_meeting, secretary, region, meeting_with_decision,
    django_capture_on_commit_callbacks, fake_render, celery_eager,
):  # fmt: skip
    letter = letter_for(meeting_with_decision, secretary, region)
    issue(letter, secretary, django_capture_on_commit_callbacks)

    response = client.get("/sitemaps/diwoo.xml")
    assert response.status_code == 200
    root = etree.fromstring(response.content)
    documents = list(root.iter(f"{DIWOO}Document"))
    assert documents
    for element in documents:
        diwoo_schema.assertValid(etree.ElementTree(element))
    titles = [el.text for el in root.iter(f"{DIWOO}officieleTitel")]
    assert "Voortgangsrapportage" in titles and "Versnelling woningbouw" in titles
    assert CONFIDENTIAL_DOC not in titles
    assert "Koopovereenkomst concept" not in titles  # a public stuk of a closed item
    public = Document.objects.get(title="Voortgangsrapportage")
    locations = [loc.text for loc in root.iter(f"{SITEMAP}loc")]
    assert f"{settings.SITE_URL}/vergaderingen/stukken/{public.pk}/download/" in locations
    publisher = root.find(f".//{DIWOO}publisher")
    assert publisher.get("resource").startswith("https://identifier.overheid.nl/tooi/id/")


def test_an_invalid_document_is_refused_by_the_schema(diwoo_schema):
    bad = etree.fromstring(
        b'<diwoo:Document xmlns:diwoo="https://standaarden.overheid.nl/diwoo/metadata/">'
        b"<diwoo:DiWoo><diwoo:titelcollectie><diwoo:officieleTitel>x</diwoo:officieleTitel>"
        b"</diwoo:titelcollectie></diwoo:DiWoo></diwoo:Document>"
    )
    assert not diwoo_schema.validate(etree.ElementTree(bad))  # no publisher, no category
