"""Every template obeys the strict Content-Security-Policy (settings.CONTENT_SECURITY_POLICY):
no inline script, no style attribute or <style> block, no hx-on (htmx evaluates it as code)."""

import re
from pathlib import Path

import pytest

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"

RULES = {
    "inline <script> (give it a src= and put the code in static/js)": re.compile(
        r"<script\b(?![^>]*\bsrc\s*=)[^>]*>", re.IGNORECASE
    ),
    "style= attribute (use a class in static/css)": re.compile(r"<[^>]*\sstyle\s*=", re.IGNORECASE),
    "<style> block (use static/css)": re.compile(r"<style\b", re.IGNORECASE),
    "hx-on (inline event handler code; listen in static/js)": re.compile(
        r"\b(?:data-)?hx-on", re.IGNORECASE
    ),
    "on…= event handler attribute": re.compile(r"<[^>]*\son[a-z]+\s*=", re.IGNORECASE),
}


def template_files():
    return sorted(p for p in TEMPLATES.rglob("*") if p.is_file() and p.suffix in {".html", ".txt"})


def strip_comments(text: str) -> str:
    text = re.sub(r"\{%\s*comment\s*%\}.*?\{%\s*endcomment\s*%\}", "", text, flags=re.DOTALL)
    return re.sub(r"\{#.*?#\}", "", text, flags=re.DOTALL)


def test_there_are_templates_to_check():
    assert any(p.name == "base.html" for p in template_files())


@pytest.mark.parametrize("path", template_files(), ids=lambda p: str(p.relative_to(TEMPLATES)))
def test_template_has_no_inline_script_or_style(path):
    text = strip_comments(path.read_text(encoding="utf-8"))
    problems = [
        f"{rule}: line {text.count(chr(10), 0, match.start()) + 1}: {match.group(0)[:80]}"
        for rule, pattern in RULES.items()
        for match in pattern.finditer(text)
    ]
    assert not problems, f"{path.relative_to(TEMPLATES)} breaks the CSP:\n" + "\n".join(problems)


@pytest.mark.parametrize(
    ("snippet", "bad"),
    [
        ("<script>alert(1)</script>", True),
        ('<script src="/static/x.js" defer></script>', False),
        ('<p style="color:red">', True),
        ("<style>p{}</style>", True),
        ('<button hx-on:click="x()">', True),
        ('<button onclick="x()">', True),
        ('<p class="nhn-style">', False),
    ],
)
def test_the_rules_catch_what_they_should(snippet, bad):
    assert any(p.search(snippet) for p in RULES.values()) is bad
