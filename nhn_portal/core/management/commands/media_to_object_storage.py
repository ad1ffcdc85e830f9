"""`manage.py media_to_object_storage [--source DIR] [--dry-run]`: move the stored files of a
deployment that kept them on disk into the object store configured by `S3_BUCKET`.

Every file a row refers to (each FileField of each model: uploaded stukken, generated PDFs) is
copied under the same name, read back and compared by SHA-256 with the file on disk and, where
the row records one (`sha256`), with that too. Idempotent: an object that is already there
with the same content is counted and left alone; one with other content is reported and not
overwritten. The files on disk are never changed or deleted. Exits with an error when any file
could not be copied or verified. Output is Dutch for the operator, like `load_nhn`.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.files import File
from django.core.files.storage import FileSystemStorage, default_storage
from django.core.management.base import BaseCommand, CommandError
from django.db import models

from nhn_portal.core.http import is_object_storage

CHUNK = 1024 * 1024


def sha256_of_stream(handle) -> str:
    digest = hashlib.sha256()
    for chunk in iter(lambda: handle.read(CHUNK), b""):
        digest.update(chunk)
    return digest.hexdigest()


def stored_files() -> list[tuple[str, str]]:
    """(storage name, recorded SHA-256 or "") of every file a row refers to, each name once."""
    seen: dict[str, str] = {}
    for model in apps.get_models():
        file_fields = [f for f in model._meta.get_fields() if isinstance(f, models.FileField)]
        # A model's `sha256` field records the hash of its main file, the one called `file`
        # (a stuk's archival copy beside it has none recorded).
        records_hash = any(f.attname == "sha256" for f in model._meta.fields)
        for field in file_fields:
            has_hash = records_hash and (len(file_fields) == 1 or field.name == "file")
            columns = [field.attname, "sha256"] if has_hash else [field.attname]
            rows = model._default_manager.exclude(**{field.attname: ""}).values_list(*columns)
            for row in rows.order_by(field.attname).iterator():
                name = row[0]
                recorded = row[1] if has_hash else ""
                if name and name not in seen:
                    seen[name] = recorded
    return sorted(seen.items())


class Command(BaseCommand):
    help = (
        "Kopieert de bestanden (stukken, pdf's) van schijf naar de objectopslag (S3_BUCKET) "
        "en controleert elk bestand met SHA-256."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--source",
            default=str(settings.MEDIA_ROOT),
            help="Map met de bestanden op schijf (standaard MEDIA_ROOT).",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Alleen tellen wat er gekopieerd zou worden.",
        )

    def handle(self, *args, source: str, dry_run: bool = False, **options):
        target = default_storage
        if not is_object_storage(target):
            raise CommandError(
                "De standaardopslag is geen objectopslag: zet S3_BUCKET (en S3_ENDPOINT_URL, "
                "S3_REGION, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY) en probeer opnieuw."
            )
        if not Path(source).is_dir():
            raise CommandError(f"De bronmap {source} bestaat niet.")
        disk = FileSystemStorage(location=source)
        counts: Counter[str] = Counter()
        for name, recorded in stored_files():
            outcome = self._move(disk, target, name, recorded, dry_run=dry_run)
            counts[outcome] += 1
        summary = (
            f"Gekopieerd: {counts['copied']}, al aanwezig: {counts['present']}, "
            f"ontbreekt op schijf: {counts['missing']}, afwijkend: {counts['mismatch']}"
        )
        if dry_run:
            summary += f", zou kopiëren: {counts['would_copy']}"
        self.stdout.write(summary)
        failed = counts["mismatch"] + counts["missing"]
        if failed:
            raise CommandError(f"{failed} bestand(en) niet gekopieerd of niet te controleren.")

    def _move(self, disk, target, name: str, recorded: str, *, dry_run: bool) -> str:
        if not disk.exists(name):
            self.stderr.write(f"Ontbreekt op schijf: {name}")
            return "missing"
        with disk.open(name, "rb") as handle:
            local = sha256_of_stream(handle)
        if recorded and recorded != local:
            self.stderr.write(f"Het bestand op schijf wijkt af van de database: {name}")
            return "mismatch"
        if target.exists(name):
            if self._remote_hash(target, name) == local:
                return "present"
            self.stderr.write(f"In de objectopslag staat een ander bestand onder {name}")
            return "mismatch"
        if dry_run:
            return "would_copy"
        with disk.open(name, "rb") as handle:
            saved = target.save(name, File(handle, name=name))
        if saved != name or self._remote_hash(target, name) != local:
            self.stderr.write(f"Na het kopiëren klopt de SHA-256 niet: {name}")
            return "mismatch"
        return "copied"

    @staticmethod
    def _remote_hash(target, name: str) -> str:
        with target.open(name, "rb") as handle:
            return sha256_of_stream(handle)
