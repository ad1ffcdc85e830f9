"""Cached HTML is keyed on the release (nhn_portal.core.release): a deployment that changes a
template, a translation or an address never serves a fragment the old code rendered."""

import pytest

from nhn_portal.core.release import fragment_key, release


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
