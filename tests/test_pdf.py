"""The one PDF helper: archival and accessible output, house style, safe fetching."""

import datetime
import logging
import os
import socket
import subprocess
import sys
import xml.etree.ElementTree as ET
from io import BytesIO
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings as django_settings
from django.template import Context, Template
from django.utils import translation
from pypdf import PdfReader
from pypdf.generic import IndirectObject

from nhn_portal import pdf as pdf_helper
from nhn_portal.core.templatetags.nhn_dates import (
    format_long_date,
    format_long_datetime,
    format_time,
)
from nhn_portal.pdf import (
    PdfRenderError,
    UnsafeURLError,
    harfbuzz_subset_available,
    render_pdf,
    safe_url_fetcher,
)
from tests.builders import pdf_agenda_context

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
TITLE = "Geannoteerde agenda Portefeuillehoudersoverleg Wonen 3 maart 2026"
HOSTILE = '<script>alert("x")</script><b>vet</b> & co'
PDFAID_NS = "http://www.aiim.org/pdfa/ns/id/"


def sample_context(*, confidential=False, items=3):
    """The builders' sample agenda, with markup to escape in the second item's title."""
    return pdf_agenda_context(
        confidential=confidential,
        items=items,
        item=lambda number: {"title": HOSTILE} if number == 2 else {},
    )


@pytest.fixture(scope="module")
def rendered():
    return render_pdf(template="pdf/sample.html", context=sample_context(), title=TITLE)


@pytest.fixture(scope="module")
def reader(rendered):
    return PdfReader(BytesIO(rendered.pdf))


def page_texts(reader):
    # The font draws "-" and U+2010 with one glyph, which the PDF maps back to U+2010.
    return [page.extract_text().replace("\u2010", "-") for page in reader.pages]


# ---- Archival and accessible output -------------------------------------------------


def test_result_carries_pdf_html_hash_and_pages(rendered, reader):
    assert rendered.pdf.startswith(b"%PDF-")
    assert '<html lang="nl-NL">' in rendered.html
    assert len(rendered.sha256) == 64
    assert rendered.pages == len(reader.pages) >= 2


def test_xmp_metadata_identifies_pdf_a_3(reader):
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data()
    root = ET.fromstring(xmp)
    parts = {el.get(f"{{{PDFAID_NS}}}part") for el in root.iter()} - {None}
    conformances = {el.get(f"{{{PDFAID_NS}}}conformance") for el in root.iter()} - {None}
    assert parts == {"3"}
    assert conformances <= {"A", "B"} and conformances
    assert TITLE in xmp.decode()


def test_tagged_with_structure_tree_language_and_title(reader):
    catalog = reader.trailer["/Root"]
    assert catalog["/MarkInfo"]["/Marked"].value is True
    assert "/StructTreeRoot" in catalog
    assert catalog["/Lang"] in ("nl-NL", "nl")
    assert reader.metadata.title == TITLE
    assert reader.metadata.author == "Regionale samenwerking Noord-Holland Noord"


def _fonts(reader):
    for page in reader.pages:
        fonts = page["/Resources"].get("/Font", {})
        for font in fonts.values():
            font = font.get_object()
            if font["/Subtype"] == "/Type0":
                for descendant in font["/DescendantFonts"]:
                    yield descendant.get_object()
            else:
                yield font


def test_every_font_is_embedded_and_is_the_shipped_one(reader):
    fonts = list(_fonts(reader))
    assert fonts
    for font in fonts:
        descriptor = font["/FontDescriptor"]
        if isinstance(descriptor, IndirectObject):
            descriptor = descriptor.get_object()
        assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor), font["/BaseFont"]
        # "NHN Sans" is the @font-face family of static/fonts/SourceSans3-*.ttf in pdf.css;
        # a system font here would mean the shipped font failed to load.
        assert "NHN-Sans" in font["/BaseFont"]


def test_text_has_dutch_long_date_and_page_numbers(reader):
    texts = page_texts(reader)
    assert "dinsdag 3 maart 2026, 19.30 uur" in texts[0]
    assert f"pagina 1 van {len(texts)}" in texts[0]
    assert f"pagina {len(texts)} van {len(texts)}" in texts[-1]
    assert "Regionale samenwerking Noord-Holland Noord" in texts[-1]
    # The running header names the body and the date from page 2 on.
    assert "Portefeuillehoudersoverleg Wonen" in texts[1]


def test_pdftotext_reads_the_same(rendered, tmp_path):
    path = tmp_path / "sample.pdf"
    path.write_bytes(rendered.pdf)
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    assert "dinsdag 3 maart 2026, 19.30 uur" in text
    assert "pagina 1 van" in text


def test_user_text_is_escaped_not_markup(rendered, reader):
    assert "<script>" not in rendered.html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;b&gt;vet&lt;/b&gt;" in (
        rendered.html
    )
    text = " ".join(page_texts(reader))
    assert '<script>alert("x")</script><b>vet</b> & co' in text


def test_confidential_mark_on_every_page_only_when_flagged(reader):
    assert all("VERTROUWELIJK" not in text.upper() for text in page_texts(reader))
    confidential = render_pdf(
        template="pdf/sample.html", context=sample_context(confidential=True), title=TITLE
    )
    texts = page_texts(PdfReader(BytesIO(confidential.pdf)))
    assert len(texts) >= 2
    assert all("VERTROUWELIJK" in text for text in texts)


def test_same_content_gives_the_same_bytes(rendered):
    again = render_pdf(template="pdf/sample.html", context=sample_context(), title=TITLE)
    assert again.sha256 == rendered.sha256


def test_renders_in_dutch_whatever_the_active_language():
    with translation.override("en"):
        result = render_pdf(template="pdf/sample.html", context=sample_context(items=1), title="x")
    assert "dinsdag 3 maart 2026" in result.html


# ---- Safety while rendering ---------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "http://example.org/x.png",
        "https://example.org/static/css/pdf.css",
        "file:///etc/passwd",
        "https://pdf.invalid/etc/passwd",
        "https://pdf.invalid/static/../../../etc/passwd",
        "https://pdf.invalid/static/%2e%2e/%2e%2e/etc/passwd",
        "https://pdf.invalid/static/css/does-not-exist.css",
    ],
)
def test_fetcher_refuses_everything_outside_static(url):
    with pytest.raises(UnsafeURLError):
        safe_url_fetcher(url)


def test_fetcher_serves_static_files_and_data_urls():
    css = safe_url_fetcher("https://pdf.invalid/static/css/pdf.css?v=1")
    assert css.mime_type == "text/css"
    assert b"@page" in css.body
    font = safe_url_fetcher("https://pdf.invalid/static/fonts/SourceSans3-Regular.ttf")
    assert len(font.body) > 100_000
    pixel = safe_url_fetcher("data:image/png;base64,iVBORw0KGgo=")
    assert pixel.mime_type == "image/png"
    assert pixel.body.startswith(b"\x89PNG")
    plain = safe_url_fetcher("data:,caf%C3%A9")
    assert plain.body == "café".encode()


@pytest.fixture
def extra_template(settings, tmp_path):
    """A template directory of the test's own, for documents that reference bad URLs."""
    templates = [dict(engine) for engine in django_settings.TEMPLATES]
    templates[0] = {**templates[0], "DIRS": [tmp_path, *templates[0]["DIRS"]]}
    settings.TEMPLATES = templates

    def write(source):
        (tmp_path / "evil.html").write_text(source)
        return "evil.html"

    return write


@pytest.mark.parametrize(
    "reference",
    [
        '<img src="http://example.org/x.png" alt="">',
        '<img src="file:///etc/passwd" alt="">',
        '<link rel="stylesheet" href="https://example.org/evil.css">',
        "<style>@import url(http://example.org/evil.css);</style>",
    ],
)
def test_render_fetches_nothing_from_the_network(extra_template, monkeypatch, reference):
    def no_network(*args, **kwargs):
        raise AssertionError("the renderer tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    name = extra_template(f'<html lang="nl"><body><p>Tekst</p>{reference}</body></html>')
    with pytest.raises(PdfRenderError, match="example.org|/etc/passwd"):
        render_pdf(template=name, context={}, title="x")


# ---- Fast rendering -----------------------------------------------------------------


def test_harfbuzz_subset_is_installed():
    # bin/setup and the Dockerfile install libharfbuzz-subset0; without it fonts render ~4x slower.
    assert harfbuzz_subset_available() is True


def test_check_fast_fonts_warns_when_harfbuzz_subset_is_missing(monkeypatch, caplog):
    monkeypatch.setattr(pdf_helper, "harfbuzz_subset_available", lambda: False)
    with caplog.at_level(logging.WARNING):
        assert pdf_helper.check_fast_fonts(logging.getLogger("test.worker")) is False
    assert "libharfbuzz-subset0" in caplog.text


def test_check_fast_fonts_is_quiet_when_present(caplog):
    with caplog.at_level(logging.WARNING):
        assert pdf_helper.check_fast_fonts() is True
    assert caplog.text == ""


def test_importing_the_helper_does_not_import_weasyprint():
    code = (
        "import sys, django; django.setup(); import nhn_portal.pdf as p; "
        "assert 'weasyprint' not in sys.modules; p.preload(); "
        "assert 'weasyprint' in sys.modules"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.settings"}
    root = Path(__file__).resolve().parent.parent
    subprocess.run([sys.executable, "-c", code], check=True, cwd=root, env=env)


# ---- Dutch long dates ---------------------------------------------------------------


def test_long_date_and_time_in_dutch():
    moment = datetime.datetime(2026, 3, 3, 18, 30, tzinfo=datetime.UTC)  # 19.30 in Amsterdam
    assert format_long_datetime(moment) == "dinsdag 3 maart 2026, 19.30 uur"
    assert format_long_date(moment) == "dinsdag 3 maart 2026"
    assert format_time(moment) == "19.30 uur"
    assert format_long_date(datetime.date(2026, 7, 1)) == "woensdag 1 juli 2026"
    assert format_time(datetime.time(9, 0)) == "9.00 uur"


def test_long_datetime_follows_summer_time_and_midnight():
    summer = datetime.datetime(2026, 6, 30, 22, 15, tzinfo=datetime.UTC)
    assert format_long_datetime(summer) == "woensdag 1 juli 2026, 0.15 uur"


def test_date_filters_in_templates_stay_dutch_and_empty_for_none():
    template = Template(
        "{% load nhn_dates %}{{ when|nl_long_datetime }}|{{ day|nl_long_date }}|"
        "{{ missing|nl_long_datetime }}"
    )
    context = Context(
        {
            "when": datetime.datetime(2026, 3, 3, 19, 30, tzinfo=AMSTERDAM),
            "day": datetime.date(2026, 12, 24),
            "missing": None,
        }
    )
    with translation.override("en"):
        rendered = template.render(context)
    assert rendered == "dinsdag 3 maart 2026, 19.30 uur|donderdag 24 december 2026|"


def test_naive_datetime_is_refused():
    with pytest.raises(ValueError):
        format_long_datetime(datetime.datetime(2026, 3, 3, 19, 30))  # noqa: DTZ001
