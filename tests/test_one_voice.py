"""One voice: the portal addresses its users with "u" (never "je", "jij" or "jouw"), its own
texts and the account and MFA pages of django-allauth alike; and it writes one time format,
"14.00 uur", and one date format, "4 december 2026"."""

import ast
import datetime
import re
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.utils import translation

from nhn_portal.core.templatetags.nhn_dates import (
    format_clock,
    format_date,
    format_time,
    format_when,
)

INFORMAL = re.compile(r"\b(je|jij|jou|jouw|jezelf)\b", re.IGNORECASE)
BASE = Path(settings.BASE_DIR)


def po_entries(path: Path) -> list[dict]:
    """(msgctxt, msgid, msgstr…) of a .po file, continuation lines joined."""
    entries, current, field = [], {}, None
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if line.startswith("#"):
            continue
        match = re.match(r'^(msgctxt|msgid|msgid_plural|msgstr(?:\[\d\])?) (".*")$', line)
        if match:
            field = match.group(1)
            current[field] = ast.literal_eval(match.group(2))
        elif line.startswith('"') and field:
            current[field] += ast.literal_eval(line)
        elif not line.strip():
            if "msgid" in current:
                entries.append(current)
            current, field = {}, None
    return entries


def translations(entry: dict) -> list[str]:
    return [value for key, value in entry.items() if key.startswith("msgstr")]


def test_the_portals_dutch_says_u():
    informal = [
        text
        for entry in po_entries(BASE / "locale" / "nl" / "LC_MESSAGES" / "django.po")
        for text in translations(entry)
        if INFORMAL.search(text)
    ]
    assert informal == []


def test_no_template_says_je():
    found = [
        f"{path.relative_to(BASE)}: {match.group(0)}"
        for path in (BASE / "templates").rglob("*")
        if path.suffix in {".html", ".txt"}
        for match in INFORMAL.finditer(path.read_text(encoding="utf-8"))
    ]
    assert found == []


def test_allauth_and_mfa_pages_say_u_too():
    """Every text of django-allauth that its Dutch translation gives with "je" is given with
    "u" by the portal's own translation (which comes first)."""
    import allauth

    path = Path(allauth.__file__).parent / "locale" / "nl" / "LC_MESSAGES" / "django.po"
    informal = []
    with translation.override("nl"):
        for entry in po_entries(path):
            if not any(INFORMAL.search(text) for text in translations(entry)):
                continue
            msgid, context = entry["msgid"], entry.get("msgctxt")
            if "msgid_plural" in entry:
                texts = [
                    translation.npgettext(context, msgid, entry["msgid_plural"], n)
                    if context
                    else translation.ngettext(msgid, entry["msgid_plural"], n)
                    for n in (1, 2)
                ]
            else:
                texts = [
                    translation.pgettext(context, msgid) if context else translation.gettext(msgid)
                ]
            informal += [text for text in texts if INFORMAL.search(text)]
    assert informal == []


@pytest.mark.django_db
def test_the_logout_page_says_u(client):
    from tests.factories import UserFactory

    client.force_login(UserFactory())
    html = client.get("/account/logout/").text
    assert "Wilt u uitloggen" in html
    assert not INFORMAL.search(re.sub(r"<[^>]+>", " ", html))


# ---- One time format, one date format --------------------------------------------------------

# Hours and minutes in a template only through the nl_time / nl_when / nl_long_datetime
# filters ("14.00 uur"); the audit trail keeps its technical stamp with seconds.
CLOCK = re.compile(r"""\|(date|time):["'][^"']*[HG][:.]i""")


def test_templates_write_times_one_way():
    found = [
        str(path.relative_to(BASE))
        for path in (BASE / "templates").rglob("*")
        if path.suffix in {".html", ".txt"}
        and path.name != "audit_log.html"
        and CLOCK.search(path.read_text(encoding="utf-8"))
    ]
    assert found == []


def test_the_time_and_date_formats():
    moment = datetime.datetime(2026, 12, 4, 14, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))
    assert format_time(moment) == "14.00 uur"
    assert format_time(datetime.time(9, 5)) == "9.05 uur"
    assert format_clock(datetime.time(9, 5)) == "9.05"  # a range says "uur" once
    assert format_date(datetime.date(2026, 12, 4)) == "4 december 2026"
    assert format_when(moment) == "4 december 2026, 14.00 uur"
    assert format_when(datetime.date(2026, 12, 4)) == "4 december 2026"


@pytest.mark.django_db
def test_a_meeting_page_shows_the_dutch_time(client, secretary, body):
    from tests.builders import make_meeting

    meeting = make_meeting(secretary=secretary, body=body)
    client.force_login(secretary)
    html = client.get(meeting.get_absolute_url()).text
    assert f"{format_time(meeting.starts_at)}" in html
    assert re.search(r">\w+dag \d{1,2} \w+ \d{4}, \d{1,2}\.\d{2} uur<", html)
    assert not re.search(r"\b\d{1,2}:\d{2}\b(?! ?[ap]m)", re.sub(r"<[^>]+>", " ", html))


@pytest.mark.django_db
def test_an_audit_action_is_not_called_an_action_item(client):
    """The audit trail's filter says "Handeling"; "Actiepunt" is a meeting's action item."""
    from nhn_portal.core.constants import Role
    from tests.factories import UserFactory

    client.force_login(UserFactory(roles=[Role.MANAGER]))
    html = client.get("/audit/").text
    assert 'for="id_action">Handeling ' in html
    assert "Actiepunt" not in html
