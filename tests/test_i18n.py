"""The Dutch catalogue is complete: no untranslated and no fuzzy entries, and no .mo committed.

The .po file is parsed by hand (no polib dependency): entries are separated by blank lines,
a fuzzy entry carries `#, fuzzy`, an untranslated one has an empty msgstr (for plurals: any
empty msgstr[n]). The header entry (empty msgid) is skipped.
"""

import re
import subprocess
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parent.parent
CATALOGUE = BASE_DIR / "locale" / "nl" / "LC_MESSAGES" / "django.po"
MAKEMESSAGES = (
    "DEBUG=true uv run python manage.py makemessages -l nl --ignore=.venv --ignore=node_modules"
)

STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')


def parse_po(text: str) -> list[dict]:
    """Return the entries as dicts: msgid, msgstrs (list), fuzzy, obsolete, line."""
    entries = []
    for block, line in _blocks(text):
        entry = {"msgid": None, "msgstrs": [], "fuzzy": False, "obsolete": False, "line": line}
        current = None
        for raw in block:
            if raw.startswith("#~"):
                entry["obsolete"] = True
                continue
            if raw.startswith("#,") and "fuzzy" in raw[2:].replace(",", " ").split():
                entry["fuzzy"] = True
                continue
            if raw.startswith("#"):
                continue
            keyword = raw.split(" ", 1)[0]
            if keyword in {"msgid", "msgid_plural", "msgctxt"} or keyword.startswith("msgstr"):
                current = keyword
                value = "".join(STRING.findall(raw))
                if keyword == "msgid":
                    entry["msgid"] = value
                elif keyword.startswith("msgstr"):
                    entry["msgstrs"].append(value)
            elif raw.startswith('"') and current:
                value = "".join(STRING.findall(raw))
                if current == "msgid":
                    entry["msgid"] += value
                elif current.startswith("msgstr"):
                    entry["msgstrs"][-1] += value
        if entry["msgid"] is not None or entry["obsolete"]:
            entries.append(entry)
    return entries


def _blocks(text: str):
    block, start = [], 1
    for number, raw in enumerate(text.splitlines(), start=1):
        raw = raw.strip()
        if not raw:
            if block:
                yield block, start
            block = []
            continue
        if not block:
            start = number
        block.append(raw)
    if block:
        yield block, start


@pytest.fixture(scope="module")
def catalogue() -> list[dict]:
    if not CATALOGUE.exists():
        pytest.fail(
            f"{CATALOGUE.relative_to(BASE_DIR)} is missing. Create it with "
            f"`{MAKEMESSAGES}` and translate every entry."
        )
    return [e for e in parse_po(CATALOGUE.read_text(encoding="utf-8")) if not e["obsolete"]]


def test_the_dutch_catalogue_exists():
    assert CATALOGUE.exists(), f"locale/nl/LC_MESSAGES/django.po is missing: run `{MAKEMESSAGES}`."


def test_the_parser_reads_fuzzy_plural_and_multiline_entries():
    sample = """msgid ""
msgstr ""
"Language: nl\\n"

#: a.py:1
msgid "Meeting"
msgstr "Vergadering"

#, fuzzy, python-format
msgid "Body %(name)s"
msgstr "Gremium %(name)s"

msgid "One item"
msgid_plural "%(n)s items"
msgstr[0] "Eén punt"
msgstr[1] ""

msgid ""
"A long "
"sentence"
msgstr ""

#~ msgid "Old"
#~ msgstr "Oud"
"""
    entries = {e["msgid"]: e for e in parse_po(sample) if not e["obsolete"]}
    assert entries["Meeting"]["msgstrs"] == ["Vergadering"]
    assert entries["Body %(name)s"]["fuzzy"]
    assert entries["One item"]["msgstrs"] == ["Eén punt", ""]
    assert entries["A long sentence"]["msgstrs"] == [""]
    assert "Old" not in entries


def test_the_dutch_catalogue_has_no_untranslated_entries(catalogue):
    untranslated = [
        f"line {e['line']}: {e['msgid']!r}"
        for e in catalogue
        if e["msgid"] and any(msgstr == "" for msgstr in e["msgstrs"])
    ]
    assert not untranslated, "Untranslated in django.po:\n" + "\n".join(untranslated)


def test_the_dutch_catalogue_has_no_fuzzy_entries(catalogue):
    fuzzy = [f"line {e['line']}: {e['msgid']!r}" for e in catalogue if e["fuzzy"] and e["msgid"]]
    assert not fuzzy, "Fuzzy (unchecked) entries in django.po:\n" + "\n".join(fuzzy)


def test_the_dutch_catalogue_compiles_cleanly(catalogue):
    """msgfmt --check also catches a broken python-format placeholder in a translation."""
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(CATALOGUE)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr


def test_no_compiled_catalogue_is_committed():
    """bin/setup and the Dockerfile compile the .mo; a committed one would go stale."""
    tracked = subprocess.run(
        ["git", "ls-files", "*.mo"], cwd=BASE_DIR, capture_output=True, text=True
    )
    if tracked.returncode != 0:
        pytest.skip("not a git checkout")
    assert tracked.stdout.split() == []
    ignored = subprocess.run(
        ["git", "check-ignore", "-q", "locale/nl/LC_MESSAGES/django.mo"], cwd=BASE_DIR
    )
    assert ignored.returncode == 0, "add *.mo to .gitignore"
