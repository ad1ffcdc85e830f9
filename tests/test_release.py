"""Cached HTML is keyed on the release (nhn_portal.core.release): a deployment that changes a
template, a translation or an address never serves a fragment the old code rendered."""

import pytest
from django.core.cache import cache

from nhn_portal.core import release as release_module
from nhn_portal.core.release import cached_fragment, fragment_key, release
from tests.builders import clock_moved_on


@pytest.fixture
def fresh_release():
    release.cache_clear()
    yield release
    release.cache_clear()


@pytest.fixture
def checkout(tmp_path, settings):
    settings.RELEASE = ""
    settings.BASE_DIR = tmp_path
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "page.html").write_text("<p>Omhoog</p>")
    (tmp_path / "locale").mkdir()
    (tmp_path / "locale" / "django.po").write_text('msgid "Up"\nmsgstr "Omhoog"\n')
    (tmp_path / "node_modules").mkdir()
    (tmp_path / "node_modules" / "package.py").write_text("VERSION = 1\n")
    return tmp_path


def test_a_changed_template_or_translation_is_a_new_release(checkout, fresh_release):
    first = fresh_release()
    fresh_release.cache_clear()
    assert fresh_release() == first  # the same sources, the same release (every node agrees)
    (checkout / "templates" / "page.html").write_text("<p>Naar boven</p>")
    fresh_release.cache_clear()
    second = fresh_release()
    assert second != first
    (checkout / "locale" / "django.po").write_text('msgid "Up"\nmsgstr "Hoger"\n')
    fresh_release.cache_clear()
    assert fresh_release() not in {first, second}


def test_what_does_not_render_is_not_counted(checkout, fresh_release):
    first = fresh_release()
    (checkout / "node_modules" / "package.py").write_text("VERSION = 2\n")
    (checkout / "templates" / "notes.txt").write_text("not a source")
    fresh_release.cache_clear()
    assert fresh_release() == first


def test_a_deployment_names_its_release(settings, fresh_release):
    settings.RELEASE = "2026.12.1"
    assert fragment_key("editor:1:nl:0:5") == "editor:1:nl:0:5:2026.12.1"


def test_a_fragment_is_kept_in_the_process_for_a_short_while(monkeypatch):
    """cached_fragment keeps what it fetched or rendered in the process for KEPT_SECONDS at
    most (issue 26), and never longer than the fragment's own lifetime."""
    rendered = []

    def render():
        rendered.append(1)
        return f"<p>{len(rendered)}</p>"

    assert cached_fragment("fragment-test", render, 3600) == "<p>1</p>"
    cache.clear()  # the shared cache forgets; the process still has it
    assert cached_fragment("fragment-test", render, 3600) == "<p>1</p>"
    assert len(rendered) == 1
    clock_moved_on(monkeypatch, release_module.KEPT_SECONDS + 1)
    assert cached_fragment("fragment-test", render, 3600) == "<p>2</p>"

    cached_fragment("short-lived", render, 5)
    cache.clear()
    clock_moved_on(monkeypatch, 6)
    assert cached_fragment("short-lived", render, 5) == "<p>4</p>"


def test_the_processs_copies_are_bounded(monkeypatch):
    monkeypatch.setattr(release_module, "_KEPT_BYTES", 10)
    cached_fragment("first", lambda: "123456", 60)
    cached_fragment("second", lambda: "123456", 60)  # 12 bytes: the first copy is let go
    assert list(release_module._kept) == [fragment_key("second")]
