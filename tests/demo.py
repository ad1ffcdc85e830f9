"""The demo database of `load_nhn --demo`, for the tests that read it (the `nhn_demo` fixture).

Loading the demo takes seconds (it makes 17 council letters and their PDFs), so each test process
loads it once, copies every table's rows into memory and puts the database back as it found it;
a test that asks for the demo gets those rows written back into its own database, where its
transaction rollback (or, for a transactional test, the flush) removes them again. Nothing of
the demo leaks into a test that did not ask for it.

The copy is of the whole database (content types, permissions and role groups included), and
writing it back replaces the whole database: a transactional test before it may have flushed
the data migration's groups and made new content type ids, and the copy stays consistent with
itself whatever state it lands on.
"""

from __future__ import annotations

import fcntl
import hashlib
import io
import pickle
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction
from django.test.utils import override_settings

from nhn_portal.core.constants import Role
from nhn_portal.core.production import services as production_services
from nhn_portal.pdf import RenderedPdf
from regiobureau import bundle
from regiobureau.demo.meetings import demo_pdf


def quick_render(*, html: str) -> RenderedPdf:
    """WeasyPrint's stand-in for demo loads that do not test the PDFs: a small, valid PDF (the
    upload check opens it) that differs per HTML, as a real render would. tests/
    test_embedded_demo.py loads the demo with WeasyPrint itself and checks the letters."""
    digest = hashlib.sha256(html.encode()).hexdigest()
    pdf = demo_pdf("Demodocument zonder opmaak (tests)", digest)
    return RenderedPdf(pdf=pdf, html=html, sha256=hashlib.sha256(pdf).hexdigest(), pages=1)


@contextmanager
def pdfs_rendered_quickly():
    """Inside the block the document pipeline (nhn_portal.core.production) renders with
    `quick_render`; the one name it renders through is replaced, as `fake_render` does (and
    the meeting bundle's compose step, which needs a real render)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(production_services, "render_pdf_from_html", quick_render)
        # The meeting bundle merges its stukken into the real render's placeholders, which a
        # quick stand-in has none of: it stays the stand-in (tests/regiobureau/test_bundle.py
        # checks the real bundle).
        patch.setattr(bundle, "compose_bundle", lambda rendered, **kwargs: rendered)
        yield


@dataclass(frozen=True)
class Table:
    model: type
    insert_sql: str
    rows: list[list[Any]]

    def __reduce__(self):
        # Pickled by the model's label: many-to-many tables have no importable class.
        return (_table, (self.model._meta.label, self.insert_sql, self.rows))


def _table(label: str, insert_sql: str, rows: list[list[Any]]) -> Table:
    return Table(model=apps.get_model(label), insert_sql=insert_sql, rows=rows)


@dataclass(frozen=True)
class Snapshot:
    """Every table's rows as the database's own values, and the media files beside them."""

    tables: list[Table]
    media: Path


def _copied_models() -> list[type]:
    """Every model with a table of its own (many-to-many tables included)."""
    return [
        model
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy
    ]


def database_capture() -> list[Table]:
    """The rows of every table, ready to be inserted again."""
    quote = connection.ops.quote_name
    tables = []
    for model in _copied_models():
        # A child table of multi-table inheritance holds only its own columns; generated
        # columns are the database's to fill.
        fields = [f for f in model._meta.local_concrete_fields if not f.generated]
        columns = ", ".join(quote(f.column) for f in fields)
        marks = ", ".join(["%s"] * len(fields))
        rows = [
            [field.get_db_prep_save(getattr(obj, field.attname), connection) for field in fields]
            for obj in model._base_manager.order_by("pk")
        ]
        sql = f"INSERT INTO {quote(model._meta.db_table)} ({columns}) VALUES ({marks})"  # noqa: S608 -- names from the models
        tables.append(Table(model=model, insert_sql=sql, rows=rows))
    return tables


def database_restore(tables: list[Table]) -> None:
    """Replace the whole database's rows by `tables`, in one transaction (the foreign keys are
    deferred, so the order of the tables does not matter), and set the sequences after them."""
    names = connection.introspection.django_table_names(only_existing=True, include_views=False)
    with transaction.atomic():
        connection.ops.execute_sql_flush(connection.ops.sql_flush(no_style(), names))
        with connection.cursor() as cursor:
            for table in tables:
                if table.rows:
                    cursor.executemany(table.insert_sql, table.rows)
            models = [table.model for table in tables]
            for sql in connection.ops.sequence_reset_sql(no_style(), models):
                cursor.execute(sql)
    # Content type ids may differ from the ones this process cached.
    ContentType.objects.clear_cache()


def demo_snapshot_shared(shared: Path) -> Snapshot:
    """The demo snapshot built once for all test processes of a run (pytest-xdist workers share
    `shared`): the first process to take the lock loads the demo and leaves a pickled copy; the
    others wait for the lock and read that copy instead of loading the demo themselves. Every
    worker's database is migrated alike, and the copy carries its own content types."""
    shared.mkdir(parents=True, exist_ok=True)
    copy = shared / "demo.pickle"
    with open(shared / "demo.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if copy.exists():
            return pickle.loads(copy.read_bytes())  # noqa: S301 -- written by this run
        snapshot = demo_snapshot_load(shared / "media")
        partial = copy.with_suffix(".partial")
        partial.write_bytes(pickle.dumps(snapshot, protocol=pickle.HIGHEST_PROTOCOL))
        partial.rename(copy)
        return snapshot


def demo_snapshot_load(media: Path) -> Snapshot:
    """Run `load_nhn --demo` (committed, as an operator runs it, so its inline tasks run after
    each commit) with quick PDFs and the media in `media`; copy the result; then put back
    the database as it was. Needs database access and no open transaction."""
    before = database_capture()
    try:
        with pdfs_rendered_quickly(), override_settings(DEBUG=True, MEDIA_ROOT=str(media)):
            # A transactional test may have flushed the data migration's role groups.
            for role in Role:
                Group.objects.get_or_create(name=role.value)
            call_command("load_nhn", "--demo", stdout=io.StringIO())
        return Snapshot(tables=database_capture(), media=media)
    finally:
        database_restore(before)
